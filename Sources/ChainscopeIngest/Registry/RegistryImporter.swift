public import ChainscopeCore
public import Foundation

/// How to read an export: its encoding (nil to detect), a user mapping of headers to fields, and the
/// day the export was taken (nil for the file's modification day).
public struct RegistryImportOptions: Sendable {
    public var encoding: TextEncoding?
    public var mapping: [String: RegistryField]
    public var snapshotDate: CalendarDate?
    /// Called from the reading thread as the file is read.
    public var progress: (@Sendable (ImportProgress) -> Void)?
    /// Classifies every stored company as it is read; nil to store companies unclassified.
    public var classifier: Classifier?
    /// The time of the import: a file dated later (a wrong clock where it was saved) is taken as exported today.
    public var now = Date()

    public init(
        encoding: TextEncoding? = nil, mapping: [String: RegistryField] = [:], snapshotDate: CalendarDate? = nil
    ) {
        self.encoding = encoding
        self.mapping = mapping
        self.snapshotDate = snapshotDate
    }

    /// The latest day an export can have been taken on at `now`: tomorrow in UTC, as it is already tomorrow
    /// somewhere east of Greenwich (Beijing is eight hours ahead).
    public static func latestSnapshotDate(at now: Date = Date()) -> CalendarDate {
        RegistryImporter.modificationDay(now.addingTimeInterval(86_400))
    }

    /// The choices that change what is read from a file, as `ImportRequest.reading` records them: an encoding
    /// forced, a mapping (by the digest of its pairs, so that the same mapping in another file or order reads
    /// the same).
    public var reading: String {
        var parts: [String] = []
        if let encoding { parts.append("encoding \(encoding)") }
        if !mapping.isEmpty {
            var digest = SHA256()
            for (header, field) in mapping.sorted(by: { $0.key.utf8.lexicographicallyPrecedes($1.key.utf8) }) {
                digest.update(Data("\(header)\u{0}\(field.rawValue)\u{0}".utf8))
            }
            parts.append("mapping \(digest.finish().prefix(16))")
        }
        return parts.joined(separator: "; ")
    }
}

/// How far an import has read its file: the bytes (of an XLSX, its share of the file's size) and the rows.
public struct ImportProgress: Sendable {
    public var bytesRead: Int
    public var totalBytes: Int
    public var rowsRead: Int
}

/// The data rows the reading thread has made ready, counted where the progress callback reads them (the same
/// thread): title and header rows are not counted, as the summary's rows read does not count them.
private final class RowCount {
    var value = 0
}

/// The export formats Chainscope reads.
public enum RegistryFormat: String, Sendable, CaseIterable {
    case csv
    case xlsx
    /// JSON lines, one object per line.
    case jsonl
    /// JSON objects in any layout: an array, pretty-printed, a data service's response.
    case json

    /// The format of the file at `url`: what its first bytes show, when they show one (a workbook saved under
    /// `.csv` is read as a workbook; an old binary `.xls` is refused saying how to save it), else its extension.
    /// Errors name the file `displayName` (by default its name).
    public init(url: URL, displayName: String? = nil) throws(IngestError) {
        let name = displayName ?? url.lastPathComponent
        let head = Self.head(of: url)
        let fileExtension = url.pathExtension.lowercased()
        if head.starts(with: [0x50, 0x4B, 0x03, 0x04]) {
            self = .xlsx
        } else if let kind = Self.unreadableKind(head) {
            throw IngestError(.notAnExport(kind), at: .init(file: name))
        } else if let format = Self.byExtension[fileExtension] {
            self = format
        } else if let first = head.first(where: { ![0x20, 0x09, 0x0A, 0x0D].contains($0) }),
            first == UInt8(ascii: "{") || first == UInt8(ascii: "[")
        {
            self = .json
        } else {
            throw IngestError(.unknownExtension(url.pathExtension), at: .init(file: name))
        }
    }

    /// `.xls` and `.et` files that are text are tab- or comma-separated tables some systems save under those
    /// names; binary and HTML ones are refused by their content.
    private static let byExtension: [String: RegistryFormat] = [
        "csv": .csv, "tsv": .csv, "txt": .csv, "xls": .csv, "et": .csv, "xlsx": .xlsx, "jsonl": .jsonl,
        "ndjson": .jsonl, "json": .json,
    ]

    private static func head(of url: URL) -> [UInt8] {
        guard let handle = try? FileHandle(forReadingFrom: url) else { return [] }
        defer { try? handle.close() }
        return (try? handle.read(upToCount: 512)).map { [UInt8]($0) } ?? []
    }

    /// What a file that Chainscope cannot read is; nil for any other file.
    static func unreadableKind(_ head: [UInt8]) -> FileRefusal.Kind? {
        if head.starts(with: [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]) { return .binaryOffice }
        if head.starts(with: [0x1F, 0x8B]) { return .gzip }
        if head.starts(with: Array("%PDF".utf8)) { return .pdf }
        let text = String(
            decoding: head.drop { [0xEF, 0xBB, 0xBF, 0x20, 0x09, 0x0A, 0x0D].contains($0) }, as: UTF8.self
        )
        .lowercased()
        guard text.hasPrefix("<") else { return nil }
        if text.contains("urn:schemas-microsoft-com:office:spreadsheet") || text.contains("<workbook") {
            return .xmlSpreadsheet
        }
        if text.contains("<html") || text.contains("<table") || text.contains("<!doctype html") {
            return .html
        }
        return nil
    }
}

