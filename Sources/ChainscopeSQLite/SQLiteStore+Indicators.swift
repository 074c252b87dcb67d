public import ChainscopeCore
import Foundation
import GRDB

extension SQLiteStore {
    public func memberCounts(taxonomy: Taxonomy, asOf: CalendarDate?) async throws -> MemberCounts {
        try await read { db in
            try Self.members(
                db, taxonomy: taxonomy, asOf: asOf, examples: nil, companiesPerRange: Self.companiesPerRange
            )
            .counts
        }
    }

    public func memberCounts(
        taxonomy: Taxonomy, asOf: CalendarDate?, examples limit: Int,
        of segments: @escaping @Sendable (MemberCounts) -> [String]
    ) async throws -> (counts: MemberCounts, examples: [String: [MemberExample]]) {
        try await memberCounts(
            taxonomy: taxonomy, asOf: asOf, examples: limit, of: segments, companiesPerRange: Self.companiesPerRange)
    }

    /// `memberCounts(taxonomy:asOf:examples:of:)`, counting as of a day `companiesPerRange` companies with history
    /// entries at a time: tests count with ranges of one company to compare.
    package func memberCounts(
        taxonomy: Taxonomy, asOf: CalendarDate?, examples limit: Int,
        of segments: @escaping @Sendable (MemberCounts) -> [String], companiesPerRange: Int
    ) async throws -> (counts: MemberCounts, examples: [String: [MemberExample]]) {
        try await read { db in
            try Self.members(
                db, taxonomy: taxonomy, asOf: asOf, examples: (limit, segments), companiesPerRange: companiesPerRange)
        }
    }

    public func segmentExamples(
        taxonomy: Taxonomy, segments: [String], limit: Int, asOf: CalendarDate?
    ) async throws -> [String: [MemberExample]] {
        try await read { db in
            // As of a day, a segment's examples are found as its members are counted.
            guard asOf != nil else {
                return try Self.storedExamples(
                    db, taxonomy: taxonomy, segments: segments, limit: limit, asOf: nil, imports: [])
            }
            return try Self.members(
                db, taxonomy: taxonomy, asOf: asOf, examples: (limit, { _ in segments }),
                companiesPerRange: Self.companiesPerRange
            ).examples
        }
    }

    /// Companies with history entries counted as of a day in one range (`countAsOf`): what such a count holds is
    /// about a kilobyte for each.
    static let companiesPerRange = 16384

    /// The counts and, with `examples`, the examples of the segments it picks from them.
    private static func members(
        _ db: Database, taxonomy: Taxonomy, asOf: CalendarDate?,
        examples: (limit: Int, segments: (MemberCounts) -> [String])?, companiesPerRange: Int
    ) throws -> (counts: MemberCounts, examples: [String: [MemberExample]]) {
        let imports = try Self.imports(db, asOf: asOf)
        var tally = MemberCounts.Tally()
        var candidates: MemberExample.Candidates?
        if let asOf {
            candidates = try countAsOf(
                db, taxonomy: taxonomy, asOf: asOf, imports: imports, examples: examples?.limit,
                companiesPerRange: companiesPerRange, into: &tally)
        } else {
            try Self.tally(db, window: window(imports: imports), arguments: [nil, taxonomy.id], into: &tally)
        }
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
        let segments = examples.segments(counts)
        guard let candidates else {
            return (
                counts,
                try storedExamples(
                    db, taxonomy: taxonomy, segments: segments, limit: examples.limit, asOf: asOf, imports: imports)
            )
        }
        return (counts, try Self.examples(db, taxonomy: taxonomy, segments: segments, candidates))
    }

