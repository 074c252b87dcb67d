import ChainscopeCore
import PostgresNIO

extension PostgresStore {
    /// Tallies the members as of `asOf` a range of companies at a time, in (province, key) order, as SQLite's store
    /// does in key order: see its `countAsOf`.
    func countAsOf(
        taxonomy: Taxonomy, asOf: CalendarDate, imports: [RegistryImport], examples limit: Int?,
        companiesPerRange: Int, into tally: inout MemberCounts.Tally, _ connection: PostgresConnection
    ) async throws -> MemberExample.Candidates? {
        let classifier = Classifier(taxonomy)
        var candidates: MemberExample.Candidates?
        var range = ProvinceKeyRange(lower: nil, upper: nil)
        repeat {
            let (upper, found) = try await rangeEnd(after: range.lower, companies: companiesPerRange, connection)
            range.upper = upper
            if range.lower == nil, found > 0, let limit {
                candidates = MemberExample.Candidates(limit: limit, classifier: classifier)
            }
            let earlier = try await earlierFacts(asOf: asOf, in: range, imports: imports, connection).resolved()
            tally.use(earlier)
            // Counts alone classify only the reclassified companies again; examples need the refounded ones too.
            let keys = candidates == nil ? earlier.reclassified : earlier.reexamined
            if !keys.isEmpty {
                var reexamined = MemberCounts.Reexamined(earlier: earlier, classifier: classifier)
                // A query per province: the partition is then chosen once, not for each company.
                for (province, keys) in Dictionary(grouping: keys, by: CompanyKey.province(ofKey:)).sorted(by: {
                    $0.key < $1.key
                }) {
                    let query = Self.heldCompanies(keys, of: province, imports: imports)
                    for try await row in try await connection.query(query, logger: logger) {
                        let (key, stored) = try Self.reclassifiedValues(row)
                        reexamined.add(key: key, stored: stored)
                    }
                }
                tally.add(reexamined)
                candidates?.add(reexamined)
            }
            var query = try Self.windowed(
                Self.segmentRows, asOf: asOf, taxonomy: taxonomy.id, imports: imports, refounded: earlier.refounded)
            // The taxonomy, equal in every row read, keeps the comparison on the segment rows' primary key.
            range.restrict(&query, columns: "member.province, member.taxonomy, member.company_key") {
                "\($0), $2, \($1)"
            }
            try await self.tally(query, into: &tally, candidates: &candidates, earlier, connection)
            range = ProvinceKeyRange(lower: upper, upper: nil)
        } while range.lower != nil
        return candidates
    }

    /// The last (province, key) of the `companies` companies with history entries after `lower` (from the first
    /// when nil), and how many there are; nil when fewer are left.
    private func rangeEnd(
        after lower: ProvinceKeyRange.Bound?, companies: Int, _ connection: PostgresConnection
    ) async throws -> (ProvinceKeyRange.Bound?, Int) {
        var query = PostgresQuery(unsafeSQL: "SELECT DISTINCT province, key FROM company_history WHERE true")
        ProvinceKeyRange(lower: lower, upper: nil).restrict(&query, columns: "province, key")
        query.sql += " ORDER BY province, key LIMIT \(companies)"
        var (last, found): (ProvinceKeyRange.Bound?, Int) = (nil, 0)
        for try await row in try await connection.query(query, logger: logger) {
            let (province, key) = try row.decode((String, String).self)
            (last, found) = (ProvinceKeyRange.Bound(province: province, key: key), found + 1)
        }
        return (found < companies ? nil : last, found)
    }

    /// Each of `segments`' examples as of a day from `candidates`, reading the companies picked in full.
    func examples(
        taxonomy: Taxonomy, segments: [String], _ candidates: MemberExample.Candidates,
        _ connection: PostgresConnection
    ) async throws -> [String: [MemberExample]] {
        let storedKeys = candidates.storedKeys(of: segments)
        var stored: [String: MemberExample] = [:]
        if !storedKeys.isEmpty {
            let offset = CompanyRow.columns.count + 1
            for row in try await connection.query(
                """
                SELECT \(unescaped: CompanyColumns.read(from: "c")), \(unescaped: Self.classificationColumns(from: "cl"))
                FROM unnest(\(storedKeys.map(CompanyKey.province(ofKey:)))::text[], \(storedKeys)::text[])
                    AS wanted(province, key)
                JOIN company c ON c.province = wanted.province AND c.key = wanted.key
                JOIN classification cl ON cl.province = c.province AND cl.taxonomy = \(taxonomy.id)
                    AND cl.company_key = c.key
                """, logger: logger
            ).collect() {
                let example = MemberExample(
                    company: try CompanyColumns.company(row),
                    classification: try Self.classification(row, offset: offset))
                stored[example.company.key.description] = example
            }
        }
        let keys = candidates.asOfKeys(of: segments)
        let companies =
            keys.isEmpty
            ? []
            : try await connection.query(
                """
                SELECT \(unescaped: CompanyColumns.read(from: "c"))
                FROM unnest(\(keys.map(CompanyKey.province(ofKey:)))::text[], \(keys)::text[]) AS wanted(province, key)
                JOIN company c ON c.province = wanted.province AND c.key = wanted.key
                """, logger: logger
            ).collect().map { try CompanyColumns.values($0) }
        return try candidates.examples(of: segments, stored: stored, companies: companies)
    }

