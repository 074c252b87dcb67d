import ChainscopeCore
import Foundation
import GRDB

/// What became of an import's stored rows, counted by its session as it stores them.
final class OutcomeTally {
    var counts = ImportCounts()
}

/// One import's writes, inside the transaction GRDB opened for it.
struct SQLiteImportSession: RegistryImportSession {
    let db: Database
    let importID: Int64
    let tally: OutcomeTally
    /// Prepared once per import rather than looked up by their SQL text for every row.
    private let insertKey: DirectStatement
    private let insertCompany: DirectStatement
    /// Prepared on the first update.
    private var updateCompany: DirectStatement?
    private var classifications: ClassificationWriter
    /// Taxonomies with stored classifications (an updated company's become stale), read on the first
    /// update: listing them walks the whole classification index, and most imports update nothing.
    private var taxonomies: [String]?
    private var rawHeaders: RawHeaderCatalog
    /// Whether an earlier import stored companies under a registration number or name, which a row keyed
    /// otherwise may be (`adoptEarlierKey(of:)`).
    private let mayHoldEarlierKeys: Bool
    /// The imports of exports taken after this one's (by snapshot date), whose view of a company is newer than
    /// its rows' (`isSeenByLaterImport`).
    let laterImports: [Int64]
    /// Whether an earlier import stored companies with a credit code, which a row without one may be
    /// (`codedCompany(for:)`).
    private let mayHoldCodedCompanies: Bool

    init(db: Database, importID: Int64, tally: OutcomeTally) throws {
        self.db = db
        rawHeaders = try RawHeaderCatalog(db)
        self.importID = importID
        self.tally = tally
        insertKey = try DirectStatement(
            db, sql: "INSERT INTO import_key (import_id, key, row) VALUES (?, ?, ?) ON CONFLICT DO NOTHING")
        insertCompany = try DirectStatement(db, sql: CompanyRecord.insertOrIgnoreSQL)
        classifications = try ClassificationWriter(db: db)
        mayHoldEarlierKeys = try Self.holdsRegistryCompanies(keyed: ["name", "regno"], db)
        laterImports = try Self.imports(after: importID, db)
        mayHoldCodedCompanies = try Self.holdsRegistryCompanies(keyed: ["uscc"], db)
        // Such rows are matched by name through the search index, which must then hold every earlier company
        // (several files imported by one command are indexed after the last).
        if mayHoldCodedCompanies { _ = try SQLiteStore.refreshSearchIndex(db) }
    }

    /// The taxonomies with stored classifications, read once.
    mutating func storedTaxonomies() throws -> [String] {
        if let taxonomies { return taxonomies }
        let stored = try String.fetchAll(db, sql: "SELECT DISTINCT taxonomy FROM classification ORDER BY taxonomy")
        taxonomies = stored
        return stored
    }

    mutating func store(_ read: CompanyRow) throws {
        if let header = read.rawHeader { try rawHeaders.store(header, db) }
        // A stored company is compared with, and updated to, the row as it keeps what the export did not give.
        let (outcome, row) = try storeCompany(read)
        tally.counts.count(outcome)
        // A changed company's other classifications are stale (all of them when this import classifies
        // nothing): `classify` takes them up again.
        if case .updated = outcome {
            for taxonomy in try storedTaxonomies() where taxonomy != row.classification?.classification.taxonomyID {
                try classifications.markStale(taxonomy: taxonomy, key: row.key, facts: row.facts)
            }
        }
        // A duplicate's company, or one a later export gave, keeps the classification of the facts it has.
        guard let classification = row.classification, outcome != .duplicate, outcome != .older else { return }
        try classifications.replace(classification, key: row.key, facts: row.facts, isNew: outcome == .inserted)
    }

    private mutating func storeCompany(_ read: CompanyRow) throws -> (StoreOutcome, CompanyRow) {
        if mayHoldEarlierKeys { try adoptEarlierKey(of: read) }
        var row = read
        let importID = Int(importID)
        if mayHoldCodedCompanies, let match = try codedCompany(for: row) {
            row = row.identified(byCreditCode: match.code, storedRegion: match.region)
            // Its own key too, so that a later row with that key is a duplicate rather than a new company.
            try insertKey.run {
                $0.bind(importID)
                $0.bind(read.key)
                $0.bind(read.line)
            }
        }
        try insertKey.run {
            $0.bind(importID)
            $0.bind(row.key)
            $0.bind(row.line)
        }
        guard db.changesCount > 0 else { return (.duplicate, row) }
        // Most rows of an import are new: try the insert first and compare only on a conflict.
        try insertCompany.run { $0.bind(row) }
        if db.changesCount > 0 { return (.inserted, row) }
        // Cached: compiled anew for each stored company, they made an import that updates most companies take
        // more than twice as long.
        guard
            let existing = try Row.fetchOne(db.cachedStatement(sql: CompanyRecord.selectRowSQL), arguments: [row.key])
        else {
            throw StoreError(
                .writeFailed, location: "company \(row.key)",
                detail: "the row was neither inserted nor found; it conflicts with another")
        }
        let stored = Self.texts(existing)
        row = row.keepingStored(stored)
        let changes = row.changes(from: stored, headers: rawHeaders.keys)
        guard !changes.isEmpty else { return (.unchanged, row) }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let isOlder = try isSeenByLaterImport(row)
        // An older row's changes are kept too, as not applied: what the earlier export said.
        let history = try db.cachedStatement(
            sql: "INSERT INTO company_history (key, import_id, row, changes, is_applied) VALUES (?, ?, ?, ?, ?)")
        try history.execute(arguments: [
            row.key, importID, row.line, String(decoding: try encoder.encode(changes), as: UTF8.self), !isOlder,
        ])
        if isOlder { return (.older, row) }
        let update = try updateCompany ?? DirectStatement(db, sql: CompanyRecord.updateSQL)
        updateCompany = update
        try update.run {
            $0.bind(row, skipping: 1)
            $0.bind(row.key)
        }
        return (.updated(changedFields: changes.keys.sorted()), row)
    }

    mutating func quarantine(_ row: QuarantinedRow) throws {
        try QuarantineRecord(row).insert(db)
    }

    /// Whether this import has stored the company with `key` (under its key or, for a row that took a stored
    /// company's key, its own): such a company is no earlier import's to match a row to.
    func isStoredByThisImport(_ key: String) throws -> Bool {
        let stored = try db.cachedStatement(
            sql: "SELECT EXISTS (SELECT 1 FROM import_key WHERE import_id = ? AND key = ?)")
        return try Bool.fetchOne(stored, arguments: [importID, key]) ?? false
    }

    /// The text of each column of `row` from `start`: with 0, of a row selected with `CompanyRecord.selectRowSQL`.
    static func texts(_ row: Row, from start: Int = 0) -> [String?] {
        row.databaseValues.dropFirst(start).map(\.textValue)
    }
}

extension DatabaseValue {
    var textValue: String? { isNull ? nil : String.fromDatabaseValue(self) ?? description }
}
