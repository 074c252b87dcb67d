/// An industry chain written as data: layers of segments, the terms that show each segment, the phrases
/// that only look like them, and the judgement rules that weigh what is found.
public struct Taxonomy: Sendable, Hashable {
    public var id: String
    /// Raised whenever terms or rules change; every stored classification names the version it came from.
    public var version: Int
    public var labels: LocalizedText
    /// Where the chain is defined in prose.
    public var definition: String?
    public var layers: [Layer]
    /// Phrases that cancel any include term they overlap, whatever its segment.
    public var exclusions: [String]
    public var rules: Rules
    /// The file it was read from.
    public var file: String?
    /// A fingerprint of the file's content: a change without a version bump still re-classifies.
    public var digest: String = ""

    public init(
        id: String, version: Int, labels: LocalizedText, definition: String? = nil, layers: [Layer],
        exclusions: [String] = [], rules: Rules = Rules(), file: String? = nil
    ) {
        self.id = id
        self.version = version
        self.labels = labels
        self.definition = definition
        self.layers = layers
        self.exclusions = exclusions
        self.rules = rules
        self.file = file
    }

    /// A layer of the chain (foundation, technology, application …).
    public struct Layer: Sendable, Hashable {
        public var id: String
        public var labels: LocalizedText
        public var segments: [Segment]

        public init(id: String, labels: LocalizedText, segments: [Segment]) {
            self.id = id
            self.labels = labels
            self.segments = segments
        }
    }

    /// A segment of a layer, with what shows it.
    public struct Segment: Sendable, Hashable {
        public var id: String
        public var labels: LocalizedText
        public var terms: [Term]
        /// Phrases that cancel an overlapping include term of this segment.
        public var exclusions: [String]
        /// Whether selling the segment's products counts (named products: robots, chips …), or only
        /// making, developing or providing them does.
        public var countsWhenSold: Bool
        /// GB/T 4754-2017 industry codes or names that support membership.
        public var supportingIndustries: [String]
        /// GB/T 4754-2017 industry codes or names that contradict it.
        public var contradictingIndustries: [String]
        /// IPC/CPC prefixes of the segment's patents.
        public var patentClasses: [String]
        /// Multiplies every term's weight.
        public var weight: Double
        /// Breaks ties of score for the main layer: a named technology (1) outranks a generic catalogue
        /// segment such as "AI software" (0).
        public var priority: Int = 1

        public init(
            id: String, labels: LocalizedText, terms: [Term], exclusions: [String] = [], countsWhenSold: Bool = false,
            supportingIndustries: [String] = [], contradictingIndustries: [String] = [], patentClasses: [String] = [],
            weight: Double = 1
        ) {
            self.id = id
            self.labels = labels
            self.terms = terms
            self.exclusions = exclusions
            self.countsWhenSold = countsWhenSold
            self.supportingIndustries = supportingIndustries
            self.contradictingIndustries = contradictingIndustries
            self.patentClasses = patentClasses
            self.weight = weight
        }
    }

    /// A word or phrase that shows a segment.
    public struct Term: Sendable, Hashable {
        public var text: String
        public var weight: Double
        /// A generic catalogue item (数据处理 …): it counts only beside another chain item or in a
        /// technology-centred company, and never decides the main layer over a specific item.
        public var isGeneric: Bool

        public init(_ text: String, weight: Double = 1, isGeneric: Bool = false) {
            self.text = text
            self.weight = weight
            self.isGeneric = isGeneric
        }
    }

    /// The judgement rules of the definition, as numbers and word lists.
    public struct Rules: Sendable, Hashable {
        /// Licence boilerplate; a clause holding one of these is ignored.
        public var boilerplate: [String] = []
        /// Words that make every chain item of their clause a non-activity (培训, 投资, 孵化 …).
        public var clauseExclusions: [String] = []
        /// Words that make an item a concrete activity (研发, 制造, 服务 …).
        public var activityWords: [String] = []
        /// Words of making (制造, 生产 …): an item that makes things outranks one that does not.
        public var manufacturingWords: [String] = []
        /// Added to the weight of an item with a manufacturing word.
        public var manufacturingBonus: Double = 0
        /// Words of trade (销售, 零售 …): a clause of trade without an activity word counts only for
        /// segments that count when sold.
        public var saleWords: [String] = []
        /// Words in a company name that make it technology-centred.
        public var technologyNameWords: [String] = []
        /// The score a company needs to be in the chain, in the default reading.
        public var threshold: Double = 1
        /// The total score of a certain member: confidence is the total over this, at most 1.
        public var strictThreshold: Double = 2
        /// A chain term in the company name adds this to its segment.
        public var nameWeight: Double = 0
        /// The same when the scope is empty and the name is all there is.
        public var nameOnlyWeight: Double = 1
        /// Items among the first `leadingClauses` clauses are prominent.
        public var leadingClauses: Int = 3
        /// Whether an item that is not prominent, in a company that is not technology-centred and has
        /// no other chain item, is left out.
        public var requiresProminence: Bool = true
        /// A supporting industry adds this to a segment that has evidence; a contradicting one subtracts it.
        public var industryWeight: Double = 0.25

        public init() {}
    }

    /// Every segment with its layer id, in file order.
    public var segments: [(layer: String, segment: Segment)] {
        layers.flatMap { layer in layer.segments.map { (layer.id, $0) } }
    }

    /// The segment and layer with this id.
    public func segment(_ id: String) -> (layer: String, segment: Segment)? {
        segments.first { $0.segment.id == id }
    }

    public func layer(_ id: String) -> Layer? { layers.first { $0.id == id } }
}
