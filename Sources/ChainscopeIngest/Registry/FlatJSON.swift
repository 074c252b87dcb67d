/// Reads one JSON object into its keys and values as text, in the order written: strings unescaped,
/// numbers exactly as written (JSON numbers are not squeezed through a binary double, so an
/// 18-digit number stays exact), `null` as empty, nested arrays and objects as their JSON text. Python's
/// `json.dump` writes a missing number (pandas' NaN) as `NaN`, read as empty, and infinities as `Infinity`.
struct FlatJSON {
    struct Failure: Error {
        let offset: Int
        let expected: FileRefusal.JSONExpectation
    }

    private let bytes: [UInt8]
    private var index = 0

    static func object(_ bytes: [UInt8]) throws(Failure) -> [(key: String, value: String)] {
        try members(bytes).map { ($0.key, $0.value) }
    }

    /// The object's keys and values, each with the bytes its value was read from.
    static func members(_ bytes: [UInt8]) throws(Failure) -> [(key: String, value: String, bytes: Range<Int>)] {
        var parser = FlatJSON(bytes: bytes)
        let members = try parser.parseObject()
        parser.skipSpace()
        guard parser.index == bytes.count else {
            throw Failure(offset: parser.index, expected: .endOfObject)
        }
        return members
    }

    private init(bytes: [UInt8]) { self.bytes = bytes }

    private mutating func parseObject() throws(Failure) -> [(key: String, value: String, bytes: Range<Int>)] {
        try expect(UInt8(ascii: "{"))
        var pairs: [(key: String, value: String, bytes: Range<Int>)] = []
        skipSpace()
        if peek == UInt8(ascii: "}") {
            index += 1
            return pairs
        }
        while true {
            skipSpace()
            let key = try parseString()
            skipSpace()
            try expect(UInt8(ascii: ":"))
            skipSpace()
            let start = index
            let value = try parseValue()
            pairs.append((key, value, start..<index))
            skipSpace()
            if peek == UInt8(ascii: ",") {
                index += 1
                continue
            }
            try expect(UInt8(ascii: "}"))
            return pairs
        }
    }

    private mutating func parseValue() throws(Failure) -> String {
        switch peek {
        case UInt8(ascii: "\""): return try parseString()
        case UInt8(ascii: "{"), UInt8(ascii: "["): return try rawNested()
        case UInt8(ascii: "t"): return try literal("true")
        case UInt8(ascii: "f"): return try literal("false")
        case UInt8(ascii: "n"): return try literal("null")
        case UInt8(ascii: "N"): return try literal("NaN")
        case UInt8(ascii: "I"): return try literal("Infinity")
        case UInt8(ascii: "-") where bytes.count > index + 1 && bytes[index + 1] == UInt8(ascii: "I"):
            return try literal("-Infinity")
        default: return try parseNumber()
        }
    }

    private mutating func literal(_ word: String) throws(Failure) -> String {
        let expected = Array(word.utf8)
        guard bytes.count >= index + expected.count, Array(bytes[index..<index + expected.count]) == expected else {
            throw Failure(offset: index, expected: .value)
        }
        index += expected.count
        return word == "null" || word == "NaN" ? "" : word
    }

    private mutating func parseNumber() throws(Failure) -> String {
        let start = index
        while let byte = peek, "+-.eE0123456789".utf8.contains(byte) { index += 1 }
        guard index > start else { throw Failure(offset: index, expected: .value) }
        return String(decoding: bytes[start..<index], as: UTF8.self)
    }

    private mutating func parseString() throws(Failure) -> String {
        try expect(UInt8(ascii: "\""))
        var scalars = String.UnicodeScalarView()
        var run: [UInt8] = []
        func flush() {
            scalars.append(contentsOf: String(decoding: run, as: UTF8.self).unicodeScalars)
            run.removeAll()
        }
        while let byte = peek {
            index += 1
            switch byte {
            case UInt8(ascii: "\""):
                flush()
                return String(scalars)
            case UInt8(ascii: "\\"):
                flush()
                scalars.append(try parseEscape())
            default:
                run.append(byte)
            }
        }
        throw Failure(offset: index, expected: .closingQuote)
    }

    private mutating func parseEscape() throws(Failure) -> Unicode.Scalar {
        guard let byte = peek else { throw Failure(offset: index, expected: .escape) }
        index += 1
        switch byte {
        case UInt8(ascii: "n"): return "\n"
        case UInt8(ascii: "t"): return "\t"
        case UInt8(ascii: "r"): return "\r"
        case UInt8(ascii: "b"): return "\u{08}"
        case UInt8(ascii: "f"): return "\u{0C}"
        case UInt8(ascii: "u"):
            let high = try hex4()
            if (0xD800..<0xDC00).contains(high), peek == UInt8(ascii: "\\") {
                index += 2
                let low = try hex4()
                if let scalar = Unicode.Scalar(0x10000 + (high - 0xD800) << 10 + (low - 0xDC00)) { return scalar }
            }
            guard let scalar = Unicode.Scalar(high) else {
                throw Failure(offset: index, expected: .unicodeEscape)
            }
            return scalar
        default: return Unicode.Scalar(byte)
        }
    }

    private mutating func hex4() throws(Failure) -> UInt32 {
        guard bytes.count >= index + 4,
            let value = UInt32(String(decoding: bytes[index..<index + 4], as: UTF8.self), radix: 16)
        else { throw Failure(offset: index, expected: .hexDigits) }
        index += 4
        return value
    }

    /// A nested array or object, kept as its JSON text.
    private mutating func rawNested() throws(Failure) -> String {
        let start = index
        var depth = 0
        var inString = false
        while let byte = peek {
            index += 1
            if inString {
                if byte == UInt8(ascii: "\\") {
                    index += 1
                } else if byte == UInt8(ascii: "\"") {
                    inString = false
                }
                continue
            }
            switch byte {
            case UInt8(ascii: "\""): inString = true
            case UInt8(ascii: "{"), UInt8(ascii: "["): depth += 1
            case UInt8(ascii: "}"), UInt8(ascii: "]"):
                depth -= 1
                if depth == 0 { return String(decoding: bytes[start..<index], as: UTF8.self) }
            default: break
            }
        }
        throw Failure(offset: index, expected: .endOfNestedValue)
    }

    private var peek: UInt8? { index < bytes.count ? bytes[index] : nil }

    private mutating func skipSpace() {
        while let byte = peek, byte == 0x20 || byte == 0x09 || byte == 0x0D || byte == 0x0A { index += 1 }
    }

    private mutating func expect(_ byte: UInt8) throws(Failure) {
        guard peek == byte else {
            throw Failure(offset: index, expected: .character(Character(Unicode.Scalar(byte))))
        }
        index += 1
    }
}
