public import ChainscopeCore
public import Foundation

/// How to read an export: its encoding (nil to detect), a user mapping of headers to fields, and the
/// day the export was taken (nil for the file's modification day).
public struct RegistryImportOptions: Sendable {
    public var encoding: TextEncoding?
    public var mapping: [String: RegistryField]
    public var snapshotDate: CalendarDate?
    /// Called from the reading thread as the file is read: bytes read so far, and the file's size.
    public var progress: (@Sendable (_ bytesRead: Int, _ total: Int) -> Void)?
    /// Classifies every stored company as it is read; nil to store companies unclassified.
    public var classifier: Classifier?

    public init(
        encoding: TextEncoding? = nil, mapping: [String: RegistryField] = [:], snapshotDate: CalendarDate? = nil
    ) {
        self.encoding = encoding
        self.mapping = mapping
        self.snapshotDate = snapshotDate
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

/// The export formats Chainscope reads, by file extension.
public enum RegistryFormat: String, Sendable, CaseIterable {
    case csv
    case xlsx
    case jsonl

    public init(url: URL) throws(IngestError) {
        switch url.pathExtension.lowercased() {
        case "csv", "tsv", "txt": self = .csv
        case "xlsx": self = .xlsx
        case "jsonl", "ndjson", "json": self = .jsonl
        default:
            throw IngestError(
                .unreadableFile, at: .init(file: url.lastPathComponent),
                expected: "a .csv, .tsv, .xlsx or .jsonl export", found: "a .\(url.pathExtension) file")
        }
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
        let format = try RegistryFormat(url: url)
        let attributes = try? FileManager.default.attributesOfItem(atPath: url.path)
        guard let size = attributes?[.size] as? NSNumber else {
            throw IngestError(
                .unreadableFile, at: .init(file: name), expected: "a readable file", found: "no such file")
        }
        guard size.intValue > 0 else {
            throw IngestError(
                .emptyFile, at: .init(file: name), expected: "a header row and data rows", found: "0 bytes")
        }
        let snapshot = options.snapshotDate ?? Self.modificationDay(attributes?[.modificationDate] as? Date)
        let request = ImportRequest(
            file: name, sha256: try SHA256.file(url), format: format.rawValue, snapshotDate: snapshot,
            isSnapshotGiven: options.snapshotDate != nil, reading: options.reading)
        let regions = regions
        return try await store.importRegistry(request) { session in
            var consumer = RowConsumer(
                regions: regions, importID: session.importID, file: name, snapshotDate: snapshot,
                mapping: options.mapping, format: format)
            consumer.classifier = options.classifier
            let reading = ReadingThread(
                consumer: consumer,
                read: { handle in
                    try Self.read(format, url: url, name: name, encoding: options.encoding, handle) { bytes in
                        options.progress?(bytes, size.intValue)
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
            return ImportResult(encoding: reading.encoding?.rawValue, counts: writer.counts, warnings: reading.warnings)
        }
    }

    /// Reads a file of `format`, handing each raw row to `handle`; returns the encoding used.
    static func read(
        _ format: RegistryFormat, url: URL, name: String, encoding: TextEncoding?, _ handle: (RawRow) throws -> Void,
        bytesRead: @escaping (Int) -> Void
    ) throws -> TextEncoding? {
        switch format {
        case .csv:
            return try CSVReader(url: url, displayName: name, encoding: encoding).forEachRow(
                handle, bytesRead: bytesRead)
        case .jsonl:
            return try JSONLinesReader(url: url, displayName: name, encoding: encoding)
                .forEachRow(handle, bytesRead: bytesRead)
        case .xlsx:
            try XLSXReader(url: url, displayName: name).forEachRow(handle)
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
