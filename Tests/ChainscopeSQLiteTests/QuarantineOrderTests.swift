import ChainscopeCore
import ChainscopeTestSupport
import GRDB
import Testing

@testable import ChainscopeSQLite

@Suite("SQLite quarantine order")
struct QuarantineOrderTests {
    @Test("Migration v17 numbers the sheets of rows quarantined before it by name, keeping their order")
    func sheetsNumberedByName() async throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let path = folder.path("v16.sqlite")
        do {
            let old = try SQLiteStore(path: path, migratingUpTo: "v16-search-entries-flushed-in-larger-runs")
            try await old.write { db in
                for statement in QuarantineBeforeSheetNumbers.statements { try db.execute(sql: statement) }
            }
        }
        let migrated = try SQLiteStore(path: path)
        #expect(try await migrated.appliedMigrations().last == "v17-quarantine-in-sheet-order")
        let listing = try await QuarantineBeforeSheetNumbers.listing(migrated)
        #expect(listing.all == QuarantineBeforeSheetNumbers.listed)
        #expect(listing.paged == QuarantineBeforeSheetNumbers.listed)
        #expect(listing.workbook == Array(QuarantineBeforeSheetNumbers.listed.suffix(3)))
    }
}
