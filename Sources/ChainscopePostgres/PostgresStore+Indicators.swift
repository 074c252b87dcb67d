public import ChainscopeCore
import PostgresNIO

extension PostgresStore {
    public func memberCounts(taxonomy: Taxonomy, asOf: CalendarDate?) async throws -> MemberCounts {
        try await withSnapshot { connection in
            try await members(
                taxonomy: taxonomy, asOf: asOf, examples: nil, companiesPerRange: Self.companiesPerRange, connection
            ).counts
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
        try await withSnapshot { connection in
            try await members(
                taxonomy: taxonomy, asOf: asOf, examples: (limit, segments), companiesPerRange: companiesPerRange,
                connection)
        }
    }

    public func segmentExamples(
        taxonomy: Taxonomy, segments: [String], limit: Int, asOf: CalendarDate?
    ) async throws -> [String: [MemberExample]] {
        try await withSnapshot { connection in
            // As of a day, a segment's examples are found as its members are counted.
            guard asOf != nil else {
                return try await storedExamples(
                    taxonomy: taxonomy, segments: segments, limit: limit, asOf: nil, imports: [], connection)
            }
            return try await members(
                taxonomy: taxonomy, asOf: asOf, examples: (limit, { _ in segments }),
                companiesPerRange: Self.companiesPerRange, connection
            ).examples
        }
    }

    /// Companies with history entries counted as of a day in one range (`countAsOf`), as in SQLite's store.
    static let companiesPerRange = 16384

    /// The counts and, with `examples`, the examples of the segments it picks from them, as SQLite's store reads
    /// them.
    private func members(
        taxonomy: Taxonomy, asOf: CalendarDate?, examples: (limit: Int, segments: (MemberCounts) -> [String])?,
        companiesPerRange: Int, _ connection: PostgresConnection
    ) async throws -> (counts: MemberCounts, examples: [String: [MemberExample]]) {
        let imports = try await counted(asOf: asOf, connection)
        var tally = MemberCounts.Tally()
        var candidates: MemberExample.Candidates?
        if let asOf {
            candidates = try await countAsOf(
                taxonomy: taxonomy, asOf: asOf, imports: imports, examples: examples?.limit,
                companiesPerRange: companiesPerRange, into: &tally, connection)
        } else {
            try await self.tally(
                try Self.windowed(Self.segmentRows, asOf: nil, taxonomy: taxonomy.id, imports: imports),
                into: &tally, candidates: &candidates, MemberCounts.EarlierFacts(), connection)
        }
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
        let segments = examples.segments(counts)
        guard let candidates else {
            return (
                counts,
                try await storedExamples(
                    taxonomy: taxonomy, segments: segments, limit: examples.limit, asOf: asOf, imports: imports,
                    connection)
            )
        }
        return (counts, try await self.examples(taxonomy: taxonomy, segments: segments, candidates, connection))
    }

    /// A member's segment row as `tally` reads it, to be completed by `windowed`.
    static let segmentRows = """
        SELECT (substr(founded, 1, 4)::integer * 100 + substr(founded, 6, 2)::integer)::bigint, segment, layer,
            region, status, is_main, capital_currency, capital_amount, company_key, score
        FROM company_segment AS member WHERE taxonomy = $2 AND is_member AND
        """

    /// Tallies the segment rows `query` reads (`segmentRows`), adding each of a company that is not one of
    /// `earlier.reexamined` to `candidates`.
    func tally(
        _ query: PostgresQuery, into tally: inout MemberCounts.Tally, candidates: inout MemberExample.Candidates?,
        _ earlier: MemberCounts.EarlierFacts, _ connection: PostgresConnection
    ) async throws {
        for try await row in try await connection.query(query, logger: logger) {
            let (month, segment, layer, region, status, isMain, currency, amount, key, score) = try row.decode(
                (Int?, String, String, String?, String?, Bool, String?, String?, String, Double).self)
            tally.add(
                key: key, month: month, segment: segment, layer: layer, district: region, status: status,
                isMain: isMain, currency: currency, amount: amount)
            if candidates != nil, !earlier.isReexamined(key) {
                candidates?.add(stored: key, segment: segment, score: score)
            }
        }
    }

    /// Each of `segments`' best-scored members in the window, read in score order: the examples when no company's
    /// facts of the day differ from its stored ones.
    private func storedExamples(
        taxonomy: Taxonomy, segments: [String], limit: Int, asOf: CalendarDate?, imports: [RegistryImport],
        _ connection: PostgresConnection
    ) async throws -> [String: [MemberExample]] {
        var stored: [String: [MemberExample]] = [:]
        for segment in segments {
            var query = try Self.windowed(
                """
                SELECT \(CompanyColumns.read(from: "c")), \(Self.classificationColumns(from: "cl"))
                FROM company_segment AS member
                JOIN company c ON c.province = member.province AND c.key = member.company_key
                JOIN classification cl ON cl.province = member.province AND cl.taxonomy = member.taxonomy
                    AND cl.company_key = member.company_key
                WHERE member.taxonomy = $2 AND member.segment = $4 AND member.is_member AND
                """, asOf: asOf, taxonomy: taxonomy.id, imports: imports)
            query.sql += " ORDER BY member.score DESC, member.company_key LIMIT \(max(limit, 0))"
            query.binds.append(segment)
            let offset = CompanyRow.columns.count + 1
            stored[segment] = try await connection.query(query, logger: logger).collect().map { row in
                MemberExample(
                    company: try CompanyColumns.company(row),
                    classification: try Self.classification(row, offset: offset))
            }
        }
        return stored
    }

    /// The imports counted in the window: all, or those taken by `asOf`.
    private func counted(asOf: CalendarDate?, _ connection: PostgresConnection) async throws -> [RegistryImport] {
        try await Self.importRecords(connection, "", [], logger).filter { asOf == nil || $0.snapshotDate <= asOf! }
    }

    /// `sql` (ending in AND, over a `company_segment` row named `member`, with `$2` the taxonomy) completed
    /// with the window: members founded by `asOf` (`$1`) and seen by an import taken by then (`$3`); companies of
    /// `refounded` (`$4`, `EarlierFacts.refounded`) whatever their stored founding day.
    static func windowed(
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
