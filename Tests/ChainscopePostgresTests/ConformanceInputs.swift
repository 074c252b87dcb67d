import ChainscopeCore
import ChainscopeIngest
import ChainscopeTestSupport
import Foundation
import Testing

@testable import ChainscopePostgres

/// The conformance suite's inputs: the built-in regions, dataset and AI taxonomy, and three exports and a
/// workbook written from the sample generator into `folder`.
enum ConformanceInputs {
    static func make(in folder: TemporaryFolder) throws -> StoreConformance.Inputs {
        let regions = try RegionTableReader().readBuiltin()
        let taxonomy = try TaxonomyReader().read(named: "ai")
        let classifier = Classifier(taxonomy)
        let generator = SampleGenerator(seed: 23, regions: regions)
        let status = SampleGenerator.header.firstIndex(of: "登记状态")!
        let address = SampleGenerator.header.firstIndex(of: "企业地址")!
        let code = SampleGenerator.header.firstIndex(of: "统一社会信用代码")!
        let founded = SampleGenerator.header.firstIndex(of: "成立日期")!
        var badCode = generator.row(270).cells
        badCode[code] = "91330100MA2XXXXX0X"
        var badDate = generator.row(271).cells
        badDate[founded] = "2022-13-45"
        var nul = generator.row(272).cells
        nul[address] += "\0"
        // 260 rows, 6 of them again and three bad ones (an invalid code, an impossible date, a NUL byte):
        // repeated rows are counted as duplicates, bad ones (and the generator's own flawed rows, and those
        // founded after the export's day, 2022-06-30) quarantined.
        let first = try write(
            folder.url.appendingPathComponent("first.csv"),
            (0..<260).map { generator.row($0).cells } + (10..<16).map { generator.row($0).cells } + [
                badCode, badDate, nul,
            ])
        // Rows 200–259 again, every third one moved and struck off, and 80 new rows, in an export that orders
        // its columns the other way round: the rows that did not change stay unchanged, also where the export
        // spells their founding day, capital and status another way (2019年3月5日, 1000万元, 在业) and writes
        // their address and scope with other widths (１２号, (依法须经批准的项目…)); the last new one is a branch.
        let capital = SampleGenerator.header.firstIndex(of: "注册资本")!
        let scope = SampleGenerator.header.firstIndex(of: "经营范围")!
        let name = SampleGenerator.header.firstIndex(of: "公司名称")!
        let newer = try write(
            folder.url.appendingPathComponent("newer.csv"), reversed: true,
            (200..<340).map { index in
                var cells = generator.row(index).cells
                if index < 260 && index % 3 == 0 {
                    cells[status] = "注销"
                    cells[address] += "（新址）"
                } else if index < 260 && index % 3 == 1 {
                    cells[founded] = respelt(day: cells[founded])
                    cells[capital] = cells[capital].replacingOccurrences(of: "万元人民币", with: "万元")
                    if cells[status] == "存续" { cells[status] = "在业" }
                    cells[address] = respelt(text: cells[address])
                    cells[scope] = respelt(text: cells[scope])
                } else if index == 339 {
                    // A branch, whose name holds its company's.
                    cells[name] = generator.row(201).cells[name] + "滨江分公司"
                }
                return cells
            })
        // New rows, then a quoted field that never closes: refused at its end, after rows were stored.
        let broken = folder.url.appendingPathComponent("broken.csv")
        let good = (500..<540).map { CSVRecord.line(generator.row($0).cells) }.joined()
        try (CSVRecord.line(SampleGenerator.header) + good + "\"未闭合的引号,存续\n").write(
            to: broken, atomically: true, encoding: .utf8)
        // New companies on two sheets, each sheet with rows to quarantine: an invalid code, an impossible date.
        let workbook = folder.url.appendingPathComponent("workbook.xlsx")
        let sheets = [("甲表", 600..<620), ("乙表", 620..<640)].map { name, range in
            var rows = range.map { generator.row($0).cells }
            rows[3][code] = "91330100MA2XXXXX0X"
            rows[7][founded] = "2022-02-30"
            rows[11][founded] = "2021-13-01"
            return (name: name, rows: [SampleGenerator.header] + rows)
        }
        try XLSXBuilder.write(sheets, to: workbook)
        // Other files are taken on 2022-10-31; those of `olderExportsKeepNewerFacts` on other days.
        let snapshots = [
            "first.csv": CalendarDate(year: 2022, month: 6, day: 30),
            "old.csv": CalendarDate(year: 2022, month: 6, day: 30),
            "june.csv": CalendarDate(year: 2022, month: 6, day: 30),
            "august.csv": CalendarDate(year: 2022, month: 8, day: 31),
            "december.csv": CalendarDate(year: 2022, month: 12, day: 31),
        ]
        return StoreConformance.Inputs(
            regions: regions, dataset: try DatasetReader().readBuiltin("hangzhou-ai-2022"), taxonomy: taxonomy,
            classify: { $0.map { classifier.classification(of: $0) } },
            importFile: { url, store in
                var options = RegistryImportOptions(
                    snapshotDate: snapshots[url.lastPathComponent] ?? CalendarDate(year: 2022, month: 10, day: 31))
                options.classifier = classifier
                return try await RegistryImporter(regions: regions).run(url, options: options, into: store)
            },
            first: first, newer: newer, broken: broken, workbook: workbook)
    }

