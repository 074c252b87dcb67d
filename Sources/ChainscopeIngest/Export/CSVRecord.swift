/// CSV as Chainscope writes it (RFC 4180): fields with a comma, quote or line break quoted, quotes
/// doubled, records ended by CRLF.
public enum CSVRecord {
    /// One record, with its line ending. Written on UTF-8 bytes: Foundation's `replacingOccurrences` for the quotes
    /// (a quarantine export's raw rows are JSON, full of them) was most of an export's time. A field is quoted when
    /// a byte of it is a comma, quote, CR or LF; compared by `Character`, a CRLF inside a field was neither.
    public static func line(_ fields: [String]) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(fields.reduce(2 + fields.count) { $0 + $1.utf8.count + 2 })
        for (index, field) in fields.enumerated() {
            if index > 0 { bytes.append(UInt8(ascii: ",")) }
            append(field, to: &bytes)
        }
        bytes.append(UInt8(ascii: "\r"))
        bytes.append(UInt8(ascii: "\n"))
        return String(decoding: bytes, as: UTF8.self)
    }

    private static func append(_ field: String, to bytes: inout [UInt8]) {
        let quote = UInt8(ascii: "\"")
        let utf8 = field.utf8
        guard utf8.contains(where: { $0 == UInt8(ascii: ",") || $0 == quote || $0 == 0x0A || $0 == 0x0D }) else {
            bytes.append(contentsOf: utf8)
            return
        }
        bytes.append(quote)
        for byte in utf8 {
            bytes.append(byte)
            if byte == quote { bytes.append(quote) }
        }
        bytes.append(quote)
    }
}
