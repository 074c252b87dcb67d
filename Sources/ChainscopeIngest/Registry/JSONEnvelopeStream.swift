/// Reads an object too large to hold (a data service's response with every page's companies in one array) and
/// hands on the objects in its arrays one by one, each with the line it starts on and the array it is in, and
/// the end of each such array. Only the element being read is held.
///
/// Elements are taken from arrays that are members of an object no more than `levels` objects below the top
/// one, as `JSONExportReader` looks for a response's companies; arrays of arrays and scalars pass by.
struct JSONEnvelopeStream {
    private(set) var text: JSONText
    private let levels: Int
    /// The brackets open around the reading position: `{` or `[`, with an array's number.
    private var containers: [(bracket: UInt8, array: Int)] = []
    private var objects = 0
    private var arrays = 0
    private var element: [UInt8] = []
    private var elementLine = 0
    /// How deep the element's brackets are; 0 between elements.
    private var depth = 0

    init(line: Int, levels: Int) {
        text = JSONText(line: line)
        self.levels = levels
    }

    /// Reads `bytes` from `start`; returns the index after the top object's closing brace when it is among them.
    mutating func feed(
        _ bytes: UnsafeBufferPointer<UInt8>, from start: Int, _ emit: (JSONRecordSplitter.Cut) throws -> Void
    ) throws -> Int? {
        var runStart: Int? = depth > 0 ? start : nil
        var index = start
        while index < bytes.count {
            if text.isInString {
                index = text.skipString(bytes, from: index)
                continue
            }
            let byte = bytes[index]
            if byte == 0x0A { text.line += 1 }
            if depth > 0 {
                if text.closes(byte, depth: &depth), let begin = runStart {
                    element += bytes[begin...index]
                    let array = containers[containers.count - 1].array
                    try emit(.element(element, line: elementLine, array: array, levels: levels - objects))
                    element.removeAll(keepingCapacity: true)
                    runStart = nil
                }
            } else if byte == UInt8(ascii: "{") && isElementStart {
                depth = 1
                elementLine = text.line
                runStart = index
            } else if try step(byte, emit) {
                return index + 1
            }
            index += 1
        }
        if let begin = runStart { element += bytes[begin...] }
        return nil
    }

    /// Whether an object opening here is an element to hand on: in an array that is an object's member.
    private var isElementStart: Bool {
        containers.count >= 2 && containers[containers.count - 1].bracket == UInt8(ascii: "[")
            && containers[containers.count - 2].bracket == UInt8(ascii: "{") && objects <= levels
    }

    /// A byte outside elements; true when it closes the top object.
    private mutating func step(_ byte: UInt8, _ emit: (JSONRecordSplitter.Cut) throws -> Void) throws -> Bool {
        switch byte {
        case UInt8(ascii: "\""): text.isInString = true
        case UInt8(ascii: "{"):
            containers.append((byte, 0))
            objects += 1
        case UInt8(ascii: "["):
            arrays += 1
            containers.append((byte, arrays))
        case UInt8(ascii: "}"), UInt8(ascii: "]"):
            guard let closed = containers.popLast() else { return false }
            if closed.bracket == UInt8(ascii: "{") {
                objects -= 1
            } else {
                try emit(.arrayEnded(array: closed.array))
            }
            return containers.isEmpty
        default: break
        }
        return false
    }

    /// Checks that the text did not stop inside the object; `line` is where it starts.
    func finish(line: Int) throws(JSONRecordSplitter.Failure) {
        throw JSONRecordSplitter.Failure(line: depth > 0 ? elementLine : line, refusal: .jsonUnclosedObject)
    }
}
