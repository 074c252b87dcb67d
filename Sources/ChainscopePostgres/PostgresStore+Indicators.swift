public import ChainscopeCore
import PostgresNIO

extension PostgresStore {
    public func memberCounts(taxonomy: Taxonomy, asOf: CalendarDate?) async throws -> MemberCounts {
        try await withSnapshot { connection in
            try await members(taxonomy: taxonomy, asOf: asOf, examples: nil, connection).counts
        }
    }

    public func memberCounts(
        taxonomy: Taxonomy, asOf: CalendarDate?, examples limit: Int,
        of segments: @escaping @Sendable (MemberCounts) -> [String]
    ) async throws -> (counts: MemberCounts, examples: [String: [MemberExample]]) {
        try await withSnapshot { connection in
            try await members(taxonomy: taxonomy, asOf: asOf, examples: (limit, segments), connection)
        }
    }

    public func segmentExamples(
        taxonomy: Taxonomy, segments: [String], limit: Int, asOf: CalendarDate?
    ) async throws -> [String: [MemberExample]] {
        try await withSnapshot { connection in
            let imports = try await counted(asOf: asOf, connection)
            let earlier = try await earlierFacts(
                asOf: asOf, changing: MemberCounts.EarlierFacts.reexaminedColumns, connection
            ).resolved()
            let reexamined = try await reexamined(earlier.reexamined, imports: imports, earlier, taxonomy, connection)
            return try await examples(
                taxonomy: taxonomy, segments: segments, limit: limit, asOf: asOf, imports: imports,
                reexamined: reexamined, earlier, connection)
        }
    }

    /// The counts and, with `examples`, the examples of the segments it picks from them, as SQLite's store reads
    /// them: the reexamined companies are read and classified once for both.
    private func members(
        taxonomy: Taxonomy, asOf: CalendarDate?, examples: (limit: Int, segments: (MemberCounts) -> [String])?,
        _ connection: PostgresConnection
    ) async throws -> (counts: MemberCounts, examples: [String: [MemberExample]]) {
        let imports = try await counted(asOf: asOf, connection)
        let earlier = try await earlierFacts(asOf: asOf, connection).resolved()
        let reexamined = try await reexamined(
            examples == nil ? earlier.reclassified : earlier.reexamined, imports: imports, earlier, taxonomy,
            connection)
        var tally = MemberCounts.Tally(earlier: earlier)
        let query = try Self.windowed(
            """
            SELECT (substr(founded, 1, 4)::integer * 100 + substr(founded, 6, 2)::integer)::bigint, segment, layer,
                region, status, is_main, capital_currency, capital_amount, company_key
            FROM company_segment AS member WHERE taxonomy = $2 AND is_member AND
            """, asOf: asOf, taxonomy: taxonomy.id, imports: imports, refounded: earlier.refounded)
        for try await row in try await connection.query(query, logger: logger) {
            let (month, segment, layer, region, status, isMain, currency, amount, key) = try row.decode(
                (Int?, String, String, String?, String?, Bool, String?, String?, String).self)
            tally.add(
                key: key, month: month, segment: segment, layer: layer, district: region, status: status,
                isMain: isMain, currency: currency, amount: amount)
        }
        if let reexamined { tally.add(reexamined) }
        var provenance = CountProvenance(imports: imports, taxonomyID: taxonomy.id, asOf: asOf)
        // Classifications of one taxonomy share its file's version and digest (see `classifyCompanies`).
        if let row = try await connection.query(
            "SELECT taxonomy_version, taxonomy_digest FROM classification WHERE taxonomy = \(taxonomy.id) LIMIT 1",
            logger: logger
        ).collect().first {
            (provenance.taxonomyVersion, provenance.taxonomyDigest) = try row.decode((Int, String).self)
        }
        let counts = tally.counts(provenance: provenance)
        guard let examples else { return (counts, [:]) }
        return (
            counts,
            try await self.examples(
                taxonomy: taxonomy, segments: examples.segments(counts), limit: examples.limit, asOf: asOf,
                imports: imports, reexamined: reexamined, earlier, connection)
        )
    }

