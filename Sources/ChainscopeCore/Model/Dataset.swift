/// The value chain as a source describes it: layers, each with the segments it names.
public struct ValueChain: Codable, Hashable, Sendable {
    public var layers: [ChainLayer]
    public var citation: Citation

    public init(layers: [ChainLayer], citation: Citation) {
        self.layers = layers
        self.citation = citation
    }
}

/// One layer of a value chain (foundation, technology, application).
public struct ChainLayer: Codable, Hashable, Sendable, Identifiable {
    public var id: String
    public var names: LocalizedText
    public var segments: [ChainSegment]

    public init(id: String, names: LocalizedText, segments: [ChainSegment]) {
        self.id = id
        self.names = names
        self.segments = segments
    }
}

/// A segment a source names, and the taxonomy segment it corresponds to when there is one.
public struct ChainSegment: Codable, Hashable, Sendable {
    public var names: LocalizedText
    public var taxonomySegment: String?

    public init(names: LocalizedText, taxonomySegment: String? = nil) {
        self.names = names
        self.taxonomySegment = taxonomySegment
    }
}

/// A statement about the domains an industry is applied in, with the ones a source names.
public struct ApplicationDomains: Codable, Hashable, Sendable {
    /// The fact that counts the domains.
    public var fact: String
    public var named: [LocalizedText]
    public var citation: Citation

    public init(fact: String, named: [LocalizedText], citation: Citation) {
        self.fact = fact
        self.named = named
        self.citation = citation
    }
}

/// The section of a region's overview a fact or statement belongs to, in reading order.
public enum Topic: String, Codable, Hashable, Sendable, CaseIterable {
    case standing
    case applicationDomains = "application_domains"
    case market
    case strengths
    case companies
    case talent
    case parks
    case policies
    case outlook
}

/// A cited finding that belongs to one section of an overview.
public struct Statement: Codable, Hashable, Sendable {
    public var topic: Topic
    public var content: CitedText
    public var provenance: Provenance?

    public init(topic: Topic, content: CitedText, provenance: Provenance? = nil) {
        self.topic = topic
        self.content = content
        self.provenance = provenance
    }
}

/// What a dataset is: its id, version, title and the region it describes.
public struct DatasetInfo: Codable, Hashable, Sendable, Identifiable {
    public var id: String
    public var version: Int
    public var title: LocalizedText
    public var region: RegionCode
    public var industry: String
    /// True for generated sample data, which every output that uses it must say.
    public var isSynthetic: Bool
    /// The year the figures describe, as the title uses it.
    public var year: Int

    public init(
        id: String, version: Int, title: LocalizedText, region: RegionCode, industry: String,
        isSynthetic: Bool = false, year: Int
    ) {
        self.id = id
        self.version = version
        self.title = title
        self.region = region
        self.industry = industry
        self.isSynthetic = isSynthetic
        self.year = year
    }
}

/// A curated dataset: facts with their sources and everything else a region's overview needs.
public struct Dataset: Codable, Hashable, Sendable {
    public var info: DatasetInfo
    public var sources: [Source]
    public var facts: [Fact]
    public var valueChain: ValueChain?
    public var applicationDomains: ApplicationDomains?
    public var companies: [Company]
    public var parks: [Park]
    public var programmes: [Programme]
    public var policies: [Policy]
    public var statements: [Statement]
    public var provenance: Provenance

    public init(
        info: DatasetInfo, sources: [Source], facts: [Fact], valueChain: ValueChain? = nil,
        applicationDomains: ApplicationDomains? = nil, companies: [Company] = [], parks: [Park] = [],
        programmes: [Programme] = [], policies: [Policy] = [], statements: [Statement] = [], provenance: Provenance
    ) {
        self.info = info
        self.sources = sources
        self.facts = facts
        self.valueChain = valueChain
        self.applicationDomains = applicationDomains
        self.companies = companies
        self.parks = parks
        self.programmes = programmes
        self.policies = policies
        self.statements = statements
        self.provenance = provenance
    }

    public func source(_ id: String) -> Source? { sources.first { $0.id == id } }

    public func fact(_ id: String) -> Fact? { facts.first { $0.id == id } }

    /// The facts that reproduce reference figure `reference` (`R17` has two).
    public func facts(reference: String) -> [Fact] { facts.filter { $0.reference == reference } }
}
