import ChainscopeCore
import Foundation
import GRDB

extension SQLiteStore {
    /// Tallies the members as of `asOf` a range of company keys at a time, each range holding `companiesPerRange`
    /// companies with history entries: their facts of the day (`EarlierFacts`), those of them classified again as
    /// they were (`Reexamined`), then the range's segment rows, so that what the count holds does not grow with the
    /// companies later exports changed. With `limit`, gathers each segment's best members as examples
    /// (`MemberExample.Candidates`), unless no company has an entry (the stored examples are then read by score).
    static func countAsOf(
        _ db: Database, taxonomy: Taxonomy, asOf: CalendarDate, imports: [RegistryImport], examples limit: Int?,
        companiesPerRange: Int, into tally: inout MemberCounts.Tally
    ) throws -> MemberExample.Candidates? {
        let classifier = Classifier(taxonomy)
        var candidates: MemberExample.Candidates?
        var range = KeyRange(lower: nil, upper: nil)
        repeat {
            let (upper, found) = try rangeEnd(db, after: range.lower, companies: companiesPerRange)
            range.upper = upper
            if range.lower == nil, found > 0, let limit {
                candidates = MemberExample.Candidates(limit: limit, classifier: classifier)
            }
            let earlier = try earlierFacts(db, asOf: asOf, in: range).resolved()
            tally.use(earlier)
            // Counts alone classify only the reclassified companies again; examples need the refounded ones too.
            let keys = candidates == nil ? earlier.reclassified : earlier.reexamined
            if !keys.isEmpty {
                var reexamined = MemberCounts.Reexamined(earlier: earlier, classifier: classifier)
                try forEachHeldCompany(db, keys, imports: imports) { reexamined.add(key: $0, stored: $1) }
                tally.add(reexamined)
                candidates?.add(reexamined)
            }
            let bounds = range.condition(on: "member.company_key", from: 4)
            try Self.tally(
                db, window: window(imports: imports, refounded: "?3") + bounds.sql,
                arguments: StatementArguments(
                    [asOf.description, taxonomy.id, jsonArray(earlier.refounded)] + bounds.values),
                into: &tally, candidates: &candidates, earlier)
            range = KeyRange(lower: upper, upper: nil)
        } while range.lower != nil
        return candidates
    }

    /// The last key of the `companies` companies with history entries after `lower` (from the first when nil), and
    /// how many there are: the end of a range of `countAsOf`; nil when fewer are left (the range then runs to the
    /// last company).
    private static func rangeEnd(_ db: Database, after lower: String?, companies: Int) throws -> (String?, Int) {
        let bounds = KeyRange(lower: lower, upper: nil).condition(on: "key", from: 2)
        let row = try Row.fetchOne(
            db,
            sql: """
                SELECT count(*), max(key) FROM (
                    SELECT DISTINCT key FROM company_history WHERE 1\(bounds.sql) ORDER BY key LIMIT ?1)
                """, arguments: StatementArguments([companies] + bounds.values))
        let found: Int = row?[0] ?? 0
        return (found < companies ? nil : row?[1], found)
    }

    /// Each of `segments`' examples as of a day from `candidates`, reading the companies picked in full.
    static func examples(
        _ db: Database, taxonomy: Taxonomy, segments: [String], _ candidates: MemberExample.Candidates
    ) throws -> [String: [MemberExample]] {
        var stored: [String: MemberExample] = [:]
        for key in candidates.storedKeys(of: segments) {
            stored[key] = try example(db, key: key, taxonomy: taxonomy.id)
        }
        let keys = candidates.asOfKeys(of: segments)
        let companies =
            keys.isEmpty
            ? []
            : try Row.fetchAll(
                db,
                sql: """
                    SELECT \(CompanyRow.columns.joined(separator: ", ")), provenance_line FROM company
                    WHERE key IN (SELECT value FROM json_each(?))
                    """, arguments: [jsonArray(keys)]
            ).map { row in (Array(SQLiteImportSession.texts(row).dropLast()), row[CompanyRow.columns.count] as Int?) }
        return try candidates.examples(of: segments, stored: stored, companies: companies)
    }