/// Imports one registry export into a store: every data row is stored or quarantined, in one
/// transaction, so a failed or interrupted import leaves nothing behind and can simply be run again.
public struct RegistryImporter: Sendable {
    public let regions: RegionDirectory

    public init(regions: RegionDirectory) { self.regions = regions }

    public func run(
        _ url: URL, displayName: String? = nil, options: RegistryImportOptions = .init(), into store: any Store
    ) async throws -> (import: RegistryImport, isNew: Bool) {
        let name = displayName ?? url.lastPathComponent
        let attributes = try Self.attributes(of: url, name: name)
        let size = (attributes[.size] as? NSNumber)?.intValue ?? 0
        let format = try RegistryFormat(url: url, displayName: name)
        let modified = Self.modificationDay(attributes[.modificationDate] as? Date)
        let isModifiedInFuture = modified > RegistryImportOptions.latestSnapshotDate(at: options.now)
        let snapshot = options.snapshotDate ?? (isModifiedInFuture ? Self.modificationDay(options.now) : modified)
        let dating =
            options.snapshotDate == nil && isModifiedInFuture
            ? [ImportWarning(.modifiedInFuture(modified: modified, dated: snapshot))] : []
        let request = ImportRequest(
            file: name, sha256: try Self.digest(url, name: name), format: format.rawValue, snapshotDate: snapshot,
            isSnapshotGiven: options.snapshotDate != nil, reading: options.reading)
        let regions = regions
        do {
            return try await store.importRegistry(request) { session in
                var consumer = RowConsumer(
                    regions: regions, importID: session.importID, file: name, snapshotDate: snapshot,
                    mapping: options.mapping, format: format)
                consumer.classifier = options.classifier
                let reading = ReadingThread(
                    consumer: consumer,
                    read: { handle in
                        let rows = RowCount()
                        let counting = { (row: RawRow) throws in rows.value += try handle(row) }
                        return try Self.read(format, url: url, name: name, options: options, counting) { bytes in
                            options.progress?(
                                ImportProgress(bytesRead: bytes, totalBytes: size, rowsRead: rows.value))
                        }
                    })
                var writer = RowWriter(importID: session.importID)
                do {
                    while let batch = try reading.channel.receive() {
                        for prepared in batch { try writer.write(prepared, into: &session) }
                    }
                } catch {
                    reading.channel.cancel()
                    reading.join()
                    throw error
                }
                reading.join()
                return ImportResult(
                    encoding: reading.encoding?.rawValue, counts: writer.counts, warnings: dating + reading.warnings)
            }
        } catch let error as IngestError where format != .xlsx {
            // Read in another encoding than its own, a file's text may be one run of ideographs with no header.
            throw TextExport(url: url, displayName: name, encoding: options.encoding).misread(error) ?? error
        }
    }

    /// The attributes of an export to read: a folder, a missing file and an empty one are refused.
    public static func attributes(of url: URL, name: String) throws(IngestError) -> [FileAttributeKey: Any] {
        guard let attributes = try? FileManager.default.attributesOfItem(atPath: url.path) else {
            throw IngestError(.missing, at: .init(file: name))
        }
        if attributes[.type] as? FileAttributeType == .typeDirectory {
            throw IngestError(.folder, at: .init(file: name))
        }
        guard (attributes[.size] as? NSNumber)?.intValue ?? 0 > 0 else {
            throw IngestError(.empty, at: .init(file: name))
        }
        return attributes
    }

    /// The file's SHA-256, which says whether it was imported before.
    private static func digest(_ url: URL, name: String) throws(IngestError) -> String {
        do {
            return try SHA256.file(url)
        } catch {
            throw IngestError(.unreadable(error), at: .init(file: name), underlying: error)
        }
    }

    /// Reads a file of `format`, handing each raw row to `handle`; returns the encoding used.
    static func read(
        _ format: RegistryFormat, url: URL, name: String, options: RegistryImportOptions,
        _ handle: (RawRow) throws -> Void,
        bytesRead: @escaping (Int) -> Void
    ) throws -> TextEncoding? {
        switch format {
        case .csv:
            return try CSVReader(url: url, displayName: name, encoding: options.encoding).forEachRow(
                handle, bytesRead: bytesRead)
        case .jsonl, .json:
            return try JSONExportReader(
                url: url, displayName: name, encoding: options.encoding, mapping: options.mapping
            )
            .forEachRow(handle, bytesRead: bytesRead)
        case .xlsx:
            try XLSXReader(url: url, displayName: name).forEachRow(handle, bytesRead: bytesRead)
            return nil
        }
    }

    static func modificationDay(_ date: Date?) -> CalendarDate {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let parts = calendar.dateComponents([.year, .month, .day], from: date ?? Date(timeIntervalSince1970: 0))
        return CalendarDate(year: parts.year!, month: parts.month!, day: parts.day!)!
    }
}
