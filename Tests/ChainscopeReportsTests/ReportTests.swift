import ChainscopeCore
import ChainscopeIngest
import ChainscopeReports
import Foundation
import Testing

@Suite("The cited report, in Markdown and HTML")
struct ReportTests {
    static let inputs = Result {
        (
            try DatasetReader().readBuiltin("hangzhou-ai-2022"), try RegionTableReader().readBuiltin(),
            try TaxonomyReader().read(named: "ai")
        )
    }

    /// A fixed registry: members founded 2021-01 … 2022-10 in three districts, layers and segments,
    /// from one synthetic import taken on 2022-10-31.
    static func counts(members: Bool = true) -> MemberCounts {
        var cells: [MemberCounts.Cell] = []
        var segments: [MemberCounts.SegmentCell] = []
        let layers = ["foundation", "technology", "application"]
        let districts = ["330106", "330108", "330110"].compactMap(RegionCode.init(rawValue:))
        let segmentIDs = ["chips", "vision", "robots"]
        var month = YearMonth(year: 2021, month: 1)!
        var index = 0
        while members && month <= YearMonth(year: 2022, month: 10)! {
            let count = 3 + index % 5 + (month.year == 2022 ? 4 : 0)
            cells.append(
                MemberCounts.Cell(
                    month: month, layer: layers[index % 3], district: districts[index % 3],
                    status: index % 7 == 0 ? .deregistered : .active, count: count))
            segments.append(
                MemberCounts.SegmentCell(month: month, segment: segmentIDs[index % 3], district: nil, count: count))
            month = month.next
            index += 1
        }
        var importCounts = ImportCounts()
        (importCounts.rowsRead, importCounts.inserted, importCounts.quarantined) = (2_000, 1_989, 11)
        let record = RegistryImport(
            id: 1, file: "hangzhou-sample-synthetic.csv", sha256: "", format: "csv", encoding: "utf-8",
            snapshotDate: CalendarDate(year: 2022, month: 10, day: 31)!, counts: importCounts,
            warnings: ["row 1 says: \(RegistryImport.syntheticNotice)"])
        return MemberCounts(
            cells: cells, segmentCells: segments, capital: [.yuan: 12_345_678],
            provenance: CountProvenance(
                imports: [record], taxonomyID: "ai", taxonomyVersion: 1, taxonomyDigest: "0123456789abcdef",
                asOf: CalendarDate(year: 2022, month: 10, day: 31)))
    }

    /// One example member of the robots segment, classified from its scope as written.
    static func examples(_ taxonomy: Taxonomy) -> [String: [MemberExample]] {
        let company = Company(
            key: .creditCode("91330106MA2H0TEST1"), names: LocalizedText(zh: "杭州示例机器人有限公司"),
            creditCode: "91330106MA2H0TEST1", businessScope: "一般项目：工业机器人制造；智能机器人的研发；软件开发。",
            provenance: Provenance(kind: .registryImport, collection: "1", file: "hangzhou-sample-synthetic.csv"))
        return [
            "robots": [
                MemberExample(company: company, classification: Classifier(taxonomy).classification(of: company))
            ]
        ]
    }

    static func report(_ language: Language, counts: MemberCounts? = Self.counts()) throws -> Report {
        let (dataset, regions, taxonomy) = try inputs.get()
        return Report(
            overview: Overview(dataset: dataset, regions: regions, language: language), taxonomy: taxonomy,
            counts: counts,
            quarantine: [
                QuarantineGroup(
                    column: "成立日期", code: "date", count: 1,
                    examples: [
                        QuarantinedRow(
                            importID: 1, row: 5, line: 6, sheet: nil, column: "成立日期", value: "2019-02-30",
                            reason: .date(text: "2019-02-30"), raw: [:])
                    ])
            ], examples: examples(taxonomy))
    }

