/// A company field prepared for matching: folded (full-width to half-width, ASCII to lower case, one
/// scalar for one, so offsets carry over to the original), and, when asked, split into clauses at
/// 、；;，,。：: and brackets.
struct ScopeText {
    let original: String
    let bytes: [UInt8]
    /// Clause byte ranges, in order; empty clauses are left out. Empty until `split()`.
    private(set) var clauses: [Range<Int>] = []
    /// Sentence byte ranges (split at ；;。 brackets and line breaks, not at 、，): verbs are shared
    /// inside a sentence. Empty until `split()`.
    private(set) var sentences: [Range<Int>] = []

    /// Folds `text` on its bytes: U+FF01…U+FF5E (EF BC 81 … EF BD 9E) to ASCII, U+3000 (E3 80 80) to a
    /// space, A–Z to a–z; one scalar stays one scalar.
    init(_ text: String) {
        original = text
        var folded: [UInt8] = []
        folded.reserveCapacity(text.utf8.count)
        // A String is valid UTF-8, so 0xEF and 0xE3 always lead three bytes.
        var utf8 = text.utf8.makeIterator()
        while let byte = utf8.next() {
            switch byte {
            case 0x41...0x5A: folded.append(byte | 0x20)
            case 0xEF, 0xE3:
                guard let second = utf8.next() else {
                    folded.append(byte)
                    continue
                }
                guard let third = utf8.next() else {
                    folded += [byte, second]
                    continue
                }
                let scalar = (UInt32(byte & 0x0F) << 12) | (UInt32(second & 0x3F) << 6) | UInt32(third & 0x3F)
                if (0xFF01...0xFF5E).contains(scalar) {
                    let ascii = UInt8(scalar - 0xFEE0)
                    folded.append((0x41...0x5A).contains(ascii) ? ascii | 0x20 : ascii)
                } else if scalar == 0x3000 {
                    folded.append(0x20)
                } else {
                    folded += [byte, second, third]
                }
            default: folded.append(byte)
            }
        }
        bytes = folded
    }

    /// Whether the text is empty or white space only.
    var isBlank: Bool { bytes.allSatisfy { $0 == 0x20 || (0x09...0x0D).contains($0) } }

    /// Splits the text into clauses and sentences.
    mutating func split() {
        clauses = Self.split(bytes, Self.clauseBoundaries)
        sentences = Self.split(bytes, Self.sentenceBoundaries)
    }

    /// Folds a pattern the way fields are folded.
    static func fold(_ pattern: String) -> String {
        String(decoding: ScopeText(pattern).bytes, as: UTF8.self)
    }

    /// Which bytes end a clause or a sentence: ASCII separators by byte, and the third byte of the
    /// ideographic ones (E3 80 xx: 、 81, 。 82, 【 90, 】 91).
    struct Boundaries {
        var ascii = [Bool](repeating: false, count: 256)
        var ideographic = [Bool](repeating: false, count: 256)

        init(ascii separators: String, ideographic thirdBytes: [UInt8]) {
            for byte in separators.utf8 { ascii[Int(byte)] = true }
            for byte in thirdBytes { ideographic[Int(byte)] = true }
        }
    }

    static let clauseBoundaries = Boundaries(ascii: ",;.():\n\r\t[]", ideographic: [0x81, 0x82, 0x90, 0x91])
    static let sentenceBoundaries = Boundaries(ascii: ";.()\n\r[]", ideographic: [0x82, 0x90, 0x91])

    private static func split(_ bytes: [UInt8], _ boundaries: Boundaries) -> [Range<Int>] {
        var ranges: [Range<Int>] = []
        var start = 0
        var index = 0
        func close(_ end: Int) {
            var (low, high) = (start, end)
            while low < high && bytes[low] == 0x20 { low += 1 }
            while high > low && bytes[high - 1] == 0x20 { high -= 1 }
            if low < high { ranges.append(low..<high) }
        }
        while index < bytes.count {
            let byte = bytes[index]
            if boundaries.ascii[Int(byte)] {
                close(index)
                start = index + 1
            } else if byte == 0xE3, index + 2 < bytes.count, bytes[index + 1] == 0x80,
                boundaries.ideographic[Int(bytes[index + 2])]
            {
                close(index)
                start = index + 3
                index += 2
            }
            index += 1
        }
        close(bytes.count)
        return ranges
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