    /// Each of `segments`' best-scored members in the window, read in score order: the examples when no company's
    /// facts of the day differ from its stored ones.
    private static func storedExamples(
        _ db: Database, taxonomy: Taxonomy, segments: [String], limit: Int, asOf: CalendarDate?,
        imports: [RegistryImport]
    ) throws -> [String: [MemberExample]] {
        var stored: [String: [MemberExample]] = [:]
        for segment in segments {
            let keys = try String.fetchAll(
                db,
                sql: """
                    SELECT company_key FROM company_segment AS member
                    WHERE taxonomy = ?2 AND segment = ?3 AND is_member = 1 AND \(window(imports: imports))
                    ORDER BY score DESC, company_key LIMIT ?4
                    """,
                arguments: [asOf?.description, taxonomy.id, segment, limit])
            stored[segment] = try keys.compactMap { key in try Self.example(db, key: key, taxonomy: taxonomy.id) }
        }
        return stored
    }

    /// The company with `key` and its stored classification in `taxonomy`, as an example.
    static func example(_ db: Database, key: String, taxonomy: String) throws -> MemberExample? {
        guard let company = try CompanyRecord.fetchOne(db, key: key)?.company(),
            let row = try Row.fetchOne(
                db, sql: "SELECT * FROM classification WHERE taxonomy = ? AND company_key = ?",
                arguments: [taxonomy, key])
        else { return nil }
        return MemberExample(company: company, classification: try ClassificationWriter.classification(row))
    }

    /// `keys` as a JSON array, the parameter `json_each` reads; written by hand, as `JSONEncoder` took 6% of an as-of
    /// report's time.
    static func jsonArray(_ keys: [String]) -> String {
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
    static func window(imports: [RegistryImport], refounded: String? = nil) -> String {
        let founded =
            refounded.map { "(member.founded <= ?1 OR member.company_key IN (SELECT value FROM json_each(\($0))))" }
            ?? "member.founded <= ?1"
        return "(?1 IS NULL OR (\(founded) AND \(held(key: "member.company_key", by: imports))))"
    }

    /// SQL saying that one of `imports` held the company whose key is `key`.
    static func held(key: String, by imports: [RegistryImport]) -> String {
        let counted = imports.map { String($0.id) }.joined(separator: ", ")
        return """
            EXISTS (SELECT 1 FROM import_key WHERE import_key.import_id IN (\(counted)) AND import_key.key = \(key))
            """
    }

    /// Members by founding month, main layer, district and status (from each member's main segment
    /// row), by founding month, segment and district (from every segment row), and their registered
    /// capital by currency. One pass over the members' segment rows in key order, tallied by
    /// `MemberCounts.Tally`: SQLite's GROUP BY would sort them twice.
    static func tally(
        _ db: Database, window: String, arguments: StatementArguments, into tally: inout MemberCounts.Tally
    ) throws {
        var candidates: MemberExample.Candidates?
        try Self.tally(
            db, window: window, arguments: arguments, into: &tally, candidates: &candidates,
            MemberCounts.EarlierFacts())
    }

    /// `tally(_:window:arguments:into:)`, adding each segment row of a company that is not one of
    /// `earlier.reexamined` to `candidates`.
    static func tally(
        _ db: Database, window: String, arguments: StatementArguments, into tally: inout MemberCounts.Tally,
        candidates: inout MemberExample.Candidates?, _ earlier: MemberCounts.EarlierFacts
    ) throws {
        let rows = try Row.fetchCursor(
            db,
            sql: """
                SELECT CAST(substr(founded, 1, 4) AS INTEGER) * 100 + CAST(substr(founded, 6, 2) AS INTEGER),
                    segment, layer, region, status, is_main, capital_currency, capital_amount, company_key, score
                FROM company_segment AS member
                WHERE taxonomy = ?2 AND is_member = 1 AND \(window)
                """, arguments: arguments)
        let readsKeys = tally.readsKeys || candidates != nil
        while let row = try rows.next() {
            let (key, segment): (String, String) = (readsKeys ? row[8] : "", row[1])
            tally.add(
                key: key, month: row[0], segment: segment, layer: row[2], district: row[3], status: row[4],
                isMain: row[5], currency: row[6], amount: row[7])
            if candidates != nil, !earlier.isReexamined(key) {
                candidates?.add(stored: key, segment: segment, score: row[9])
            }
        }
    }
}
