import ChainscopeCore
import ChainscopeIngest
import ChainscopeSQLite
import ChainscopeTestSupport
import Foundation
import Testing

@Suite("SQLite store")
struct SQLiteStoreTests {
    @Test("Every domain type round-trips through the store")
    func roundTrip() async throws {
        let store = try SQLiteStore()
        let dataset = Fixtures.dataset()
        try await store.install(dataset)
        let stored = try #require(try await store.dataset(id: "fixture"))
        #expect(stored == dataset)
        #expect(try await store.datasets() == [dataset.info])
    }

    @Test("The built-in dataset and the division tables round-trip")
    func builtinRoundTrip() async throws {
        let store = try SQLiteStore()
        let dataset = try DatasetReader().readBuiltin("hangzhou-ai-2022")
        let regions = try RegionTableReader().readBuiltin()
        try await store.install(regions)
        try await store.install(dataset)
        #expect(try await store.dataset(id: dataset.info.id) == dataset)
        #expect(try await store.regionDirectory() == regions)
    }

    @Test("Installing twice leaves one copy")
    func idempotent() async throws {
        let store = try SQLiteStore()
        var dataset = Fixtures.dataset()
        try await store.install(dataset)
        dataset.info.version = 4
        dataset.facts.removeLast()
        try await store.install(dataset)
        #expect(try await store.dataset(id: "fixture") == dataset)
        #expect(try await store.datasets().count == 1)
    }

    @Test("A failed install leaves the database as it was")
    func atomic() async throws {
        let store = try SQLiteStore()
        let good = Fixtures.dataset()
        try await store.install(good)
        var bad = good
        bad.info.version = 9
        bad.facts[0].citation = Citation(source: "nobody")
        await #expect(throws: StoreError.self) { try await store.install(bad) }
        #expect(try await store.dataset(id: "fixture") == good)
    }

    @Test("A file database uses WAL, enforces foreign keys and records its migrations")
    func fileDatabase() async throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let path = folder.path("test.sqlite")
        do {
            let store = try SQLiteStore(path: path)
            try await store.install(Fixtures.dataset())
            #expect(
                try await store.appliedMigrations() == [
                    "v1-datasets-and-regions", "v2-registry-imports", "v3-classifications", "v4-indicator-indexes",
                    "v5-member-facts", "v6-company-keyed-once", "v7-company-indexes-that-are-read", "v8-company-search",
                    "v9-short-queries-in-full-text", "v10-raw-headers", "v11-history-by-import",
                    "v12-imports-by-reading", "v13-reasons-and-warnings-as-codes", "v14-older-exports",
                    "v15-unapplied-changes", "v16-search-entries-flushed-in-larger-runs",
                    "v17-quarantine-in-sheet-order",
                ])
            #expect(try await store.journalMode() == "wal")
            #expect(try await store.foreignKeysEnabled())
        }
        let reopened = try SQLiteStore(path: path)
        #expect(try await reopened.dataset(id: "fixture") == Fixtures.dataset())
    }

    @Test("A database that cannot be opened says where")
    func cannotOpen() throws {
        let error = try #require(throws: StoreError.self) { try SQLiteStore(path: "/nonexistent-folder/x.sqlite") }
        #expect(error.code == .cannotOpen)
        #expect(error.description.contains("/nonexistent-folder/x.sqlite"))
    }
}
