/// Aho–Corasick automata compiled to full transition tables over an alphabet of columns (the
/// characters of `PatternMatcher`'s patterns).
enum AhoCorasick {
    /// The automaton of `words` (each a sequence of columns below `width`): the full transition table
    /// (next state by state × width + column) and every state's outputs (the indexes of the words ending
    /// there, failure links followed). Empty words never match.
    static func automaton(_ words: [[UInt32]], width: Int) -> (table: [UInt32], outputs: [[Int32]]) {
        let (children, ends) = trie(words)
        return automaton(children, ends, width: width)
    }

    /// The trie of `words`: each state's children by column, and the words ending at it.
    private static func trie(_ words: [[UInt32]]) -> (children: [[UInt32: UInt32]], ends: [[Int32]]) {
        var children: [[UInt32: UInt32]] = [[:]]
        var ends: [[Int32]] = [[]]
        for (index, word) in words.enumerated() where !word.isEmpty {
            var state = 0
            for column in word {
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
}
