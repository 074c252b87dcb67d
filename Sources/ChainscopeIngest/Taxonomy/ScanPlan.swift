import ChainscopeCore
import Foundation

/// What a parallel scan needs to know before its workers start: the delimiter, the header row and
/// the columns of the fields it reads, found from the first piece of the file as `CSVParser` and
/// `HeaderLayout` would find them.
struct ScanPlan: Sendable {
    let delimiter: UInt8
    let headerRow: Int
    let name: Int?
    let scope: Int?
    /// Industry columns, most detailed first.
    let industry: [Int?]
    let founded: Int?
    let district: Int?

    /// Nil for a file without a non-blank row; throws `RecordChunks.Unaligned` when the first piece
    /// holds too few rows to find the header in. `sample` is the file's first bytes, for an error's
    /// suggested encodings.
    init?(first: RecordChunks.Chunk, sample: Data, export: TextExport, mapping: [String: RegistryField]) throws {
        delimiter = CSVParser.detectDelimiter(first.bytes)
        var parser = CSVChunkParser(delimiter: delimiter, validates: !first.isValidated)
        var rows: [RawRow] = []
        let scratch = ByteScratch()
        do {
            _ = try first.bytes.withUnsafeBufferPointer { bytes in
                try parser.parse(bytes, isLast: first.isLast) { fields in
                    guard rows.count < HeaderLayout.searchRows, !Self.isBlank(fields, in: bytes, scratch: scratch)
                    else { return }
                    let cells = fields.map {
                        String(decoding: CSVChunkParser.content(of: $0, in: bytes, scratch: scratch), as: UTF8.self)
                    }
                    rows.append(RawRow(number: rows.count + 1, cells: cells))
                }
            }
        } catch {
            try ScanResults.throwError(
                for: error, linesBefore: 0, file: export.displayName, encoding: first.encoding, sample: sample)
        }
        guard !rows.isEmpty else { return nil }
        guard rows.count >= HeaderLayout.searchRows || first.isLast else { throw RecordChunks.Unaligned() }
        let layout = try HeaderLayout.detect(in: rows, file: export.displayName, mapping: mapping)
        headerRow = layout.headerRow
        name = layout.column(of: .name)
        scope = layout.column(of: .scope)
        industry = [.industryClass, .industryGroup, .industryDivision, .industry].map(layout.column(of:))
        founded = layout.column(of: .founded)
        district = layout.column(of: .district)
    }

    /// Whether every field is empty or white space, as `RawRow.isBlank` says.
    static func isBlank(
        _ fields: [CSVChunkParser.Field], in bytes: UnsafeBufferPointer<UInt8>, scratch: ByteScratch
    ) -> Bool {
        fields.allSatisfy { field in
            let content = CSVChunkParser.content(of: field, in: bytes, scratch: scratch)
            // Nearly every row starts with a letter: decide on the first byte (visible ASCII, or the lead
            // of U+4000 and above, where no white space is) or else the first scalar before building text.
            if let first = content.first, first &- 0x21 < 0x7F - 0x21 || first >= 0xE4 { return false }
            var bytes = content.makeIterator()
            var decoder = UTF8()
            if case .scalarValue(let scalar) = decoder.decode(&bytes), !scalar.properties.isWhitespace { return false }
            return String(decoding: content, as: UTF8.self).allSatisfy(\.isWhitespace)
        }
    }

    /// Whether a cell is an empty marker, as `TextFolding.isEmptyMarker` says.
    static func isEmptyMarker(_ content: UnsafeBufferPointer<UInt8>) -> Bool {
        if content.count > TextFolding.emptyMarkerBytes, let first = content.first, first != 0x20, content.last != 0x20
        {
            return false
        }
        return TextFolding.isEmptyMarker(String(decoding: content, as: UTF8.self))
    }
}
