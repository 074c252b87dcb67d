extension Classifier {
    /// The state of one classification while its fields are read. Matches are kept as positions and
    /// indexes (`Finding`) and become `Evidence`, with its texts, only when someone may read it.
    struct Analysis {
        let compiled: Classifier.Compiled
        var findings: [Finding] = []
        var isTechnologyCentred = false
        /// Include matches in the name that no exclusion cancels.
        var nameIncludes: [NameInclude] = []
        /// Segments with a counted scope item that is not a generic term.
        var specificSegments = SegmentSet()

        init(compiled: Classifier.Compiled) { self.compiled = compiled }

        var rules: Classifier.Weights { compiled.weights }

        /// One match the rules looked at, located in the folded bytes of its field.
        struct Finding {
            var field: Evidence.Field
            /// The clause's byte range; the whole text for names and industries.
            var clause: Range<Int>
            /// The clause's position in the field, not counting licence boilerplate.
            var clauseIndex: Int
            /// The matched pattern; nil for the note that the scope is empty.
            var pattern: Int?
            /// The match's byte offset.
            var offset: Int
            var segment: Int?
            var rule: Evidence.Rule
            var weight: Double
            /// The exclusion pattern that set the match aside.
            var trigger: Int?

            var isCounted: Bool { weight != 0 }
        }

        struct NameInclude {
            let segment: Int
            let term: Int
            let match: PatternMatcher.Match
        }

        func include(_ match: PatternMatcher.Match) -> (segment: Int, term: Int)? {
            guard case .include(let segment, let term) = compiled.kinds[match.pattern] else { return nil }
            return (segment, term)
        }

        /// Include matches not contained in a longer include match (智能机器人 hides 机器人).
        func longestIncludes(_ matches: [PatternMatcher.Match]) -> [PatternMatcher.Match] {
            var longest: [PatternMatcher.Match] = []
            longest.reserveCapacity(matches.count)
            for match in matches where include(match) != nil {
                let isHidden = matches.contains { other in
                    other.end - other.start > match.end - match.start && other.start <= match.start
                        && match.end <= other.end && include(other) != nil
                }
                if !isHidden { longest.append(match) }
            }
            longest.sort { ($0.start, $0.pattern) < ($1.start, $1.pattern) }
            return longest
        }

        /// The exclusion phrase overlapping `match` that applies to its segment.
        func exclusion(over match: PatternMatcher.Match, segment: Int, in matches: [PatternMatcher.Match]) -> Int? {
            matches.first { other in
                guard case .exclusion(let excluded) = compiled.kinds[other.pattern] else { return false }
                return (excluded == nil || excluded == segment) && other.start < match.end && match.start < other.end
            }?.pattern
        }

        mutating func readName(_ text: ScopeText) {
            let matches = compiled.matcher.matches(in: text.bytes)
            isTechnologyCentred = matches.contains { compiled.kinds[$0.pattern] == .technologyName }
            for match in longestIncludes(matches) {
                guard let (segment, term) = include(match), exclusion(over: match, segment: segment, in: matches) == nil
                else { continue }
                nameIncludes.append(NameInclude(segment: segment, term: term, match: match))
            }
        }

        mutating func noteEmptyScope() {
            findings.append(
                Finding(
                    field: .scope, clause: 0..<0, clauseIndex: 0, pattern: nil, offset: 0, segment: nil,
                    rule: .emptyScope, weight: 0))
        }

        mutating func scoreName(_ text: ScopeText, isAlone: Bool) {
            for include in nameIncludes {
                findings.append(
                    Finding(
                        field: .name, clause: 0..<text.bytes.count, clauseIndex: 0, pattern: include.match.pattern,
                        offset: include.match.start, segment: include.segment, rule: .name,
                        weight: isAlone ? rules.nameOnlyWeight : rules.nameWeight))
            }
        }

        mutating func readIndustry(_ text: ScopeText) {
            var scored = SegmentSet()
            for finding in findings where finding.isCounted {
                if let segment = finding.segment { scored.insert(segment) }
            }
            for match in compiled.matcher.matches(in: text.bytes) {
                let segment: Int
                let rule: Evidence.Rule
                switch compiled.kinds[match.pattern] {
                case .supportingIndustry(let index): (segment, rule) = (index, .industrySupports)
                case .contradictingIndustry(let index): (segment, rule) = (index, .industryContradicts)
                default: continue
                }
                guard scored.contains(segment),
                    !findings.contains(where: { $0.segment == segment && $0.field == .industry })
                else { continue }
                findings.append(
                    Finding(
                        field: .industry, clause: 0..<text.bytes.count, clauseIndex: 0, pattern: match.pattern,
                        offset: match.start, segment: segment, rule: rule,
                        weight: rule == .industrySupports ? rules.industryWeight : -rules.industryWeight))
            }
        }

        /// The findings as evidence a person reads: terms, clauses and triggers as written, offsets in
        /// characters (bytes when a text is read for counting).
        func evidence(name: ScopeText, scope: ScopeText, industry: ScopeText?) -> [Evidence] {
            findings.map { finding in
                let text: ScopeText
                switch finding.field {
                case .name: text = name
                case .scope: text = scope
                case .industry: text = industry ?? name
                }
                return Evidence(
                    field: finding.field,
                    clause: finding.field == .scope ? text.originalText(finding.clause) : text.original,
                    clauseIndex: finding.clauseIndex, term: finding.pattern.map { compiled.patterns[$0].text } ?? "",
                    offset: text.scalarOffset(finding.offset), segment: finding.segment.map { compiled.facts[$0].id },
                    rule: finding.rule, weight: finding.weight,
                    trigger: finding.trigger.map { compiled.patterns[$0].text }
                )
            }
        }
    }
}

/// Segment positions as bits: a taxonomy has a few dozen segments, and a classification builds several
/// such sets, so the usual ones fit in a word.
struct SegmentSet {
    private var low: UInt64 = 0
    private var high: Set<Int> = []

    init() {}

    mutating func insert(_ segment: Int) {
        if segment < 64 { low |= 1 << UInt64(segment) } else { high.insert(segment) }
    }

    func contains(_ segment: Int) -> Bool {
        segment < 64 ? low & (1 << UInt64(segment)) != 0 : high.contains(segment)
    }

    var count: Int { low.nonzeroBitCount + high.count }

    var isEmpty: Bool { count == 0 }

    func union(_ other: Self) -> Self {
        var union = self
        union.low |= other.low
        union.high.formUnion(other.high)
        return union
    }
}
