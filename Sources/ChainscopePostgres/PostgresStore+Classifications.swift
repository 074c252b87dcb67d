public import ChainscopeCore
import Foundation
import PostgresNIO

extension PostgresStore {
    /// Pages by key in one transaction, so memory stays bounded and each page's query sees the pages
    /// written before it; each page's classifications are copied into the staging table and merged.
    public func classifyCompanies(
        taxonomy: Taxonomy, all: Bool, classify: @escaping @Sendable ([Company]) -> [Classification]
    ) async throws -> Int {
        try await withTransaction { connection in
            let writer = try await BatchWriter(connection: connection, importID: 0, logger: self.logger)
            var after = ""
            var count = 0
            while true {
                let query: PostgresQuery = """
                    SELECT \(unescaped: CompanyColumns.read(from: "c")) FROM company c
                    LEFT JOIN classification cl
                      ON cl.province = c.province AND cl.taxonomy = \(taxonomy.id) AND cl.company_key = c.key
                    WHERE c.provenance_kind = \(Provenance.Kind.registryImport.rawValue) AND c.key > \(after)
                      AND (\(all) OR cl.company_key IS NULL OR cl.taxonomy_digest <> \(taxonomy.digest))
                    ORDER BY c.key LIMIT 1024
                    """
                let batch = try await connection.query(query, logger: self.logger).collect().map {
                    try CompanyColumns.company($0)
                }
                guard let last = batch.last else { return count }
                var staged = StagedBatch(importID: 0)
                for (company, classification) in zip(batch, classify(batch)) {
                    staged.append(CompanyRow(company, raw: nil, classification: classification))
                }
                try await writer.replaceClassifications(staged)
                count += batch.count
                after = last.key.description
            }
        }
    }

    public func classificationCounts(taxonomy: String) async throws -> [String: Int] {
        let rows = try await rows(
            """
            SELECT CASE WHEN is_member THEN coalesce(main_layer, '') ELSE 'none' END AS layer, count(*)
            FROM classification WHERE taxonomy = \(taxonomy) GROUP BY 1 ORDER BY 1
            """)
        return Dictionary(uniqueKeysWithValues: try rows.map { try $0.decode((String, Int).self) })
    }

    public func classification(of key: CompanyKey, taxonomy: String) async throws -> Classification? {
        try await rows(
            """
            SELECT \(unescaped: Self.classificationColumns) FROM classification
            WHERE province = \(key.province) AND taxonomy = \(taxonomy) AND company_key = \(key.description)
            """
        ).first.map { try Self.classification($0) }
    }

    static let classificationColumns = classificationColumns(from: nil)

    /// The columns `classification(_:offset:)` reads, of table `alias`.
    static func classificationColumns(from alias: String?) -> String {
        [
            "taxonomy", "taxonomy_version", "taxonomy_digest", "is_member", "main_layer", "confidence", "score",
            "segments", "evidence",
        ].map { column in (alias.map { "\($0)." } ?? "") + column }.joined(separator: ", ")
    }

    /// A classification selected with `classificationColumns`, starting at column `offset`.
    static func classification(_ row: PostgresRow, offset: Int = 0) throws -> Classification {
        let cells = row.makeRandomAccess()
        let taxonomy = try cells[offset].decode(String.self)
        func json<Value: Decodable>(_ type: Value.Type, _ index: Int) throws -> Value {
            try decode(type, try cells[offset + index].decode(String.self), location: "classification \(taxonomy)")
        }
        var classification = Classification(
            taxonomyID: taxonomy, taxonomyVersion: try cells[offset + 1].decode(Int.self),
            isMember: try cells[offset + 3].decode(Bool.self), mainLayer: try cells[offset + 4].decode(String?.self),
            confidence: try cells[offset + 5].decode(Double.self), segments: try json([SegmentScore].self, 7),
            evidence: try json([Evidence].self, 8))
        classification.taxonomyDigest = try cells[offset + 2].decode(String.self)
        return classification
    }
}
