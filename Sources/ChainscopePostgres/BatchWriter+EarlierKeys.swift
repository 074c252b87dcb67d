import ChainscopeCore
import PostgresNIO

extension BatchWriter {
    /// Whether an earlier import stored a company keyed on one of `prefixes` (`regno` and `name` for rows'
    /// `earlierKeys`, `uscc` for `codedCompanies(of:among:)`): only then are such companies looked up.
    func holdsRegistryCompanies(keyed prefixes: [String]) async throws -> Bool {
        let rows = try await connection.query(
            try Self.query(
                CompanyRow.registryKeyCondition(prefixes: prefixes, kind: "$1"),
                [Provenance.Kind.registryImport.rawValue]), logger: logger
        ).collect()
        return try rows.first?.decode(Bool.self) ?? false
    }

    /// For the batch's rows at `indexes`, whose keys no company has, moves the company an earlier import stored
    /// under one of a row's `earlierKeys` to the row's key, with its history and classifications, as SQLite's
    /// session does row by row; true when any moved. A company this import stored is left alone.
    mutating func adoptEarlierKeys(of companies: [CompanyRow], among indexes: [Int]) async throws -> Bool {
        let candidates = indexes.map { ($0, companies[$0].earlierKeys) }.filter { !$0.1.isEmpty }
        guard !candidates.isEmpty else { return false }
        // By province, as `known` looks keys up: one partition's key index each, not every partition's.
        var stored: Set<String> = []
        for (province, keys) in Dictionary(grouping: Set(candidates.flatMap(\.1)), by: CompanyKey.province(ofKey:)) {
            let rows = try await connection.query(
                try Self.query(
                    """
                    SELECT c.key FROM company c
                    WHERE c.province = $1 AND c.key = ANY($2::text[]) AND c.provenance_kind = $3 AND NOT EXISTS (
                        SELECT 1 FROM import_key i WHERE i.province = c.province AND i.import_id = $4 AND i.key = c.key)
                    """, [province, Array(keys), Provenance.Kind.registryImport.rawValue, Int(importID)]),
                logger: logger
            ).collect()
            stored.formUnion(try rows.map { try $0.decode(String.self) })
        }
        var moved = false
        for (index, keys) in candidates {
            guard let earlier = keys.first(where: stored.contains) else { continue }
            stored.remove(earlier)
            try await move(earlier, to: companies[index].key)
            moved = true
        }
        return moved
    }

    /// Gives the company stored under `earlier` the key `key` (and its province). Its credit code stays as stored
    /// (none), so that the update that follows records the one the row adds.
    private mutating func move(_ earlier: String, to key: String) async throws {
        if taxonomies == nil { taxonomies = try await prepareForUpdates() }
        let (from, to) = (CompanyKey.province(ofKey: earlier), CompanyKey.province(ofKey: key))
        // One statement: the history's foreign key is checked at its end, when both name the new key.
        try await run(
            """
            WITH history AS (UPDATE company_history SET key = $1, province = $2 WHERE province = $3 AND key = $4)
            UPDATE company SET key = $1, province = $2 WHERE province = $3 AND key = $4
            """, [key, to, from, earlier])
        // The imports that held the company under its earlier key held it (see SQLite's `move`).
        try await run(
            """
            INSERT INTO import_key (province, import_id, key, row)
            SELECT $2, i.import_id, $1, i.row FROM registry_import r JOIN import_key i
                ON i.province = $3 AND i.import_id = r.id AND i.key = $4
            ON CONFLICT DO NOTHING
            """, [key, to, from, earlier])
        for table in ["classification", "company_segment"] {
            try await run(
                """
                UPDATE \(table) SET company_key = $1, province = $2
                WHERE province = $3 AND taxonomy = ANY($5::text[]) AND company_key = $4
                """, [key, to, from, earlier, taxonomies ?? []])
        }
    }
}
