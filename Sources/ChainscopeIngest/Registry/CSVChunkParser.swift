/// Parses one piece of whole CSV records (see `RecordChunks`) the way `CSVParser` does, without
/// making strings: each record comes out as the byte ranges of its fields, and UTF-8 is validated in
/// the same pass. Several pieces can be parsed on several threads at once.
struct CSVChunkParser {
    /// One field as written: `raw` includes the quotes of a quoted field (see `content`).
    struct Field {
        var start: Int
        var end: Int
        var isQuoted: Bool
    }

    /// What stops a piece; lines count from 1 at the piece's start.
    enum Problem: Error {
        case invalidUTF8(line: Int)
        /// The last piece ends inside a UTF-8 character: the file was cut short.
        case truncatedCharacter(line: Int)
        case replacementCharacter(line: Int)
        case unclosedQuote(line: Int)
        /// A piece that is not the last one ends inside quotes: the cut was not at a record end.
        case unaligned
    }

    let delimiter: UInt8
    /// Whether to check that the bytes are UTF-8 without U+FFFD (already done for converted text).
    let validates: Bool
    private var fields: [Field] = []

    init(delimiter: UInt8, validates: Bool) {
        self.delimiter = delimiter
        self.validates = validates
        fields.reserveCapacity(32)
    }

    /// Calls `record` with the fields of each record, in order; returns the lines the piece holds.
    mutating func parse(
        _ bytes: UnsafeBufferPointer<UInt8>, isLast: Bool, record: ([Field]) -> Void
    ) throws(Problem) -> Int {
        var (index, fieldStart, line, quoteLine) = (0, 0, 1, 1)
        var (isQuoted, startsQuoted) = (false, false)
        let count = bytes.count
        fields.removeAll(keepingCapacity: true)
        while index < count {
            let byte = bytes[index]
            if byte >= 0x80 {
                do {
                    index += validates ? try Self.checkedLength(bytes, at: index, line: line) : 1
                } catch .invalidUTF8 where isLast && Self.endsInside(bytes, from: index) {
                    throw .truncatedCharacter(line: line)
                }
                continue
            }
            if isQuoted {
                if byte == 0x22 {
                    // A doubled quote stays inside the field; a single one closes it.
                    if index + 1 < count && bytes[index + 1] == 0x22 {
                        index += 2
                        continue
                    }
                    isQuoted = false
                } else if byte == 0x0A {
                    line += 1
                }
                index += 1
                continue
            }
            switch byte {
            case 0x22 where index == fieldStart:
                (isQuoted, startsQuoted, quoteLine) = (true, true, line)
            case delimiter:
                fields.append(Field(start: fieldStart, end: index, isQuoted: startsQuoted))
                (fieldStart, startsQuoted) = (index + 1, false)
            case 0x0A, 0x0D:
                fields.append(Field(start: fieldStart, end: index, isQuoted: startsQuoted))
                record(fields)
                fields.removeAll(keepingCapacity: true)
                if byte == 0x0D && index + 1 < count && bytes[index + 1] == 0x0A { index += 1 }
                (fieldStart, startsQuoted) = (index + 1, false)
                line += 1
            default: break
            }
            index += 1
        }
        if isQuoted { throw isLast ? .unclosedQuote(line: quoteLine) : .unaligned }
        if fieldStart < count {
            fields.append(Field(start: fieldStart, end: count, isQuoted: startsQuoted))
            record(fields)
        }
        return line - 1
    }

    /// The length of the well-formed UTF-8 sequence at `index` (no overlong forms, surrogates or values
    /// past U+10FFFF, and not U+FFFD, the mark of an earlier bad decode).
    @inline(__always)
    private static func checkedLength(
        _ bytes: UnsafeBufferPointer<UInt8>, at index: Int, line: Int
    ) throws(Problem) -> Int {
        // Most of a Chinese export: three-byte sequences led by E1…EF (ideographs, and the full-width
        // punctuation （）；，), valid with any continuations but after ED (surrogates) and as EF BF BD.
        let lead = bytes[index]
        if lead &- 0xE1 <= 0xEF - 0xE1, lead != 0xED, index + 2 < bytes.count {
            let (second, third) = (bytes[index + 1], bytes[index + 2])
            if second & 0xC0 == 0x80, third & 0xC0 == 0x80, lead != 0xEF || second != 0xBF || third != 0xBD {
                return 3
            }
        }
        guard let length = DecodedChunks.sequenceLength(bytes, at: index) else { throw .invalidUTF8(line: line) }
        if lead == 0xEF && bytes[index + 1] == 0xBF && bytes[index + 2] == 0xBD {
            throw .replacementCharacter(line: line)
        }
        return length
    }

    /// Whether the bytes from `index` to the end are the start of a UTF-8 character cut short.
    private static func endsInside(_ bytes: UnsafeBufferPointer<UInt8>, from index: Int) -> Bool {
        let tail = UnsafeBufferPointer(rebasing: bytes[index...])
        return tail.count <= 3 && TextEncoding.incompleteTail(tail) == tail.count
    }

    /// A field's text: a quoted field without its quotes and with doubled quotes made single, as
    /// `CSVParser` reads it; `scratch` holds the bytes when they differ from the raw ones.
    static func content(
        of field: Field, in bytes: UnsafeBufferPointer<UInt8>, scratch: ByteScratch
    ) -> UnsafeBufferPointer<UInt8> {
        let text = quotedContent(of: field, in: bytes, scratch: scratch)
        guard let inner = excelTextFormula(text) else { return text }
        return UnsafeBufferPointer(rebasing: text[inner])
    }

    private static func quotedContent(
        of field: Field, in bytes: UnsafeBufferPointer<UInt8>, scratch: ByteScratch
    ) -> UnsafeBufferPointer<UInt8> {
        let raw = UnsafeBufferPointer(rebasing: bytes[field.start..<field.end])
        guard field.isQuoted else { return raw }
        let inner = raw.dropFirst()
        if raw.count >= 2, raw.last == 0x22, !inner.dropLast().contains(0x22) {
            return UnsafeBufferPointer(rebasing: inner.dropLast())
        }
        let output = scratch.reserve(raw.count)
        var (isQuoted, index, written) = (true, inner.startIndex, 0)
        while index < inner.endIndex {
            let byte = inner[index]
            index += 1
            if isQuoted && byte == 0x22 {
                guard index < inner.endIndex && inner[index] == 0x22 else {
                    isQuoted = false
                    continue
                }
                index += 1
            }
            output[written] = byte
            written += 1
        }
        return UnsafeBufferPointer(rebasing: output[..<written])
    }
}

/// Memory a parser owns for field text that has to be rewritten; what it hands out stays valid
/// until the next `reserve`.
final class ByteScratch {
    private var buffer = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: 256)

    func reserve(_ count: Int) -> UnsafeMutableBufferPointer<UInt8> {
        if buffer.count < count {
            buffer.deallocate()
            buffer = .allocate(capacity: max(count, buffer.count * 2))
        }
        return buffer
    }

    deinit { buffer.deallocate() }
}
