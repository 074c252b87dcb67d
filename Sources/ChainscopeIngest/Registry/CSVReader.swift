public import Foundation

/// An RFC 4180 reader: quoted fields with embedded delimiters, quotes (`""`) and line breaks; comma or
/// tab separated (detected from the first line); any supported encoding. It reads in chunks and hands
/// each row to a closure, so memory does not grow with the file.
public struct CSVReader: Sendable {
    public let export: TextExport

    public init(url: URL, displayName: String? = nil, encoding: TextEncoding? = nil) {
        export = TextExport(url: url, displayName: displayName, encoding: encoding)
    }

    /// Calls `body` with each non-blank row in order; returns the encoding used.
    @discardableResult
    public func forEachRow(_ body: (RawRow) throws -> Void, bytesRead: ((Int) -> Void)? = nil) throws -> TextEncoding {
        var parser = CSVParser(file: export.displayName)
        let encoding = try export.forEachPiece(bytesRead: bytesRead) { try parser.consume($0, emit: body) }
        try parser.finish(emit: body)
        return encoding
    }
}

/// The byte-level state machine behind `CSVReader`.
struct CSVParser {
    let file: String
    private var delimiter: UInt8?
    private var cells: [String] = []
    private var field: [UInt8] = []
    private var isQuoted = false
    private var quoteSeen = false
    private var fieldStarted = false
    private var afterCarriageReturn = false
    private var line = 1
    private var rowLine = 1
    private var quoteLine = 1
    private var rowNumber = 0

    init(file: String) { self.file = file }

    mutating func consume(_ bytes: [UInt8], emit: (RawRow) throws -> Void) throws {
        if delimiter == nil { delimiter = Self.detectDelimiter(bytes) }
        let delimiter = delimiter ?? 0x2C
        for byte in bytes {
            if afterCarriageReturn {
                afterCarriageReturn = false
                if byte == 0x0A { continue }
            }
            if isQuoted {
                if quoteSeen {
                    quoteSeen = false
                    if byte == 0x22 {
                        field.append(byte)
                        continue
                    }
                    isQuoted = false
                } else if byte == 0x22 {
                    quoteSeen = true
                    continue
                } else {
                    if byte == 0x0A { line += 1 }
                    field.append(byte)
                    continue
                }
            }
            switch byte {
            case 0x22 where !fieldStarted:
                isQuoted = true
                fieldStarted = true
                quoteLine = line
            case delimiter:
                endField()
            case 0x0A, 0x0D:
                afterCarriageReturn = byte == 0x0D
                try endRow(emit)
                line += 1
                rowLine = line
            default:
                fieldStarted = true
                field.append(byte)
            }
        }
    }

    mutating func finish(emit: (RawRow) throws -> Void) throws {
        if isQuoted && !quoteSeen { throw Self.unclosedQuote(file: file, line: quoteLine) }
        isQuoted = false
        try endRow(emit)
    }

    static func unclosedQuote(file: String, line: Int) -> IngestError {
        IngestError(.unclosedQuote(line: line), at: .init(file: file, line: line))
    }

    private mutating func endField() {
        if let text = excelTextFormula(field) {
            cells.append(String(decoding: field[text], as: UTF8.self))
        } else {
            cells.append(String(decoding: field, as: UTF8.self))
        }
        field.removeAll(keepingCapacity: true)
        fieldStarted = false
    }

    private mutating func endRow(_ emit: (RawRow) throws -> Void) throws {
        endField()
        defer { cells.removeAll(keepingCapacity: true) }
        let row = RawRow(number: rowNumber + 1, line: rowLine, cells: cells)
        guard !row.isBlank else { return }
        rowNumber += 1
        try emit(row)
    }

    /// Tab when the first line has more tabs than commas outside quotes, else comma.
    static func detectDelimiter(_ bytes: [UInt8]) -> UInt8 {
        var commas = 0
        var tabs = 0
        var quoted = false
        for byte in bytes {
            if byte == 0x22 { quoted.toggle() }
            if quoted { continue }
            if byte == 0x0A { break }
            if byte == 0x2C { commas += 1 }
            if byte == 0x09 { tabs += 1 }
        }
        return tabs > commas ? 0x09 : 0x2C
    }
}

/// The text inside a cell written as Excel's text formula `="…"`, the way some exports keep a long number (a
/// credit code, a phone number) from becoming a number in Excel, which shows the text; nil for any other cell.
/// A formula whose text holds quotes is left as it is.
@inline(__always)
func excelTextFormula<Bytes: RandomAccessCollection<UInt8>>(_ bytes: Bytes) -> Range<Bytes.Index>? {
    guard bytes.first == UInt8(ascii: "="), bytes.count >= 3, bytes.last == UInt8(ascii: "\"") else { return nil }
    let start = bytes.index(bytes.startIndex, offsetBy: 2)
    let end = bytes.index(before: bytes.endIndex)
    guard bytes[bytes.index(after: bytes.startIndex)] == UInt8(ascii: "\""),
        !bytes[start..<end].contains(UInt8(ascii: "\""))
    else { return nil }
    return start..<end
}
