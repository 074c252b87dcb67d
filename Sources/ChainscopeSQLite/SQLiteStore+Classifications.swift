public import ChainscopeCore
import Foundation
import GRDB

extension SQLiteStore {
    public func forEachRegistryCompany(batchSize: Int, _ body: @escaping @Sendable ([Company]) throws -> Void)
        async throws
    {
        try await read { db in
            let cursor = try CompanyRecord.filter(Column("provenance_kind") == Provenance.Kind.registryImport.rawValue)
                .order(Column("key")).fetchCursor(db)
            var batch: [Company] = []
            while let record = try cursor.next() {
                batch.append(try record.company())
                if batch.count >= batchSize {
                    try body(batch)
                    batch.removeAll(keepingCapacity: true)
                }
            }
            if !batch.isEmpty { try body(batch) }
        }
    }

    public func classifyCompanies(
        taxonomy: Taxonomy, all: Bool, classify: @escaping @Sendable ([Company]) -> [Classification]
    ) async throws -> Int {
        try await write { db in
            var writer = try ClassificationWriter(db: db)
            // Pages by key, so memory stays bounded and each page's query sees the pages written before it.
            var after = ""
            var count = 0
            while true {
                let batch = try CompanyRecord.fetchAll(
                    db,
                    sql: """
                        SELECT company.* FROM company
                        LEFT JOIN classification
                          ON classification.taxonomy = ? AND classification.company_key = company.key
                        WHERE company.provenance_kind = ? AND company.key > ?
                          AND (? OR classification.id IS NULL OR classification.taxonomy_digest <> ?)
                        ORDER BY company.key LIMIT 1024
                        """,
                    arguments: [taxonomy.id, Provenance.Kind.registryImport.rawValue, after, all, taxonomy.digest]
                ).map { try $0.company() }
                guard let last = batch.last else { return count }
                for (company, classification) in zip(batch, classify(batch)) {
                    try writer.replace(classification, of: company)
                    count += 1
                }
                after = last.key.description
            }
        }
    }

    public func classificationCounts(taxonomy: String) async throws -> [String: Int] {
        try await read { db in
            let rows = try Row.fetchAll(
                db,
                sql: """
                    SELECT CASE WHEN is_member THEN coalesce(main_layer, '') ELSE 'none' END AS layer, count(*) AS n
                    FROM classification WHERE taxonomy = ? GROUP BY 1 ORDER BY 1
                    """, arguments: [taxonomy])
            return Dictionary(uniqueKeysWithValues: rows.map { ($0["layer"] as String, $0["n"] as Int) })
        }
    }

    public func classification(of key: CompanyKey, taxonomy: String) async throws -> Classification? {
        try await read { db in
            try Row.fetchOne(
                db, sql: "SELECT * FROM classification WHERE taxonomy = ? AND company_key = ?",
                arguments: [taxonomy, key.description]
            ).map(ClassificationWriter.classification)
        }
    }
}

/// Writes classifications with statements prepared once.
struct ClassificationWriter {
    let db: Database
    private let upsert: DirectStatement
    private let deleteSegments: DirectStatement
    private let insertSegment: DirectStatement
    private let refreshFacts: DirectStatement
    private let markStale: DirectStatement

    init(db: Database) throws {
        self.db = db
        upsert = try DirectStatement(
            db,
            sql: """
                INSERT INTO classification (taxonomy, company_key, taxonomy_version, taxonomy_digest, is_member,
                    main_layer, confidence, score, segments, evidence)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (taxonomy, company_key) DO UPDATE SET
                    taxonomy_version = excluded.taxonomy_version, taxonomy_digest = excluded.taxonomy_digest,
                    is_member = excluded.is_member, main_layer = excluded.main_layer,
                    confidence = excluded.confidence, score = excluded.score, segments = excluded.segments,
                    evidence = excluded.evidence
                """)
        deleteSegments = try DirectStatement(db, sql: Self.deleteSegmentsSQL)
        insertSegment = try DirectStatement(
            db,
            sql: """
                INSERT INTO company_segment (taxonomy, company_key, segment, layer, score, is_main, is_member,
                    founded, region, status, capital_amount, capital_currency)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """)
        refreshFacts = try DirectStatement(db, sql: Self.refreshFactsSQL)
        markStale = try DirectStatement(db, sql: Self.markStaleSQL)
    }

    /// Led by the taxonomy, so that the key's index finds the rows: by the company's key alone the update
    /// read every segment row, and an export that changed 35,000 of 50,000 companies took 36 s.
    static let refreshFactsSQL = """
        UPDATE company_segment SET founded = ?, region = ?, status = ?, capital_amount = ?, capital_currency = ?
        WHERE taxonomy = ? AND company_key = ?
        """

    static let deleteSegmentsSQL = "DELETE FROM company_segment WHERE taxonomy = ? AND company_key = ?"

    static let markStaleSQL = "UPDATE classification SET taxonomy_digest = '' WHERE taxonomy = ? AND company_key = ?"

    /// Leaves a changed company's classification in a taxonomy for `classify` to take up again, its segment
    /// rows counted with the company's new facts (`CompanyRow.facts`) until then.
    mutating func markStale(taxonomy: String, key: String, facts: [String?]) throws {
        try refreshFacts.run { binding in
            for fact in facts { binding.bind(fact) }
            binding.bind(taxonomy)
            binding.bind(key)
        }
        try markStale.run {
            $0.bind(taxonomy)
            $0.bind(key)
        }
    }

    /// Stores a classification, replacing the company's earlier one in the same taxonomy.
    mutating func replace(_ classification: Classification, of company: Company) throws {
        try replace(
            ClassificationRow(classification), key: company.key.description,
            facts: CompanyRow(company, raw: nil, classification: nil).facts,
            isNew: false)
    }

    /// Stores a classification of the company with `key`, whose counting facts its segment rows keep;
    /// a new company has no earlier segment rows to delete.
    mutating func replace(_ row: ClassificationRow, key: String, facts: [String?], isNew: Bool) throws {
        let classification = row.classification
        try upsert.run {
            $0.bind(classification.taxonomyID)
            $0.bind(key)
            $0.bind(classification.taxonomyVersion)
            $0.bind(classification.taxonomyDigest)
            $0.bind(classification.isMember)
            $0.bind(classification.mainLayer)
            $0.bind(classification.confidence)
            $0.bind(classification.score)
            $0.bind(row.segments)
            $0.bind(row.evidence)
        }
        if !isNew {
            try deleteSegments.run {
                $0.bind(classification.taxonomyID)
                $0.bind(key)
            }
        }
        for (index, segment) in classification.segments.enumerated() {
            try insertSegment.run { binding in
                binding.bind(classification.taxonomyID)
                binding.bind(key)
                binding.bind(segment.segment)
                binding.bind(segment.layer)
                binding.bind(segment.score)
                binding.bind(index == 0)
                binding.bind(classification.isMember)
                for fact in facts { binding.bind(fact) }
            }
        }
    }

    static func classification(_ row: Row) throws -> Classification {
        let decoder = JSONDecoder()
        var classification = Classification(
            taxonomyID: row["taxonomy"], taxonomyVersion: row["taxonomy_version"], isMember: row["is_member"],
            mainLayer: row["main_layer"], confidence: row["confidence"],
            segments: try decoder.decode([SegmentScore].self, from: Data((row["segments"] as String).utf8)),
            evidence: try decoder.decode([Evidence].self, from: Data((row["evidence"] as String).utf8)))
        classification.taxonomyDigest = row["taxonomy_digest"]
        return classification
    }
}
