/// Where a company sits in a chain, and why: the scores per segment and every piece of evidence,
/// including the matches that rules set aside.
public struct Classification: Sendable, Hashable, Codable {
    public var taxonomyID: String
    public var taxonomyVersion: Int
    /// The taxonomy file's fingerprint when the company was classified.
    public var taxonomyDigest: String = ""
    /// In the chain in the default reading (score at least the taxonomy's threshold).
    public var isMember: Bool
    /// The layer of the highest-scoring segment; ties go to the segment found first.
    public var mainLayer: String?
    /// All segments' scores together over the taxonomy's strict threshold, at most 1: one plain item
    /// gives 0.5 with the AI taxonomy, several items or a made product more.
    public var confidence: Double
    /// Segments with a positive score, best first.
    public var segments: [SegmentScore]
    public var evidence: [Evidence]

    public init(
        taxonomyID: String, taxonomyVersion: Int, isMember: Bool, mainLayer: String?, confidence: Double,
        segments: [SegmentScore], evidence: [Evidence]
    ) {
        self.taxonomyID = taxonomyID
        self.taxonomyVersion = taxonomyVersion
        self.isMember = isMember
        self.mainLayer = mainLayer
        self.confidence = confidence
        self.segments = segments
        self.evidence = evidence
    }

    /// The best segment score.
    public var score: Double { segments.first?.score ?? 0 }

    /// This classification under a stricter or looser reading: a member when its confidence is at
    /// least `minConfidence` (0.5 is one plain item with the AI taxonomy, 1 a certain member) rather
    /// than when its best score reaches the taxonomy's threshold; nil keeps the default reading.
    public func reading(minConfidence: Double?) -> Classification {
        guard let minConfidence else { return self }
        var copy = self
        copy.isMember = !segments.isEmpty && confidence >= minConfidence - 1e-9
        return copy
    }

    /// The member segments' ids, best first.
    public var memberSegments: [String] { isMember ? segments.map(\.segment) : [] }
}

/// A segment's score in one classification.
public struct SegmentScore: Sendable, Hashable, Codable {
    public var segment: String
    public var layer: String
    public var score: Double

    public init(segment: String, layer: String, score: Double) {
        self.segment = segment
        self.layer = layer
        self.score = score
    }
}

/// One thing the classifier found, and what it did with it.
public struct Evidence: Sendable, Hashable, Codable {
    /// The company field the match is in.
    public enum Field: String, Sendable, Hashable, Codable, CaseIterable {
        case name
        case scope
        case industry
    }

    /// The rule that decided what the match counts for.
    public enum Rule: String, Sendable, Hashable, Codable, CaseIterable {
        /// An include term in an activity clause: counted.
        case included
        /// An include term in a leading clause: counted, prominent.
        case leadingClause
        /// A chain term in the company name: counted with the name weight.
        case name
        /// The scope is empty; the name is classified on its own.
        case emptyScope
        /// Cancelled by an exclusion phrase that overlaps it (人工智能培训 over 人工智能).
        case excludedByPhrase
        /// Cancelled by a word that makes the whole clause a non-activity (培训, 投资 …).
        case excludedInClause
        /// A clause of trade only, for a segment whose products count only when made or developed.
        case saleOnly
        /// A generic catalogue item without another chain item or a technology-centred company.
        case genericAlone
        /// Neither prominent nor in a technology-centred company nor beside another chain item.
        case notProminent
        /// Another term of the same segment already counted for this item: one item, one activity.
        case sameItem
        /// The company's industry supports the segment.
        case industrySupports
        /// The company's industry contradicts the segment.
        case industryContradicts
    }

    public var field: Field
    /// The clause the term is in (the whole field for names and industries).
    public var clause: String
    /// The clause's position in the field, from 0.
    public var clauseIndex: Int
    /// The term as the taxonomy spells it.
    public var term: String
    /// The character offset of the match in the field's text.
    public var offset: Int
    /// The segment the term shows, if any.
    public var segment: String?
    public var rule: Rule
    /// What the match added to its segment's score (0 when a rule set it aside).
    public var weight: Double
    /// The phrase or word that triggered an exclusion rule.
    public var trigger: String?

    public init(
        field: Field, clause: String, clauseIndex: Int, term: String, offset: Int, segment: String?, rule: Rule,
        weight: Double, trigger: String? = nil
    ) {
        self.field = field
        self.clause = clause
        self.clauseIndex = clauseIndex
        self.term = term
        self.offset = offset
        self.segment = segment
        self.rule = rule
        self.weight = weight
        self.trigger = trigger
    }

    /// Whether the match added to its segment.
    public var isCounted: Bool { weight != 0 }
}
