import ChainscopeCore
import Foundation
import Logging
import NIOCore
import PostgresNIO

/// Writes an import's batches inside its transaction, counting what became of each row as SQLite's
/// row-by-row session does (`StoreOutcome`), with the same end state: new companies are copied straight
/// into their tables; companies already stored go through a staging table and a few set-based
/// statements that compare, update and record what changed.
struct BatchWriter {
    let connection: PostgresConnection
    let importID: Int64
    let logger: Logger
    private(set) var tally = ImportCounts()
    /// How many companies this import has inserted when the company tables are next analysed.
    private var nextAnalysis = 2 * PostgresImportSession.Buffer.size
    private var rawHeaders: RawHeaderCatalog
    /// Taxonomies with stored classifications, read on the first update: most imports update nothing.
    var taxonomies: [String]?
    /// Whether an earlier import stored companies under a registration number or name, which a row keyed
    /// otherwise may be (`adoptEarlierKeys(of:among:)`).
    private var mayHoldEarlierKeys = false
    /// The imports of exports taken after this one's, whose view of a company is newer than its rows'
    /// (`seenByLaterImports`).
    private(set) var laterImports: [Int64] = []
    /// Whether an earlier import stored companies with a credit code, which a row without one may be
    /// (`codedCompanies(of:among:)`).
    private var mayHoldCodedCompanies = false
    /// Whether a row without a code took a stored company's key: its own key is then an import key without a
    /// company, which `known` must look for too.
    private var hasIdentifiedRows = false

    init(connection: PostgresConnection, importID: Int64, logger: Logger) async throws {
        self.connection = connection
        self.importID = importID
        self.logger = logger
        rawHeaders = try await RawHeaderCatalog(connection, logger: logger)
        let columns = StagedBatch.stageColumns.map { column in
            switch column {
            case "ordinal": "ordinal bigint PRIMARY KEY"
            case "provenance_line", "taxonomy_version": "\(column) integer"
            case "is_member": "is_member boolean"
            case "confidence", "score": "\(column) double precision"
            case "grams": "grams text[]"
            default: "\(column) text COLLATE \"C\""
            }
        }
        try await run("CREATE TEMPORARY TABLE import_stage (\(columns.joined(separator: ", "))) ON COMMIT DROP")
        // Every lookup and join here matches a batch of a few thousand keys to large tables by their keys.
        // The statistics of a table an import fills say it is empty (see `analyzeAsItGrows`) and the
        // planner hashed the whole, growing company table for every batch.
        for method in ["hashjoin", "mergejoin"] {
            try await run("SET LOCAL enable_\(method) = off")
        }
        // Search index entries wait in each GIN index's pending list, which is merged into the index when it
        // outgrows its limit; a merge during an insert gathers entries in work_mem (4 MB by default), so a
        // 64 MB list was merged in sixteen passes, each updating the posting lists of the common grams again.
        try await run("SET LOCAL gin_pending_list_limit = '64MB'")
        try await run("SET LOCAL work_mem = '256MB'")
        // The import's one prepared statement (`CodedCompanyLookup`) runs for many rows: planned once.
        try await run("SET LOCAL plan_cache_mode = force_generic_plan")
        mayHoldEarlierKeys = try await holdsRegistryCompanies(keyed: ["name", "regno"])
        laterImports = try await importsAfter()
        mayHoldCodedCompanies = try await holdsRegistryCompanies(keyed: ["uscc"])
    }

    mutating func write(_ staged: StagedBatch) async throws {
        var batch = staged
        if batch.quarantined > 0 {
            try await copy(batch.quarantineCopy.bytes, into: "quarantine", columns: StagedBatch.quarantineColumns)
        }
        tally.duplicates += batch.duplicates
        guard !batch.companies.isEmpty else { return }
        try await rawHeaders.store(batch.companies, connection, logger: logger)
        let direct = batch.direct
        var (seen, existing) = try await known(batch.companies)
        var new = batch.companies.indices.filter { !seen.contains($0) && existing[$0] == nil }
        if mayHoldEarlierKeys, try await adoptEarlierKeys(of: batch.companies, among: new) {
            (seen, existing) = try await known(batch.companies)
            new = batch.companies.indices.filter { !seen.contains($0) && existing[$0] == nil }
        }
        // Rows without a code whose company an earlier import stored with one update it (staged anew, as keyed).
        var rekeyed: Set<Int> = []
        if mayHoldCodedCompanies {
            let (codes, duplicates) = try await codedCompanies(of: batch.companies, among: new)
            if !codes.isEmpty {
                // Their own keys too, so that a later row with one is a duplicate, as on SQLite.
                try await copy(
                    direct.importKey.groups(codes.keys.sorted()), into: "import_key",
                    columns: DirectRows.importKeyColumns)
                hasIdentifiedRows = true
                for (index, match) in codes {
                    batch.companies[index] = batch.companies[index].identified(
                        byCreditCode: match.code, storedRegion: match.region)
                }
                rekeyed = Set(codes.keys)
                (seen, existing) = try await known(batch.companies)
                seen.formUnion(duplicates)
                new = batch.companies.indices.filter { !seen.contains($0) && existing[$0] == nil }
            }
        }
        tally.duplicates += seen.count
        if !new.isEmpty {
            try await copy(direct.company.groups(new), into: "company", columns: CompanyColumns.written)
            try await copy(direct.importKey.groups(new), into: "import_key", columns: DirectRows.importKeyColumns)
            try await copy(
                direct.classification.groups(new), into: "classification", columns: DirectRows.classificationColumns)
            try await copy(direct.segments.groups(new), into: "company_segment", columns: DirectRows.segmentColumns)
            tally.inserted += new.count
        }
        let stored = existing.keys.filter { !seen.contains($0) }.sorted()
        if !stored.isEmpty { try await merge(batch, stored, existing, rekeyed: rekeyed) }
        try await analyzeAsItGrows()
    }

