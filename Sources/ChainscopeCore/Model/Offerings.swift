/// An industrial park and what it offers tenants.
public struct Park: Codable, Hashable, Sendable, Identifiable {
    public var id: String
    public var names: LocalizedText
    /// The county-level division, when a source names it.
    public var region: RegionCode?
    public var benefits: [LocalizedText]
    public var citation: Citation
    public var provenance: Provenance

    public init(
        id: String, names: LocalizedText, region: RegionCode? = nil, benefits: [LocalizedText] = [],
        citation: Citation, provenance: Provenance
    ) {
        self.id = id
        self.names = names
        self.region = region
        self.benefits = benefits
        self.citation = citation
        self.provenance = provenance
    }
}

/// A support programme, such as a talent-introduction plan, and its funding.
public struct Programme: Codable, Hashable, Sendable, Identifiable {
    public var id: String
    public var names: LocalizedText
    public var region: RegionCode
    /// Who can receive it.
    public var beneficiary: LocalizedText
    public var funding: Money?
    public var fundingQualifier: Qualifier
    /// The fact that states the funding, when one does.
    public var fact: String?
    public var citation: Citation
    public var provenance: Provenance

    public init(
        id: String, names: LocalizedText, region: RegionCode, beneficiary: LocalizedText, funding: Money?,
        fundingQualifier: Qualifier = .exact, fact: String? = nil, citation: Citation, provenance: Provenance
    ) {
        self.id = id
        self.names = names
        self.region = region
        self.beneficiary = beneficiary
        self.funding = funding
        self.fundingQualifier = fundingQualifier
        self.fact = fact
        self.citation = citation
        self.provenance = provenance
    }
}

/// A policy document. Titles stay empty in a language where the exact title is not known.
public struct Policy: Codable, Hashable, Sendable, Identifiable {
    public var id: String
    public var titles: LocalizedText
    public var issuer: LocalizedText
    public var region: RegionCode
    public var issued: Period?
    public var citation: Citation
    public var provenance: Provenance

    public init(
        id: String, titles: LocalizedText, issuer: LocalizedText, region: RegionCode, issued: Period? = nil,
        citation: Citation, provenance: Provenance
    ) {
        self.id = id
        self.titles = titles
        self.issuer = issuer
        self.region = region
        self.issued = issued
        self.citation = citation
        self.provenance = provenance
    }
}
