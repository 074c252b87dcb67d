import ChainscopeCore
import Foundation
import Logging
import NIOCore
import PostgresNIO

/// Writes an import's batches inside its transaction: each batch is copied into a staging table and
/// merged into the company tables with a few set-based statements, counting what became of each row as
/// SQLite's row-by-row session does (`StoreOutcome`), with the same end state.
struct BatchWriter {
    let connection: PostgresConnection
    let importID: Int64
    let logger: Logger
    private(set) var tally = ImportCounts()

    init(connection: PostgresConnection, importID: Int64, logger: Logger) async throws {
        self.connection = connection
        self.importID = importID
        self.logger = logger
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
    }

    mutating func write(_ batch: StagedBatch) async throws {
        if batch.quarantined > 0 {
            try await copy(batch.quarantineCopy, into: "quarantine", columns: StagedBatch.quarantineColumns)
        }
        tally.duplicates += batch.duplicates
        guard !batch.companies.isEmpty else { return }
        try await stage(batch)
        tally.duplicates += try await count(
            """
            DELETE FROM import_stage s USING import_key k
            WHERE k.province = s.province AND k.import_id = $1 AND k.key = s.key RETURNING 1
            """, [Int(importID)])
        try await run(
            "INSERT INTO import_key (province, import_id, key, row) SELECT province, $1, key, provenance_line FROM import_stage",
            [Int(importID)])
        let existing = try await existingRows(of: batch)
        let inserted = try await count(
            """
            INSERT INTO company (\(CompanyColumns.written.joined(separator: ", ")))
            SELECT \(CompanyColumns.written.joined(separator: ", ")) FROM import_stage ORDER BY ordinal
            ON CONFLICT (province, key) DO NOTHING RETURNING 1
            """)
        tally.inserted += inserted
        var changed: [Int] = []
        var changes: [String] = []
        for (ordinal, old) in existing {
            let row = batch.companies[ordinal - batch.firstOrdinal]
            let difference = Self.changes(from: old, to: row)
            if difference.isEmpty {
                tally.unchanged += 1
            } else {
                tally.updated += 1
                changed.append(ordinal)
                changes.append(try PostgresStore.json(difference))
            }
        }
        if !changed.isEmpty { try await update(changed, changes: changes) }
        try await storeClassifications(hasExisting: !existing.isEmpty)
    }

    /// Stores the classifications of stored companies (`classify`), replacing their earlier ones.
    func replaceClassifications(_ batch: StagedBatch) async throws {
        try await stage(batch)
        try await storeClassifications(hasExisting: true)
    }

    /// Copies a batch into the staging table, whose statistics then say it is small: without them the
    /// planner may join it to the company table by hashing every company. Only the join columns are
    /// analysed; all of them took 66 ms a batch.
    private func stage(_ batch: StagedBatch) async throws {
        try await run("TRUNCATE import_stage")
        try await copy(batch.copy, into: "import_stage", columns: StagedBatch.stageColumns)
        try await run("ANALYZE import_stage (ordinal, province, key)")
    }

    /// The stored values of the staged companies that exist already, by ordinal.
    private func existingRows(of batch: StagedBatch) async throws -> [(Int, [String?])] {
        let rows = try await connection.query(
            PostgresQuery(
                unsafeSQL: """
                    SELECT s.ordinal, \(CompanyColumns.read(from: "c")) FROM import_stage s
                    JOIN company c ON c.province = s.province AND c.key = s.key ORDER BY s.ordinal
                    """), logger: logger
        ).collect()
        return try rows.map { row in
            (try row.makeRandomAccess()[0].decode(Int.self), try CompanyColumns.values(row, offset: 1).values)
        }
    }

    /// Column → [old, new] for every column that differs, provenance excluded, as SQLite records them.
    static func changes(from old: [String?], to new: CompanyRow) -> [String: [String?]] {
        let ignored: Set<String> = ["provenance_kind", "provenance_collection", "provenance_file"]
        var changes: [String: [String?]] = [:]
        for (index, column) in CompanyRow.columns.enumerated() where !ignored.contains(column) {
            if old[index] != new.values[index] { changes[column] = [old[index], new.values[index]] }
        }
        return changes
    }

    /// Updates changed companies and records what changed; their segment rows take the new counting facts
    /// and their classifications in other taxonomies become stale, for `classify` to take up again.
    private func update(_ ordinals: [Int], changes: [String]) async throws {
        let assignments = CompanyColumns.written.filter { $0 != "province" && $0 != "key" }.map { "\($0) = s.\($0)" }
        let changed = "s.ordinal = ANY($1) AND c.province = s.province AND c.key = s.key"
        try await run(
            "UPDATE company c SET \(assignments.joined(separator: ", ")) FROM import_stage s WHERE \(changed)",
            [ordinals])
        try await run(
            """
            INSERT INTO company_history (province, key, import_id, row, changes)
            SELECT s.province, s.key, $1, s.provenance_line, u.changes
            FROM unnest($2::bigint[], $3::text[]) AS u(ordinal, changes) JOIN import_stage s USING (ordinal)
            ORDER BY u.ordinal
            """, [Int(importID), ordinals, changes])
        try await run(
            """
            UPDATE company_segment c SET founded = s.founded, region = s.region, status = s.status,
                capital_amount = s.capital_amount, capital_currency = s.capital_currency
            FROM import_stage s WHERE s.ordinal = ANY($1) AND c.province = s.province AND c.company_key = s.key
            """, [ordinals])
        try await run(
            """
            UPDATE classification c SET taxonomy_digest = '' FROM import_stage s
            WHERE s.ordinal = ANY($1) AND c.province = s.province AND c.company_key = s.key
                AND c.taxonomy IS DISTINCT FROM s.taxonomy
            """, [ordinals])
    }

    /// Stores the staged classifications, replacing earlier ones, with a segment row for each scored
    /// segment (read from the segments' JSON) carrying the company's counting facts.
    private func storeClassifications(hasExisting: Bool) async throws {
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
        if hasExisting {
            try await run(
                """
                DELETE FROM company_segment c USING import_stage s
                WHERE s.taxonomy IS NOT NULL AND c.province = s.province AND c.taxonomy = s.taxonomy
                    AND c.company_key = s.key
                """)
        }
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

    private func copy(_ text: CopyText, into table: String, columns: [String]) async throws {
        try await connection.copyFrom(table: table, columns: columns, logger: logger) { writer in
            try await writer.write(ByteBuffer(bytes: text.bytes))
        }
    }

    private func run(_ sql: String, _ bindings: [any PostgresEncodable & Sendable] = []) async throws {
        _ = try await connection.query(try Self.query(sql, bindings), logger: logger).collect()
    }

    /// Runs a statement that returns a row per row it touched; returns how many.
    private func count(_ sql: String, _ bindings: [any PostgresEncodable & Sendable] = []) async throws -> Int {
        try await connection.query(try Self.query(sql, bindings), logger: logger).collect().count
    }

    static func query(_ sql: String, _ bindings: [any PostgresEncodable & Sendable]) throws -> PostgresQuery {
        var binds = PostgresBindings()
        for value in bindings { try binds.append(value, context: .default) }
        return PostgresQuery(unsafeSQL: sql, binds: binds)
    }
}
