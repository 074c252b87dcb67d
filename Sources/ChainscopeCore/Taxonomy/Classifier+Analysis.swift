extension Classifier {
    /// The state of one classification while its fields are read.
    struct Analysis {
        let classifier: Classifier
        var evidence: [Evidence] = []
        var isTechnologyCentred = false
        /// Include matches in the name that no exclusion cancels.
        var nameIncludes: [(segment: Int, term: Int, match: PatternMatcher.Match)] = []
        /// Segments with a counted scope item that is not a generic term.
        var specificSegments: Set<String> = []

        init(classifier: Classifier) { self.classifier = classifier }

        var rules: Classifier.Weights { classifier.compiled.weights }

        /// Segment `index` as the rules read it.
        func segment(_ index: Int) -> Classifier.SegmentFacts { classifier.compiled.facts[index] }

        func include(_ match: PatternMatcher.Match) -> (segment: Int, term: Int)? {
            guard case .include(let segment, let term) = classifier.patterns[match.pattern].kind else { return nil }
            return (segment, term)
        }

        /// Include matches not contained in a longer include match (智能机器人 hides 机器人).
        func longestIncludes(_ matches: [PatternMatcher.Match]) -> [PatternMatcher.Match] {
            let includes = matches.filter { include($0) != nil }
            return includes.filter { match in
                !includes.contains { other in
                    other != match && other.start <= match.start && match.end <= other.end
                        && other.end - other.start > match.end - match.start
                }
            }.sorted { ($0.start, $0.pattern) < ($1.start, $1.pattern) }
        }

        /// The exclusion phrase overlapping `match` that applies to its segment.
        func exclusion(over match: PatternMatcher.Match, segment: Int, in matches: [PatternMatcher.Match]) -> String? {
            matches.first { other in
                guard case .exclusion(let excluded) = classifier.patterns[other.pattern].kind else { return false }
                return (excluded == nil || excluded == segment) && other.start < match.end && match.start < other.end
            }.map { classifier.patterns[$0.pattern].text }
        }

        mutating func readName(_ text: ScopeText) {
            let matches = classifier.matcher.matches(in: text.bytes)
            isTechnologyCentred = matches.contains { classifier.patterns[$0.pattern].kind == .technologyName }
            for match in longestIncludes(matches) {
                guard let (segment, term) = include(match), exclusion(over: match, segment: segment, in: matches) == nil
                else { continue }
                nameIncludes.append((segment, term, match))
            }
        }

        mutating func noteEmptyScope() {
            evidence.append(
                Evidence(
                    field: .scope, clause: "", clauseIndex: 0, term: "", offset: 0, segment: nil, rule: .emptyScope,
                    weight: 0))
        }

        mutating func scoreName(_ text: ScopeText, isAlone: Bool) {
            for (segment, term, match) in nameIncludes {
                evidence.append(
                    Evidence(
                        field: .name, clause: text.original, clauseIndex: 0,
                        term: self.segment(segment).terms[term].text, offset: text.scalarOffset(match.start),
                        segment: self.segment(segment).id,
                        rule: .name, weight: isAlone ? rules.nameOnlyWeight : rules.nameWeight))
            }
        }

        mutating func readIndustry(_ text: ScopeText) {
            let scored = Set(evidence.filter(\.isCounted).compactMap(\.segment))
            for match in classifier.matcher.matches(in: text.bytes) {
                let segment: Int
                let rule: Evidence.Rule
                switch classifier.patterns[match.pattern].kind {
                case .supportingIndustry(let index): (segment, rule) = (index, .industrySupports)
                case .contradictingIndustry(let index): (segment, rule) = (index, .industryContradicts)
                default: continue
                }
                let id = self.segment(segment).id
                guard scored.contains(id), !evidence.contains(where: { $0.segment == id && $0.field == .industry })
                else { continue }
                evidence.append(
                    Evidence(
                        field: .industry, clause: text.original, clauseIndex: 0,
                        term: classifier.patterns[match.pattern].text, offset: text.scalarOffset(match.start),
                        segment: id, rule: rule,
                        weight: rule == .industrySupports ? rules.industryWeight : -rules.industryWeight))
            }
        }

        func entry(_ id: String) -> Classifier.SegmentFacts? {
            classifier.compiled.segmentIndex[id].map(segment)
        }

        /// A segment's score with what breaks ties, gathered before sorting so that the comparison
        /// captures nothing but these.
        private struct Ranked {
            let score: SegmentScore
            let isSpecific: Bool
            let priority: Int
            let firstSeen: (Int, Int, Int)
        }

        /// Scores, main layer and confidence from the evidence.
        func result() -> Classification {
            var scores: [String: Double] = [:]
            var firstSeen: [String: (Int, Int, Int)] = [:]
            for item in evidence where item.isCounted {
                guard let segment = item.segment else { continue }
                scores[segment, default: 0] += item.weight
                let position = (item.field == .scope ? 0 : 1, item.clauseIndex, item.offset)
                if let seen = firstSeen[segment], seen <= position { continue }
                firstSeen[segment] = position
            }
            let ranked = scores.filter { $0.value > 1e-9 }.map { id, score in
                let entry = entry(id)
                return Ranked(
                    score: SegmentScore(segment: id, layer: entry?.layer ?? "", score: score),
                    isSpecific: specificSegments.contains(id), priority: entry?.priority ?? 1,
                    firstSeen: firstSeen[id]!)
            }.sorted { left, right in
                if abs(left.score.score - right.score.score) > 1e-9 { return left.score.score > right.score.score }
                // A generic item never decides over a specific one; then the item that comes first.
                if left.isSpecific != right.isSpecific { return left.isSpecific }
                if left.priority != right.priority { return left.priority > right.priority }
                return left.firstSeen < right.firstSeen
            }.map(\.score)
            let best = ranked.first?.score ?? 0
            let total = ranked.reduce(0) { $0 + $1.score }
            let rules = rules
            let taxonomy = classifier.compiled.taxonomy
            var classification = Classification(
                taxonomyID: taxonomy.id, taxonomyVersion: taxonomy.version,
                isMember: best >= rules.threshold - 1e-9, mainLayer: ranked.first?.layer,
                confidence: min(1, (total / max(rules.strictThreshold, 1e-9) * 100).rounded() / 100),
                segments: ranked, evidence: evidence)
            classification.taxonomyDigest = taxonomy.digest
            return classification
        }
    }
}
