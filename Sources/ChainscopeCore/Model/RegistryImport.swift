/// One import of a registry export: which file, what it held, and what became of its rows.
public struct RegistryImport: Codable, Hashable, Sendable, Identifiable {
    public var id: Int64
    /// The file name as the user gave it.
    public var file: String
    public var sha256: String
    public var format: String
    public var encoding: String?
    /// The day the export was taken, which `--as-of` filters on.
    public var snapshotDate: CalendarDate
    public var counts: ImportCounts
    /// Things the user should know that did not stop the import, such as a repeated header.
    public var warnings: [String]

    public init(
        id: Int64, file: String, sha256: String, format: String, encoding: String?, snapshotDate: CalendarDate,
        counts: ImportCounts, warnings: [String]
    ) {
        self.id = id
        self.file = file
        self.sha256 = sha256
        self.format = format
        self.encoding = encoding
        self.snapshotDate = snapshotDate
        self.counts = counts
        self.warnings = warnings
    }
}

/// What became of an import's rows: `inserted + updated + unchanged + quarantined + duplicates = rowsRead`.
public struct ImportCounts: Codable, Hashable, Sendable {
    public var rowsRead = 0
    public var inserted = 0
    public var updated = 0
    public var unchanged = 0
    public var quarantined = 0
    public var duplicates = 0

    public init() {}

    /// Rows stored as a company: new, changed or confirmed.
    public var stored: Int { inserted + updated + unchanged }

    /// Whether every row read is accounted for.
    public var isBalanced: Bool { stored + quarantined + duplicates == rowsRead }
}

/// A row that could not be stored, with where it is and why, so a person can fix it.
public struct QuarantinedRow: Codable, Hashable, Sendable {
    public var importID: Int64
    public var row: Int
    public var line: Int?
    public var sheet: String?
    /// The header of the column at fault, when one is.
    public var column: String?
    public var value: String?
    public var reason: String
    /// The whole row, header → value, so nothing is lost.
    public var raw: [String: String]

    public init(
        importID: Int64, row: Int, line: Int? = nil, sheet: String? = nil, column: String?, value: String?,
        reason: String, raw: [String: String]
    ) {
        self.importID = importID
        self.row = row
        self.line = line
        self.sheet = sheet
        self.column = column
        self.value = value
        self.reason = reason
        self.raw = raw
    }
}

/// What storing one registry company did.
public enum StoreOutcome: Sendable, Hashable {
    case inserted
    case updated(changedFields: [String])
    case unchanged
    /// The same company appeared earlier in this import.
    case duplicate
}

/// The write side of one import, open inside one transaction: each row is stored or quarantined.
public protocol RegistryImportSession {
    /// The id of the import being written.
    var importID: Int64 { get }
    /// Stores a company, keeping `raw`, the row it came from, beside it, with its classification.
    mutating func store(_ company: Company, raw: RawFields, classification: Classification?) throws -> StoreOutcome
    mutating func quarantine(_ row: QuarantinedRow) throws
}

/// What the user asked to import, before any row is read.
public struct ImportRequest: Sendable, Hashable {
    public var file: String
    public var sha256: String
    public var format: String
    public var snapshotDate: CalendarDate

    public init(file: String, sha256: String, format: String, snapshotDate: CalendarDate) {
        self.file = file
        self.sha256 = sha256
        self.format = format
        self.snapshotDate = snapshotDate
    }
}

/// The result of reading a file into a session: the encoding found, the counts and the warnings.
public struct ImportResult: Sendable, Hashable {
    public var encoding: String?
    public var counts: ImportCounts
    public var warnings: [String]

    public init(encoding: String?, counts: ImportCounts, warnings: [String]) {
        self.encoding = encoding
        self.counts = counts
        self.warnings = warnings
    }
}
