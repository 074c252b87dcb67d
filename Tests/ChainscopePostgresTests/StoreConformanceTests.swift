import ChainscopeCore
import ChainscopeIngest
import ChainscopeSQLite
import ChainscopeTestSupport
import Foundation
import Testing

@testable import ChainscopePostgres

/// The conformance suite on both backends, and their answers compared one by one.
@Suite("Store conformance")
struct StoreConformanceTests {
    @Test("SQLite passes the conformance suite")
    func sqlite() async throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let suite = StoreConformance(inputs: try ConformanceInputs.make(in: folder))
        let result = try await suite.run(on: try SQLiteStore())
        #expect(result.failures == [])
    }

    @Test("PostgreSQL passes the conformance suite and answers exactly as SQLite", PostgresTestServer.required)
    func postgres() async throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let suite = StoreConformance(inputs: try ConformanceInputs.make(in: folder))
        let sqlite = try await suite.run(on: try SQLiteStore())
        let postgres = try await PostgresTestServer.withStore { store in try await suite.run(on: store) }
        #expect(postgres.failures == [])
        let (expected, found) = (sqlite.snapshot, postgres.snapshot)
        #expect(found.datasets == expected.datasets)
        #expect(found.dataset == expected.dataset)
        #expect(found.regions == expected.regions)
        #expect(found.imports == expected.imports)
        #expect(found.quarantine == expected.quarantine)
        #expect(found.quarantineGroups == expected.quarantineGroups)
        #expect(found.companies == expected.companies)
        #expect(found.histories == expected.histories)
        #expect(found.raws == expected.raws)
        #expect(found.staleReclassified == expected.staleReclassified)
        #expect(found.classifications == expected.classifications)
        #expect(found.classificationCounts == expected.classificationCounts)
        #expect(found.memberCounts == expected.memberCounts)
        #expect(found.examples == expected.examples)
        for (name, keys) in expected.lists { #expect(found.lists[name] == keys, "list \(name)") }
        #expect(found.lists.keys.sorted() == expected.lists.keys.sorted())
    }

    @Test("Companies repeated in a later batch are duplicates on PostgreSQL as on SQLite", PostgresTestServer.required)
    func duplicatesAcrossBatches() async throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let inputs = try ConformanceInputs.make(in: folder)
        let file = try ConformanceInputs.repeatingAcrossBatches(in: folder)
        let sqlite = try SQLiteStore()
        try await sqlite.install(inputs.regions)
        let expected = try await inputs.importFile(file, sqlite).import
        let found = try await PostgresTestServer.withStore { store in
            try await store.install(inputs.regions)
            let found = try await inputs.importFile(file, store).import
            #expect(try await store.registryCompanies() == sqlite.registryCompanies())
            return found
        }
        #expect(expected.counts.duplicates >= 100 && found.counts.isBalanced)
        #expect(found == expected)
    }

    @Test(
        "The same file read another way is imported again on PostgreSQL as on SQLite; the same command is not",
        PostgresTestServer.required)
    func readAnotherWay() async throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let inputs = try ConformanceInputs.make(in: folder)
        let october = CalendarDate(year: 2022, month: 10, day: 31)
        let mapped = RegistryImportOptions(mapping: ["法定代表人": .legalRepresentative], snapshotDate: october)
        let runs = [
            RegistryImportOptions(snapshotDate: october), RegistryImportOptions(snapshotDate: october),
            RegistryImportOptions(snapshotDate: CalendarDate(year: 2022, month: 11, day: 30)), mapped, mapped,
            RegistryImportOptions(),
        ]
        let importing = { @Sendable (store: any Store) async throws -> [Int64] in
            try await store.install(inputs.regions)
            var ids: [Int64] = []
            for options in runs {
                ids.append(
                    try await RegistryImporter(regions: inputs.regions).run(inputs.newer, options: options, into: store)
                        .import.id)
            }
            return ids
        }
        let expected = try await importing(try SQLiteStore())
        let found = try await PostgresTestServer.withStore { store in try await importing(store) }
        #expect(expected == [1, 1, 2, 3, 3, 3])
        #expect(found == expected)
    }

    @Test(
        "A newer export without some columns keeps the rest of each company on PostgreSQL as on SQLite",
        PostgresTestServer.required)
    func newerExportWithFewerColumns() async throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let inputs = try ConformanceInputs.make(in: folder)
        let generator = SampleGenerator(seed: 37, regions: inputs.regions)
        let rows = (0..<300).map { generator.row($0).cells }
        let full = try ConformanceInputs.write(folder.url.appendingPathComponent("full.csv"), rows)
        // Names, statuses (every third company struck off) and codes only.
        let kept = ["公司名称", "登记状态", "统一社会信用代码"].map { SampleGenerator.header.firstIndex(of: $0)! }
        let fewer = folder.url.appendingPathComponent("fewer.csv")
        let lines =
            [kept.map { SampleGenerator.header[$0] }]
            + rows.enumerated().map { number, cells in
                kept.map { $0 == kept[1] && number % 3 == 0 ? "注销" : cells[$0] }
            }
        try lines.map(CSVRecord.line).joined().write(to: fewer, atomically: true, encoding: .utf8)
        let importing = { @Sendable (store: any Store) async throws -> ([RegistryImport], [Company], [String: Int]) in
            try await store.install(inputs.regions)
            let imports = [
                try await inputs.importFile(full, store).import, try await inputs.importFile(fewer, store).import,
            ]
            return (imports, try await store.registryCompanies(), try await store.classificationCounts(taxonomy: "ai"))
        }
        let sqlite = try SQLiteStore()
        let expected = try await importing(sqlite)
        let found = try await PostgresTestServer.withStore { store in try await importing(store) }
        #expect(expected.0[1].counts.updated > 50 && expected.1.allSatisfy { $0.businessScope != nil })
        #expect(found.0 == expected.0)
        #expect(found.1 == expected.1)
        #expect(found.2 == expected.2)
    }

    @Test(
        "A newer export that changes more companies than one lookup reads updates them as on SQLite",
        PostgresTestServer.required)
    func updatesAcrossLookups() async throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let inputs = try ConformanceInputs.make(in: folder)
        let files = try ConformanceInputs.deregistering(rows: 2 * BatchWriter.lookupSize + 52, in: folder)
        let sqlite = try SQLiteStore()
        try await sqlite.install(inputs.regions)
        let expected = [
            try await inputs.importFile(files.0, sqlite).import, try await inputs.importFile(files.1, sqlite).import,
        ]
        let found = try await PostgresTestServer.withStore { store in
            try await store.install(inputs.regions)
            let found = [
                try await inputs.importFile(files.0, store).import, try await inputs.importFile(files.1, store).import,
            ]
            #expect(try await store.registryCompanies() == sqlite.registryCompanies())
            return found
        }
        // Every company of the first file is looked up again, in three queries; most of them changed.
        #expect(expected[0].counts.inserted > 2 * BatchWriter.lookupSize)
        #expect(expected[1].counts.updated > expected[0].counts.inserted * 9 / 10)
        #expect(found == expected)
    }

    @Test(
        "Rows without a code that are more than one lookup query takes find their coded companies as on SQLite",
        PostgresTestServer.required)
    func codedCompaniesAcrossLookups() async throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let inputs = try ConformanceInputs.make(in: folder)
        let files = try ConformanceInputs.deregistering(
            rows: 2 * BatchWriter.lookupSize + 52, withoutCodes: true, in: folder)
        let importing = { @Sendable (store: any Store) async throws -> ([RegistryImport], [Company]) in
            try await store.install(inputs.regions)
            let imports = [
                try await inputs.importFile(files.0, store).import, try await inputs.importFile(files.1, store).import,
            ]
            return (imports, try await store.registryCompanies())
        }
        let expected = try await importing(try SQLiteStore())
        // The rows of one batch without a code are looked up in three queries; nearly all of them find their company
        // (the sample gives a few names to several companies, which stay apart).
        let counts = expected.0[1].counts
        #expect(expected.0[0].counts.inserted > 2 * BatchWriter.lookupSize)
        #expect(counts.updated > expected.0[0].counts.inserted * 9 / 10, "\(counts)")
        #expect(expected.1.allSatisfy { $0.creditCode != nil || $0.status == .deregistered })
        let found = try await PostgresTestServer.withStore { store in try await importing(store) }
        #expect(found.0 == expected.0)
        #expect(found.1 == expected.1)
    }
}