    /// Analyses the company and import-key tables each time the import has inserted four times as many
    /// companies as at the last time (8,192, 32,768, …). Their statistics otherwise describe them as they
    /// were before the import, often empty, and the planner then found a batch's stored companies by
    /// reading every company of the province: 0 ms a batch at first, 257 ms after 300,000 rows. Analysing
    /// counts the import's own, uncommitted rows.
    private mutating func analyzeAsItGrows() async throws {
        guard tally.inserted >= nextAnalysis else { return }
        nextAnalysis = tally.inserted * 4
        // Only the key columns: all of them (the names' grams among them) took 1.6 s at 300,000 rows.
        try await run("ANALYZE company (province, key)")
        try await run("ANALYZE import_key (province, key)")
    }

    /// How many stored companies one query reads.
    static let lookupSize = 1024

    /// Which of a batch's companies this import has already stored (duplicates of an earlier batch's) and
    /// which the store holds, with their stored values, by index in the batch.
    private func known(_ companies: [CompanyRow]) async throws -> (seen: Set<Int>, existing: [Int: [String?]]) {
        // One lookup per province (a batch mostly has one), so that the partition is known when the query
        // is planned and the keys are probes of its primary key.
        // A later row of the batch may have the key a row without a code took (`codedCompanies`): a duplicate.
        let index = Dictionary(companies.enumerated().map { ($1.key, $0) }, uniquingKeysWith: { first, _ in first })
        let byProvince = Dictionary(grouping: companies.map(\.key), by: CompanyKey.province(ofKey:))
        var existing: [Int: [String?]] = [:]
        // A few stored rows at a time: the connection's read buffer holds every row of a result until the
        // rows are dropped, and a batch's 8,192 stored companies took it to 60 MB.
        for (province, keys) in byProvince {
            for start in stride(from: 0, to: keys.count, by: Self.lookupSize) {
                let rows = try await connection.query(
                    try Self.query(
                        "SELECT \(CompanyColumns.read) FROM company WHERE province = $1 AND key = ANY($2::text[])",
                        [province, Array(keys[start..<min(start + Self.lookupSize, keys.count)])]), logger: logger
                ).collect()
                for row in rows {
                    let values = try CompanyColumns.values(row).values
                    if let key = values[0], let position = index[key] { existing[position] = values }
                }
            }
        }
        // A company an earlier batch of this import stored is in the company table: only those can repeat, but for
        // the own keys of rows that took a stored company's (`hasIdentifiedRows`).
        var seen: Set<Int> = []
        let repeatable = hasIdentifiedRows ? Array(companies.indices) : Array(existing.keys)
        for (province, keys) in Dictionary(
            grouping: repeatable.map { companies[$0].key }, by: CompanyKey.province(ofKey:))
        {
            let rows = try await connection.query(
                try Self.query(
                    "SELECT key FROM import_key WHERE province = $1 AND import_id = $2 AND key = ANY($3::text[])",
                    [province, Int(importID), keys]), logger: logger
            ).collect()
            for row in rows { if let position = index[try row.decode(String.self)] { seen.insert(position) } }
        }
        return (seen, existing)
    }

