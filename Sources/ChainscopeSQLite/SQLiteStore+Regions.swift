public import ChainscopeCore
import GRDB

extension SQLiteStore {
    public func install(_ regions: RegionDirectory) async throws {
        try await write { db in
            try RegionChangeRecord.deleteAll(db)
            try StreetRecord.deleteAll(db)
            try RegionRecord.deleteAll(db)
            for region in regions.sortedRegions { try RegionRecord(region).insert(db) }
            for street in regions.streets {
                try StreetRecord(code: street.code, name: street.name, county: street.county.rawValue).insert(db)
            }
            for (position, change) in regions.changes.enumerated() {
                try RegionChangeRecord(change, position: position).insert(db)
            }
        }
    }

    public func regionDirectory() async throws -> RegionDirectory {
        try await read { db in
            let regions = try RegionRecord.order(Column("code")).fetchAll(db).map { try $0.region() }
            let streets = try StreetRecord.order(Column("code")).fetchAll(db).map { record in
                Street(
                    code: record.code, name: record.name,
                    county: try required(
                        RegionCode(rawValue: record.county), "street", record.code, "county", raw: record.county))
            }
            let changes = try RegionChangeRecord.order(Column("position")).fetchAll(db).map { try $0.change() }
            return RegionDirectory(regions: regions, streets: streets, changes: changes)
        }
    }
}
