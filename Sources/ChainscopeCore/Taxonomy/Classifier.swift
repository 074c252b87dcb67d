/// Places companies in a taxonomy's chain: one multi-pattern pass over each field, then the
/// taxonomy's rules (exclusions, trade-only clauses, generic items, prominence, industry), with
/// every match and the rule that decided it kept as evidence.
public struct Classifier: Sendable {
    enum Kind: Sendable, Hashable {
        case include(segment: Int, term: Int)
        case exclusion(segment: Int?)
        case clauseExclusion
        case activity
        case manufacturing
        case sale
        case boilerplate
        case technologyName
        case supportingIndustry(segment: Int)
        case contradictingIndustry(segment: Int)
    }

    struct Pattern: Sendable {
        let text: String
        let kind: Kind
    }

    /// What the rules need of a segment, without the rest of its definition (cheap to read in loops).
    struct SegmentFacts: Sendable {
        let id: String
        let layer: String
        let weight: Double
        let priority: Int
        let countsWhenSold: Bool
        let terms: [Taxonomy.Term]
    }

    /// The numbers of the taxonomy's rules, apart from its word lists.
    struct Weights: Sendable {
        let threshold: Double
        let strictThreshold: Double
        let leadingClauses: Int
        let requiresProminence: Bool
        let manufacturingBonus: Double
        let nameWeight: Double
        let nameOnlyWeight: Double
        let industryWeight: Double
    }

    /// The taxonomy compiled for matching, behind one reference: a classifier is copied into every
    /// classification it makes, and a copy then costs one retain.
    final class Compiled: Sendable {
        let taxonomy: Taxonomy
        /// What every classification names, read apart from the taxonomy (a copy of which retains each
        /// of its word lists).
        let taxonomyID: String
        let taxonomyVersion: Int
        let taxonomyDigest: String
        let patterns: [Pattern]
        /// The patterns' kinds alone, as the rules read them in loops.
        let kinds: [Kind]
        let matcher: PatternMatcher
        /// The include terms alone: a field without any needs no further reading.
        let includeMatcher: PatternMatcher
        /// Segments in file order, with their layer ids.
        let segments: [(layer: String, segment: Taxonomy.Segment)]
        /// The same segments, as the rules read them.
        let facts: [SegmentFacts]
        let weights: Weights

        init(_ taxonomy: Taxonomy) {
            self.taxonomy = taxonomy
            (taxonomyID, taxonomyVersion, taxonomyDigest) = (taxonomy.id, taxonomy.version, taxonomy.digest)
            segments = taxonomy.segments
            facts = segments.map { layer, segment in
                SegmentFacts(
                    id: segment.id, layer: layer, weight: segment.weight, priority: segment.priority,
                    countsWhenSold: segment.countsWhenSold, terms: segment.terms)
            }
            let rules = taxonomy.rules
            weights = Weights(
                threshold: rules.threshold, strictThreshold: rules.strictThreshold,
                leadingClauses: rules.leadingClauses,
                requiresProminence: rules.requiresProminence, manufacturingBonus: rules.manufacturingBonus,
                nameWeight: rules.nameWeight, nameOnlyWeight: rules.nameOnlyWeight, industryWeight: rules.industryWeight
            )
            var patterns: [Pattern] = []
            func add(_ texts: [String], _ kind: Kind) { patterns += texts.map { Pattern(text: $0, kind: kind) } }
            for (index, entry) in segments.enumerated() {
                for (termIndex, term) in entry.segment.terms.enumerated() {
                    patterns.append(Pattern(text: term.text, kind: .include(segment: index, term: termIndex)))
                }
                add(entry.segment.exclusions, .exclusion(segment: index))
                add(entry.segment.supportingIndustries, .supportingIndustry(segment: index))
                add(entry.segment.contradictingIndustries, .contradictingIndustry(segment: index))
            }
            add(taxonomy.exclusions, .exclusion(segment: nil))
            add(rules.clauseExclusions, .clauseExclusion)
            add(rules.activityWords, .activity)
            add(rules.saleWords, .sale)
            add(rules.manufacturingWords, .manufacturing)
            add(rules.boilerplate, .boilerplate)
            add(rules.technologyNameWords, .technologyName)
            self.patterns = patterns
            kinds = patterns.map(\.kind)
            matcher = PatternMatcher(patterns.map { ScopeText.fold($0.text) })
            includeMatcher = PatternMatcher(
                patterns.map {
                    guard case .include = $0.kind else { return "" }
                    return ScopeText.fold($0.text)
                })
        }
    }

    let compiled: Compiled

