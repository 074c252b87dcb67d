extension Classifier.Analysis {
    /// What the words of one clause say about its items.
    struct ClauseFacts {
        var isBoilerplate = false
        var hasActivity = false
        var hasSale = false
        var hasManufacturing = false
        var hasTerm = false
        /// Bytes of the clause covered by activity, sale and manufacturing words.
        var verbBytes = 0
        var exclusionWord: String?

        var hasVerb: Bool { hasActivity || hasSale }

        mutating func add(verbsOf other: ClauseFacts) {
            hasActivity = hasActivity || other.hasActivity
            hasSale = hasSale || other.hasSale
            hasManufacturing = hasManufacturing || other.hasManufacturing
        }
    }

    struct Candidate {
        let segment: Int
        let term: Int
        let evidence: Evidence
        let isLeading: Bool
        let makes: Bool
    }

    /// What each clause's words say, with verbs shared inside a sentence (see `shareVerbs`).
    func clauseFacts(_ text: ScopeText, _ matches: [PatternMatcher.Match]) -> [ClauseFacts] {
        var facts = [ClauseFacts](repeating: ClauseFacts(), count: text.clauses.count)
        for match in matches {
            guard let clause = text.clauseIndex(of: match.start) else { continue }
            switch classifier.patterns[match.pattern].kind {
            case .boilerplate: facts[clause].isBoilerplate = true
            case .activity:
                facts[clause].hasActivity = true
                facts[clause].verbBytes += match.end - match.start
            case .sale:
                facts[clause].hasSale = true
                facts[clause].verbBytes += match.end - match.start
            case .manufacturing:
                facts[clause].hasManufacturing = true
                facts[clause].verbBytes += match.end - match.start
            case .include: facts[clause].hasTerm = true
            case .clauseExclusion:
                if facts[clause].exclusionWord == nil {
                    facts[clause].exclusionWord = classifier.patterns[match.pattern].text
                }
            default: break
            }
        }
        return Self.shareVerbs(facts, text)
    }

    /// Reads the business scope: every include match becomes evidence, counted or set aside by a rule.
    mutating func readScope(_ text: ScopeText) {
        let matches = classifier.matcher.matches(in: text.bytes)
        // Most companies have no chain term at all: nothing to split or weigh.
        guard matches.contains(where: { include($0) != nil }) else { return }
        var text = text
        text.split()
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
            let entry = self.segment(segment)
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
        // Set-aside matches were noted first: list the scope's evidence in the order it is written.
        evidence.sort { ($0.clauseIndex, $0.offset) < ($1.clauseIndex, $1.offset) }
    }

    /// Applies the generic-item and prominence rules and gives the rest their weight.
    private mutating func weigh(_ candidates: [Candidate]) {
        let specific = Set(
            candidates.filter { !segment($0.segment).terms[$0.term].isGeneric }.map(\.segment))
        let chainSegments = Set(candidates.map(\.segment)).union(nameIncludes.map(\.segment))
        let namedSegments = Set(nameIncludes.map(\.segment))
        var counted: Set<Int> = []
        for candidate in candidates {
            let entry = segment(candidate.segment)
            let term = entry.terms[candidate.term]
            var item = candidate.evidence
            if term.isGeneric && specific.isEmpty && !isTechnologyCentred {
                item.rule = .genericAlone
            } else if rules.requiresProminence && !isTechnologyCentred && !candidate.isLeading
                && !namedSegments.contains(candidate.segment) && chainSegments.count < 2
            {
                item.rule = .notProminent
            } else if !counted.insert(candidate.segment << 32 | candidate.evidence.clauseIndex).inserted {
                item.rule = .sameItem
            } else {
                item.rule = candidate.isLeading ? .leadingClause : .included
                item.weight = term.weight * entry.weight + (candidate.makes ? rules.manufacturingBonus : 0)
                if !term.isGeneric && item.isCounted { specificSegments.insert(entry.id) }
            }
            evidence.append(item)
        }
    }
}
