public import ChainscopeCore
import Foundation
import GRDB

extension SQLiteStore {
    public func memberCounts(taxonomy: Taxonomy, asOf: CalendarDate?) async throws -> MemberCounts {
        try await read { db in try Self.members(db, taxonomy: taxonomy, asOf: asOf, examples: nil).counts }
    }

    public func memberCounts(
        taxonomy: Taxonomy, asOf: CalendarDate?, examples limit: Int,
        of segments: @escaping @Sendable (MemberCounts) -> [String]
    ) async throws -> (counts: MemberCounts, examples: [String: [MemberExample]]) {
        try await read { db in try Self.members(db, taxonomy: taxonomy, asOf: asOf, examples: (limit, segments)) }
    }

    public func segmentExamples(
        taxonomy: Taxonomy, segments: [String], limit: Int, asOf: CalendarDate?
    ) async throws -> [String: [MemberExample]] {
        try await read { db in
            let earlier = try Self.earlierFacts(
                db, asOf: asOf, changing: MemberCounts.EarlierFacts.reexaminedColumns
            ).resolved()
            let imports = try Self.imports(db, asOf: asOf)
            let reexamined = try Self.reexamined(db, earlier.reexamined, imports: imports, earlier, taxonomy)
            return try Self.examples(
                db, taxonomy: taxonomy, segments: segments, limit: limit, asOf: asOf, imports: imports,
                reexamined: reexamined, earlier)
        }
    }

    /// The counts and, with `examples`, the examples of the segments it picks from them: the reexamined companies
    /// (`EarlierFacts.reexamined`) are read and classified once for both.
    private static func members(
        _ db: Database, taxonomy: Taxonomy, asOf: CalendarDate?,
        examples: (limit: Int, segments: (MemberCounts) -> [String])?
    ) throws -> (counts: MemberCounts, examples: [String: [MemberExample]]) {
        let earlier = try earlierFacts(db, asOf: asOf).resolved()
        let imports = try Self.imports(db, asOf: asOf)
        // Counts alone classify only the reclassified companies again; examples need the refounded ones too.
        let reexamined = try Self.reexamined(
            db, examples == nil ? earlier.reclassified : earlier.reexamined, imports: imports, earlier, taxonomy)
        var tally = MemberCounts.Tally(earlier: earlier)
        let arguments: StatementArguments = [asOf?.description, taxonomy.id, jsonArray(earlier.refounded)]
        try Self.tally(db, window: window(imports: imports, refounded: "?3"), arguments: arguments, into: &tally)
        if let reexamined { tally.add(reexamined) }
        var provenance = CountProvenance(imports: imports, taxonomyID: taxonomy.id, asOf: asOf)
        // Classifications of one taxonomy share its file's version and digest (see `classifyCompanies`).
        if let row = try Row.fetchOne(
            db, sql: "SELECT taxonomy_version, taxonomy_digest FROM classification WHERE taxonomy = ? LIMIT 1",
            arguments: [taxonomy.id])
        {
            (provenance.taxonomyVersion, provenance.taxonomyDigest) = (row[0], row[1])
        }
        let counts = tally.counts(provenance: provenance)
        guard let examples else { return (counts, [:]) }
        return (
            counts,
            try Self.examples(
                db, taxonomy: taxonomy, segments: examples.segments(counts), limit: examples.limit, asOf: asOf,
                imports: imports, reexamined: reexamined, earlier)
        )
    }

    /// The companies of `keys` that `imports` held, classified by `taxonomy` as they were (`Reexamined`); nil when
    /// `keys` is empty.
    private static func reexamined(
        _ db: Database, _ keys: [String], imports: [RegistryImport], _ earlier: MemberCounts.EarlierFacts,
        _ taxonomy: Taxonomy
    ) throws -> MemberCounts.Reexamined? {
        guard !keys.isEmpty else { return nil }
        var reexamined = MemberCounts.Reexamined(earlier: earlier, classifier: Classifier(taxonomy))
        try forEachHeldCompany(db, keys, imports: imports) { reexamined.add(key: $0, stored: $1) }
        return reexamined
    }

