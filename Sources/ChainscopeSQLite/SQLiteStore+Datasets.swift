public import ChainscopeCore
import Foundation
import GRDB

extension SQLiteStore {
    public func install(_ dataset: Dataset) async throws {
        let id = dataset.info.id
        try await write { db in
            try DatasetRecord.deleteOne(db, key: id)
            try CompanyRecord.filter(Column("provenance_kind") == "dataset" && Column("provenance_collection") == id)
                .deleteAll(db)
            try Self.insert(dataset, db)
        }
    }

    private static func insert(_ dataset: Dataset, _ db: Database) throws {
        let id = dataset.info.id
        let info = dataset.info
        try DatasetRecord(
            id: id, version: info.version, title: info.title, region: info.region.rawValue, industry: info.industry,
            isSynthetic: info.isSynthetic, year: info.year, valueChain: dataset.valueChain,
            applicationDomains: dataset.applicationDomains
        ).insert(db)
        for (position, source) in dataset.sources.enumerated() {
            try SourceRecord(source, dataset: id, position: position).insert(db)
        }
        for (position, fact) in dataset.facts.enumerated() {
            try FactRecord(fact, dataset: id, position: position).insert(db)
        }
        for company in dataset.companies { try CompanyRecord(company).insert(db) }
        var items: [ItemRecord] = []
        items += try dataset.parks.enumerated().map {
            try item("park", $1.id, $0, $1, $1.names, $1.region, $1.citation, $1.provenance, id)
        }
        items += try dataset.programmes.enumerated().map {
            try item("programme", $1.id, $0, $1, $1.names, $1.region, $1.citation, $1.provenance, id)
        }
        items += try dataset.policies.enumerated().map {
            try item("policy", $1.id, $0, $1, $1.titles, $1.region, $1.citation, $1.provenance, id)
        }
        items += try dataset.statements.enumerated().map {
            try item(
                "statement", "\($0)", $0, $1, LocalizedText(en: $1.topic.rawValue), nil, $1.content.citation,
                $1.provenance, id)
        }
        for item in items { try item.insert(db) }
    }

    private static func item(
        _ kind: String, _ id: String, _ position: Int, _ value: some Encodable, _ names: LocalizedText,
        _ region: RegionCode?,
        _ citation: Citation, _ provenance: Provenance?, _ dataset: String
    ) throws -> ItemRecord {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return ItemRecord(
            datasetId: dataset, kind: kind, id: id, position: position, names: names, region: region?.rawValue,
            body: String(decoding: try encoder.encode(value), as: UTF8.self), sourceId: citation.source,
            via: citation.via, provenanceFile: provenance?.file ?? "statements.yaml", provenanceLine: provenance?.line)
    }

    public func datasets() async throws -> [DatasetInfo] {
        try await read { db in
            try DatasetRecord.order(Column("id")).fetchAll(db).map(Self.info)
        }
    }

    public func dataset(id: String) async throws -> Dataset? {
        try await read { db in
            guard let record = try DatasetRecord.fetchOne(db, key: id) else { return nil }
            let inDataset = Column("dataset_id") == id
            let sources = try SourceRecord.filter(inDataset).order(Column("position")).fetchAll(db).map {
                try $0.source()
            }
            let facts = try FactRecord.filter(inDataset).order(Column("position")).fetchAll(db).map { try $0.fact() }
            let companies =
                try CompanyRecord
                .filter(Column("provenance_kind") == "dataset" && Column("provenance_collection") == id)
                .order(Column("provenance_line"), Column("key")).fetchAll(db).map { try $0.company() }
            let items = try ItemRecord.filter(inDataset).order(Column("kind"), Column("position")).fetchAll(db)
            return Dataset(
                info: try Self.info(record), sources: sources, facts: facts, valueChain: record.valueChain,
                applicationDomains: record.applicationDomains, companies: companies,
                parks: try Self.decode(items, "park"), programmes: try Self.decode(items, "programme"),
                policies: try Self.decode(items, "policy"), statements: try Self.decode(items, "statement"),
                provenance: Provenance(kind: .dataset, collection: id, file: "dataset.yaml", line: 1))
        }
    }

    private static func info(_ record: DatasetRecord) throws -> DatasetInfo {
        DatasetInfo(
            id: record.id, version: record.version, title: record.title,
            region: try required(
                RegionCode(rawValue: record.region), "dataset", record.id, "region", raw: record.region),
            industry: record.industry, isSynthetic: record.isSynthetic, year: record.year)
    }

    private static func decode<Value: Decodable>(_ items: [ItemRecord], _ kind: String) throws -> [Value] {
        try items.filter { $0.kind == kind }.map { item in
            do {
                return try JSONDecoder().decode(Value.self, from: Data(item.body.utf8))
            } catch {
                throw CorruptRow(
                    table: "item", key: "\(item.datasetId)/\(kind)/\(item.id)", column: "body", value: item.body)
            }
        }
    }
}
