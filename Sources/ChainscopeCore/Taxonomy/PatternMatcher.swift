/// Finds every occurrence of many patterns in one pass over a text's UTF-8 bytes (Aho–Corasick,
/// compiled to a full transition table so each byte costs one lookup). A table entry holds the next
/// state's row offset (state × 256) with its lowest bit set when patterns end there, so a byte that
/// ends none reads nothing else.
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

    private let transitions: [Int32]
    /// Patterns ending at each state, including those reached through failure links, flattened:
    /// state `s` owns `outputs[outputStart[s]..<outputStart[s + 1]]`.
    private let outputs: [Int32]
    private let outputStart: [Int32]
    private let lengths: [Int]

    /// Compiles `patterns`; empty patterns never match.
    public init(_ patterns: [String]) {
        var children: [[UInt8: Int32]] = [[:]]
        var ends: [[Int32]] = [[]]
        for (index, pattern) in patterns.enumerated() where !pattern.isEmpty {
            var state: Int32 = 0
            for byte in pattern.utf8 {
                if let next = children[Int(state)][byte] {
                    state = next
                } else {
                    children.append([:])
                    ends.append([])
                    children[Int(state)][byte] = Int32(children.count - 1)
                    state = Int32(children.count - 1)
                }
            }
            ends[Int(state)].append(Int32(index))
        }
        var table = [Int32](repeating: 0, count: children.count * 256)
        var failure = [Int32](repeating: 0, count: children.count)
        var queue: [Int32] = []
        for (byte, child) in children[0] {
            table[Int(byte)] = child
            queue.append(child)
        }
        var head = 0
        while head < queue.count {
            let state = Int(queue[head])
            head += 1
            ends[state] += ends[Int(failure[state])]
            for byte in 0..<256 {
                if let child = children[state][UInt8(byte)] {
                    failure[Int(child)] = table[Int(failure[state]) * 256 + byte]
                    table[state * 256 + byte] = child
                    queue.append(child)
                } else {
                    table[state * 256 + byte] = table[Int(failure[state]) * 256 + byte]
                }
            }
        }
        transitions = table.map { $0 * 256 | (ends[Int($0)].isEmpty ? 0 : 1) }
        outputs = ends.flatMap { $0 }
        var starts: [Int32] = [0]
        for end in ends { starts.append(starts.last! + Int32(end.count)) }
        outputStart = starts
        lengths = patterns.map(\.utf8.count)
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
        transitions.withUnsafeBufferPointer { table in
            outputStart.withUnsafeBufferPointer { starts in
                var row = 0
                for index in 0..<bytes.count {
                    let entry = table[row &+ Int(bytes[index])]
                    row = Int(entry & ~1)
                    guard entry & 1 != 0 else { continue }
                    let state = row >> 8
                    for position in Int(starts[state])..<Int(starts[state &+ 1]) {
                        let pattern = Int(outputs[position])
                        found.append(Match(pattern: pattern, start: index + 1 - lengths[pattern], end: index + 1))
                    }
                }
            }
        }
        // Outputs of one state come from its own patterns, then its failure states': order them.
        found.sort { ($0.end, $0.pattern) < ($1.end, $1.pattern) }
        return found
    }
}
