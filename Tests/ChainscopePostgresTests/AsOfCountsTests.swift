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
                try await store.memberCounts(taxonomy: inputs.taxonomy, asOf: june),
                try await store.memberCounts(taxonomy: inputs.taxonomy, asOf: nil),
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
        "A founding day a later export corrected counts, and is shown, as of an earlier day as that day's export said",
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
        // Read apart, then together as a report reads them.
        let counting = { @Sendable (store: any Store, files: [URL]) async throws -> [[String]] in
            try await store.install(inputs.regions)
            for file in files { _ = try await inputs.importFile(file, store) }
            let examples = try await store.segmentExamples(
                taxonomy: inputs.taxonomy, segment: "ai_software", limit: 5, asOf: day)
            let together = try await store.memberCounts(
                taxonomy: inputs.taxonomy, asOf: day, examples: 5, of: { _ in ["ai_software"] })
            return [
                Self.founded(try await store.memberCounts(taxonomy: inputs.taxonomy, asOf: day), examples),
                Self.founded(together.counts, together.examples["ai_software"] ?? []),
            ]
        }
        let juneOnly = try await counting(try SQLiteStore(), [june])
        let expected = [
            "2021-3 1", "2022-5 1", "2022-6 1", "杭州丙智能科技有限公司 2022-06-01", "杭州乙智能科技有限公司 2021-03-01",
            "杭州甲智能科技有限公司 2022-05-10",
        ]
        #expect(juneOnly == [expected, expected])
        let both = try await counting(try SQLiteStore(), [june, october])
        #expect(both == juneOnly)
        let found = try await PostgresTestServer.withStore { store in try await counting(store, [june, october]) }
        #expect(found == juneOnly)
    }

    /// June's export (taken on 2022-06-30), August's and October's, of companies whose names and scopes change:
    /// October's export makes 甲 a member and 乙 not, moves 丙 to robots and another district, and renames 丁, which
    /// has no business scope, to an AI company; 戊 is a member throughout. 己, first in August's export as a member, is
    /// none as of June, though October's export changed it too.
    static func scopeExports(in folder: TemporaryFolder) throws -> (june: URL, august: URL, october: URL) {
        let header = "企业名称,统一社会信用代码,登记状态,所属城市,所属区县,经营范围,成立日期"
        let (ai, robots, catering) = ("人工智能软件开发", "智能机器人的研发；工业机器人制造", "餐饮服务；日用百货销售")
        func export(
            _ name: String, _ rows: [(name: String, district: String, scope: String)], from first: Int = 0
        ) throws -> URL {
            try ConformanceInputs.export(
                name, in: folder, header: header,
                rows: rows.enumerated().map { index, row in
                    let code = CreditCode.completing("91330106MA0000\(first + index)0")!.value
                    return "\(row.name),\(code),存续,杭州市,\(row.district),\(row.scope),2021-03-01"
                })
        }
        let june = try export(
            "june.csv",
            [
                ("杭州甲餐饮有限公司", "西湖区", catering), ("杭州乙科技有限公司", "西湖区", ai),
                ("杭州丙科技有限公司", "西湖区", ai), ("杭州丁贸易有限公司", "西湖区", ""),
                ("杭州戊科技有限公司", "滨江区", ai),
            ])
        let august = try export("august.csv", [("杭州己科技有限公司", "西湖区", ai)], from: 5)
        let october = try export(
            "october.csv",
            [
                ("杭州甲餐饮有限公司", "西湖区", ai), ("杭州乙科技有限公司", "西湖区", catering),
                ("杭州丙科技有限公司", "滨江区", robots), ("杭州丁人工智能科技有限公司", "西湖区", ""),
                ("杭州戊科技有限公司", "滨江区", ai), ("杭州己科技有限公司", "西湖区", catering),
            ])
        return (june, august, october)
    }

    /// Members by founding month, then examples with their founding days.
    static func founded(_ counts: MemberCounts, _ examples: [MemberExample]) -> [String] {
        counts.cells.map { "\($0.month.map { "\($0.year)-\($0.month)" } ?? "-") \($0.count)" }
            + examples.map { "\($0.company.names.zh ?? "-") \($0.company.founded?.description ?? "-")" }
    }

    @Test(
        "A company whose name or scope a later export changed counts, and is an example, as of a day as it was then",
        PostgresTestServer.required)
    func classifiedAsOfTheDay() async throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let inputs = try ConformanceInputs.make(in: folder)
        let (june, august, october) = try Self.scopeExports(in: folder)
        let counting = { @Sendable (store: any Store, files: [URL]) async throws -> [[String]] in
            try await store.install(inputs.regions)
            for file in files { _ = try await inputs.importFile(file, store) }
            var found: [[String]] = []
            for asOf in [CalendarDate(year: 2022, month: 6, day: 30), nil] {
                let segments = inputs.taxonomy.segments.map(\.segment.id)
                let counts = try await store.memberCounts(taxonomy: inputs.taxonomy, asOf: asOf)
                let examples = try await store.segmentExamples(
                    taxonomy: inputs.taxonomy, segments: segments, limit: 5, asOf: asOf)
                // Read together, as a report reads them, they are the same.
                let together = try await store.memberCounts(
                    taxonomy: inputs.taxonomy, asOf: asOf, examples: 5, of: { _ in segments })
                guard together.counts == counts, together.examples == examples else {
                    throw AsOfReadError(asOf: asOf)
                }
                found.append(
                    counts.cells.map { "\($0.layer ?? "-") \($0.district?.rawValue ?? "-") \($0.count)" }
                        + counts.segmentCells.map { "\($0.segment) \($0.district?.rawValue ?? "-") \($0.count)" }
                        + segments.flatMap { segment in
                            (examples[segment] ?? []).map {
                                "\(segment): \($0.company.names.zh ?? "-") \($0.company.region?.rawValue ?? "-") "
                                    + $0.classification.evidence.map(\.term).joined(separator: "+")
                            }
                        })
            }
            return found
        }
        let juneOnly = try await counting(try SQLiteStore(), [june])
        let inOrder = try await counting(try SQLiteStore(), [june, august, october])
        // October's export imported first: June's rows are not applied, and say what June's export classified.
        let reversed = try await counting(try SQLiteStore(), [october, august, june])
        #expect(inOrder[0] == juneOnly[0])
        #expect(reversed[0] == juneOnly[0])
        // October's export changed what is counted today: else this test could not fail.
        #expect(inOrder[1] != juneOnly[0], "\(inOrder[1])")
        #expect(reversed[1] == inOrder[1])
        let found = try await PostgresTestServer.withStore { store in
            try await counting(store, [june, august, october])
        }
        #expect(found == inOrder)
        let foundReversed = try await PostgresTestServer.withStore { store in
            try await counting(store, [october, august, june])
        }
        #expect(foundReversed == reversed)
    }

    @Test(
        "Counts and examples as of a day are the same read a company at a time as all at once, on both backends",
        PostgresTestServer.required)
    func rangesOfOneCompany() async throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let inputs = try ConformanceInputs.make(in: folder)
        let (june, august, october) = try Self.scopeExports(in: folder)
        // Facts changed by a later export, scopes too, and exports imported out of order (unapplied changes).
        let files = [inputs.first, inputs.newer, october, august, june]
        let days: [CalendarDate?] = [
            nil, CalendarDate(year: 2021, month: 12, day: 31), CalendarDate(year: 2022, month: 6, day: 30),
            CalendarDate(year: 2022, month: 8, day: 31),
        ]
        let segments = inputs.taxonomy.segments.map(\.segment.id)
        typealias Read = @Sendable (CalendarDate?, Int) async throws -> Counted
        let reading = { @Sendable (read: Read) async throws -> [[Counted]] in
            var found: [[Counted]] = []
            for day in days { found.append([try await read(day, 1), try await read(day, 16384)]) }
            return found
        }
        let sqlite = try SQLiteStore()
        try await sqlite.install(inputs.regions)
        for file in files { _ = try await inputs.importFile(file, sqlite) }
        let expected = try await reading { day, range in
            Counted(
                try await sqlite.memberCounts(
                    taxonomy: inputs.taxonomy, asOf: day, examples: 5, of: { _ in segments }, companiesPerRange: range))
        }
        // Compared apart, so that a failure names the day rather than printing every company.
        for (day, read) in zip(days, expected) {
            let isSame = read[0] == read[1]
            #expect(isSame, "as of \(day?.description ?? "-")")
        }
        // Companies as of June are examples as they were then: else the ranges would hold no reexamined member.
        let juneExamples = expected[2][0].examples.values.joined().map { $0.company.names.zh ?? "" }
        #expect(juneExamples.contains("杭州乙科技有限公司") && !juneExamples.contains("杭州甲餐饮有限公司"), "\(juneExamples)")
        let found = try await PostgresTestServer.withStore { store in
            try await store.install(inputs.regions)
            for file in files { _ = try await inputs.importFile(file, store) }
            return try await reading { day, range in
                Counted(
                    try await store.memberCounts(
                        taxonomy: inputs.taxonomy, asOf: day, examples: 5, of: { _ in segments },
                        companiesPerRange: range))
            }
        }
        let isSame = found == expected
        #expect(isSame)
    }

    /// Counts and examples as a store reads them together.
    struct Counted: Sendable, Equatable {
        let counts: MemberCounts
        let examples: [String: [MemberExample]]

        init(_ read: (counts: MemberCounts, examples: [String: [MemberExample]])) {
            (counts, examples) = read
        }
    }
}

/// Counts and examples read together differ from those read apart.
struct AsOfReadError: Error {
    let asOf: CalendarDate?
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
