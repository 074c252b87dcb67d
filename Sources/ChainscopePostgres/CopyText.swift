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
        guard var text else {
            bytes.append(UInt8(ascii: "\\"))
            bytes.append(UInt8(ascii: "N"))
            return
        }
        text.withUTF8 { appendEscaped($0) }
    }

    mutating func field(_ number: Int?) { field(number.map(String.init)) }

    /// A double in Swift's shortest form, which PostgreSQL reads back to the same value.
    mutating func field(_ number: Double?) { field(number.map { "\($0)" }) }

    mutating func field(_ flag: Bool?) { field(flag.map { $0 ? "t" : "f" }) }

    /// A text array, each element quoted.
    mutating func field(array: [String]) {
        var literal: [UInt8] = [UInt8(ascii: "{")]
        for (index, element) in array.enumerated() {
            if index > 0 { literal.append(UInt8(ascii: ",")) }
            literal.append(UInt8(ascii: "\""))
            for byte in element.utf8 {
                if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") { literal.append(UInt8(ascii: "\\")) }
                literal.append(byte)
            }
            literal.append(UInt8(ascii: "\""))
        }
        literal.append(UInt8(ascii: "}"))
        separate()
        literal.withUnsafeBufferPointer { appendEscaped($0) }
    }

    /// Appends fields already in this format: a row's fields without its line feed (`row(_:)`).
    mutating func fields(_ encoded: ArraySlice<UInt8>) {
        separate()
        bytes += encoded
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
        for index in indexes { selected += group(index) }
        return selected
    }

    /// The fields of a group of one row, without its line feed.
    func row(_ index: Int) -> ArraySlice<UInt8> { group(index).dropLast() }

    private func group(_ index: Int) -> ArraySlice<UInt8> {
        bytes[(index == 0 ? 0 : groupEnds[index - 1])..<groupEnds[index]]
    }

    /// Appends text, escaping it in runs: most fields need no escape at all.
    private mutating func appendEscaped(_ utf8: UnsafeBufferPointer<UInt8>) {
        var start = 0
        for index in 0..<utf8.count {
            let escape: UInt8
            switch utf8[index] {
            case UInt8(ascii: "\\"): escape = UInt8(ascii: "\\")
            case UInt8(ascii: "\t"): escape = UInt8(ascii: "t")
            case UInt8(ascii: "\n"): escape = UInt8(ascii: "n")
            case UInt8(ascii: "\r"): escape = UInt8(ascii: "r")
            default: continue
            }
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[start..<index]))
            bytes.append(UInt8(ascii: "\\"))
            bytes.append(escape)
            start = index + 1
        }
        bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[start...]))
    }

    private mutating func separate() {
        if !isRowStart { bytes.append(UInt8(ascii: "\t")) }
        isRowStart = false
    }
}