    public var taxonomy: Taxonomy { compiled.taxonomy }
    var patterns: [Pattern] { compiled.patterns }
    var matcher: PatternMatcher { compiled.matcher }
    var segments: [(layer: String, segment: Taxonomy.Segment)] { compiled.segments }

    public init(_ taxonomy: Taxonomy) { compiled = Compiled(taxonomy) }

    /// The classification of a company from its name, business scope and industry.
    public func classification(of company: Company) -> Classification {
        classify(
            name: company.names.zh ?? company.names.en, scope: company.businessScope, industry: company.industryName)
    }

    public func classify(name: String?, scope: String?, industry: String?) -> Classification {
        classify(ScopeText(name ?? ""), ScopeText(scope ?? ""), industry.map(ScopeText.init))
    }

    /// The same decision from UTF-8 bytes, for counting (`scan`): membership, scores, main layer and
    /// confidence, with no evidence. Anything shown to a person comes from `classify(name:scope:industry:)`.
    public func classifyForCounting(
        name: UnsafeBufferPointer<UInt8>, scope: UnsafeBufferPointer<UInt8>?, industry: UnsafeBufferPointer<UInt8>?
    ) -> Classification {
        let empty = UnsafeBufferPointer<UInt8>(start: nil, count: 0)
        // Searched without copying first: most companies name no chain term (see `classify`).
        guard mentionsInclude(name) || mentionsInclude(scope ?? empty) else {
            return Analysis(compiled: compiled).result(evidence: [])
        }
        return classify(
            ScopeText(countingUTF8: name), ScopeText(countingUTF8: scope ?? empty),
            industry.map(ScopeText.init(countingUTF8:)), keepsEvidence: false, isKnownToMentionInclude: true)
    }

    /// `classifyForCounting(name:scope:industry:)` of texts, for counts as of a day (`MemberCounts.Reexamined`).
    public func classifyForCounting(name: String?, scope: String?, industry: String?) -> Classification {
        var (name, scope) = (name ?? "", scope ?? "")
        return name.withUTF8 { name in
            scope.withUTF8 { scope in
                guard var industry else { return classifyForCounting(name: name, scope: scope, industry: nil) }
                return industry.withUTF8 { classifyForCounting(name: name, scope: scope, industry: $0) }
            }
        }
    }

    /// Whether the folded text of `utf8` holds an include term.
    private func mentionsInclude(_ utf8: UnsafeBufferPointer<UInt8>) -> Bool {
        compiled.includeMatcher.containsMatch(foldingUTF8: utf8)
    }

    private func classify(
        _ name: ScopeText, _ scope: ScopeText, _ industry: ScopeText?, keepsEvidence: Bool = true,
        isKnownToMentionInclude: Bool = false
    ) -> Classification {
        var analysis = Analysis(compiled: compiled)
        func result() -> Classification {
            analysis.result(
                evidence: keepsEvidence ? analysis.evidence(name: name, scope: scope, industry: industry) : [])
        }
        // Most companies name no chain term anywhere: without one, no rule can make a member.
        guard
            isKnownToMentionInclude || name.bytes.withUnsafeBufferPointer(mentionsInclude)
                || scope.bytes.withUnsafeBufferPointer(mentionsInclude)
        else {
            if scope.isBlank { analysis.noteEmptyScope() }
            return result()
        }
        analysis.readName(name)
        if scope.isBlank {
            analysis.noteEmptyScope()
        } else {
            analysis.readScope(scope)
        }
        analysis.scoreName(name, isAlone: scope.isBlank)
        if let industry, !analysis.findings.isEmpty { analysis.readIndustry(industry) }
        return result()
    }

    /// The naive baseline: any include term anywhere makes a member, with no exclusion or rule.
    public func baseline(name: String?, scope: String?, industry: String?) -> Classification {
        var found: [Int: Int] = [:]
        var order: [Int] = []
        for text in [name, scope, industry].compactMap({ $0 }) {
            for match in matcher.matches(in: ScopeText(text).bytes) {
                guard case .include(let segment, _) = patterns[match.pattern].kind else { continue }
                if found[segment] == nil { order.append(segment) }
                found[segment, default: 0] += 1
            }
        }
        let scores = order.map {
            SegmentScore(segment: segments[$0].segment.id, layer: segments[$0].layer, score: Double(found[$0]!))
        }
        return Classification(
            taxonomyID: taxonomy.id, taxonomyVersion: taxonomy.version, isMember: !scores.isEmpty,
            mainLayer: scores.first?.layer, confidence: scores.isEmpty ? 0 : 1, segments: scores, evidence: [])
    }
}
