import ChainscopeCore
import ChainscopeSQLite
import ChainscopeTestSupport
import Foundation
import PostgresNIO
import Testing

@testable import ChainscopePostgres

@Suite("Counts as of an earlier export")
struct AsOfCountsTests {
    @Test(
        "Counts as of an export's day use the facts it gave, not a later export's, as on SQLite",
        PostgresTestServer.required)
    func earlierFacts() async throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let inputs = try ConformanceInputs.make(in: folder)
        // The first export is taken on 2022-06-30; the newer one (2022-10-31) strikes some of its companies off,
        // moves them and respells the facts of others.
        let june = CalendarDate(year: 2022, month: 6, day: 30)
        let counting = { @Sendable (store: any Store, files: [URL]) async throws -> [MemberCounts] in
            try await store.install(inputs.regions)
            for file in files { _ = try await inputs.importFile(file, store) }
            return [
                try await store.memberCounts(taxonomy: inputs.taxonomy.id, asOf: june),
                try await store.memberCounts(taxonomy: inputs.taxonomy.id, asOf: nil),
            ]
        }
        func facts(_ counts: MemberCounts) -> [String] {
            counts.cells.map { "\($0)" } + counts.segmentCells.map { "\($0)" } + counts.capital.map { "\($0)" }.sorted()
        }
        let firstOnly = try await counting(try SQLiteStore(), [inputs.first])
        let both = try await counting(try SQLiteStore(), [inputs.first, inputs.newer])
        #expect(facts(both[0]) == facts(firstOnly[0]))
        // The newer export changed what is counted today: else this test could not fail.
        let struck = { (counts: MemberCounts) in
            counts.cells.filter { $0.status == .deregistered }.reduce(0) { $0 + $1.count }
        }
        #expect(struck(both[1]) > struck(both[0]), "\(struck(both[1])) struck off now, \(struck(both[0])) in June")
        let found = try await PostgresTestServer.withStore { store in
            try await counting(store, [inputs.first, inputs.newer])
        }
        #expect(found == both)
    }

    @Test(
        "A founding day a later export corrected counts as of an earlier day as the export of that day gave it",
        PostgresTestServer.required)
    func correctedFoundingDays() async throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let inputs = try ConformanceInputs.make(in: folder)
        let header = "企业名称,统一社会信用代码,登记状态,所属城市,所属区县,经营范围,成立日期"
        let (jia, yi, bing) = (
            "杭州甲智能科技有限公司,9133010202YN7X0849,存续,杭州市,西湖区,人工智能软件开发,",
            "杭州乙智能科技有限公司,91330100799655058B,存续,杭州市,西湖区,人工智能软件开发,",
            "杭州丙智能科技有限公司,91330000733796106P,存续,杭州市,西湖区,人工智能软件开发,"
        )
        func export(_ name: String, _ rows: [String]) throws -> URL {
            try ConformanceInputs.export(name, in: folder, header: header, rows: rows)
        }
        // June's export (taken on 2022-06-30) has 甲 founded in May and 丙 in June; October's corrects 甲 to July, after
        // June's day, and 丙 to 2021.
        let june = try export("june.csv", [jia + "2022-05-10", yi + "2021-03-01", bing + "2022-06-01"])
        let october = try export("corrected.csv", [jia + "2022-07-01", yi + "2021-03-01", bing + "2021-01-15"])
        let day = CalendarDate(year: 2022, month: 6, day: 30)
        let counting = { @Sendable (store: any Store, files: [URL]) async throws -> [String] in
            try await store.install(inputs.regions)
            for file in files { _ = try await inputs.importFile(file, store) }
            return try await store.memberCounts(taxonomy: inputs.taxonomy.id, asOf: day).cells.map {
                "\($0.month.map { "\($0.year)-\($0.month)" } ?? "-") \($0.count)"
            }
        }
        let juneOnly = try await counting(try SQLiteStore(), [june])
        #expect(juneOnly == ["2021-3 1", "2022-5 1", "2022-6 1"])
        let both = try await counting(try SQLiteStore(), [june, october])
        #expect(both == juneOnly)
        let found = try await PostgresTestServer.withStore { store in try await counting(store, [june, october]) }
        #expect(found == juneOnly)
    }
}

@Suite("Reads of one snapshot")
struct SnapshotReadTests {
    @Test(
        "A read's statements see the database as it was when the first ran, though an import commits between them",
        PostgresTestServer.required)
    func importBetweenStatements() async throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let inputs = try ConformanceInputs.make(in: folder)
        let counting = "SELECT (SELECT count(*) FROM registry_import) + (SELECT count(*) FROM import_key)"
        let (first, inRead, after) = try await PostgresTestServer.withStore { store in
            try await store.install(inputs.regions)
            _ = try await inputs.importFile(inputs.first, store)
            let (first, inRead) = try await store.withSnapshot { connection in
                let first = try await connection.query(PostgresQuery(unsafeSQL: counting), logger: store.logger)
                    .collect()[0].decode(Int.self)
                // Another connection of the pool imports the newer export and commits.
                _ = try await inputs.importFile(inputs.newer, store)
                let inRead = try await connection.query(PostgresQuery(unsafeSQL: counting), logger: store.logger)
                    .collect()[0].decode(Int.self)
                return (first, inRead)
            }
            let after = try await store.rows(PostgresQuery(unsafeSQL: counting))[0].decode(Int.self)
            return (first, inRead, after)
        }
        #expect(inRead == first)
        #expect(after > first, "\(after) rows after the import, \(first) before")
    }
}