    /// The facts the companies of `range` had on `asOf` where they differ from the stored ones, as SQLite's store
    /// reads them; `imports` are those of exports taken by `asOf`.
    private func earlierFacts(
        asOf: CalendarDate, in range: ProvinceKeyRange, imports: [RegistryImport], _ connection: PostgresConnection
    ) async throws -> MemberCounts.EarlierFacts {
        var facts = MemberCounts.EarlierFacts(asOf: asOf)
        var query = PostgresQuery(
            unsafeSQL: """
                SELECT h.key, h.import_id, h.changes, h.is_applied
                FROM registry_import r JOIN company_history h ON h.import_id = r.id
                WHERE ((r.snapshot_date > $1 AND h.is_applied) OR (r.snapshot_date <= $1 AND NOT h.is_applied))
                """)
        query.binds.append(asOf.description)
        range.restrict(&query, columns: "h.province, h.key")
        query.sql += " ORDER BY h.import_id, h.id"
        for try await row in try await connection.query(query, logger: logger) {
            let (key, importID, changes, isApplied) = try row.decode((String, Int64, String, Bool).self)
            if isApplied {
                try facts.add(key: key, importID: importID, applied: changes)
            } else {
                try facts.add(key: key, importID: importID, unapplied: changes)
            }
        }
        guard !facts.isEmpty else { return facts }
        // Each company is a seek of import_key's primary key (province, import, key) per import: `OFFSET 0` keeps it
        // one. Knowing the range's 16,384 keys, the planner otherwise hashed every import key of the imports (half a
        // second a range, most of a million-company count's time).
        let keys = facts.keys.sorted()
        let snapshots = Dictionary(uniqueKeysWithValues: imports.map { ($0.id, $0.snapshotDate.description) })
        let held = try await connection.query(
            """
            SELECT c.key, k.import_id
            FROM unnest(\(keys.map(CompanyKey.province(ofKey:)))::text[], \(keys)::text[]) AS c(province, key)
            CROSS JOIN LATERAL (
                SELECT k.import_id FROM import_key k
                WHERE k.province = c.province AND k.import_id = ANY(\(imports.map(\.id))) AND k.key = c.key
                OFFSET 0) AS k
            """, logger: logger)
        for try await row in held {
            let (key, importID) = try row.decode((String, Int64).self)
            if let snapshot = snapshots[importID] { facts.add(key: key, heldBy: importID, snapshot: snapshot) }
        }
        return facts
    }

    /// A row of `heldCompanies`: the key and its values of `MemberCounts.Tally.reclassifiedColumns`.
    private static func reclassifiedValues(_ row: PostgresRow) throws -> (key: String, stored: [String?]) {
        let cells = row.makeRandomAccess()
        return (
            try cells[0].decode(String.self),
            try (1...MemberCounts.Tally.reclassifiedColumns.count).map { try cells[$0].decode(String?.self) }
        )
    }

    /// The companies of `keys`, all of `province`, that one of `imports` held: each key, then its values of
    /// `MemberCounts.Tally.reclassifiedColumns`.
    private static func heldCompanies(_ keys: [String], of province: String, imports: [RegistryImport]) -> PostgresQuery
    {
        let columns = (["key"] + MemberCounts.Tally.reclassifiedColumns).map { "c." + $0 }.joined(separator: ", ")
        var binds = PostgresBindings()
        binds.append(province)
        binds.append(keys)
        binds.append(imports.map(\.id))
        return PostgresQuery(
            unsafeSQL: """
                SELECT \(columns) FROM unnest($2::text[]) AS wanted(key)
                JOIN company c ON c.province = $1 AND c.key = wanted.key
                WHERE EXISTS (
                    SELECT 1 FROM import_key k WHERE k.province = $1 AND k.import_id = ANY($3) AND k.key = c.key)
                """, binds: binds)
    }
}

/// Companies after `lower` (from the first when nil) up to and including `upper` (to the last when nil), in (province,
/// key) order, the order of the keys of the tables keyed on a company: a range of companies an as-of count reads at a
/// time.
struct ProvinceKeyRange {
    struct Bound {
        let province: String
        let key: String
    }

    var lower: Bound?
    var upper: Bound?

    /// Appends to `query` (whose SQL ends in a condition) the range as a row comparison of `columns`, which lead with
    /// the province and are ordered as (province, key) where `values` places the bound's province and key parameters
    /// among them.
    func restrict(
        _ query: inout PostgresQuery, columns: String,
        values: (_ province: String, _ key: String) -> String = { "\($0), \($1)" }
    ) {
        for (bound, comparison) in [(lower, ">"), (upper, "<=")] {
            guard let bound else { continue }
            query.binds.append(bound.province)
            query.binds.append(bound.key)
            let (province, key) = ("$\(query.binds.count - 1)", "$\(query.binds.count)")
            query.sql += " AND (\(columns)) \(comparison) (\(values(province, key)))"
        }
    }
}
