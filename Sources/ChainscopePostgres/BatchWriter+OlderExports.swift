import ChainscopeCore
import PostgresNIO

extension BatchWriter {
    /// The imports of exports taken after this import's, by snapshot date: usually none, as exports are mostly
    /// imported in the order they were taken.
    func importsAfter() async throws -> [Int64] {
        try await connection.query(
            try Self.query(
                """
                SELECT id FROM registry_import
                WHERE snapshot_date > (SELECT snapshot_date FROM registry_import WHERE id = $1) ORDER BY id
                """, [Int(importID)]), logger: logger
        ).collect().map { try $0.decode(Int64.self) }
    }

    /// Of the batch's companies at `indexes`, which rows would change, those whose company an import of a later
    /// export saw (under the row's key or an earlier one): their stored facts are newer than the rows', as SQLite's
    /// session decides row by row (`StoreOutcome.older`). Looked up by province, as `known` looks keys up.
    func seenByLaterImports(_ companies: [CompanyRow], among indexes: [Int]) async throws -> Set<Int> {
        guard !laterImports.isEmpty, !indexes.isEmpty else { return [] }
        let keysOf = indexes.map { ($0, [companies[$0].key] + companies[$0].earlierKeys) }
        var seen: Set<String> = []
        for (province, keys) in Dictionary(grouping: Set(keysOf.flatMap(\.1)), by: CompanyKey.province(ofKey:)) {
            let rows = try await connection.query(
                try Self.query(
                    """
                    SELECT key FROM import_key
                    WHERE province = $1 AND import_id = ANY($2::bigint[]) AND key = ANY($3::text[])
                    """, [province, laterImports.map { Int($0) }, Array(keys)]), logger: logger
            ).collect()
            seen.formUnion(try rows.map { try $0.decode(String.self) })
        }
        return Set(keysOf.filter { !seen.isDisjoint(with: $0.1) }.map(\.0))
    }
}
