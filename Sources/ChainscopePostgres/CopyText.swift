/// Rows in the text format of `COPY … FROM STDIN`: fields separated by tabs, rows ended by a line feed,
/// NULL as `\N`, and backslash, tab, line feed and carriage return escaped.
struct CopyText {
    private(set) var bytes: [UInt8] = []
    private var isRowStart = true

    /// Appends a field of the current row.
    mutating func field(_ text: String?) {
        separate()
        guard let text else {
            bytes += [UInt8(ascii: "\\"), UInt8(ascii: "N")]
            return
        }
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "\\"): bytes += [UInt8(ascii: "\\"), UInt8(ascii: "\\")]
            case UInt8(ascii: "\t"): bytes += [UInt8(ascii: "\\"), UInt8(ascii: "t")]
            case UInt8(ascii: "\n"): bytes += [UInt8(ascii: "\\"), UInt8(ascii: "n")]
            case UInt8(ascii: "\r"): bytes += [UInt8(ascii: "\\"), UInt8(ascii: "r")]
            default: bytes.append(byte)
            }
        }
    }

    mutating func field(_ number: Int?) { field(number.map(String.init)) }

    /// A double in Swift's shortest form, which PostgreSQL reads back to the same value.
    mutating func field(_ number: Double?) { field(number.map { "\($0)" }) }

    mutating func field(_ flag: Bool?) { field(flag.map { $0 ? "t" : "f" }) }

    /// A text array, each element quoted.
    mutating func field(array: [String]) {
        var literal = "{"
        for (index, element) in array.enumerated() {
            if index > 0 { literal += "," }
            literal += "\""
            for character in element.unicodeScalars {
                if character == "\"" || character == "\\" { literal += "\\" }
                literal.unicodeScalars.append(character)
            }
            literal += "\""
        }
        field(literal + "}")
    }

    /// Ends the current row.
    mutating func endRow() {
        bytes.append(UInt8(ascii: "\n"))
        isRowStart = true
    }

    mutating func removeAll() {
        bytes.removeAll(keepingCapacity: true)
        isRowStart = true
    }

    private mutating func separate() {
        if !isRowStart { bytes.append(UInt8(ascii: "\t")) }
        isRowStart = false
    }
}