    @Test(
        "Every reference figure R1–R17 appears in every language and format, with its source in the notes",
        arguments: Language.allCases)
    func everyFigure(language: Language) throws {
        let (dataset, regions, _) = try Self.inputs.get()
        let formatting = FactFormatting(language: language, regions: regions)
        let report = try Self.report(language)
        let markdown = report.markdown()
        let html = report.html()
        let references = Set(dataset.facts.compactMap(\.reference))
        #expect(references == Set((1...17).map { "R\($0)" }))
        for fact in dataset.facts {
            let reference = try #require(fact.reference)
            let label = fact.label.text(in: language)
            let line = try #require(
                markdown.split(separator: "\n").first { $0.hasPrefix("- **\(reference)** ") && $0.contains(label) })
            #expect(line.contains(formatting.value(of: fact)), "\(line)")
            let marker = try #require(line.split(separator: "[^").last?.split(separator: "]").first)
            let note = try #require(markdown.split(separator: "\n").first { $0.hasPrefix("[^\(marker)]: ") })
            let publisher = try #require(dataset.source(fact.citation.source)).publisher.text(in: language)
            #expect(note.contains(publisher), "\(note)")
            #expect(html.contains("<span class=\"ref\">\(reference)</span>"), "\(reference)")
            #expect(html.contains(Self.escaped(formatting.value(of: fact))), "\(reference)")
        }
    }

    static func escaped(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
    }

    @Test("The market size is drawn over the years it is given for, the derived 2020 figure hollow")
    func marketChart() throws {
        let html = try Self.report(.en).html()
        #expect(html.contains("<title>AI market size (2020–2021)</title>"))
        #expect(
            html.contains("<title>2020: about 190.6 billion yuan</title>")
                && html.contains(">derived by Chainscope</text>"))
        #expect(
            !Overview(dataset: try Self.inputs.get().0, regions: try Self.inputs.get().1, language: .en).render()
                .contains("2020–2021"))
    }

    @Test("The HTML is one self-contained file: inline style and SVG, no script, nothing fetched")
    func selfContained() throws {
        let html = try Self.report(.zh).html()
        #expect(html.hasPrefix("<!DOCTYPE html>") && html.contains("<html lang=\"zh-Hans\">"))
        #expect(!html.contains("<script") && !html.contains("<link") && !html.contains("src=\"http"))
        let external = html.components(separatedBy: "http").dropFirst().filter {
            !$0.hasPrefix("://www.w3.org/2000/svg")
        }
        #expect(external.isEmpty, "\(external.prefix(3))")
        #expect(html.components(separatedBy: "<svg ").count == 4)
        #expect(html.contains("合成样本数据") && html.contains("class=\"banner\""))
    }

    @Test("Computed figures: year to date against the year before, with a footnote naming import, taxonomy and window")
    func computedFigures() throws {
        let markdown = try Self.report(.en).markdown()
        // Month i from 2021-01 has 3 + i % 5 members, 4 more in 2022: Jan–Oct 2021 50, all of 2021 57,
        // Jan–Oct 2022 90 (+80 %).
        #expect(markdown.contains("Jan–Oct 2022: 90 new companies; the same months a year before (Jan–Oct 2021): 50"))
        #expect(markdown.contains("a change of +80%"))
        #expect(markdown.contains("All of 2021: 57 new companies — Jan–Oct 2022 already exceeds it"))
        let note = try #require(
            markdown.split(separator: "\n").first { $0.contains("Chainscope count over the registry") })
        for part in [
            "import #1 hangzhou-sample-synthetic.csv (snapshot 31 October 2022, 1,989 companies)", "taxonomy ai v1",
            "companies founded by 31 October 2022", "synthetic sample data, not real companies",
        ] {
            #expect(note.contains(part), "\(note)")
        }
        #expect(
            markdown.contains(
                "  - 杭州示例机器人有限公司 91330106MA2H0TEST1: [scope, item 1] «机器人» — «工业机器人制造»"))
        #expect(markdown.contains("| Registered capital, total (CNY) | 12.35 million yuan |"))
        // Layers take months 0, 1, 2 in turn; the application layer's months sum to 45 of 147.
        #expect(markdown.contains("| Application layer | 45 | 30.6% |"))
    }

    @Test(
        "A window without data says so instead of printing zeros as if they were figures", arguments: Language.allCases)
    func noData(language: Language) throws {
        let markdown = try Self.report(language, counts: Self.counts(members: false)).markdown()
        let noData = try #require(["No data: no registry companies", "자료 없음", "暂无数据"].first { markdown.contains($0) })
        // Registrations, layers and segments, examples, districts: each says it has nothing.
        #expect(markdown.components(separatedBy: noData).count - 1 == 4)
        #expect(!markdown.contains("0 new companies") && !markdown.contains("<svg"))
        #expect(markdown.contains("hangzhou-sample-synthetic.csv"), "the data-quality section still lists the import")
    }

    static let goldenFolder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent(
        "Golden")

    @Test("Markdown and HTML match the reviewed golden files", arguments: Language.allCases)
    func golden(language: Language) throws {
        let report = try Self.report(language)
        for (name, text) in [("report-\(language).md", report.markdown()), ("report-\(language).html", report.html())] {
            let url = Self.goldenFolder.appendingPathComponent(name)
            if ProcessInfo.processInfo.environment["CHAINSCOPE_UPDATE_GOLDEN"] == "1" {
                try FileManager.default.createDirectory(at: Self.goldenFolder, withIntermediateDirectories: true)
                try text.write(to: url, atomically: true, encoding: .utf8)
            }
            let golden = try String(contentsOf: url, encoding: .utf8)
            #expect(text == golden, "\(name) differs; review it and run with CHAINSCOPE_UPDATE_GOLDEN=1 to accept")
        }
    }
}
