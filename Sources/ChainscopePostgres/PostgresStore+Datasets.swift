public import ChainscopeCore
import Foundation
import PostgresNIO

/// Datasets and the division table are reference data: each is stored as JSON of its domain type. A
/// dataset's companies go into the company table too, where lookups and searches find them.
extension PostgresStore {
    public func install(_ dataset: Dataset) async throws {
        let id = dataset.info.id
        var document = dataset
        document.companies = []
        let body = try Self.json(document)
        try await withTransaction { connection in
            try await connection.query("DELETE FROM dataset WHERE id = \(id)", logger: self.logger)
            // Classification and segment rows have no foreign key to cascade (see migration v4).
            for table in ["company_segment", "classification"] {
                try await connection.query(
                    PostgresQuery(
                        unsafeSQL: """
                            DELETE FROM \(table) t USING company c
                            WHERE c.provenance_kind = 'dataset' AND c.provenance_collection = $1
                                AND t.province = c.province AND t.company_key = c.key
                            """, binds: Self.bindings([id])), logger: self.logger)
            }
            try await connection.query(
                "DELETE FROM company WHERE provenance_kind = 'dataset' AND provenance_collection = \(id)",
                logger: self.logger)
            try await connection.query("INSERT INTO dataset (id, body) VALUES (\(id), \(body))", logger: self.logger)
            for company in dataset.companies {
                try await connection.query(
                    CompanyColumns.insert(CompanyRow(company, raw: nil, classification: nil)), logger: self.logger)
            }
        }
    }

    public func datasets() async throws -> [DatasetInfo] {
        try await rows("SELECT id, body FROM dataset ORDER BY id").map { row in
            let (id, body) = try row.decode((String, String).self)
            return try Self.decode(Dataset.self, body, location: "dataset \(id)").info
        }
    }

    public func dataset(id: String) async throws -> Dataset? {
        guard let row = try await rows("SELECT body FROM dataset WHERE id = \(id)").first else { return nil }
        var dataset = try Self.decode(Dataset.self, try row.decode(String.self), location: "dataset \(id)")
        dataset.companies = try await companies(
            where: "provenance_kind = 'dataset' AND provenance_collection = $1",
            order: "provenance_line, key", bindings: [id])
        dataset.provenance = Provenance(kind: .dataset, collection: id, file: "dataset.yaml", line: 1)
        return dataset
    }

    public func install(_ regions: RegionDirectory) async throws {
        let documents = try regions.sortedRegions.map { ($0.code.rawValue, try Self.json($0)) }
        let changes = try regions.changes.map { try Self.json($0) }
        try await withTransaction { connection in
            for table in ["region_change", "street", "region"] {
                try await connection.query(PostgresQuery(unsafeSQL: "DELETE FROM \(table)"), logger: self.logger)
            }
            for (code, body) in documents {
                try await connection.query(
                    "INSERT INTO region (code, body) VALUES (\(code), \(body))", logger: self.logger)
            }
            for street in regions.streets {
                try await connection.query(
                    "INSERT INTO street (code, name, county) VALUES (\(street.code), \(street.name), \(street.county.rawValue))",
                    logger: self.logger)
            }
            for (position, body) in changes.enumerated() {
                try await connection.query(
                    "INSERT INTO region_change (position, body) VALUES (\(position), \(body))", logger: self.logger)
            }
        }
    }

    public func regionDirectory() async throws -> RegionDirectory {
        let regions = try await rows("SELECT code, body FROM region ORDER BY code").map { row in
            let (code, body) = try row.decode((String, String).self)
            return try Self.decode(Region.self, body, location: "region \(code)")
        }
        let streets = try await rows("SELECT code, name, county FROM street ORDER BY code").map { row in
            let (code, name, county) = try row.decode((String, String, String).self)
            guard let county = RegionCode(rawValue: county) else {
                throw StoreError(.corruptRow, location: "street \(code)", detail: "column county holds '\(county)'")
            }
            return Street(code: code, name: name, county: county)
        }
        let changes = try await rows("SELECT position, body FROM region_change ORDER BY position").map { row in
            let (position, body) = try row.decode((Int, String).self)
            return try Self.decode(RegionChange.self, body, location: "region_change \(position)")
        }
        return RegionDirectory(regions: regions, streets: streets, changes: changes)
    }

    /// JSON with sorted keys, the way every JSON column is written.
    static func json(_ value: some Encodable) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }

    static func decode<Value: Decodable>(_ type: Value.Type, _ json: String, location: String) throws -> Value {
        do {
            return try JSONDecoder().decode(type, from: Data(json.utf8))
        } catch {
            throw StoreError(
                .corruptRow, location: location, detail: "its JSON does not decode: \(error)", underlying: error)
        }
    }
}