    /// Each of `segments`' examples: the stored ones without `earlier.reexamined`, merged with `reexamined`
    /// (`MemberExample.Plan`), of which only the companies picked are read in full.
    private static func examples(
        _ db: Database, taxonomy: Taxonomy, segments: [String], limit: Int, asOf: CalendarDate?,
        imports: [RegistryImport], reexamined: MemberCounts.Reexamined?, _ earlier: MemberCounts.EarlierFacts
    ) throws -> [String: [MemberExample]] {
        let excluded = jsonArray(earlier.reexamined)
        var stored: [String: [MemberExample]] = [:]
        for segment in segments {
            let keys = try String.fetchAll(
                db,
                sql: """
                    SELECT company_key FROM company_segment AS member
                    WHERE taxonomy = ?2 AND segment = ?3 AND is_member = 1 AND \(window(imports: imports))
                        AND company_key NOT IN (SELECT value FROM json_each(?5))
                    ORDER BY score DESC, company_key LIMIT ?4
                    """,
                arguments: [asOf?.description, taxonomy.id, segment, limit, excluded])
            stored[segment] = try keys.compactMap { key in try Self.example(db, key: key, taxonomy: taxonomy.id) }
        }
        guard let reexamined else { return stored }
        let plan = MemberExample.Plan(stored: stored, reexamined: reexamined, segments: segments, limit: limit)
        let keys = plan.keys
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
        return try plan.examples(companies: companies)
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

    /// The company with `key` and its stored classification in `taxonomy`, as an example.
    private static func example(_ db: Database, key: String, taxonomy: String) throws -> MemberExample? {
        guard let company = try CompanyRecord.fetchOne(db, key: key)?.company(),
            let row = try Row.fetchOne(
                db, sql: "SELECT * FROM classification WHERE taxonomy = ? AND company_key = ?",
                arguments: [taxonomy, key])
        else { return nil }
        return MemberExample(company: company, classification: try ClassificationWriter.classification(row))
    }

    /// `keys` as a JSON array, the parameter `json_each` reads; written by hand, as `JSONEncoder` took 6% of an as-of
    /// report's time.
    private static func jsonArray(_ keys: [String]) -> String {
        var bytes: [UInt8] = [UInt8(ascii: "[")]
        for (index, key) in keys.enumerated() {
            if index > 0 { bytes.append(UInt8(ascii: ",")) }
            JSONString.append(key, to: &bytes)
        }
        bytes.append(UInt8(ascii: "]"))
        return String(decoding: bytes, as: UTF8.self)
    }

    /// The imports a count as of `asOf` covers: those of exports taken by then, or all.
    private static func imports(_ db: Database, asOf: CalendarDate?) throws -> [RegistryImport] {
        try ImportRecord.order(Column("id")).fetchAll(db).map { try $0.domain() }
            .filter { asOf == nil || $0.snapshotDate <= asOf! }
    }

    /// The window as SQL over a `company_segment` row named `member`, with `?1` the as-of day: members
    /// founded by then and seen by one of `imports` (`imports(_:asOf:)`). Only registry
    /// companies are classified, and each segment row keeps its company's founding day (migration v5).
    /// The imports are few: naming them lets each member be looked up on import_key's primary key. With
    /// `refounded`, the parameter of a JSON array of keys (`EarlierFacts.refounded`), those companies are read
    /// whatever their stored founding day.
    private static func window(imports: [RegistryImport], refounded: String? = nil) -> String {
        let founded =
            refounded.map { "(member.founded <= ?1 OR member.company_key IN (SELECT value FROM json_each(\($0))))" }
            ?? "member.founded <= ?1"
        return "(?1 IS NULL OR (\(founded) AND \(held(key: "member.company_key", by: imports))))"
    }

    /// SQL saying that one of `imports` held the company whose key is `key`.
    private static func held(key: String, by imports: [RegistryImport]) -> String {
        let counted = imports.map { String($0.id) }.joined(separator: ", ")
        return """
            EXISTS (SELECT 1 FROM import_key WHERE import_key.import_id IN (\(counted)) AND import_key.key = \(key))
            """
    }

    /// The facts companies had on `asOf` where they differ from the stored ones (none without `asOf`): the
    /// changes imports of exports taken after it applied, what rows of exports taken by then said and was not
    /// applied, and the latest import by then that held each of those companies. With `columns`, only of the
    /// companies with such an entry that changes one of them (`EarlierFacts.reexaminedColumns`): an as-of report's
    /// examples then read only what they need.
    private static func earlierFacts(
        _ db: Database, asOf: CalendarDate?, changing columns: [String]? = nil
    ) throws -> MemberCounts.EarlierFacts {
        guard let asOf else { return MemberCounts.EarlierFacts() }
        var facts = MemberCounts.EarlierFacts(asOf: asOf)
        let counted = "((r.snapshot_date > ?1 AND h.is_applied) OR (r.snapshot_date <= ?1 AND NOT h.is_applied))"
        let companies = columns.map { columns in
            let changing = columns.map { "json_type(h.changes, '$.\($0)') IS NOT NULL" }.joined(separator: " OR ")
            return """
                 AND h.key IN (SELECT h.key FROM registry_import r JOIN company_history h ON h.import_id = r.id
                    WHERE \(counted) AND (\(changing)))
                """
        }
        // In the order of the imports: each import is one transaction, so its entries' ids follow the earlier
        // imports'. Ordered by import and then id, SQLite sorted each import's entries (64 MiB and temporary files
        // for a million); in id order it reads the table as it lies.
        let rows = try Row.fetchCursor(
            db,
            sql: """
                SELECT h.key, h.import_id, h.changes, h.is_applied
                FROM registry_import r JOIN company_history h ON h.import_id = r.id
                WHERE \(counted)\(companies ?? "")
                ORDER BY h.id
                """, arguments: [asOf.description])
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

    /// Members by founding month, main layer, district and status (from each member's main segment
    /// row), by founding month, segment and district (from every segment row), and their registered
    /// capital by currency. One pass over the members' segment rows in key order, tallied by
    /// `MemberCounts.Tally`: SQLite's GROUP BY would sort them twice.
    private static func tally(
        _ db: Database, window: String, arguments: StatementArguments, into tally: inout MemberCounts.Tally
    ) throws {
        let rows = try Row.fetchCursor(
            db,
            sql: """
                SELECT CAST(substr(founded, 1, 4) AS INTEGER) * 100 + CAST(substr(founded, 6, 2) AS INTEGER),
                    segment, layer, region, status, is_main, capital_currency, capital_amount, company_key
                FROM company_segment AS member
                WHERE taxonomy = ?2 AND is_member = 1 AND \(window)
                """, arguments: arguments)
        let readsKeys = tally.readsKeys
        while let row = try rows.next() {
            tally.add(
                key: readsKeys ? row[8] : "", month: row[0], segment: row[1], layer: row[2], district: row[3],
                status: row[4], isMain: row[5], currency: row[6], amount: row[7])
        }
    }
}
