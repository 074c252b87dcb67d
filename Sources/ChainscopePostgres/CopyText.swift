/// Rows in the text format of `COPY … FROM STDIN`: fields separated by tabs, rows ended by a line feed,
/// NULL as `\N`, and backslash, tab, line feed and carriage return escaped.
struct CopyText {
    private(set) var bytes: [UInt8] = []
    private var isRowStart = true
    /// Where each group of rows ends (see `endGroup`), so that a subset of groups can be sent.
    private(set) var groupEnds: [Int] = []

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

    /// Ends the rows of one company (none, one or several).
    mutating func endGroup() { groupEnds.append(bytes.count) }

    /// The rows of the groups at `indexes` (ascending), or all of them when that is every group.
    func groups(_ indexes: [Int]) -> [UInt8] {
        guard indexes.count < groupEnds.count else { return bytes }
        var selected: [UInt8] = []
        for index in indexes {
            selected += bytes[(index == 0 ? 0 : groupEnds[index - 1])..<groupEnds[index]]
        }
        return selected
    }

    private mutating func separate() {
        if !isRowStart { bytes.append(UInt8(ascii: "\t")) }
        isRowStart = false
    }
}
