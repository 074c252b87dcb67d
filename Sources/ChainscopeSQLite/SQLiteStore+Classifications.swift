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

    public func company(creditCode: String) async throws -> Company? {
        try await read { db in
            try CompanyRecord.filter(Column("credit_code") == creditCode).fetchOne(db)?.company()
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
    private let upsert: GRDB.Statement
    private let deleteSegments: GRDB.Statement
    private let insertSegment: GRDB.Statement
    private let refreshFacts: GRDB.Statement

    init(db: Database) throws {
        self.db = db
        upsert = try db.makeStatement(
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
        deleteSegments = try db.makeStatement(
            sql: "DELETE FROM company_segment WHERE taxonomy = ? AND company_key = ?")
        insertSegment = try db.makeStatement(
            sql: """
                INSERT INTO company_segment (taxonomy, company_key, segment, layer, score, is_main, is_member,
                    founded, region, status, capital_amount, capital_currency)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """)
        refreshFacts = try db.makeStatement(
            sql: """
                UPDATE company_segment SET founded = ?, region = ?, status = ?, capital_amount = ?,
                    capital_currency = ?
                WHERE company_key = ?
                """)
    }

    /// The facts of a company that its segment rows keep for counting (see migration v5).
    private static func facts(_ company: Company) -> [(any DatabaseValueConvertible)?] {
        [
            company.founded?.description, company.region?.rawValue, company.status?.rawValue,
            company.registeredCapital?.amount,
            company.registeredCapital?.currency.rawValue,
        ]
    }

    /// Brings the counting facts of every segment row of a changed company up to date, in every
    /// taxonomy, including those whose classification it leaves stale.
    mutating func refreshFacts(of company: Company) throws {
        refreshFacts.setUncheckedArguments(StatementArguments(Self.facts(company) + [company.key.description]))
        try refreshFacts.execute()
    }

    /// Stores a classification, replacing the company's earlier one in the same taxonomy.
    mutating func replace(_ classification: Classification, of company: Company, isNew: Bool = false) throws {
        let key = company.key.description
        let segments = ClassificationJSON.segments(classification.segments)
        let evidence = ClassificationJSON.evidence(classification.evidence)
        upsert.setUncheckedArguments([
            classification.taxonomyID, key, classification.taxonomyVersion, classification.taxonomyDigest,
            classification.isMember, classification.mainLayer, classification.confidence, classification.score,
            segments, evidence,
        ])
        try upsert.execute()
        if !isNew {
            deleteSegments.setUncheckedArguments([classification.taxonomyID, key])
            try deleteSegments.execute()
        }
        for (index, segment) in classification.segments.enumerated() {
            let values: [(any DatabaseValueConvertible)?] = [
                classification.taxonomyID, key, segment.segment, segment.layer, segment.score, index == 0,
                classification.isMember,
            ]
            insertSegment.setUncheckedArguments(StatementArguments(values + Self.facts(company)))
            try insertSegment.execute()
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

/// The JSON of a classification's segments and evidence, written by hand: one row per imported company
/// is classified, and `JSONEncoder` dominated the import's profile. `JSONDecoder` reads it back.
enum ClassificationJSON {
    static func segments(_ segments: [SegmentScore]) -> String {
        var bytes: [UInt8] = [UInt8(ascii: "[")]
        for (index, segment) in segments.enumerated() {
            if index > 0 { bytes.append(UInt8(ascii: ",")) }
            object(&bytes) { field in
                field("layer") { JSONString.append(segment.layer, to: &$0) }
                field("score") { number(segment.score, to: &$0) }
                field("segment") { JSONString.append(segment.segment, to: &$0) }
            }
        }
        bytes.append(UInt8(ascii: "]"))
        return String(decoding: bytes, as: UTF8.self)
    }

    static func evidence(_ evidence: [Evidence]) -> String {
        var bytes: [UInt8] = [UInt8(ascii: "[")]
        for (index, item) in evidence.enumerated() {
            if index > 0 { bytes.append(UInt8(ascii: ",")) }
            object(&bytes) { field in
                field("clause") { JSONString.append(item.clause, to: &$0) }
                field("clauseIndex") { $0 += Array(String(item.clauseIndex).utf8) }
                field("field") { JSONString.append(item.field.rawValue, to: &$0) }
                field("offset") { $0 += Array(String(item.offset).utf8) }
                field("rule") { JSONString.append(item.rule.rawValue, to: &$0) }
                if let segment = item.segment { field("segment") { JSONString.append(segment, to: &$0) } }
                field("term") { JSONString.append(item.term, to: &$0) }
                if let trigger = item.trigger { field("trigger") { JSONString.append(trigger, to: &$0) } }
                field("weight") { number(item.weight, to: &$0) }
            }
        }
        bytes.append(UInt8(ascii: "]"))
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Writes `{"key":value,…}`; `body` names each field in order.
    private static func object(
        _ bytes: inout [UInt8],
        _ body: ((String, (inout [UInt8]) -> Void) -> Void) -> Void
    ) {
        bytes.append(UInt8(ascii: "{"))
        var isFirst = true
        body { key, value in
            if !isFirst { bytes.append(UInt8(ascii: ",")) }
            isFirst = false
            JSONString.append(key, to: &bytes)
            bytes.append(UInt8(ascii: ":"))
            value(&bytes)
        }
        bytes.append(UInt8(ascii: "}"))
    }

    /// A finite number, whole numbers without a fraction.
    private static func number(_ value: Double, to bytes: inout [UInt8]) {
        let text = value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : String(value)
        bytes += Array(text.utf8)
    }
}
