/// Bytes written as lower-case hexadecimal digits, two per byte: cursor tokens, JSON's `\u00XX` escapes
/// and the search index's gram tokens.
public enum Hexadecimal {
    /// Appends the two digits of each of `bytes` to `text`.
    public static func append(_ bytes: some Sequence<UInt8>, to text: inout [UInt8]) {
        for byte in bytes {
            text.append(digits[Int(byte >> 4)])
            text.append(digits[Int(byte & 0x0F)])
        }
    }

    /// The UTF-8 bytes of `text` in hexadecimal.
    public static func string(of text: String) -> String {
        var digits: [UInt8] = []
        digits.reserveCapacity(text.utf8.count * 2)
        append(text.utf8, to: &digits)
        return String(decoding: digits, as: UTF8.self)
    }

    private static let digits = Array("0123456789abcdef".utf8)
}
