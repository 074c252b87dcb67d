/// Finds every occurrence of many patterns in one pass over a text (Aho–Corasick, compiled to a full
/// transition table), a character at a time. A step of the automaton waits for the table entry the
/// previous step chose; reading Chinese by characters rather than by bytes makes a third of the steps,
/// and finding a character's column (the work between steps) does not depend on the state, so the
/// processor overlaps it with the wait. Characters that occur in no pattern share column 0.
///
/// The table holds a row per trie state, as wide as the patterns' distinct characters rounded up to a
/// power of two, of 4 bytes each: 3 MB for the AI taxonomy's 365 words and phrases (328 characters,
/// 1,577 states), 0.5 MB for the integrated-circuit one. Up to 65,535 distinct characters.
public struct PatternMatcher: Sendable {
    /// One occurrence: the pattern's index and its UTF-8 byte range in the text.
    public struct Match: Sendable, Hashable {
        public let pattern: Int
        public let start: Int
        public let end: Int

        public init(pattern: Int, start: Int, end: Int) {
            self.pattern = pattern
            self.start = start
            self.end = end
        }
    }

    /// The compiled automaton, behind one reference (a copy costs one retain).
    private final class Tables: Sendable {
        /// The page of a character's column by its code point / 256 (up to 0x1100, the page of what is
        /// not a character); 0 for pages without a pattern character (that page holds only column 0).
        let pages: [UInt16]
        /// Columns by page × 256 + code point % 256: each pattern character has its own, all others 0.
        let columns: [UInt16]
        /// The next state's row offset by row offset + column, its lowest bit set when a pattern ends.
        let transitions: [UInt32]
        /// log2 of a row's width.
        let rowShift: UInt32
        /// Patterns ending at each state, failure links followed, flattened: state `s` owns
        /// `outputs[outputStart[s]..<outputStart[s + 1]]`.
        let outputs: [Int32]
        let outputStart: [Int32]
        /// Each pattern's length in UTF-8 bytes.
        let lengths: [Int]

        init(
            pages: [UInt16], columns: [UInt16], transitions: [UInt32], rowShift: UInt32, outputs: [[Int32]],
            lengths: [Int]
        ) {
            self.pages = pages
            self.columns = columns
            self.transitions = transitions
            self.rowShift = rowShift
            self.outputs = outputs.flatMap { $0 }
            var starts: [Int32] = [0]
            for end in outputs { starts.append(starts.last! + Int32(end.count)) }
            outputStart = starts
            self.lengths = lengths
        }
    }

    private let tables: Tables

    /// Compiles `patterns`; empty patterns never match.
    public init(_ patterns: [String]) {
        var pages = [UInt16](repeating: 0, count: 0x1101)
        var columns = [UInt16](repeating: 0, count: 256)
        var column: [UInt32: UInt32] = [:]
        for scalar in Set(patterns.flatMap(\.unicodeScalars)).sorted(by: { $0.value < $1.value }) {
            let code = Int(scalar.value)
            if pages[code >> 8] == 0 {
                pages[code >> 8] = UInt16(columns.count / 256)
                columns += [UInt16](repeating: 0, count: 256)
            }
            column[scalar.value] = UInt32(column.count + 1)
            columns[Int(pages[code >> 8]) << 8 | code & 0xFF] = UInt16(column.count)
        }
        var shift: UInt32 = 1
        while 1 << shift < column.count + 1 { shift += 1 }
        let words = patterns.map { $0.unicodeScalars.map { column[$0.value]! } }
        let (table, outputs) = AhoCorasick.automaton(words, width: 1 << Int(shift))
        tables = Tables(
            pages: pages, columns: columns,
            transitions: table.map { $0 << shift | (outputs[Int($0)].isEmpty ? 0 : 1) }, rowShift: shift,
            outputs: outputs, lengths: patterns.map(\.utf8.count))
    }

    /// Whether any pattern occurs in `bytes` (UTF-8); stops at the first occurrence.
    public func containsMatch(in bytes: [UInt8]) -> Bool {
        bytes.withUnsafeBufferPointer { containsMatch(in: $0, folding: false) }
    }

    /// Whether any pattern occurs in `utf8` read with the folding `ScopeText` applies (full-width forms
    /// to ASCII, U+3000 to a space, A–Z to a–z), without making a folded copy: for patterns that are
    /// folded already. Stops at the first occurrence.
    public func containsMatch(foldingUTF8 utf8: UnsafeBufferPointer<UInt8>) -> Bool {
        containsMatch(in: utf8, folding: true)
    }

    @inline(__always)
    private func containsMatch(in utf8: UnsafeBufferPointer<UInt8>, folding: Bool) -> Bool {
        tables.transitions.withUnsafeBufferPointer { table in
            tables.pages.withUnsafeBufferPointer { pages in
                tables.columns.withUnsafeBufferPointer { columns in
                    var (index, row) = (0, UInt32(0))
                    while index < utf8.count {
                        let (code, length) = Self.scalar(utf8, at: index, folding: folding)
                        let entry = table[Int(row | Self.column(of: code, pages, columns))]
                        if entry & 1 != 0 { return true }
                        (row, index) = (entry, index + length)
                    }
                    return false
                }
            }
        }
    }

