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
        /// The clause's position not counting licence boilerplate (一般项目：, …).
        var rank = 0
        /// The clause exclusion word found first (a pattern index).
        var exclusionWord: Int?

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
        let finding: Finding
        let isLeading: Bool
        let makes: Bool
    }

    /// What each clause's words say, with verbs shared inside a sentence (see `shareVerbs`).
    func clauseFacts(_ text: ScopeText, _ matches: [PatternMatcher.Match]) -> [ClauseFacts] {
        var facts = [ClauseFacts](repeating: ClauseFacts(), count: text.clauses.count)
        for match in matches {
            guard let clause = text.clauseIndex(of: match.start) else { continue }
            switch compiled.kinds[match.pattern] {
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
                if facts[clause].exclusionWord == nil { facts[clause].exclusionWord = match.pattern }
            default: break
            }
        }
        var shared = Self.shareVerbs(facts, text)
        var seen = 0
        for index in shared.indices {
            shared[index].rank = seen
            if !shared[index].isBoilerplate { seen += 1 }
        }
        return shared
    }

    /// Reads the business scope: every include match becomes evidence, counted or set aside by a rule.
    mutating func readScope(_ text: ScopeText) {
        let matches = compiled.matcher.matches(in: text.bytes)
        // Most companies have no chain term at all: nothing to split or weigh.
        guard matches.contains(where: { include($0) != nil }) else { return }
        var text = text
        text.split()
        let facts = clauseFacts(text, matches)
        let includes = longestIncludes(matches)
        var candidates: [Candidate] = []
        candidates.reserveCapacity(includes.count)
        findings.reserveCapacity(findings.count + includes.count)
        for match in includes {
            guard let (segment, term) = include(match), let clause = text.clauseIndex(of: match.start),
                !facts[clause].isBoilerplate
            else { continue }
            var item = Finding(
                field: .scope, clause: text.clauses[clause], clauseIndex: facts[clause].rank, pattern: match.pattern,
                offset: match.start, segment: segment, rule: .included, weight: 0)
            if let phrase = exclusion(over: match, segment: segment, in: matches) {
                (item.rule, item.trigger) = (.excludedByPhrase, phrase)
            } else if let word = facts[clause].exclusionWord {
                (item.rule, item.trigger) = (.excludedInClause, word)
            } else if facts[clause].hasSale && !facts[clause].hasActivity && !compiled.facts[segment].countsWhenSold {
                item.rule = .saleOnly
            } else {
                candidates.append(
                    Candidate(
                        segment: segment, term: term, finding: item,
                        isLeading: facts[clause].rank < rules.leadingClauses,
                        makes: facts[clause].hasManufacturing))
                continue
            }
            findings.append(item)
        }
        weigh(candidates)
        // Set-aside matches were noted first: list the scope's findings in the order they are written.
        findings.sort { ($0.clauseIndex, $0.offset) < ($1.clauseIndex, $1.offset) }
    }

    /// Applies the generic-item and prominence rules and gives the rest their weight.
    private mutating func weigh(_ candidates: [Candidate]) {
        let facts = compiled.facts
        var specific = SegmentSet()
        var namedSegments = SegmentSet()
        var chainSegments = SegmentSet()
        for candidate in candidates {
            chainSegments.insert(candidate.segment)
            if !facts[candidate.segment].terms[candidate.term].isGeneric { specific.insert(candidate.segment) }
        }
        for include in nameIncludes { namedSegments.insert(include.segment) }
        chainSegments = chainSegments.union(namedSegments)
        var counted: [Int] = []
        counted.reserveCapacity(candidates.count)
        for candidate in candidates {
            let (isGeneric, termWeight) = (
                facts[candidate.segment].terms[candidate.term].isGeneric,
                facts[candidate.segment].terms[candidate.term].weight
            )
            var item = candidate.finding
            if isGeneric && specific.isEmpty && !isTechnologyCentred {
                item.rule = .genericAlone
            } else if rules.requiresProminence && !isTechnologyCentred && !candidate.isLeading
                && !namedSegments.contains(candidate.segment) && chainSegments.count < 2
            {
                item.rule = .notProminent
            } else if counted.contains(candidate.segment << 32 | item.clauseIndex) {
                item.rule = .sameItem
            } else {
                counted.append(candidate.segment << 32 | item.clauseIndex)
                item.rule = candidate.isLeading ? .leadingClause : .included
                item.weight =
                    termWeight * facts[candidate.segment].weight + (candidate.makes ? rules.manufacturingBonus : 0)
                if !isGeneric && item.isCounted { specificSegments.insert(candidate.segment) }
            }
            findings.append(item)
        }
    }
}