    /// Each of `segments`' examples: the stored ones without `earlier.reexamined`, merged with `reexamined`
    /// (`MemberExample.Plan`), of which only the companies picked are read in full.
    private func examples(
        taxonomy: Taxonomy, segments: [String], limit: Int, asOf: CalendarDate?, imports: [RegistryImport],
        reexamined: MemberCounts.Reexamined?, _ earlier: MemberCounts.EarlierFacts, _ connection: PostgresConnection
    ) async throws -> [String: [MemberExample]] {
        let excluded = earlier.reexamined
        var stored: [String: [MemberExample]] = [:]
        for segment in segments {
            var query = try Self.windowed(
                """
                SELECT \(CompanyColumns.read(from: "c")), \(Self.classificationColumns(from: "cl"))
                FROM company_segment AS member
                JOIN company c ON c.province = member.province AND c.key = member.company_key
                JOIN classification cl ON cl.province = member.province AND cl.taxonomy = member.taxonomy
                    AND cl.company_key = member.company_key
                WHERE member.taxonomy = $2 AND member.segment = $4 AND member.is_member
                    AND NOT member.company_key = ANY($5) AND
                """, asOf: asOf, taxonomy: taxonomy.id, imports: imports)
            query.sql += " ORDER BY member.score DESC, member.company_key LIMIT \(max(limit, 0))"
            query.binds.append(segment)
            query.binds.append(excluded)
            let offset = CompanyRow.columns.count + 1
            stored[segment] = try await connection.query(query, logger: logger).collect().map { row in
                MemberExample(
                    company: try CompanyColumns.company(row),
                    classification: try Self.classification(row, offset: offset))
            }
        }
        guard let reexamined else { return stored }
        let plan = MemberExample.Plan(stored: stored, reexamined: reexamined, segments: segments, limit: limit)
        let keys = plan.keys
        guard !keys.isEmpty else { return try plan.examples(companies: []) }
        let companies = try await connection.query(
            """
            SELECT \(unescaped: CompanyColumns.read(from: "c"))
            FROM unnest(\(keys.map(CompanyKey.province(ofKey:)))::text[], \(keys)::text[]) AS wanted(province, key)
            JOIN company c ON c.province = wanted.province AND c.key = wanted.key
            """, logger: logger
        ).collect().map { try CompanyColumns.values($0) }
        return try plan.examples(companies: companies)
    }

    /// The facts companies had on `asOf` where they differ from the stored ones (none without `asOf`), as
    /// SQLite's store reads them; with `columns`, only of the companies with an entry that changes one of them.
    private func earlierFacts(
        asOf: CalendarDate?, changing columns: [String]? = nil, _ connection: PostgresConnection
    ) async throws -> MemberCounts.EarlierFacts {
        guard let asOf else { return MemberCounts.EarlierFacts() }
        var facts = MemberCounts.EarlierFacts(asOf: asOf)
        var binds = PostgresBindings()
        binds.append(asOf.description)
        let counted = "((r.snapshot_date > $1 AND h.is_applied) OR (r.snapshot_date <= $1 AND NOT h.is_applied))"
        var companies = ""
        if let columns {
            binds.append(columns)
            companies = """
                 AND (h.province, h.key) IN (
                    SELECT h.province, h.key FROM registry_import r JOIN company_history h ON h.import_id = r.id
                    WHERE \(counted) AND h.changes::jsonb ?| $2::text[])
                """
        }
        let query = PostgresQuery(
            unsafeSQL: """
                SELECT h.key, h.import_id, h.changes, h.is_applied
                FROM registry_import r JOIN company_history h ON h.import_id = r.id
                WHERE \(counted)\(companies)
                ORDER BY h.import_id, h.id
                """, binds: binds)
        for try await row in try await connection.query(query, logger: logger) {
            let (key, importID, changes, isApplied) = try row.decode((String, Int64, String, Bool).self)
            if isApplied {
                try facts.add(key: key, importID: importID, applied: changes)
            } else {
                try facts.add(key: key, importID: importID, unapplied: changes)
            }
        }
        guard !facts.isEmpty else { return facts }
        // Each company is a seek of import_key's primary key (province, import, key) per import.
        let keys = facts.keys.sorted()
        let held = try await connection.query(
            """
            SELECT k.key, k.import_id, r.snapshot_date
            FROM unnest(\(keys.map(CompanyKey.province(ofKey:)))::text[], \(keys)::text[]) AS c(province, key)
            CROSS JOIN registry_import r
            JOIN import_key k ON k.province = c.province AND k.import_id = r.id AND k.key = c.key
            WHERE r.snapshot_date <= \(asOf.description)
            """, logger: logger)
        for try await row in held {
            let (key, importID, snapshot) = try row.decode((String, Int64, String).self)
            facts.add(key: key, heldBy: importID, snapshot: snapshot)
        }
        return facts
    }

