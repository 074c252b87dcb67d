/// Finds every occurrence of many patterns in one pass over a text's UTF-8 bytes (Aho–Corasick,
/// compiled to a full transition table so each byte costs one lookup). Bytes that no pattern holds
/// share one column, so a row of the table is a few hundred bytes rather than a kilobyte and the rows
/// a text visits stay in the fastest cache. A table entry holds the next state's row offset with its
/// lowest bit set when patterns end there, so a byte that ends none reads nothing else.
public struct PatternMatcher: Sendable {
    /// One occurrence: the pattern's index and its byte range in the text.
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

    /// The compiled automaton, behind one reference: a matcher is copied wherever it is read, and a copy
    /// then costs one retain rather than one per table.
    private final class Tables: Sendable {
        /// Each byte's column: bytes that occur in patterns have their own, all others share column 0.
        let columns: [UInt32]
        let transitions: [UInt32]
        /// Patterns ending at each state, including those reached through failure links, flattened:
        /// state `s` owns `outputs[outputStart[s]..<outputStart[s + 1]]`.
        let outputs: [Int32]
        let outputStart: [Int32]
        let lengths: [Int]
        /// log2 of a row's width (a power of two, so that a row offset needs no multiplication).
        let rowShift: UInt32

        init(
            columns: [UInt32], transitions: [UInt32], outputs: [Int32], outputStart: [Int32], lengths: [Int],
            rowShift: UInt32
        ) {
            self.columns = columns
            self.transitions = transitions
            self.outputs = outputs
            self.outputStart = outputStart
            self.lengths = lengths
            self.rowShift = rowShift
        }
    }

    private let tables: Tables

    /// Compiles `patterns`; empty patterns never match.
    public init(_ patterns: [String]) {
        var columns = [UInt32](repeating: 0, count: 256)
        var width: UInt32 = 1
        for byte in Set(patterns.flatMap(\.utf8)).sorted() {
            columns[Int(byte)] = width
            width += 1
        }
        var shift: UInt32 = 1
        while 1 << shift < width { shift += 1 }
        let (children, ends) = Self.trie(patterns, columns: columns)
        let (table, outputs) = Self.automaton(children, ends, width: 1 << Int(shift))
        var starts: [Int32] = [0]
        for end in outputs { starts.append(starts.last! + Int32(end.count)) }
        tables = Tables(
            columns: columns, transitions: table.map { $0 << shift | (outputs[Int($0)].isEmpty ? 0 : 1) },
            outputs: outputs.flatMap { $0 }, outputStart: starts, lengths: patterns.map(\.utf8.count), rowShift: shift)
    }

    /// The trie of `patterns` over columns: each state's children, and the patterns ending at it.
    private static func trie(_ patterns: [String], columns: [UInt32]) -> (children: [[UInt32: UInt32]], ends: [[Int32]])
    {
        var children: [[UInt32: UInt32]] = [[:]]
        var ends: [[Int32]] = [[]]
        for (index, pattern) in patterns.enumerated() where !pattern.isEmpty {
            var state = 0
            for byte in pattern.utf8 {
                let column = columns[Int(byte)]
                if let next = children[state][column] {
                    state = Int(next)
                } else {
                    children.append([:])
                    ends.append([])
                    children[state][column] = UInt32(children.count - 1)
                    state = children.count - 1
                }
            }
            ends[state].append(Int32(index))
        }
        return (children, ends)
    }

    /// The full transition table (next state by state and column) and every state's outputs, failure
    /// links followed, in breadth-first order.
    private static func automaton(
        _ children: [[UInt32: UInt32]], _ ends: [[Int32]], width: Int
    ) -> (table: [UInt32], outputs: [[Int32]]) {
        var ends = ends
        var table = [UInt32](repeating: 0, count: children.count * width)
        var failure = [Int](repeating: 0, count: children.count)
        var queue: [Int] = []
        for (column, child) in children[0] {
            table[Int(column)] = child
            queue.append(Int(child))
        }
        var head = 0
        while head < queue.count {
            let state = queue[head]
            head += 1
            ends[state] += ends[failure[state]]
            for column in 0..<width {
                if let child = children[state][UInt32(column)] {
                    failure[Int(child)] = Int(table[failure[state] * width + column])
                    table[state * width + column] = child
                    queue.append(Int(child))
                } else {
                    table[state * width + column] = table[failure[state] * width + column]
                }
            }
        }
        return (table, ends)
    }

    /// Whether any pattern occurs in `bytes`; stops at the first occurrence.
    public func containsMatch(in bytes: [UInt8]) -> Bool {
        containsMatch { step in
            for byte in bytes where !step(byte) { return }
        }
    }

    /// Whether any pattern occurs in the bytes that `feed` passes to the step it is given, one by one
    /// (the step returns false, and feeding should stop, at the first occurrence).
    @inline(__always)
    func containsMatch(feeding feed: (_ step: (UInt8) -> Bool) -> Void) -> Bool {
        tables.transitions.withUnsafeBufferPointer { table in
            tables.columns.withUnsafeBufferPointer { columns in
                var row: UInt32 = 0
                var found = false
                feed { byte in
                    let entry = table[Int(row | columns[Int(byte)])]
                    found = entry & 1 != 0
                    row = entry
                    return !found
                }
                return found
            }
        }
    }

    /// Every occurrence in `text`, ordered by end offset, then by pattern index.
    public func matches(in text: String) -> [Match] {
        var text = text
        return text.withUTF8 { bytes in matches(in: bytes) }
    }

    /// Every occurrence in `bytes`, ordered by end offset, then by pattern index.
    public func matches(in bytes: [UInt8]) -> [Match] {
        bytes.withUnsafeBufferPointer { matches(in: $0) }
    }

    /// Every occurrence in `bytes`, ordered by end offset, then by pattern index.
    public func matches(in bytes: UnsafeBufferPointer<UInt8>) -> [Match] {
        var found: [Match] = []
        // About one match per clause: enough room that the array rarely grows.
        found.reserveCapacity(max(8, bytes.count / 16))
        tables.transitions.withUnsafeBufferPointer { table in
            tables.columns.withUnsafeBufferPointer { columns in
                var (row, index) = (UInt32(0), 0)
                while let end = Self.nextOutput(in: bytes, from: &index, row: &row, table, columns) {
                    let state = Int(row >> tables.rowShift)
                    for position in Int(tables.outputStart[state])..<Int(tables.outputStart[state + 1]) {
                        let pattern = Int(tables.outputs[position])
                        found.append(Match(pattern: pattern, start: end - tables.lengths[pattern], end: end))
                    }
                }
            }
        }
        // Outputs of one state come from its own patterns, then its failure states': order them.
        found.sort { ($0.end, $0.pattern) < ($1.end, $1.pattern) }
        return found
    }

    /// Runs the automaton from `index` in state `row` to the next byte where patterns end and returns
    /// the offset after it (nil at the end of `bytes`). Kept apart from the handling of outputs so that
    /// the loop, which is most of the time spent, keeps its state in registers.
    @inline(never)
    private static func nextOutput(
        in bytes: UnsafeBufferPointer<UInt8>, from index: inout Int, row: inout UInt32,
        _ table: UnsafeBufferPointer<UInt32>, _ columns: UnsafeBufferPointer<UInt32>
    ) -> Int? {
        var (position, state) = (index, row)
        defer { (index, row) = (position, state) }
        while position < bytes.count {
            let entry = table[Int(state | columns[Int(bytes[position])])]
            state = entry & ~1
            position += 1
            if entry & 1 != 0 { return position }
        }
        return nil
    }
}
