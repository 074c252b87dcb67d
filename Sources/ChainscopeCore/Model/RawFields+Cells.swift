extension RawFields {
    /// The digest and cells of a text this type writes (a JSON array of the header's digest, then each cell
    /// as a string or a column number), read on bytes: a cell kept as a column number takes `column`'s text
    /// (nil when it has none). Nil for any other text, such as rows stored as objects, and for escapes the
    /// writer never makes; `values(headers:resolving:)` reads those.
    ///
    /// An import of a newer export compares a changed company's old and new cells; parsing both with
    /// `JSONSerialization` into dictionaries was a sixth of such an import's time.
    public func cells(resolving column: (Int) -> String?) -> (digest: String, cells: [String?])? {
        var reader = CellReader(json.utf8)
        guard reader.take(UInt8(ascii: "[")), let digest = reader.string() else { return nil }
        var cells: [String?] = []
        while reader.take(UInt8(ascii: ",")) {
            if let text = reader.string() {
                cells.append(text)
            } else if let number = reader.number() {
                cells.append(column(number))
            } else {
                return nil
            }
        }
        guard reader.take(UInt8(ascii: "]")), reader.isAtEnd else { return nil }
        return (digest, cells)
    }
}

/// Reads the JSON that `RawFields.Layout` and `JSONString` write: strings with the escapes they make,
/// and non-negative integers.
private struct CellReader {
    private let bytes: [UInt8]
    private var position = 0

    init(_ text: String.UTF8View) { bytes = Array(text) }

    var isAtEnd: Bool { position == bytes.count }

    /// Moves past `byte` when it comes next.
    mutating func take(_ byte: UInt8) -> Bool {
        guard position < bytes.count, bytes[position] == byte else { return false }
        position += 1
        return true
    }

    /// A quoted string, when one comes next and has only the escapes `JSONString` writes.
    mutating func string() -> String? {
        let start = position
        guard take(0x22) else { return nil }
        var text: [UInt8] = []
        while position < bytes.count {
            let byte = bytes[position]
            position += 1
            switch byte {
            case 0x22: return String(decoding: text, as: UTF8.self)
            case 0x5C:
                guard let unescaped = escaped() else {
                    position = start
                    return nil
                }
                text.append(unescaped)
            default: text.append(byte)
            }
        }
        position = start
        return nil
    }

    /// The byte after a backslash: `\"`, `\\`, `\n`, `\r`, `\t` or `\u00XX`.
    private mutating func escaped() -> UInt8? {
        guard position < bytes.count else { return nil }
        let byte = bytes[position]
        position += 1
        switch byte {
        case 0x22, 0x5C: return byte
        case UInt8(ascii: "n"): return 0x0A
        case UInt8(ascii: "r"): return 0x0D
        case UInt8(ascii: "t"): return 0x09
        case UInt8(ascii: "u"):
            guard position + 4 <= bytes.count, bytes[position] == 0x30, bytes[position + 1] == 0x30,
                let high = Self.hexadecimal(bytes[position + 2]), let low = Self.hexadecimal(bytes[position + 3]),
                high < 2
            else { return nil }
            position += 4
            return high << 4 | low
        default: return nil
        }
    }

    /// A column number: digits, not too many for an `Int`.
    mutating func number() -> Int? {
        var value = 0
        let start = position
        while position < bytes.count, (0x30...0x39).contains(bytes[position]), position - start < 9 {
            value = value * 10 + Int(bytes[position] - 0x30)
            position += 1
        }
        return position > start ? value : nil
    }

    private static func hexadecimal(_ byte: UInt8) -> UInt8? {
        switch byte {
        case 0x30...0x39: byte - 0x30
        case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
        default: nil
        }
    }
}
