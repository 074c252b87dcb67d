import ChainscopeCore
public import Foundation
import ZIPFoundation

/// Reads every sheet of an XLSX workbook, streaming each sheet's XML out of the archive: shared and
/// inline strings, numbers stored as numbers or as text (exponents written out), booleans and errors.
/// Only the shared-string table is kept whole: its first 16 MiB of text in memory, the rest in a temporary file.
public struct XLSXReader: Sendable {
    public let url: URL
    public let displayName: String
    /// Bytes of shared-string text held in memory; tests make it small to read the rest from the file.
    var sharedStringsInMemory = SharedStrings.defaultMemoryLimit
    var sharedStringsBlockSize = SharedStrings.defaultBlockSize
    /// Where the rest of the shared strings go; nil for the system's temporary folder (`TMPDIR`).
    var temporaryFolder: String?

    public init(url: URL, displayName: String? = nil) {
        self.url = url
        self.displayName = displayName ?? url.lastPathComponent
    }

    /// Calls `body` with each non-blank row of each sheet, in workbook order; `bytesRead` hears how far through
    /// the file the reading is (the shared strings and sheets read so far, in proportion to the file's size).
    public func forEachRow(_ body: (RawRow) throws -> Void, bytesRead: ((Int) -> Void)? = nil) throws {
        let archive: Archive
        do {
            archive = try Archive(url: url, accessMode: .read)
        } catch {
            throw broken(.xlsxNotZip)
        }
        var dates = XLSXDates()
        let sheets = try workbookSheets(archive, dates: &dates)
        var progress = Progress(archive, parts: ["xl/sharedStrings.xml"] + sheets.map(\.1), url: url, report: bytesRead)
        let strings = try sharedStrings(archive, progress: &progress)
        dates.dateStyles = try dateStyles(archive)
        for (index, (name, path)) in sheets.enumerated() {
            guard let entry = archive[path] else { throw broken(.xlsxMissingPart(path)) }
            var reader = SheetReader(sheet: name, number: index + 1, strings: strings, dates: dates)
            try stream(entry, in: archive, part: path, progress: &progress) { event in
                try reader.handle(event, emit: body)
            }
        }
    }

    /// How much of the parts that take the time (shared strings, sheets) has been read, reported as that share
    /// of the file's size, so that a progress bar's bytes and speed are the file's.
    private struct Progress {
        var total = 0
        var fileSize = 0
        var report: ((Int) -> Void)?
        var done = 0

        /// Progress that reports nothing, for the small parts.
        init() {}

        init(_ archive: Archive, parts: [String], url: URL, report: ((Int) -> Void)?) {
            total = parts.compactMap { archive[$0].map { Int($0.uncompressedSize) } }.reduce(0, +)
            fileSize = (try? url.resourceValues(forKeys: [.fileSizeKey]).fileSize) ?? total
            self.report = report
        }

        mutating func add(_ count: Int) {
            done += count
            guard let report, total > 0 else { return }
            report(Int(Double(min(done, total)) / Double(total) * Double(fileSize)))
        }
    }

    private func broken(_ refusal: FileRefusal) -> IngestError {
        IngestError(refusal, at: .init(file: displayName))
    }

    private func ingestError(_ error: SharedStringsError) -> IngestError {
        switch error {
        case .tooLong(let index): broken(.xlsxSharedStringTooLong(index: index))
        case .temporaryFile(let operation, let folder, let number):
            broken(.xlsxTemporaryFile(operation, folder: folder, reason: String(cString: strerror(number))))
        }
    }

    /// Streams one small part through the XML scanner.
    private func stream(
        _ entry: Entry, in archive: Archive, part: String, _ handle: (XMLScanner.Event) throws -> Void
    ) throws {
        var quiet = Progress()
        try stream(entry, in: archive, part: part, progress: &quiet, handle)
    }

    /// Streams one part through the XML scanner, counting its bytes into `progress`.
    private func stream(
        _ entry: Entry, in archive: Archive, part: String, progress: inout Progress,
        _ handle: (XMLScanner.Event) throws -> Void
    ) throws {
        var scanner = XMLScanner()
        do {
            _ = try archive.extract(entry, bufferSize: 1 << 16) { data in
                try scanner.feed(data, handle)
                progress.add(data.count)
            }
            try scanner.feed([UInt8](), handle)
            try scanner.finish()
        } catch let error as XMLScanner.Failure {
            throw broken(.xlsxMalformedXML(part: part, error.problem))
        } catch let error as IngestError {
            throw error
        } catch let error as SharedStringsError {
            throw ingestError(error)
        } catch {
            throw broken(.xlsxUnreadablePart(part, reason: "\(error)"))
        }
    }

