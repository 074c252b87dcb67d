/// Cuts JSON text, fed in pieces, into the objects it holds at its top level: one per line (JSON lines), spread
/// over several lines (a pretty-printed sequence), or the elements of a top-level array (`[{…}, {…}]`, what
/// `json.dump` of a list writes). Each object is handed on with the line it starts on; only the object being
/// read is held, so a file of any size streams through. An object that grows past `holdLimit` bytes is a data
/// service's response holding more companies than memory should (every page of one in a single array): the
/// objects in its arrays are handed on one by one instead (`JSONEnvelopeStream`).
struct JSONRecordSplitter {
    struct Failure: Error {
        let line: Int
        let refusal: FileRefusal
    }

    /// What the splitter hands on: a top-level object, or the pieces of one too large to hold.
    enum Cut {
        case object([UInt8], line: Int)
        /// An object in an array of a large object; `levels` says how many objects deeper companies may be looked
        /// for, counted as `JSONExportReader` counts them.
        case element([UInt8], line: Int, array: Int, levels: Int)
        /// The end of an array that elements came from.
        case arrayEnded(array: Int)
        /// The end of an object too large to hold, which starts on `line`.
        case largeObjectEnded(line: Int)
    }

    /// Where the reading is: in a string or not, and the line of the next byte.
    private var text: JSONText
    private var record: [UInt8] = []
    private var recordLine = 0
    /// How deep the current object's brackets are; 0 between objects.
    private var depth = 0
    /// True between the `[` and `]` of a top-level array.
    private var isInArray = false
    private let holdLimit: Int
    private let envelopeLevels: Int
    private var envelope: JSONEnvelopeStream?

    init(firstLine: Int = 1, holdLimit: Int = .max, envelopeLevels: Int = 0) {
        text = JSONText(line: firstLine)
        self.holdLimit = holdLimit
        self.envelopeLevels = envelopeLevels
    }

    /// Feeds text that holds no object larger than the hold limit: only whole objects come out.
    mutating func feed(_ bytes: some Collection<UInt8>, _ emit: ([UInt8], _ line: Int) throws -> Void) throws {
        try feed(bytes) { (cut: Cut) in
            if case .object(let object, let line) = cut { try emit(object, line) }
        }
    }

    mutating func feed(_ bytes: some Collection<UInt8>, _ emit: (Cut) throws -> Void) throws {
        let fed: Void? = try bytes.withContiguousStorageIfAvailable { try feed(buffer: $0, emit) }
        if fed == nil { try Array(bytes).withUnsafeBufferPointer { try feed(buffer: $0, emit) } }
    }

    private mutating func feed(buffer bytes: UnsafeBufferPointer<UInt8>, _ emit: (Cut) throws -> Void) throws {
        var index = 0
        while index < bytes.count {
            if envelope != nil {
                guard let end = try envelope!.feed(bytes, from: index, emit) else { return }
                text = envelope!.text
                envelope = nil
                index = end
                try emit(.largeObjectEnded(line: recordLine))
            }
            index = try split(bytes, from: index, emit)
        }
    }

    /// Splits from `start` to the end of the piece, or until an object grows past the hold limit; returns where
    /// it stopped.
    private mutating func split(
        _ bytes: UnsafeBufferPointer<UInt8>, from start: Int, _ emit: (Cut) throws -> Void
    ) throws -> Int {
        var runStart: Int? = depth > 0 ? start : nil
        var index = start
        while index < bytes.count {
            if text.isInString {
                // Most of an object is inside strings: skip to the next quote or backslash.
                index = text.skipString(bytes, from: index)
                continue
            }
            let byte = bytes[index]
            if byte == 0x0A { text.line += 1 }
            if depth > 0, let first = runStart {
                if text.closes(byte, depth: &depth) {
                    record += bytes[first...index]
                    try emit(.object(record, line: recordLine))
                    record.removeAll(keepingCapacity: true)
                    runStart = nil
                } else if record.count + index - first >= holdLimit {
                    record += bytes[first...index]
                    try streamEnvelope(emit)
                    return index + 1
                }
            } else if byte == UInt8(ascii: "{") {
                depth = 1
                recordLine = text.line
                runStart = index
            } else {
                try between(byte)
            }
            index += 1
        }
        if let first = runStart { record += bytes[first...] }
        return index
    }

    /// Hands the object being read, too large to hold, to an envelope stream, which reads it again from its start.
    private mutating func streamEnvelope(_ emit: (Cut) throws -> Void) throws {
        var stream = JSONEnvelopeStream(line: recordLine, levels: envelopeLevels)
        let end = try record.withUnsafeBufferPointer { try stream.feed($0, from: 0, emit) }
        precondition(end == nil, "an object closed within the bytes held would have been handed on whole")
        record = []
        depth = 0
        text = stream.text
        envelope = stream
    }

    /// Checks that the text did not stop inside an object or an array.
    func finish() throws(Failure) {
        if let envelope { try envelope.finish(line: recordLine) }
        if depth > 0 {
            throw Failure(line: recordLine, refusal: .jsonUnclosedObject)
        }
        if isInArray {
            throw Failure(line: text.line, refusal: .jsonUnclosedArray)
        }
    }

    /// A byte between objects: white space, or the brackets and commas of a top-level array.
    private mutating func between(_ byte: UInt8) throws(Failure) {
        switch byte {
        case 0x20, 0x09, 0x0A, 0x0D: break
        case UInt8(ascii: "[") where !isInArray: isInArray = true
        case UInt8(ascii: ",") where isInArray: break
        case UInt8(ascii: "]") where isInArray: isInArray = false
        case UInt8(ascii: "[") where isInArray:
            throw Failure(line: text.line, refusal: .jsonArrayOfArrays)
        default:
            let found = byte < 0x80 ? Character(Unicode.Scalar(byte)) : nil
            throw Failure(line: text.line, refusal: .jsonNotAnObject(isInArray: isInArray, found: found))
        }
    }
}

/// Where a reader of JSON text is: inside a string or not, after a backslash or not, and on which line.
struct JSONText {
    var line: Int
    var isInString = false
    var isEscaped = false

    init(line: Int) { self.line = line }

    /// Follows brackets inside an object, and notes where a string starts; true at the bracket that closes it.
    mutating func closes(_ byte: UInt8, depth: inout Int) -> Bool {
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

    /// The index after a string's bytes from `start`, ending after its closing quote or at the end of the piece.
    mutating func skipString(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
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
}
