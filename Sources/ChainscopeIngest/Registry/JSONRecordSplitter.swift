/// Cuts JSON text, fed in pieces, into the objects it holds at its top level: one per line (JSON lines), spread
/// over several lines (a pretty-printed sequence), or the elements of a top-level array (`[{…}, {…}]`, what
/// `json.dump` of a list writes). Each object is handed on with the line it starts on; only the object being
/// read is held, so a file of any size streams through.
struct JSONRecordSplitter {
    struct Failure: Error {
        let line: Int
        let expected: String
        let found: String
    }

    /// The line of the next byte.
    private(set) var line: Int
    private var record: [UInt8] = []
    private var recordLine = 0
    /// How deep the current object's brackets are; 0 between objects.
    private var depth = 0
    private var isInString = false
    private var isEscaped = false
    /// True between the `[` and `]` of a top-level array.
    private var isInArray = false

    init(firstLine: Int = 1) { line = firstLine }

    mutating func feed(_ bytes: some RandomAccessCollection<UInt8>, _ emit: ([UInt8], _ line: Int) throws -> Void)
        throws
    {
        var runStart = depth > 0 ? bytes.startIndex : nil
        var index = bytes.startIndex
        while index != bytes.endIndex {
            let byte = bytes[index]
            if byte == 0x0A { line += 1 }
            if depth > 0 {
                if closesRecord(byte), let start = runStart {
                    record += bytes[start...index]
                    try emit(record, recordLine)
                    record.removeAll(keepingCapacity: true)
                    runStart = nil
                }
            } else if byte == UInt8(ascii: "{") {
                depth = 1
                recordLine = line
                runStart = index
            } else {
                try between(byte)
            }
            index = bytes.index(after: index)
        }
        if let start = runStart { record += bytes[start...] }
    }

    /// Checks that the text did not stop inside an object or an array.
    func finish() throws(Failure) {
        if depth > 0 {
            throw Failure(
                line: recordLine, expected: "the end of the object that starts on this line",
                found: "the end of the file")
        }
        if isInArray { throw Failure(line: line, expected: "a ']' closing the array", found: "the end of the file") }
    }

    /// Follows strings and brackets inside an object; true at the bracket that closes it.
    private mutating func closesRecord(_ byte: UInt8) -> Bool {
        if isInString {
            if isEscaped {
                isEscaped = false
            } else if byte == UInt8(ascii: "\\") {
                isEscaped = true
            } else if byte == UInt8(ascii: "\"") {
                isInString = false
            }
            return false
        }
        switch byte {
        case UInt8(ascii: "\""): isInString = true
        case UInt8(ascii: "{"), UInt8(ascii: "["): depth += 1
        case UInt8(ascii: "}"), UInt8(ascii: "]"):
            depth -= 1
            return depth == 0
        default: break
        }
        return false
    }

    /// A byte between objects: white space, or the brackets and commas of a top-level array.
    private mutating func between(_ byte: UInt8) throws(Failure) {
        switch byte {
        case 0x20, 0x09, 0x0A, 0x0D: break
        case UInt8(ascii: "[") where !isInArray: isInArray = true
        case UInt8(ascii: ",") where isInArray: break
        case UInt8(ascii: "]") where isInArray: isInArray = false
        default:
            throw Failure(
                line: line,
                expected: isInArray ? "an object ({…}) as each element of the array" : "a JSON object ({…})",
                found: byte < 0x80 ? "'\(Character(Unicode.Scalar(byte)))'" : "text that is not JSON")
        }
    }
}
