import ChainscopeCore
import Foundation
import GRDB

/// Rows of the SQLite schema. Nested values (texts in three languages, lists) are JSON columns.
protocol SnakeCaseRecord: Codable, FetchableRecord, PersistableRecord {}

extension SnakeCaseRecord {
    static var databaseColumnDecodingStrategy: DatabaseColumnDecodingStrategy { .convertFromSnakeCase }
    static var databaseColumnEncodingStrategy: DatabaseColumnEncodingStrategy { .convertToSnakeCase }
}

struct DatasetRecord: SnakeCaseRecord {
    static let databaseTableName = "dataset"
    var id: String
    var version: Int
    var title: LocalizedText
    var region: String
    var industry: String
    var isSynthetic: Bool
    var year: Int
    var valueChain: ValueChain?
    var applicationDomains: ApplicationDomains?
}

struct SourceRecord: SnakeCaseRecord {
    static let databaseTableName = "source"
    var datasetId: String
    var id: String
    var position: Int
    var publisher: LocalizedText
    var author: String?
    var title: String?
    var url: String?
    var date: String?
    var language: String?
    var note: LocalizedText?
    var provenanceFile: String
    var provenanceLine: Int?
}

struct FactRecord: SnakeCaseRecord {
    static let databaseTableName = "fact"
    var datasetId: String
    var id: String
    var position: Int
    var reference: String?
    var subject: String
    var measure: String
    var topic: String
    var label: LocalizedText
    var period: String
    var region: String
    var valueKind: String
    var valueNumber: Decimal?
    var rankPosition: Int?
    var rankAfter: [String]?
    var exceedsPeriod: String?
    var unit: String
    var qualifier: String
    var sourceId: String
    var via: [String]
    var derivedFormula: String?
    var derivedRoundingUnit: Decimal?
    var provenanceFile: String
    var provenanceLine: Int?
}

/// A park, programme, policy or statement: its queryable columns and the whole value as JSON.
struct ItemRecord: SnakeCaseRecord {
    static let databaseTableName = "item"
    var datasetId: String
    var kind: String
    var id: String
    var position: Int
    var names: LocalizedText
    var region: String?
    var body: String
    var sourceId: String
    var via: [String]
    var provenanceFile: String
    var provenanceLine: Int?
}

struct RegionRecord: SnakeCaseRecord {
    static let databaseTableName = "region"
    var code: String
    var nameZh: String?
    var nameKo: String?
    var nameEn: String?
    var level: String
    var parent: String?
    var validFrom: String?
    var validTo: String?
    var isCurrent: Bool
    var provenanceFile: String
    var provenanceLine: Int?
}

struct StreetRecord: SnakeCaseRecord {
    static let databaseTableName = "street"
    var code: String
    var name: String
    var county: String
}

struct RegionChangeRecord: SnakeCaseRecord {
    static let databaseTableName = "region_change"
    var position: Int
    var region: String
    var kind: String
    var date: String
    var successors: [String]
    var note: LocalizedText?
}

struct CompanyRecord: SnakeCaseRecord {
    static let databaseTableName = "company"
    var key: String
    var nameZh: String?
    var nameKo: String?
    var nameEn: String?
    var creditCode: String?
    var registrationNumber: String?
    var kind: String
    var status: String?
    var founded: String?
    var capitalAmount: Decimal?
    var capitalCurrency: String?
    var capitalText: String?
    var region: String?
    var address: String?
    var businessScope: String?
    var industryCode: String?
    var industryName: String?
    /// The row the company was read from, as `RawFields` JSON.
    var raw: String?
    var notes: [CitedText]
    var provenanceKind: String
    var provenanceCollection: String
    var provenanceFile: String
    var provenanceLine: Int?
}

struct ImportRecord: SnakeCaseRecord {
    static let databaseTableName = "registry_import"
    var id: Int64?
    var file: String
    var sha256: String
    var reading: String
    var format: String
    var encoding: String?
    var snapshotDate: String
    var rowsRead: Int
    var inserted: Int
    var updated: Int
    var unchanged: Int
    /// `ImportCounts.older`; 0 for imports made before migration v14, which updated such companies.
    var older: Int
    var quarantined: Int
    var duplicates: Int
    var warnings: [String]
    /// `ImportWarning.storageText`; NULL for imports made before migration v13.
    var warningDetails: String?
}

struct QuarantineRecord: SnakeCaseRecord {
    static let databaseTableName = "quarantine"
    var importId: Int64
    var row: Int
    var line: Int?
    var sheet: String?
    /// The sheet's place in its workbook, 0 for a file without sheets (migration v17).
    var sheetNumber: Int
    var column: String?
    var value: String?
    var reason: String
    /// `QuarantineReason.storageText`; NULL for rows quarantined before migration v13.
    var reasonDetail: String?
    /// `QuarantinedRow.rawStorageText`: a JSON object for rows quarantined before their column order was kept.
    var raw: String
}
