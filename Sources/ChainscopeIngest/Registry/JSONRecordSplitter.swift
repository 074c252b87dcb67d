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

    mutating func feed(_ bytes: some Collection<UInt8>, _ emit: ([UInt8], _ line: Int) throws -> Void) throws {
        let fed: Void? = try bytes.withContiguousStorageIfAvailable { try feed(buffer: $0, emit) }
        if fed == nil { try Array(bytes).withUnsafeBufferPointer { try feed(buffer: $0, emit) } }
    }

    private mutating func feed(
        buffer bytes: UnsafeBufferPointer<UInt8>, _ emit: ([UInt8], _ line: Int) throws -> Void
    ) throws {
        var runStart: Int? = depth > 0 ? 0 : nil
        var index = 0
        while index < bytes.count {
            if isInString {
                // Most of an object is inside strings: skip to the next quote or backslash.
                index = skipString(bytes, from: index)
                continue
            }
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
            index += 1
        }
        if let start = runStart { record += bytes[start...] }
    }

    /// The index after a string's bytes from `start`, ending after its closing quote or at the end of the piece.
    private mutating func skipString(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
        var index = start
        while index < bytes.count {
            let byte = bytes[index]
            index += 1
            if isEscaped {
                isEscaped = false
            } else if byte == UInt8(ascii: "\\") {
                isEscaped = true
            } else if byte == UInt8(ascii: "\"") {
                isInString = false
                return index
            } else if byte == 0x0A {
                line += 1
            }
        }
        return index
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

    /// Follows brackets inside an object, and notes where a string starts; true at the bracket that closes it.
    private mutating func closesRecord(_ byte: UInt8) -> Bool {
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
