public import Foundation

/// JSON lines: one object per line, whose keys name its fields (see `FlatJSON` for how values read).
public struct JSONLinesReader: Sendable {
    public let export: TextExport

    public init(url: URL, displayName: String? = nil, encoding: TextEncoding? = nil) {
        export = TextExport(url: url, displayName: displayName, encoding: encoding)
    }

    @discardableResult
    public func forEachRow(_ body: (RawRow) throws -> Void, bytesRead: ((Int) -> Void)? = nil) throws -> TextEncoding {
        var line = 0
        var rows = 0
        var carry: [UInt8] = []
        let encoding = try export.forEachPiece(bytesRead: bytesRead) { bytes in
            carry += bytes
            var start = carry.startIndex
            while let end = carry[start...].firstIndex(of: 0x0A) {
                line += 1
                try emit(Array(carry[start..<end]), line: line, rows: &rows, body)
                start = end + 1
            }
            carry.removeFirst(start)
        }
        if !carry.isEmpty { try emit(carry, line: line + 1, rows: &rows, body) }
        return encoding
    }

    private func emit(_ bytes: [UInt8], line: Int, rows: inout Int, _ body: (RawRow) throws -> Void) throws {
        guard bytes.contains(where: { $0 != 0x20 && $0 != 0x09 && $0 != 0x0D }) else { return }
        let pairs: [(key: String, value: String)]
        do {
            pairs = try FlatJSON.object(bytes)
        } catch {
            let text = String(decoding: bytes, as: UTF8.self)
            throw IngestError(
                .malformedJSON, at: .init(file: export.displayName, line: line, column: error.offset + 1),
                expected: "one JSON object per line: \(error.expected)", found: String(text.prefix(60)))
        }
        rows += 1
        try body(RawRow(number: rows, line: line, cells: pairs.map(\.value), keys: pairs.map(\.key)))
    }
}
