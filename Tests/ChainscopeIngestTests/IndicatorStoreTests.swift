import ChainscopeCore
import ChainscopeIngest
import ChainscopeSQLite
import ChainscopeTestSupport
import Foundation
import Testing

@Suite("Indicators counted through the store")
struct IndicatorStoreTests {
    static let ai = "人工智能基础软件开发；人工智能应用软件开发"
    static let taxonomy = Result { try TaxonomyReader().read(named: "ai") }

    /// Two imports: one taken on 2022-10-31, one on 2022-12-31 with two companies the first did not have, one
    /// of them founded after the first was taken.
    static func store() async throws -> SQLiteStore {
        let store = try SQLiteStore()
        let october = [
            header,
            row(1, capital: "100万元人民币", founded: "2020-02-29", scope: ai),
            row(2, status: "注销", founded: "2022-01-31", district: "滨江区", scope: ai),
            row(3, capital: "500万美元", founded: "2022-02-01", district: "滨江区", scope: ai),
            row(4, founded: "2022-03-15", scope: "餐饮服务"),
            row(5, founded: "2021-06-30", district: "江干区", scope: ai),
        ]
        let december = [header, row(6, founded: "2022-11-01", scope: ai), row(7, founded: "2022-05-05", scope: ai)]
        let importer = RegistryImporter(regions: try RegistryImportTests.regions.get())
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        for (name, lines, day) in [("october.csv", october, 31), ("december.csv", december, 31)] {
            let url = folder.url.appendingPathComponent(name)
            try Data((lines.joined(separator: "\n") + "\n").utf8).write(to: url)
            var options = RegistryImportOptions(
                snapshotDate: CalendarDate(year: 2022, month: lines == october ? 10 : 12, day: day))
            options.classifier = Classifier(try taxonomy.get())
            _ = try await importer.run(url, options: options, into: store)
        }
        return store
    }

    static func month(_ text: String) -> YearMonth { YearMonth(iso: text)! }

    @Test("Counts cover the companies founded by the as-of day from imports taken by then")
    func window() async throws {
        let store = try await Self.store()
        let all = try await store.memberCounts(taxonomy: try Self.taxonomy.get(), asOf: nil)
        #expect(all.members == 6)
        #expect(all.provenance.imports.count == 2)
        let october = try await store.memberCounts(
            taxonomy: try Self.taxonomy.get(), asOf: CalendarDate(year: 2022, month: 10, day: 31))
        #expect(october.members == 4)
        #expect(october.provenance.imports.map(\.file) == ["october.csv"])
        #expect(october.provenance.taxonomyVersion == 1)
        #expect(october.capital == [.yuan: 3_000_000, .dollar: 5_000_000])
        let indicators = Indicators(october)
        #expect(indicators.activeAndClosed == (active: 3, closed: 1))
        // 2020-02-29 is a month like any other; the 31st and the 1st fall in their own months.
        let monthly = indicators.registrations(per: .month, from: Self.month("2020-01"), through: Self.month("2020-03"))
        #expect(monthly.points.map(\.value) == [0, 1, 0])
        let early2022 = indicators.registrations(
            per: .month, from: Self.month("2022-01"), through: Self.month("2022-04"))
        #expect(early2022.points.map(\.value) == [1, 1, 0, 0])
        let yearToDate = indicators.yearToDate(through: Self.month("2022-10"))
        #expect(yearToDate.current == 2 && yearToDate.samePeriodBefore == 1 && yearToDate.wholeYearBefore == 1)
        #expect(yearToDate.exceedsYearBefore && yearToDate.growth == 1)
    }

    @Test("Districts are ranked under today's division: 江干区, split in 2021, counts where its address is")
    func districts() async throws {
        let store = try await Self.store()
        let counts = try await store.memberCounts(taxonomy: try Self.taxonomy.get(), asOf: nil)
        let regions = try RegistryImportTests.regions.get()
        let ranking = Indicators(counts).ranking(by: .district)
        #expect(ranking.map(\.key) == ["330106", "330108"] && ranking.map(\.count) == [4, 2], "\(ranking)")
        #expect(ranking.map(\.rank) == [1, 2] && abs(ranking[0].share - 4.0 / 6) < 1e-12)
        for entry in ranking {
            let code = try #require(RegionCode(rawValue: entry.key))
            #expect(regions.region(code) != nil, "\(entry.key)")
            #expect(regions.name(of: code, in: .zh) != "江干区")
        }
    }

    @Test("Example members of a segment come best first, with their evidence, from the same window")
    func examples() async throws {
        let store = try await Self.store()
        let counts = try await store.memberCounts(taxonomy: try Self.taxonomy.get(), asOf: nil)
        let segment = try #require(Indicators(counts).ranking(by: .segment).first?.key)
        let all = try await store.segmentExamples(
            taxonomy: try Self.taxonomy.get(), segment: segment, limit: 10, asOf: nil)
        #expect(all.count == 6)
        #expect(
            all.allSatisfy {
                $0.classification.isMember && $0.classification.segments.contains { $0.segment == segment }
            })
        #expect(all.allSatisfy { !$0.classification.evidence.isEmpty })
        let scores = all.map { example in example.classification.segments.first { $0.segment == segment }!.score }
        #expect(scores == scores.sorted(by: >))
        let two = try await store.segmentExamples(
            taxonomy: try Self.taxonomy.get(), segment: segment, limit: 2, asOf: nil)
        #expect(two.map(\.company.key) == all.prefix(2).map(\.company.key))
        let october = try await store.segmentExamples(
            taxonomy: try Self.taxonomy.get(), segment: segment, limit: 10,
            asOf: CalendarDate(year: 2022, month: 10, day: 31))
        #expect(october.count == 4 && !october.contains { $0.company.creditCode == creditCode(7) })
    }

    @Test("A company moved by a later import is counted where it is now, even by an import that classifies nothing")
    func movedCompany() async throws {
        let store = try SQLiteStore()
        let importer = RegistryImporter(regions: try RegistryImportTests.regions.get())
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let lines = [
            [header, row(1, founded: "2022-03-01", scope: Self.ai)],
            [
                header,
                row(1, founded: "2022-03-01", district: "滨江区", address: "杭州市滨江区网商路1号", scope: Self.ai),
            ],
        ]
        for (index, content) in lines.enumerated() {
            let url = folder.url.appendingPathComponent("export-\(index).csv")
            try Data((content.joined(separator: "\n") + "\n").utf8).write(to: url)
            var options = RegistryImportOptions(snapshotDate: CalendarDate(year: 2022, month: 10 + index, day: 1))
            options.classifier = index == 0 ? Classifier(try TaxonomyReader().read(named: "ai")) : nil
            _ = try await importer.run(url, options: options, into: store)
        }
        let counts = try await store.memberCounts(taxonomy: try Self.taxonomy.get(), asOf: nil)
        #expect(Indicators(counts).ranking(by: .district).map(\.key) == ["330108"])
        #expect(counts.segmentCells.allSatisfy { $0.district?.rawValue == "330108" })
    }
}