    /// Sheet names and their part paths, from the workbook and its relationships; notes the workbook's date system.
    private func workbookSheets(_ archive: Archive, dates: inout XLSXDates) throws -> [(String, String)] {
        guard let workbook = archive["xl/workbook.xml"], let relations = archive["xl/_rels/workbook.xml.rels"] else {
            throw broken(.xlsxNoWorkbook)
        }
        var targets: [String: String] = [:]
        try stream(relations, in: archive, part: "xl/_rels/workbook.xml.rels") { event in
            if case .start("Relationship", let attributes) = event, let id = attributes["Id"],
                let target = attributes["Target"]
            {
                targets[id] = target.hasPrefix("/") ? String(target.dropFirst()) : "xl/" + target
            }
        }
        var sheets: [(String, String)] = []
        var is1904 = false
        try stream(workbook, in: archive, part: "xl/workbook.xml") { event in
            if case .start("sheet", let attributes) = event, let name = attributes["name"], let id = attributes["id"],
                let target = targets[id]
            {
                sheets.append((name, target))
            } else if case .start("workbookPr", let attributes) = event {
                is1904 = ["1", "true"].contains(attributes["date1904"]?.lowercased())
            }
        }
        dates.is1904 = is1904
        guard !sheets.isEmpty else { throw broken(.xlsxNoSheets) }
        return sheets
    }

    /// The cell formats (`cellXfs`, by index) whose number format shows a date.
    private func dateStyles(_ archive: Archive) throws -> Set<Int> {
        guard let entry = archive["xl/styles.xml"] else { return [] }
        var customDates: Set<Int> = []
        var styles: Set<Int> = []
        var isInCellFormats = false
        var index = 0
        try stream(entry, in: archive, part: "xl/styles.xml") { event in
            switch event {
            case .start("numFmt", let attributes):
                if let id = attributes["numFmtId"].flatMap(Int.init),
                    XLSXDates.isDateFormat(attributes["formatCode"] ?? "")
                {
                    customDates.insert(id)
                }
            case .start("cellXfs", _): isInCellFormats = true
            case .end("cellXfs"): isInCellFormats = false
            case .start("xf", let attributes) where isInCellFormats:
                let format = attributes["numFmtId"].flatMap(Int.init) ?? 0
                if XLSXDates.builtinDateFormats.contains(format) || customDates.contains(format) {
                    styles.insert(index)
                }
                index += 1
            default: break
            }
        }
        return styles
    }

    /// The shared-string table: each `<si>`'s text runs joined, phonetic runs left out.
    private func sharedStrings(_ archive: Archive, progress: inout Progress) throws -> SharedStrings {
        var strings = SharedStrings(
            memoryLimit: sharedStringsInMemory, blockSize: sharedStringsBlockSize, folder: temporaryFolder)
        guard let entry = archive["xl/sharedStrings.xml"] else { return strings }
        var inText = false
        var inPhonetic = false
        try stream(entry, in: archive, part: "xl/sharedStrings.xml", progress: &progress) { event in
            switch event {
            case .end("si"): strings.endString()
            case .start("rPh", _): inPhonetic = true
            case .end("rPh"): inPhonetic = false
            case .start("t", _): inText = true
            case .end("t"): inText = false
            case .text(let text) where inText && !inPhonetic: try strings.append(text)
            default: break
            }
        }
        return strings
    }
}

/// The state of one sheet's XML: the current row, cell, and text.
private struct SheetReader {
    let sheet: String
    /// The sheet's place in the workbook, 1 for the first.
    let number: Int
    var strings: SharedStrings
    let dates: XLSXDates
    var rowNumber = 0
    var cells: [String] = []
    var column = 0
    var type: String?
    var style: Int?
    var value = ""
    var inValue = false
    /// Inside a phonetic guide (`<rPh>`) of an inline string, whose text is not the cell's.
    var inPhonetic = false

    init(sheet: String, number: Int, strings: SharedStrings, dates: XLSXDates) {
        self.sheet = sheet
        self.number = number
        self.strings = strings
        self.dates = dates
    }

    mutating func handle(_ event: XMLScanner.Event, emit: (RawRow) throws -> Void) throws {
        switch event {
        case .start("row", let attributes):
            rowNumber = attributes["r"].flatMap { Int($0) } ?? rowNumber + 1
            cells = []
        case .end("row"):
            let row = RawRow(number: rowNumber, sheet: sheet, sheetNumber: number, cells: cells)
            if !row.isBlank { try emit(row) }
        case .start("c", let attributes):
            column = attributes["r"].map(Self.columnIndex) ?? cells.count
            type = attributes["t"]
            style = attributes["s"].flatMap(Int.init)
            value = ""
        case .end("c"):
            while cells.count < column { cells.append("") }
            cells.append(try cellText())
        case .start("v", _), .start("t", _): inValue = true
        case .end("v"), .end("t"): inValue = false
        case .start("rPh", _): inPhonetic = true
        case .end("rPh"): inPhonetic = false
        case .text(let text) where inValue && !inPhonetic: value += text
        default: break
        }
    }

    private mutating func cellText() throws -> String {
        switch type {
        case "s": return try Int(value).flatMap { try strings.string(at: $0) } ?? value
        case "b": return value == "1" ? "TRUE" : "FALSE"
        case "inlineStr", "str", "e": return value
        case "d": return XLSXDates.text(iso: value)
        default:
            if let style, dates.dateStyles.contains(style), let date = dates.text(serial: value) { return date }
            guard value.contains("E") || value.contains("e"), let number = Decimal(string: value) else { return value }
            return number.plainText
        }
    }

    /// `B7` → 1.
    static func columnIndex(_ reference: String) -> Int {
        reference.prefix { $0.isLetter }.uppercased().unicodeScalars.reduce(0) { $0 * 26 + Int($1.value) - 64 } - 1
    }
}
