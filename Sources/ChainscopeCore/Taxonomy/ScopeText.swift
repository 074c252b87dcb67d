/// A company field prepared for matching: folded (full-width to half-width, ASCII to lower case, one
/// scalar for one, so offsets carry over to the original), and, when asked, split into clauses at
/// 、；;，,。：: and brackets.
struct ScopeText {
    /// The text as written; empty when the text is read for counting, which quotes nothing
    /// (`classifyForCounting` builds no evidence).
    let original: String
    let bytes: [UInt8]
    /// Clause byte ranges, in order; empty clauses are left out. Empty until `split()`.
    private(set) var clauses: [Range<Int>] = []
    /// Each clause's sentence number: sentences end at ；;。 brackets and line breaks, not at 、，, and
    /// verbs are shared inside one. Empty until `split()`.
    private(set) var clauseSentences: [Int] = []

    init(_ text: String) {
        original = text
        var text = text
        bytes = text.withUTF8 { Self.folded($0) }
    }

    /// A field given as UTF-8 bytes, read for counting: its text as written is not kept.
    init(countingUTF8 utf8: UnsafeBufferPointer<UInt8>) {
        original = ""
        bytes = Self.folded(utf8)
    }

    /// Folds UTF-8 on its bytes: U+FF01…U+FF5E (EF BC 81 … EF BD 9E) to ASCII, U+3000 (E3 80 80) to a
    /// space, A–Z to a–z; one scalar stays one scalar, so the result is never longer. `PatternMatcher` folds the
    /// same way as it reads (`containsMatch(foldingUTF8:)`).
    private static func folded(_ source: UnsafeBufferPointer<UInt8>) -> [UInt8] {
        // With no capacity the initializer writes the count, 0, into the one empty-array storage that all
        // threads share, a write ThreadSanitizer reports when two threads fold an empty text at once.
        guard !source.isEmpty else { return [] }
        return [UInt8](unsafeUninitializedCapacity: source.count) { folded, count in
            var (index, written) = (0, 0)
            while index < source.count {
                let byte = source[index]
                if byte < 0x80 {
                    folded[written] = byte &- 0x41 < 26 ? byte | 0x20 : byte
                    (index, written) = (index + 1, written + 1)
                    continue
                }
                guard byte == 0xEF || byte == 0xE3, index + 2 < source.count else {
                    folded[written] = byte
                    (index, written) = (index + 1, written + 1)
                    continue
                }
                let (second, third) = (source[index + 1], source[index + 2])
                let scalar = (UInt32(byte & 0x0F) << 12) | (UInt32(second & 0x3F) << 6) | UInt32(third & 0x3F)
                if scalar &- 0xFF01 <= 0xFF5E - 0xFF01 {
                    let ascii = UInt8(scalar - 0xFEE0)
                    folded[written] = ascii &- 0x41 < 26 ? ascii | 0x20 : ascii
                    written += 1
                } else if scalar == 0x3000 {
                    folded[written] = 0x20
                    written += 1
                } else {
                    (folded[written], folded[written + 1], folded[written + 2]) = (byte, second, third)
                    written += 3
                }
                index += 3
            }
            count = written
        }
    }

    /// Whether the text is empty or white space only.
    var isBlank: Bool { bytes.allSatisfy { $0 == 0x20 || (0x09...0x0D).contains($0) } }

    /// Splits the text into clauses and numbers their sentences, in one pass.
    mutating func split() {
        (clauses, clauseSentences) = Self.split(bytes)
    }

    /// Folds a pattern the way fields are folded.
    static func fold(_ pattern: String) -> String {
        String(decoding: ScopeText(pattern).bytes, as: UTF8.self)
    }

    /// What a byte ends: ASCII separators by byte, the ideographic ones (E3 80 xx: 、 81, 。 82, 【 90,
    /// 】 91) by their third byte.
    enum Boundary: UInt8 {
        case none
        case clause
        case sentence
    }

    private static let asciiBoundaries: [Boundary] = (0..<256).map { byte in
        if ";.()\n\r[]".utf8.contains(UInt8(byte)) { return .sentence }
        return ",:\t".utf8.contains(UInt8(byte)) ? .clause : .none
    }

    private static let ideographicBoundaries: [Boundary] = (0..<256).map { byte in
        [0x82, 0x90, 0x91].contains(byte) ? .sentence : byte == 0x81 ? .clause : .none
    }

    private static func split(_ bytes: [UInt8]) -> (clauses: [Range<Int>], sentences: [Int]) {
        var clauses: [Range<Int>] = []
        var sentences: [Int] = []
        // A clause is rarely shorter than five characters: enough room that the arrays rarely grow.
        clauses.reserveCapacity(bytes.count / 16)
        sentences.reserveCapacity(bytes.count / 16)
        var (start, index, sentence) = (0, 0, 0)
        func close(_ end: Int) {
            var (low, high) = (start, end)
            while low < high && bytes[low] == 0x20 { low += 1 }
            while high > low && bytes[high - 1] == 0x20 { high -= 1 }
            guard low < high else { return }
            clauses.append(low..<high)
            sentences.append(sentence)
        }
        while index < bytes.count {
            let byte = bytes[index]
            var boundary = Boundary.none
            var length = 1
            if byte < 0x80 {
                boundary = asciiBoundaries[Int(byte)]
            } else if byte == 0xE3, index + 2 < bytes.count, bytes[index + 1] == 0x80 {
                boundary = ideographicBoundaries[Int(bytes[index + 2])]
                length = boundary == .none ? 1 : 3
            }
            if boundary != .none {
                close(index)
                start = index + length
                if boundary == .sentence { sentence += 1 }
            }
            index += length
        }
        close(bytes.count)
        return (clauses, sentences)
    }

    /// The clause holding byte `offset`.
    func clauseIndex(of offset: Int) -> Int? { Self.index(of: offset, in: clauses) }

    private static func index(of offset: Int, in ranges: [Range<Int>]) -> Int? {
        var (low, high) = (0, ranges.count)
        while low < high {
            let middle = (low + high) / 2
            if ranges[middle].upperBound <= offset { low = middle + 1 } else { high = middle }
        }
        return low < ranges.count && ranges[low].contains(offset) ? low : nil
    }

    /// The scalar offset of byte `offset` (the number of scalars that start before it).
    func scalarOffset(_ offset: Int) -> Int {
        bytes[..<offset].reduce(0) { $0 + ($1 & 0xC0 == 0x80 ? 0 : 1) }
    }

    /// The original text of a byte range of the folded text; empty when the text as written was not kept.
    func originalText(_ range: Range<Int>) -> String {
        guard !original.isEmpty else { return "" }
        let scalars = original.unicodeScalars
        let start = scalars.index(scalars.startIndex, offsetBy: scalarOffset(range.lowerBound))
        let end = scalars.index(start, offsetBy: scalarOffset(range.upperBound) - scalarOffset(range.lowerBound))
        return String(scalars[start..<end])
    }
}

/// The folding the classifier applies before matching: full-width to half-width, ASCII to lower case.
public enum ScopeFolding {
    public static func fold(_ text: String) -> String { ScopeText.fold(text) }
}