    /// An export larger than one PostgreSQL batch (`Buffer.size` rows) that repeats, after the first batch, 100
    /// companies of it: duplicates that only the import's stored keys can reveal.
    static func repeatingAcrossBatches(in folder: TemporaryFolder) throws -> URL {
        let generator = SampleGenerator(seed: 29, regions: try RegionTableReader().readBuiltin())
        let rows = PostgresImportSession.Buffer.size + 104
        return try write(
            folder.url.appendingPathComponent("repeating.csv"),
            (0..<rows).map { generator.row($0).cells } + (0..<100).map { generator.row($0).cells })
    }

    /// An export and a newer one of the same companies in which every company is deregistered, and, if
    /// `withoutCodes`, has lost its credit code.
    static func deregistering(rows: Int, withoutCodes: Bool = false, in folder: TemporaryFolder) throws -> (URL, URL) {
        let generator = SampleGenerator(seed: 31, regions: try RegionTableReader().readBuiltin())
        let cells = (0..<rows).map { generator.row($0).cells }
        let status = try #require(SampleGenerator.header.firstIndex(of: "登记状态"))
        let code = try #require(SampleGenerator.header.firstIndex(of: "统一社会信用代码"))
        let deregistered = cells.map { row in
            var row = row
            row[status] = "注销"
            if withoutCodes { row[code] = "" }
            return row
        }
        return (
            try write(folder.url.appendingPathComponent("active.csv"), cells),
            try write(folder.url.appendingPathComponent("deregistered.csv"), deregistered)
        )
    }

    /// A small CSV export `name` in `folder`: `header`, then `rows`, each followed by `suffix` (cells every row has).
    static func export(
        _ name: String, in folder: TemporaryFolder, header: String, rows: [String], suffix: String = ""
    ) throws -> URL {
        let url = folder.url.appendingPathComponent(name)
        try ([header] + rows.map { $0 + suffix }).map { $0 + "\n" }.joined().write(
            to: url, atomically: true, encoding: .utf8)
        return url
    }

    /// `2019-03-05` as `2019年3月5日`; any other text as it is.
    static func respelt(day: String) -> String {
        let parts = day.split(separator: "-").compactMap { Int($0) }
        return parts.count == 3 ? "\(parts[0])年\(parts[1])月\(parts[2])日" : day
    }

    /// Full-width brackets as half-width ones and digits as full-width ones, as another export may write them.
    static func respelt(text: String) -> String {
        String(
            String.UnicodeScalarView(
                text.unicodeScalars.map { scalar in
                    switch scalar {
                    case "（": "("
                    case "）": ")"
                    case "0"..."9": Unicode.Scalar(scalar.value + 0xFEE0)!
                    default: scalar
                    }
                }))
    }

    static func write(_ url: URL, reversed: Bool = false, _ rows: [[String]]) throws -> URL {
        let table = ([SampleGenerator.header] + rows).map { reversed ? $0.reversed() : $0 }
        let text = ([[SampleGenerator.notice]] + table).map(CSVRecord.line).joined()
        try text.write(to: url, atomically: true, encoding: .utf8)
        return url
    }
}
