public import Foundation

/// A chain's members counted by founding month, main layer, district and status, as a store returns
/// them for indicators: small whatever the size of the registry, and with what it counted over.
public struct MemberCounts: Sendable, Hashable {
    /// Members sharing a founding month, main layer, district and status.
    public struct Cell: Sendable, Hashable {
        /// Nil when the founding date is unknown.
        public var month: YearMonth?
        public var layer: String?
        /// The district (county-level region) as of today's division table; nil when unknown.
        public var district: RegionCode?
        public var status: RegistrationStatus?
        public var count: Int

        public init(
            month: YearMonth?, layer: String?, district: RegionCode?, status: RegistrationStatus?, count: Int
        ) {
            self.month = month
            self.layer = layer
            self.district = district
            self.status = status
            self.count = count
        }
    }

    /// Members scored in a segment (a member can score in several), by founding month and district.
    public struct SegmentCell: Sendable, Hashable {
        public var month: YearMonth?
        public var segment: String
        public var district: RegionCode?
        public var count: Int

        public init(month: YearMonth?, segment: String, district: RegionCode?, count: Int) {
            self.month = month
            self.segment = segment
            self.district = district
            self.count = count
        }
    }

    public var cells: [Cell]
    public var segmentCells: [SegmentCell]
    /// Members' registered capital summed exactly by currency (members without a capital are left out).
    public var capital: [Currency: Decimal]
    public var provenance: CountProvenance

    public init(
        cells: [Cell] = [], segmentCells: [SegmentCell] = [], capital: [Currency: Decimal] = [:],
        provenance: CountProvenance
    ) {
        self.cells = cells
        self.segmentCells = segmentCells
        self.capital = capital
        self.provenance = provenance
    }

    /// All members counted.
    public var members: Int { cells.reduce(0) { $0 + $1.count } }
}

/// What a computed figure counted over: the imports, the taxonomy and the window.
public struct CountProvenance: Sendable, Hashable {
    /// The imports whose companies were counted, oldest first.
    public var imports: [RegistryImport]
    public var taxonomyID: String
    public var taxonomyVersion: Int?
    public var taxonomyDigest: String?
    /// Companies founded by this day, from imports whose snapshot is not later; nil for everything.
    public var asOf: CalendarDate?

    public init(
        imports: [RegistryImport], taxonomyID: String, taxonomyVersion: Int? = nil, taxonomyDigest: String? = nil,
        asOf: CalendarDate? = nil
    ) {
        self.imports = imports
        self.taxonomyID = taxonomyID
        self.taxonomyVersion = taxonomyVersion
        self.taxonomyDigest = taxonomyDigest
        self.asOf = asOf
    }

    /// Rows stored from the imports counted over.
    public var storedRows: Int { imports.reduce(0) { $0 + $1.counts.stored } }
}

/// A member of a segment shown as an example, with the classification that placed it there.
public struct MemberExample: Sendable, Hashable {
    public var company: Company
    public var classification: Classification

    public init(company: Company, classification: Classification) {
        self.company = company
        self.classification = classification
    }
}
