extension Classifier.Analysis {
    /// 的, which joins a list to its verbs: `A、B的销售`.
    static let possessive = Array("的".utf8)

    /// Whether `bytes` holds `needle` (a few bytes long).
    static func contains(_ needle: [UInt8], in bytes: ArraySlice<UInt8>) -> Bool {
        guard bytes.count >= needle.count else { return false }
        var index = bytes.startIndex
        while index <= bytes.endIndex - needle.count {
            if bytes[index] == needle[0] && bytes[index..<(index + needle.count)].elementsEqual(needle) { return true }
            index += 1
        }
        return false
    }

    /// A clause of verbs and at most one connector (`生产`, `生产及销售`, `研发与生产`).
    static func isVerbTail(_ facts: ClauseFacts, _ range: Range<Int>) -> Bool {
        !facts.hasTerm && facts.verbBytes > 0 && range.count - facts.verbBytes <= 3
    }

    /// Lends verbs between the clauses of one sentence, the way scopes write lists:
    /// - `A、B的研发、生产及销售`: a clause takes the verbs of the verb-only clauses that follow it, and a
    ///   clause without a verb those of the next clause when that one is joined by 的 or verb-less too
    ///   (a catalogue item such as `人工智能通用应用系统` before `日用百货销售` takes nothing);
    /// - `制造、加工：集成电路、半导体器件`: a clause still without a verb takes those of the verb-only
    ///   clauses just before it (a heading).
    /// A clause with its own verb keeps them: `智能家居销售、软件开发` stays a sale, then a development.
    static func shareVerbs(_ facts: [ClauseFacts], _ text: ScopeText) -> [ClauseFacts] {
        let sentence = text.clauseSentences
        var shared = facts
        for index in facts.indices.reversed() {
            var next = index + 1
            while next < facts.count, sentence[next] == sentence[index], isVerbTail(facts[next], text.clauses[next]) {
                shared[index].add(verbsOf: facts[next])
                next += 1
            }
            if !shared[index].hasVerb, index + 1 < facts.count, sentence[index + 1] == sentence[index],
                !facts[index + 1].hasVerb || contains(possessive, in: text.bytes[text.clauses[index + 1]])
            {
                shared[index].add(verbsOf: shared[index + 1])
            }
        }
        for index in facts.indices where !shared[index].hasVerb {
            var previous = index - 1
            while previous >= 0, sentence[previous] == sentence[index],
                isVerbTail(facts[previous], text.clauses[previous])
            {
                shared[index].add(verbsOf: facts[previous])
                previous -= 1
            }
        }
        return shared
    }
}
