extension Classifier.Analysis {
    /// Where a segment was first seen: the scope before the name before the industry, then by clause and
    /// offset (byte and character offsets order one field's matches alike).
    private struct Position: Comparable {
        let field: Int
        let clause: Int
        let offset: Int

        init(_ finding: Finding) {
            switch finding.field {
            case .scope: field = 0
            case .name: field = 1
            case .industry: field = 2
            }
            (clause, offset) = (finding.clauseIndex, finding.offset)
        }

        static func < (left: Self, right: Self) -> Bool {
            (left.field, left.clause, left.offset) < (right.field, right.clause, right.offset)
        }
    }

    /// A segment's score with what breaks ties, gathered before sorting so that the comparison captures
    /// nothing but these.
    private struct Tally {
        let segment: Int
        var score: Double
        var firstSeen: Position
        var isSpecific = false
        var priority = 1
    }

    /// Scores, main layer and confidence from the findings, with `evidence` as the classification's.
    func result(evidence: [Evidence]) -> Classification {
        var tallies: [Tally] = []
        tallies.reserveCapacity(4)
        for finding in findings where finding.isCounted {
            guard let segment = finding.segment else { continue }
            let position = Position(finding)
            guard let index = tallies.firstIndex(where: { $0.segment == segment }) else {
                tallies.append(Tally(segment: segment, score: finding.weight, firstSeen: position))
                continue
            }
            tallies[index].score += finding.weight
            if position < tallies[index].firstSeen { tallies[index].firstSeen = position }
        }
        let facts = compiled.facts
        tallies.removeAll { $0.score <= 1e-9 }
        for index in tallies.indices {
            let segment = tallies[index].segment
            tallies[index].isSpecific = specificSegments.contains(segment)
            tallies[index].priority = facts[segment].priority
        }
        tallies.sort { left, right in
            if abs(left.score - right.score) > 1e-9 { return left.score > right.score }
            // A generic item never decides over a specific one; then the item that comes first.
            if left.isSpecific != right.isSpecific { return left.isSpecific }
            if left.priority != right.priority { return left.priority > right.priority }
            return left.firstSeen < right.firstSeen
        }
        let ranked = tallies.map {
            SegmentScore(segment: facts[$0.segment].id, layer: facts[$0.segment].layer, score: $0.score)
        }
        let best = ranked.first?.score ?? 0
        let total = ranked.reduce(0) { $0 + $1.score }
        let rules = rules
        var classification = Classification(
            taxonomyID: compiled.taxonomyID, taxonomyVersion: compiled.taxonomyVersion,
            isMember: best >= rules.threshold - 1e-9, mainLayer: ranked.first?.layer,
            confidence: min(1, (total / max(rules.strictThreshold, 1e-9) * 100).rounded() / 100),
            segments: ranked, evidence: evidence)
        classification.taxonomyDigest = compiled.taxonomyDigest
        return classification
    }
}
