/// Bytes written as lower-case hexadecimal digits, two per byte: cursor tokens, JSON's `\u00XX` escapes
/// and the search index's gram tokens.
public enum Hexadecimal {
    /// Appends the two digits of each of `bytes` to `text`.
    ///
    /// Inlinable so that a caller in another module gets a copy specialised for its sequence: the search
    /// index build called the generic one for every byte of every gram, through the sequence's witnesses.
    @inlinable
    public static func append(_ bytes: some Sequence<UInt8>, to text: inout [UInt8]) {
        for byte in bytes {
            text.append(digit(byte >> 4))
            text.append(digit(byte & 0x0F))
        }
    }

    /// The digit of a value below 16: `0`–`9`, then `a`–`f`.
    @inlinable
    static func digit(_ value: UInt8) -> UInt8 {
        value < 10 ? UInt8(ascii: "0") + value : UInt8(ascii: "a") - 10 + value
    }

    /// The UTF-8 bytes of `text` in hexadecimal.
    public static func string(of text: String) -> String {
        var digits: [UInt8] = []
        digits.reserveCapacity(text.utf8.count * 2)
        append(text.utf8, to: &digits)
        return String(decoding: digits, as: UTF8.self)
    }
}