    /// Every occurrence in `text`, ordered by end offset, then by pattern index.
    public func matches(in text: String) -> [Match] {
        var text = text
        return text.withUTF8 { matches(in: $0) }
    }

    /// Every occurrence in `bytes` (UTF-8), ordered by end offset, then by pattern index.
    public func matches(in bytes: [UInt8]) -> [Match] {
        bytes.withUnsafeBufferPointer { matches(in: $0) }
    }

    /// Every occurrence in `utf8`, ordered by end offset, then by pattern index.
    public func matches(in utf8: UnsafeBufferPointer<UInt8>) -> [Match] {
        var found: [Match] = []
        // About one match per clause: enough room that the array rarely grows.
        found.reserveCapacity(max(8, utf8.count / 16))
        let tables = tables
        tables.transitions.withUnsafeBufferPointer { table in
            tables.pages.withUnsafeBufferPointer { pages in
                tables.columns.withUnsafeBufferPointer { columns in
                    var (index, row) = (0, UInt32(0))
                    while let end = Self.nextOutput(in: utf8, from: &index, row: &row, table, pages, columns) {
                        let state = Int(row >> tables.rowShift)
                        for position in Int(tables.outputStart[state])..<Int(tables.outputStart[state + 1]) {
                            let pattern = Int(tables.outputs[position])
                            found.append(Match(pattern: pattern, start: end - tables.lengths[pattern], end: end))
                        }
                    }
                }
            }
        }
        // Outputs of one state come from its own patterns, then its failure states': order them.
        found.sort { ($0.end, $0.pattern) < ($1.end, $1.pattern) }
        return found
    }

    /// Runs the automaton from `index` in state `row` to the next character where patterns end and
    /// returns the offset after it (nil at the end). Kept apart from the handling of outputs so that the
    /// loop keeps its state in registers.
    @inline(never)
    private static func nextOutput(
        in utf8: UnsafeBufferPointer<UInt8>, from index: inout Int, row: inout UInt32,
        _ table: UnsafeBufferPointer<UInt32>, _ pages: UnsafeBufferPointer<UInt16>,
        _ columns: UnsafeBufferPointer<UInt16>
    ) -> Int? {
        var (position, state) = (index, row)
        defer { (index, row) = (position, state) }
        while position < utf8.count {
            let (code, length) = scalar(utf8, at: position, folding: false)
            let entry = table[Int(state | column(of: code, pages, columns))]
            state = entry & ~1
            position += length
            if entry & 1 != 0 { return position }
        }
        return nil
    }

    /// The column of code point `code`: its page, then its place in the page.
    @inline(__always)
    private static func column(
        of code: UInt32, _ pages: UnsafeBufferPointer<UInt16>, _ columns: UnsafeBufferPointer<UInt16>
    ) -> UInt32 {
        UInt32(columns[Int(pages[Int(code >> 8)]) << 8 | Int(code & 0xFF)])
    }

    /// The code point of the character at `index`, folded when asked, and its length in bytes.
    @inline(__always)
    private static func scalar(
        _ utf8: UnsafeBufferPointer<UInt8>, at index: Int, folding: Bool
    ) -> (UInt32, Int) {
        let lead = utf8[index]
        if lead < 0x80 { return (UInt32(folding && lead &- 0x41 < 26 ? lead | 0x20 : lead), 1) }
        if lead &- 0xE0 < 0x10, index + 2 < utf8.count {
            var code = UInt32(lead & 0x0F) << 12 | UInt32(utf8[index + 1] & 0x3F) << 6 | UInt32(utf8[index + 2] & 0x3F)
            guard folding else { return (code, 3) }
            if code &- 0xFF01 <= 0xFF5E - 0xFF01 {
                code -= 0xFEE0
                if code &- 0x41 < 26 { code |= 0x20 }
            } else if code == 0x3000 {
                code = 0x20
            }
            return (code, 3)
        }
        if lead &- 0xC0 < 0x20, index + 1 < utf8.count {
            return (UInt32(lead & 0x1F) << 6 | UInt32(utf8[index + 1] & 0x3F), 2)
        }
        if lead &- 0xF0 < 0x08, index + 3 < utf8.count {
            let code =
                UInt32(lead & 0x07) << 18 | UInt32(utf8[index + 1] & 0x3F) << 12 | UInt32(utf8[index + 2] & 0x3F) << 6
                | UInt32(utf8[index + 3] & 0x3F)
            return (min(code, 0x10FFFF), 4)
        }
        // A continuation byte or an incomplete sequence: past the last code point, so no pattern's.
        return (0x11_0000, 1)
    }
}
