extension Classifier.Analysis {
    /// What the words of one clause say about its items.
    struct ClauseFacts {
        var isBoilerplate = false
        var hasActivity = false
        var hasSale = false
        var hasManufacturing = false
        var exclusionWord: String?
    }

    struct Candidate {
        let segment: Int
        let term: Int
        let evidence: Evidence
        let isLeading: Bool
        let makes: Bool
    }

    /// Boilerplate and exclusion words by clause; activity, sale and manufacturing words by sentence,
    /// copied to each of its clauses.
    func clauseFacts(_ text: ScopeText, _ matches: [PatternMatcher.Match]) -> [ClauseFacts] {
        var facts = [ClauseFacts](repeating: ClauseFacts(), count: text.clauses.count)
        var sentences = [ClauseFacts](repeating: ClauseFacts(), count: text.sentences.count)
        for match in matches {
            guard let clause = text.clauseIndex(of: match.start), let sentence = text.sentenceIndex(of: match.start)
            else { continue }
            switch classifier.patterns[match.pattern].kind {
            case .boilerplate: facts[clause].isBoilerplate = true
            case .activity: sentences[sentence].hasActivity = true
            case .sale: sentences[sentence].hasSale = true
            case .manufacturing: sentences[sentence].hasManufacturing = true
            case .clauseExclusion:
                if facts[clause].exclusionWord == nil {
                    facts[clause].exclusionWord = classifier.patterns[match.pattern].text
                }
            default: break
            }
        }
        for (index, clause) in text.clauses.enumerated() {
            guard let sentence = text.sentenceIndex(of: clause.lowerBound) else { continue }
            facts[index].hasActivity = sentences[sentence].hasActivity
            facts[index].hasSale = sentences[sentence].hasSale
            facts[index].hasManufacturing = sentences[sentence].hasManufacturing
        }
        return facts
    }

    /// Reads the business scope: every include match becomes evidence, counted or set aside by a rule.
    mutating func readScope(_ text: ScopeText) {
        let matches = classifier.matcher.matches(in: text.bytes)
        let facts = clauseFacts(text, matches)
        // Clause positions counted without licence boilerplate (一般项目：, …).
        var rank: [Int] = []
        var seen = 0
        for fact in facts {
            rank.append(seen)
            if !fact.isBoilerplate { seen += 1 }
        }
        var candidates: [Candidate] = []
        for match in longestIncludes(matches) {
            guard let (segment, term) = include(match), let clause = text.clauseIndex(of: match.start),
                !facts[clause].isBoilerplate
            else { continue }
            let entry = classifier.segments[segment].segment
            var item = Evidence(
                field: .scope, clause: text.originalText(text.clauses[clause]), clauseIndex: rank[clause],
                term: entry.terms[term].text, offset: text.scalarOffset(match.start), segment: entry.id,
                rule: .included, weight: 0)
            if let phrase = exclusion(over: match, segment: segment, in: matches) {
                (item.rule, item.trigger) = (.excludedByPhrase, phrase)
            } else if let word = facts[clause].exclusionWord {
                (item.rule, item.trigger) = (.excludedInClause, word)
            } else if facts[clause].hasSale && !facts[clause].hasActivity && !entry.countsWhenSold {
                item.rule = .saleOnly
            } else {
                candidates.append(
                    Candidate(
                        segment: segment, term: term, evidence: item, isLeading: rank[clause] < rules.leadingClauses,
                        makes: facts[clause].hasManufacturing))
                continue
            }
            evidence.append(item)
        }
        weigh(candidates)
    }

    /// Applies the generic-item and prominence rules and gives the rest their weight.
    private mutating func weigh(_ candidates: [Candidate]) {
        let specific = Set(
            candidates.filter { !classifier.segments[$0.segment].segment.terms[$0.term].isGeneric }.map(\.segment))
        let chainSegments = Set(candidates.map(\.segment)).union(nameIncludes.map(\.segment))
        let namedSegments = Set(nameIncludes.map(\.segment))
        var counted: Set<[Int]> = []
        for candidate in candidates {
            let entry = classifier.segments[candidate.segment].segment
            let term = entry.terms[candidate.term]
            var item = candidate.evidence
            if term.isGeneric && specific.isEmpty && !isTechnologyCentred {
                item.rule = .genericAlone
            } else if rules.requiresProminence && !isTechnologyCentred && !candidate.isLeading
                && !namedSegments.contains(candidate.segment) && chainSegments.count < 2
            {
                item.rule = .notProminent
            } else if !counted.insert([candidate.segment, candidate.evidence.clauseIndex]).inserted {
                item.rule = .sameItem
            } else {
                item.rule = candidate.isLeading ? .leadingClause : .included
                item.weight = term.weight * entry.weight + (candidate.makes ? rules.manufacturingBonus : 0)
            }
            evidence.append(item)
        }
    }
}