    /// Calls `body` with each company of `keys` that one of `imports` held: its key and its values of
    /// `MemberCounts.Tally.reclassifiedColumns`, read one row at a time.
    private static func forEachHeldCompany(
        _ db: Database, _ keys: [String], imports: [RegistryImport], _ body: (String, [String?]) throws -> Void
    ) throws {
        let rows = try Row.fetchCursor(
            db,
            sql: """
                SELECT key, \(MemberCounts.Tally.reclassifiedColumns.joined(separator: ", ")) FROM company
                WHERE key IN (SELECT value FROM json_each(?)) AND \(held(key: "company.key", by: imports))
                """, arguments: [jsonArray(keys)])
        while let row = try rows.next() { try body(row[0], SQLiteImportSession.texts(row, from: 1)) }
    }

    /// The facts the companies of `range` had on `asOf` where they differ from the stored ones: the changes imports
    /// of exports taken after it applied, what rows of exports taken by then said and was not applied, and the
    /// latest import by then that held each of those companies.
    private static func earlierFacts(
        _ db: Database, asOf: CalendarDate, in range: KeyRange
    ) throws -> MemberCounts.EarlierFacts {
        var facts = MemberCounts.EarlierFacts(asOf: asOf)
        let counted = "((r.snapshot_date > ?1 AND h.is_applied) OR (r.snapshot_date <= ?1 AND NOT h.is_applied))"
        let bounds = range.condition(on: "h.key", from: 2)
        // In the order of the imports: each import is one transaction, so its entries' ids follow the earlier
        // imports'. Ordered by import and then id, SQLite sorted each import's entries (64 MiB and temporary files
        // for a million); in id order it reads the table as it lies, or a range's entries from the key index.
        let rows = try Row.fetchCursor(
            db,
            sql: """
                SELECT h.key, h.import_id, h.changes, h.is_applied
                FROM company_history h JOIN registry_import r ON r.id = h.import_id
                WHERE \(counted)\(bounds.sql)
                ORDER BY h.id
                """, arguments: StatementArguments([asOf.description] + bounds.values))
        while let row = try rows.next() {
            if row[3] {
                try facts.add(key: row[0], importID: row[1], applied: row[2])
            } else {
                try facts.add(key: row[0], importID: row[1], unapplied: row[2])
            }
        }
        guard !facts.isEmpty else { return facts }
        // Each company is a seek of import_key's primary key per import.
        let keys = jsonArray(facts.keys.sorted())
        let held = try Row.fetchCursor(
            db,
            sql: """
                SELECT k.key, k.import_id, r.snapshot_date FROM registry_import r CROSS JOIN import_key k
                WHERE r.snapshot_date <= ? AND k.import_id = r.id AND k.key IN (SELECT value FROM json_each(?))
                """, arguments: [asOf.description, keys])
        while let row = try held.next() { facts.add(key: row[0], heldBy: row[1], snapshot: row[2]) }
        return facts
    }
}

/// Company keys after `lower` (from the first when nil) up to and including `upper` (to the last when nil): a range of
/// companies an as-of count reads at a time.
struct KeyRange {
    var lower: String?
    var upper: String?

    /// SQL restricting `column` to the range (empty, or beginning with AND), with numbered parameters from `first`,
    /// and the parameters' values.
    func condition(on column: String, from first: Int) -> (sql: String, values: [(any DatabaseValueConvertible)?]) {
        var (sql, values): (String, [(any DatabaseValueConvertible)?]) = ("", [])
        if let lower {
            sql += " AND \(column) > ?\(first + values.count)"
            values.append(lower)
        }
        if let upper {
            sql += " AND \(column) <= ?\(first + values.count)"
            values.append(upper)
        }
        return (sql, values)
    }
}
