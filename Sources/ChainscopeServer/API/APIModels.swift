import ChainscopeCore
import ChainscopeReports
import Foundation

/// A company in a list: who, where, since when, and its place in the chain.
struct CompanySummary: Encodable, Sendable {
    var id: String
    var creditCode: String?
    var names: LocalizedText
    var kind: EntityKind
    var status: RegistrationStatus?
    var founded: CalendarDate?
    var district: RegionCode?
    var isMember: Bool?
    var mainLayer: String?
    var segments: [String]
    var href: String

    init(_ listing: CompanyListing) {
        let company = listing.company
        id = company.urlID
        creditCode = company.creditCode
        names = company.names
        kind = company.kind
        status = company.status
        founded = company.founded
        district = company.region
        isMember = listing.isMember
        mainLayer = listing.mainLayer
        segments = listing.segments
        href = "/api/v1/companies/\(company.urlPath)"
    }
}

struct CompanyPageBody: Encodable, Sendable {
    var companies: [CompanySummary]
    /// The cursor of the next page, nil on the last.
    var next: String?
}

/// One company with its classification and where every part of it came from.
struct CompanyDetail: Encodable, Sendable {
    var company: Company
    var classification: Classification?
    /// The import the company was last stored from, for registry companies.
    var source: RegistryImport?
    /// The row as exported, header → value; phone numbers and e-mail addresses only with the API token.
    var raw: [String: String]?
    var contactsWithheld: Bool
    /// What newer exports changed, oldest first; contact cells only with the API token.
    var history: [CompanyChange]
    /// What rows of earlier exports imported after a newer one said, not applied; contact cells only with the
    /// API token.
    var unappliedChanges: [CompanyChange]
}

/// A company an import changed: its key, name and API link, and what changed.
struct ImportedChangeBody: Encodable, Sendable {
    var key: String
    var name: String?
    var href: String
    var change: CompanyChange
}

/// A taxonomy as a tree of layers and segments.
struct TaxonomyTree: Encodable, Sendable {
    struct Segment: Encodable, Sendable {
        var id: String
        var labels: LocalizedText
        var industryCodes: [String]
        var patentClasses: [String]
    }
    struct Layer: Encodable, Sendable {
        var id: String
        var labels: LocalizedText
        var segments: [Segment]
    }
    var id: String
    var version: Int
    var digest: String
    var labels: LocalizedText
    var layers: [Layer]

    init(_ taxonomy: Taxonomy) {
        id = taxonomy.id
        version = taxonomy.version
        digest = taxonomy.digest
        labels = taxonomy.labels
        layers = taxonomy.layers.map { layer in
            Layer(
                id: layer.id, labels: layer.labels,
                segments: layer.segments.map {
                    Segment(
                        id: $0.id, labels: $0.labels, industryCodes: $0.supportingIndustries,
                        patentClasses: $0.patentClasses)
                })
        }
    }
}

/// What the counted figures were counted over: the imports, the taxonomy and the window.
struct ProvenanceBody: Encodable, Sendable {
    struct Import: Encodable, Sendable {
        var id: Int64
        var file: String
        var snapshotDate: CalendarDate
        var isSynthetic: Bool
    }
    var imports: [Import]
    var taxonomy: String
    var taxonomyVersion: Int?
    var taxonomyDigest: String?
    var asOf: CalendarDate?

    init(_ provenance: CountProvenance) {
        imports = provenance.imports.map {
            Import(id: $0.id, file: $0.file, snapshotDate: $0.snapshotDate, isSynthetic: $0.isSynthetic)
        }
        taxonomy = provenance.taxonomyID
        taxonomyVersion = provenance.taxonomyVersion
        taxonomyDigest = provenance.taxonomyDigest
        asOf = provenance.asOf
    }
}

/// The indicators of the reports, counted from the stored registry.
struct IndicatorsBody: Encodable, Sendable {
    struct Share: Encodable, Sendable {
        var key: String
        var count: Int
        var share: Double
        var rank: Int
    }
    struct Point: Encodable, Sendable {
        var period: String
        var count: Int
    }
    struct YearToDateBody: Encodable, Sendable {
        var through: String
        var current: Int
        var samePeriodBefore: Int
        var wholeYearBefore: Int
        var growth: Double?
        var exceedsYearBefore: Bool
    }
    var members: Int
    var active: Int
    var closed: Int
    var byLayer: [Share]
    var bySegment: [Share]
    var byDistrict: [Share]
    var registrationsByYear: [Point]
    var registrationsByMonth: [Point]
    var yearToDate: YearToDateBody?
    var capital: [String: String]
    var provenance: ProvenanceBody
}

extension Company {
    /// How the API and dashboard name a company in a URL: its credit code, else its key.
    var urlID: String { creditCode ?? key.description }

    /// `urlID` as a path segment: percent-encoded, since keys hold `:`, Chinese and sometimes `/`.
    var urlPath: String { HTML.percentEncode(urlID) }
}

extension CompanyKey {
    /// `Company.urlPath` of the company with this key.
    var urlPath: String {
        if case .creditCode(let code) = self { return HTML.percentEncode(code) }
        return HTML.percentEncode(description)
    }

    /// The key a URL's path segment names: an 18-character credit code or a key's text form, either
    /// percent-encoded (Hummingbird hands path parameters over as they were sent).
    init?(urlID encoded: String) {
        let urlID = encoded.removingPercentEncoding ?? encoded
        if urlID.count == 18, urlID.allSatisfy({ $0.isASCII && ($0.isNumber || $0.isUppercase) }) {
            self = .creditCode(urlID)
        } else {
            self.init(urlID)
        }
    }
}

/// Headers of registry columns that hold personal contact data (phones, e-mail addresses).
enum ContactColumns {
    static let markers = ["电话", "手机", "邮箱", "联系方式", "phone", "mail", "传真", "fax"]

    static func isContact(_ header: String) -> Bool {
        let folded = header.lowercased()
        return markers.contains { folded.contains($0) }
    }

    static func withheld(_ raw: [String: String]) -> [String: String] {
        raw.filter { !isContact($0.key) }
    }

    /// The quarantined rows without their contact cells.
    static func withheld(_ rows: [QuarantinedRow]) -> [QuarantinedRow] {
        rows.map { row in
            var row = row
            row.raw = withheld(row.raw)
            return row
        }
    }

    /// The history without changes of contact cells; a change of nothing else is left out.
    static func withheld(_ history: [CompanyChange]) -> [CompanyChange] {
        history.map(withheld).filter { !$0.fields.isEmpty }
    }

    /// The change without its contact cells.
    static func withheld(_ change: CompanyChange) -> CompanyChange {
        change.withholding { $0.cell.map(isContact) ?? false }
    }
}