    /// Merges companies the store already holds (at `indexes` of the batch) through the staging table:
    /// unchanged ones are confirmed, changed ones updated with their history; their classifications
    /// replace the earlier ones.
    private mutating func merge(
        _ batch: StagedBatch, _ indexes: [Int], _ existing: [Int: [String?]], rekeyed: Set<Int>
    ) async throws {
        // Rows of an export without some columns keep the stored company's (`CompanyRow.keepingStored`).
        var batch = batch
        let keeping = Set(indexes.filter { batch.companies[$0].keepsAny(of: existing[$0]!) })
        for index in keeping { batch.companies[index] = batch.companies[index].keepingStored(existing[index]!) }
        try await stage(batch.stageRows(indexes, changed: keeping.union(rekeyed)))
        try await run(
            "INSERT INTO import_key (province, import_id, key, row) SELECT province, $1, key, provenance_line FROM import_stage",
            [Int(importID)])
        let differences = indexes.map { batch.companies[$0].changes(from: existing[$0]!, headers: rawHeaders.keys) }
        let older = try await seenByLaterImports(
            batch.companies, among: zip(indexes, differences).filter { !$0.1.isEmpty }.map(\.0))
        var changed: (ordinals: [Int], changes: [String]) = ([], [])
        var unapplied: (ordinals: [Int], changes: [String]) = ([], [])
        for (index, difference) in zip(indexes, differences) where !difference.isEmpty {
            if older.contains(index) {
                tally.older += 1
                unapplied.ordinals.append(batch.firstOrdinal + index)
                unapplied.changes.append(try PostgresStore.json(difference))
            } else {
                tally.updated += 1
                changed.ordinals.append(batch.firstOrdinal + index)
                changed.changes.append(try PostgresStore.json(difference))
            }
        }
        tally.unchanged += differences.filter(\.isEmpty).count
        // Their companies keep the facts, and the classifications, a later export gave; what the rows said is
        // kept in the history as not applied.
        if !unapplied.ordinals.isEmpty {
            try await recordHistory(unapplied, isApplied: false)
            try await run("DELETE FROM import_stage WHERE ordinal = ANY($1)", [unapplied.ordinals])
        }
        if !changed.ordinals.isEmpty {
            if taxonomies == nil { taxonomies = try await prepareForUpdates() }
            let taxonomies = taxonomies ?? []
            try await update(changed.ordinals, taxonomies: taxonomies)
            try await recordHistory(changed, isApplied: true)
        }
        try await replaceStagedClassifications()
    }

    /// Stores the classifications of stored companies (`classify`), replacing their earlier ones.
    func replaceClassifications(_ batch: StagedBatch) async throws {
        try await stage(batch.stageRows(Array(batch.companies.indices)))
        try await replaceStagedClassifications()
    }

    /// Copies a batch into the staging table, whose statistics then say it is small: without them the
    /// planner may join it to the company table by hashing every company. Only the join columns are
    /// analysed; all of them took 66 ms a batch.
    private func stage(_ rows: [UInt8]) async throws {
        try await run("TRUNCATE import_stage")
        try await copy(rows, into: "import_stage", columns: StagedBatch.stageColumns)
        try await run("ANALYZE import_stage (ordinal, province, key)")
    }

    /// Stores the staged classifications, replacing earlier ones, with a segment row for each scored
    /// segment (read from the segments' JSON) carrying the company's counting facts.
    private func replaceStagedClassifications() async throws {
        try await run(
            """
            INSERT INTO classification (province, taxonomy, company_key, taxonomy_version, taxonomy_digest,
                is_member, main_layer, confidence, score, segments, evidence)
            SELECT province, taxonomy, key, taxonomy_version, taxonomy_digest, is_member, main_layer, confidence,
                score, segments, evidence
            FROM import_stage WHERE taxonomy IS NOT NULL
            ON CONFLICT (province, taxonomy, company_key) DO UPDATE SET
                taxonomy_version = excluded.taxonomy_version, taxonomy_digest = excluded.taxonomy_digest,
                is_member = excluded.is_member, main_layer = excluded.main_layer, confidence = excluded.confidence,
                score = excluded.score, segments = excluded.segments, evidence = excluded.evidence
            """)
        try await run(
            """
            DELETE FROM company_segment c USING import_stage s
            WHERE s.taxonomy IS NOT NULL AND c.province = s.province AND c.taxonomy = s.taxonomy
                AND c.company_key = s.key
            """)
        try await run(
            """
            INSERT INTO company_segment (province, taxonomy, company_key, segment, layer, score, is_main, is_member,
                founded, region, status, capital_amount, capital_currency)
            SELECT s.province, s.taxonomy, s.key, e.value ->> 'segment', e.value ->> 'layer',
                (e.value ->> 'score')::double precision, e.n = 1, s.is_member, s.founded, s.region, s.status,
                s.capital_amount, s.capital_currency
            FROM import_stage s CROSS JOIN LATERAL jsonb_array_elements(s.segments::jsonb) WITH ORDINALITY AS e(value, n)
            WHERE s.taxonomy IS NOT NULL
            """)
    }

    private func copy(_ rows: [UInt8], into table: String, columns: [String]) async throws {
        guard !rows.isEmpty else { return }
        try await connection.copyFrom(table: table, columns: columns, logger: logger) { writer in
            try await writer.write(ByteBuffer(bytes: rows))
        }
    }

    func run(_ sql: String, _ bindings: [any PostgresEncodable & Sendable] = []) async throws {
        _ = try await connection.query(try Self.query(sql, bindings), logger: logger).collect()
    }

    static func query(_ sql: String, _ bindings: [any PostgresEncodable & Sendable]) throws -> PostgresQuery {
        var binds = PostgresBindings()
        for value in bindings { try binds.append(value, context: .default) }
        return PostgresQuery(unsafeSQL: sql, binds: binds)
    }
}
