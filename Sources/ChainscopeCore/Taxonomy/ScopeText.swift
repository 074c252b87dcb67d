/// A company field prepared for matching: folded (full-width to half-width, ASCII to lower case, one
/// scalar for one, so offsets carry over to the original), split into clauses at 、；;，,。：: and brackets.
struct ScopeText {
    let original: String
    let bytes: [UInt8]
    /// Clause byte ranges, in order; empty clauses are left out.
    let clauses: [Range<Int>]
    /// Sentence byte ranges (split at ；;。 brackets and line breaks, not at 、，): the verbs of
    /// `X、Y的研发、生产及销售` apply to every item of the sentence.
    let sentences: [Range<Int>]

    init(_ text: String, splitsClauses: Bool) {
        original = text
        var folded: [UInt8] = []
        folded.reserveCapacity(text.utf8.count)
        for byte in TextFolding.halfWidth(text).utf8 {
            folded.append((0x41...0x5A).contains(byte) ? byte | 0x20 : byte)
        }
        bytes = folded
        let whole = folded.isEmpty ? [] : [0..<folded.count]
        clauses =
            splitsClauses
            ? Self.split(folded, ascii: Self.asciiSeparators, ideographic: Self.ideographicSeparators) : whole
        sentences =
            splitsClauses
            ? Self.split(folded, ascii: Self.sentenceSeparators, ideographic: Self.ideographicSentenceSeparators)
            : whole
    }

    /// Folds a pattern the way fields are folded.
    static func fold(_ pattern: String) -> String {
        String(decoding: ScopeText(pattern, splitsClauses: false).bytes, as: UTF8.self)
    }

    private static let asciiSeparators: Set<UInt8> = Set(",;.():\n\r\t[]".utf8)
    /// 、 and 。 (E3 80 81, E3 80 82), and 【】 (E3 80 90, E3 80 91).
    private static let ideographicSeparators: Set<UInt8> = [0x81, 0x82, 0x90, 0x91]
    private static let sentenceSeparators: Set<UInt8> = Set(";.()\n\r[]".utf8)
    /// 。 and 【】.
    private static let ideographicSentenceSeparators: Set<UInt8> = [0x82, 0x90, 0x91]

    private static func split(_ bytes: [UInt8], ascii: Set<UInt8>, ideographic: Set<UInt8>) -> [Range<Int>] {
        var clauses: [Range<Int>] = []
        var start = 0
        var index = 0
        func close(_ end: Int) {
            var (low, high) = (start, end)
            while low < high && bytes[low] == 0x20 { low += 1 }
            while high > low && bytes[high - 1] == 0x20 { high -= 1 }
            if low < high { clauses.append(low..<high) }
        }
        while index < bytes.count {
            let byte = bytes[index]
            if ascii.contains(byte) {
                close(index)
                start = index + 1
            } else if byte == 0xE3, index + 2 < bytes.count, bytes[index + 1] == 0x80,
                ideographic.contains(bytes[index + 2])
            {
                close(index)
                start = index + 3
                index += 2
            }
            index += 1
        }
        close(bytes.count)
        return clauses
    }

    /// The clause holding byte `offset`.
    func clauseIndex(of offset: Int) -> Int? { Self.index(of: offset, in: clauses) }

    /// The sentence holding byte `offset`.
    func sentenceIndex(of offset: Int) -> Int? { Self.index(of: offset, in: sentences) }

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

    /// The original text of a byte range of the folded text.
    func originalText(_ range: Range<Int>) -> String {
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