    /// The companies of `keys` that `imports` held, classified by `taxonomy` as they were (`Reexamined`); nil when
    /// `keys` is empty.
    private func reexamined(
        _ keys: [String], imports: [RegistryImport], _ earlier: MemberCounts.EarlierFacts, _ taxonomy: Taxonomy,
        _ connection: PostgresConnection
    ) async throws -> MemberCounts.Reexamined? {
        guard !keys.isEmpty else { return nil }
        var reexamined = MemberCounts.Reexamined(earlier: earlier, classifier: Classifier(taxonomy))
        for try await row in try await connection.query(Self.heldCompanies(keys, imports: imports), logger: logger) {
            let (key, stored) = try Self.reclassifiedValues(row)
            reexamined.add(key: key, stored: stored)
        }
        return reexamined
    }

    /// A row of `heldCompanies`: the key and its values of `MemberCounts.Tally.reclassifiedColumns`.
    private static func reclassifiedValues(_ row: PostgresRow) throws -> (key: String, stored: [String?]) {
        let cells = row.makeRandomAccess()
        return (
            try cells[0].decode(String.self),
            try (1...MemberCounts.Tally.reclassifiedColumns.count).map { try cells[$0].decode(String?.self) }
        )
    }

    /// The companies of `keys` that one of `imports` held: each key, then its values of
    /// `MemberCounts.Tally.reclassifiedColumns`.
    private static func heldCompanies(_ keys: [String], imports: [RegistryImport]) -> PostgresQuery {
        let columns = (["key"] + MemberCounts.Tally.reclassifiedColumns).map { "c." + $0 }.joined(separator: ", ")
        var binds = PostgresBindings()
        binds.append(keys.map(CompanyKey.province(ofKey:)))
        binds.append(keys)
        binds.append(imports.map(\.id))
        return PostgresQuery(
            unsafeSQL: """
                SELECT \(columns) FROM unnest($1::text[], $2::text[]) AS wanted(province, key)
                JOIN company c ON c.province = wanted.province AND c.key = wanted.key
                WHERE EXISTS (
                    SELECT 1 FROM import_key k
                    WHERE k.province = c.province AND k.import_id = ANY($3) AND k.key = c.key)
                """, binds: binds)
    }

    /// The imports counted in the window: all, or those taken by `asOf`.
    private func counted(asOf: CalendarDate?, _ connection: PostgresConnection) async throws -> [RegistryImport] {
        try await Self.importRecords(connection, "", [], logger).filter { asOf == nil || $0.snapshotDate <= asOf! }
    }

    /// `sql` (ending in AND, over a `company_segment` row named `member`, with `$2` the taxonomy) completed
    /// with the window: members founded by `asOf` (`$1`) and seen by an import taken by then (`$3`); companies of
    /// `refounded` (`$4`, `EarlierFacts.refounded`) whatever their stored founding day.
    private static func windowed(
        _ sql: String, asOf: CalendarDate?, taxonomy: String, imports: [RegistryImport], refounded: [String]? = nil
    ) throws -> PostgresQuery {
        var binds = PostgresBindings()
        binds.append(asOf?.description)
        binds.append(taxonomy)
        binds.append(imports.map(\.id))
        if let refounded { binds.append(refounded) }
        let founded =
            refounded == nil ? "member.founded <= $1" : "(member.founded <= $1 OR member.company_key = ANY($4))"
        return PostgresQuery(
            unsafeSQL: sql + """
                 ($1::text IS NULL OR (\(founded) AND EXISTS (
                    SELECT 1 FROM import_key k WHERE k.province = member.province AND k.import_id = ANY($3)
                        AND k.key = member.company_key)))
                """, binds: binds)
    }
}
