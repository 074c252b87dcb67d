import ChainscopeCore
import ChainscopeIngest
import ChainscopeSQLite
import ChainscopeTestSupport
import Foundation
import Testing

/// A valid credit code for company number `n`, registered in `district`.
func creditCode(_ n: Int, district: String = "330106") -> String {
    let digits = String(n)
    let body = String(repeating: "0", count: max(0, 8 - digits.count)) + digits
    return CreditCode.completing("91" + district + body)!.value
}

let header = "公司名称,登记状态,法定代表人,注册资本,成立日期,所属城市,所属区县,统一社会信用代码,注册号,企业地址,经营范围"

func cells(
    _ n: Int, name: String? = nil, status: String = "存续", capital: String = "100万元人民币",
    founded: String = "2022-01-05", district: String = "西湖区", code: String? = nil, regNo: String = "",
    address: String = "杭州市西湖区文三路1号", scope: String = "软件开发"
) -> [String] {
    [
        name ?? "杭州测试\(n)科技有限公司", status, "张\(n)", capital, founded, "杭州市", district, code ?? creditCode(n), regNo,
        address, scope,
    ]
}

/// The same cells as a CSV line; `scope` is written as given, so a test can put quotes in it.
func row(
    _ n: Int, name: String? = nil, status: String = "存续", capital: String = "100万元人民币",
    founded: String = "2022-01-05", district: String = "西湖区", code: String? = nil, regNo: String = "",
    address: String = "杭州市西湖区文三路1号", scope: String = "软件开发"
) -> String {
    cells(
        n, name: name, status: status, capital: capital, founded: founded, district: district, code: code, regNo: regNo,
        address: address, scope: scope
    ).joined(separator: ",")
}

/// How Foundation names `encoding`.
func foundationEncoding(_ encoding: TextEncoding) -> String.Encoding {
    switch encoding {
    case .utf8: .utf8
    case .gb18030: String.Encoding(rawValue: 0x8000_0632)
    case .utf16LittleEndian: .utf16LittleEndian
    case .utf16BigEndian: .utf16BigEndian
    }
}

@Suite("Registry import")
struct RegistryImportTests {
    static let regions = Result { try RegionTableReader().readBuiltin() }

    struct Run {
        let record: RegistryImport
        let isNew: Bool
        let store: SQLiteStore
    }

    func run(
        _ content: Data, name: String = "export.csv",
        options: RegistryImportOptions = .init(snapshotDate: CalendarDate(year: 2022, month: 10, day: 31)),
        store: SQLiteStore? = nil
    ) async throws -> Run {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let url = folder.url.appendingPathComponent(name)
        try content.write(to: url)
        let store = try store ?? SQLiteStore()
        let (record, isNew) = try await RegistryImporter(regions: try Self.regions.get())
            .run(url, options: options, into: store)
        #expect(record.counts.isBalanced, "\(record.counts)")
        return Run(record: record, isNew: isNew, store: store)
    }

    func csv(_ lines: [String]) -> Data { Data((lines.joined(separator: "\n") + "\n").utf8) }

    @Test("A clean export stores every row, with normalised fields and today's district")
    func clean() async throws {
        let result = try await run(
            csv([
                header, row(1, capital: "500万美元", founded: "2021年3月9日", district: "江干区", address: "杭州市江干区下沙街道1号"),
                row(2, status: "存续（在营、开业、在册）", capital: "1.2亿元", founded: "44566"),
            ]))
        #expect(result.record.counts.inserted == 2)
        let companies = try await result.store.registryCompanies()
        let first = try #require(companies.first { $0.creditCode == creditCode(1) })
        #expect(first.registeredCapital == Money(5_000_000, .dollar))
        #expect(first.registeredCapitalText == "500万美元")
        #expect(first.founded == CalendarDate(year: 2021, month: 3, day: 9))
        #expect(first.region == RegionCode(rawValue: "330114"))
        #expect(
            first.provenance
                == Provenance(kind: .registryImport, collection: String(result.record.id), file: "export.csv", line: 2))
        let second = try #require(companies.first { $0.creditCode == creditCode(2) })
        #expect(second.founded == CalendarDate(year: 2022, month: 1, day: 5))
        #expect(second.status == .active)
        #expect(second.registeredCapital == Money(120_000_000, .yuan))
    }

    @Test("Bad rows are quarantined with row, column, value and reason; the rest is stored")
    func quarantine() async throws {
        let invalid = String(creditCode(3).dropLast()) + (creditCode(3).last == "0" ? "1" : "0")
        let result = try await run(
            csv([
                header, row(1), row(2, founded: "2022-13-01"), row(3, code: invalid), row(4, capital: "很多"),
                row(5, name: ""), row(6, status: "很好"), row(1),
            ]))
        let counts = result.record.counts
        #expect(counts.rowsRead == 7)
        #expect(counts.inserted == 1)
        #expect(counts.quarantined == 5)
        #expect(counts.duplicates == 1)
        let rows = try await result.store.quarantinedRows(importID: result.record.id)
        #expect(rows.map(\.row) == [3, 4, 5, 6, 7])
        #expect(rows.map(\.column) == ["成立日期", "统一社会信用代码", "注册资本", "公司名称", "登记状态"])
        #expect(rows[0].value == "2022-13-01")
        #expect(rows[1].reason.contains("check character"))
        #expect(rows[3].reason.contains("name is empty"))
        #expect(rows[0].raw["公司名称"] == "杭州测试2科技有限公司")
    }

    @Test("A cell holding a NUL character quarantines its row, shown as ␀, the row kept whole")
    func nulCharacter() async throws {
        let result = try await run(csv([header, row(1), row(2, address: "杭州市西湖区\u{0}1号")]))
        #expect(result.record.counts.inserted == 1 && result.record.counts.quarantined == 1)
        let quarantined = try #require(try await result.store.quarantinedRows(importID: result.record.id).first)
        #expect(quarantined.column == "企业地址" && quarantined.value == "杭州市西湖区␀1号")
        #expect(quarantined.reason.contains("NUL character"))
        #expect(quarantined.raw["企业地址"] == "杭州市西湖区\u{0}1号")
    }

    @Test("A row without a credit code is keyed on its registration number, else on name and region")
    func withoutCreditCode() async throws {
        let result = try await run(csv([header, row(1, code: "", regNo: "330106000012345"), row(2, code: "")]))
        let keys = try await result.store.registryCompanies().map(\.key)
        #expect(keys.contains(.registrationNumber("330106000012345")))
        #expect(keys.contains(.name("杭州测试2科技有限公司", region: RegionCode(rawValue: "330106")!)))
    }

    @Test("Re-importing the same file changes nothing; a newer export updates and keeps history")
    func reimport() async throws {
        let first = try await run(csv([header, row(1), row(2)]))
        let again = try await run(csv([header, row(1), row(2)]), name: "renamed.csv", store: first.store)
        #expect(!again.isNew)
        #expect(again.record.id == first.record.id)
        let newer = try await run(
            csv([header, row(1, status: "注销"), row(2), row(3)]), name: "newer.csv",
            options: .init(snapshotDate: CalendarDate(year: 2022, month: 11, day: 30)), store: first.store)
        #expect(newer.isNew)
        #expect(newer.record.counts.updated == 1)
        #expect(newer.record.counts.unchanged == 1)
        #expect(newer.record.counts.inserted == 1)
        let companies = try await first.store.registryCompanies()
        #expect(companies.count == 3)
        #expect(companies.first { $0.creditCode == creditCode(1) }?.status == .deregistered)
        let history = try await first.store.companyHistory(key: .creditCode(creditCode(1)))
        #expect(history.map(\.importID) == [newer.record.id])
        #expect(history.first?.file == newer.record.file)
        #expect(history.first?.snapshotDate == newer.record.snapshotDate)
        #expect(
            history.first?.fields.first { $0.name == "status" }
                == CompanyChange.Field(name: "status", before: "active", after: "deregistered"))
        #expect(try await first.store.imports().count == 2)
    }

    @Test(
        "Encodings: UTF-8 with and without BOM, GB18030, UTF-16 with BOM",
        arguments: ["utf-8", "utf-8-bom", "gb18030", "utf-16le", "utf-16be"])
    func encodings(encoding: String) async throws {
        let text = [header, row(1, name: "杭州甲乙丙丁科技有限公司"), row(2)].joined(separator: "\r\n") + "\r\n"
        let data: Data
        switch encoding {
        case "utf-8-bom": data = Data([0xEF, 0xBB, 0xBF]) + Data(text.utf8)
        case "gb18030": data = text.data(using: String.Encoding(rawValue: 0x8000_0632))!
        case "utf-16le": data = Data([0xFF, 0xFE]) + text.data(using: .utf16LittleEndian)!
        case "utf-16be": data = Data([0xFE, 0xFF]) + text.data(using: .utf16BigEndian)!
        default: data = Data(text.utf8)
        }
        // Detected; and for UTF-16, also when asked for either byte order: the byte-order mark says which.
        let asked: [TextEncoding?] = encoding.hasPrefix("utf-16") ? [nil, .utf16LittleEndian, .utf16BigEndian] : [nil]
        for requested in asked {
            let result = try await run(data, options: .init(encoding: requested))
            #expect(result.record.counts.inserted == 2)
            let names = try await result.store.registryCompanies().compactMap(\.names.zh)
            #expect(names.contains("杭州甲乙丙丁科技有限公司"), "\(String(describing: requested))")
            #expect(result.record.encoding == (encoding == "utf-8-bom" ? "utf-8" : encoding))
        }
    }

    @Test("A GB18030 file forced to UTF-8 is refused, naming the line and the encoding to try")
    func wrongEncoding() async throws {
        let text = [header, row(1), row(2, name: "杭州错误编码有限公司")].joined(separator: "\n") + "\n"
        let data = text.data(using: String.Encoding(rawValue: 0x8000_0632))!
        let store = try SQLiteStore()
        let error = try await #require(throws: IngestError.self) {
            try await run(data, options: .init(encoding: .utf8), store: store)
        }
        #expect(error.code == .undecodableText)
        #expect(error.location.line == 1)
        #expect(error.description.contains("gb18030"))
        #expect(try await store.imports().isEmpty)
        #expect(try await store.registryCompanies().isEmpty)
    }

    @Test(
        "A file cut off inside a character is refused as cut short, at its last line, in every encoding",
        arguments: ["utf-8", "gb18030", "utf-16le", "utf-16be", "utf-16le surrogate", "gb18030 four bytes"])
    func cutInsideCharacter(kind: String) async throws {
        // The last row ends in a character of several bytes (😀 is two UTF-16 units, and four bytes in GB18030),
        // without a line break; the file stops one byte (two for the UTF-16 pair: a lone high surrogate) short.
        let last = kind.hasSuffix("surrogate") || kind.hasSuffix("four bytes") ? "😀" : "杭州"
        let text = [header, row(1), row(2, scope: "软件开发" + last)].joined(separator: "\n")
        let encoding = try #require(TextEncoding(rawValue: String(kind.prefix { $0 != " " })))
        var data = text.data(using: foundationEncoding(encoding))!
        if encoding == .utf16LittleEndian { data = Data([0xFF, 0xFE]) + data }
        if encoding == .utf16BigEndian { data = Data([0xFE, 0xFF]) + data }
        data.removeLast(kind.hasSuffix("surrogate") ? 2 : 1)
        let store = try SQLiteStore()
        let error = try await #require(throws: IngestError.self) {
            try await run(
                data, options: .init(snapshotDate: CalendarDate(year: 2022, month: 10, day: 31)), store: store)
        }
        #expect(error.refusal == .truncatedCharacter(encoding), "\(error)")
        #expect(error.location.line == 3)
        #expect(error.description.contains("cut off"))
        #expect(try await store.imports().isEmpty)
        #expect(try await store.registryCompanies().isEmpty)
    }

    @Test("An undecodable file's refusal suggests the encodings that read it, not every other one")
    func suggestedEncodings() async throws {
        let text = [header, row(1), row(2, name: "杭州错误编码有限公司")].joined(separator: "\n") + "\n"
        let gb18030 = text.data(using: String.Encoding(rawValue: 0x8000_0632))!
        let asUTF8 = try await #require(throws: IngestError.self) {
            try await run(gb18030, options: .init(encoding: .utf8))
        }
        #expect(asUTF8.refusal == .undecodable(.utf8, others: ["gb18030"]), "\(asUTF8)")
        // UTF-16 without a byte-order mark is not valid UTF-8, so it is taken for GB18030, whose reading of it has NULs.
        let detected = try await #require(throws: IngestError.self) {
            try await run(text.data(using: .utf16LittleEndian)!)
        }
        #expect(detected.refusal == .undecodable(.gb18030, others: ["utf-16le"]), "\(detected)")
    }

    @Test(
        "A file read in an encoding that is not its own, as --encoding asked, is refused as misread",
        arguments: [TextEncoding.utf16LittleEndian, .utf16BigEndian])
    func misread(requested: TextEncoding) async throws {
        // UTF-8 read as UTF-16 decodes (its bytes pair into ideographs and private-use characters, never
        // surrogates) into one line without a header; an even number of bytes, so that no byte is left over.
        var text = ([header] + (1...30).map { row($0) }).joined(separator: "\n") + "\n"
        if text.utf8.count % 2 == 1 { text += "\n" }
        let error = try await #require(throws: IngestError.self) {
            try await run(Data(text.utf8), options: .init(encoding: requested))
        }
        guard case .misread(requested, .utf8, let seen) = error.refusal else {
            Issue.record("\(error.refusal as Any) \(error)")
            return
        }
        #expect(!seen.isEmpty)
        // What it read is shown cut short, not as the whole file in one line.
        #expect(error.description.count < 600, "\(error.description)")
        #expect(error.description.contains("without --encoding (or with --encoding utf-8)"))
        // One byte more is no UTF-16, nor a UTF-16 file cut short: the refusal says which encoding reads it.
        let odd = try await #require(throws: IngestError.self) {
            try await run(Data((text + "\n").utf8), options: .init(encoding: requested))
        }
        #expect(odd.refusal == .undecodable(requested, others: ["utf-8"]), "\(odd)")
    }

    @Test("Text that already holds U+FFFD is refused rather than stored as mojibake")
    func replacementCharacters() async throws {
        let error = try await #require(throws: IngestError.self) {
            try await run(csv([header, row(1), row(2, name: "杭州\u{FFFD}\u{FFFD}科技有限公司")]))
        }
        #expect(error.code == .undecodableText)
        #expect(error.location.line == 3)
    }

    @Test("An unbalanced quote refuses the file and leaves the database as it was")
    func unbalancedQuote() async throws {
        let store = try SQLiteStore()
        _ = try await run(csv([header, row(1)]), store: store)
        let broken = csv([header, row(2), row(3, scope: "\"软件开发,技术服务")])
        let error = try await #require(throws: IngestError.self) { try await run(broken, store: store) }
        #expect(error.code == .malformedCSV)
        #expect(error.location.line == 3)
        #expect(try await store.registryCompanies().count == 1)
        #expect(try await store.imports().count == 1)
    }

    @Test("A truncated last line is quarantined, not guessed at")
    func truncatedLastLine() async throws {
        let text = [header, row(1), row(2)].joined(separator: "\n") + "\n" + String(row(3).prefix(30))
        let result = try await run(Data(text.utf8))
        #expect(result.record.counts.inserted == 2)
        let rows = try await result.store.quarantinedRows(importID: nil)
        #expect(rows.count == 1)
        #expect(rows.first?.row == 4)
        #expect(rows.first?.reason.contains("truncated") == true)
    }

    @Test("A note below the data (the export's source) is quarantined as a note, not as a truncated row")
    func footerNote() async throws {
        let result = try await run(csv([header, row(1), "", "数据来源：企查查（www.qcc.com）"]))
        #expect(result.record.counts.inserted == 1 && result.record.counts.quarantined == 1)
        let reason = try #require(try await result.store.quarantinedRows(importID: nil).first?.reason)
        #expect(reason.contains("one text ('数据来源：企查查（www.qcc.com）')") && reason.contains("a note"))
    }

    @Test("An unknown layout lists the columns found and the ones needed")
    func unknownLayout() async throws {
        let error = try await #require(throws: IngestError.self) {
            try await run(csv(["名字,电话,地址", "甲,1,杭州", "乙,2,杭州"]))
        }
        #expect(error.code == .unknownLayout)
        #expect(error.description.contains("名字, 电话, 地址"))
        #expect(error.description.contains("credit_code"))
        #expect(error.description.contains("--profile"))
    }

    @Test("A folder named as an export is refused as a folder, saying to name the files in it")
    func folder() async throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let named = folder.url.appendingPathComponent("exports.csv")
        try FileManager.default.createDirectory(at: named, withIntermediateDirectories: false)
        let store = try SQLiteStore()
        let error = try await #require(throws: IngestError.self) {
            try await RegistryImporter(regions: try Self.regions.get()).run(named, into: store)
        }
        #expect(error.refusal == .folder && error.location.file == "exports.csv")
        #expect(error.description.contains("a folder; name the export files in it"))
        #expect(try await store.imports().isEmpty)
    }

    @Test("An empty file is refused")
    func emptyFile() async throws {
        let error = try await #require(throws: IngestError.self) { try await run(Data()) }
        #expect(error.code == .emptyFile)
    }

    @Test("A file with a header and no rows under it (a search that found nothing) is refused and stores nothing")
    func headerOnly() async throws {
        let store = try SQLiteStore()
        let text = try await #require(throws: IngestError.self) {
            try await run(csv(["企查查 导出数据", header, "", ",,,"]), store: store)
        }
        #expect(text.refusal == .noDataRows(sheets: []) && text.location.line == 2, "\(text)")
        #expect(text.description.contains("only a header row, no company rows"), "\(text)")
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let url = folder.url.appendingPathComponent("export.xlsx")
        let columns = header.split(separator: ",").map(String.init)
        try XLSXBuilder.write([("说明", [["本表由企查查导出"]]), ("企业列表", [columns]), ("分支机构", [columns])], to: url)
        let workbook = try await #require(throws: IngestError.self) {
            try await run(try Data(contentsOf: url), name: "export.xlsx", store: store)
        }
        #expect(workbook.refusal == .noDataRows(sheets: ["企业列表", "分支机构"]), "\(workbook)")
        #expect(workbook.description.contains("in sheets '企业列表', '分支机构'"), "\(workbook)")
        #expect(try await store.imports().isEmpty)
        // One row, even one quarantined, is an export.
        let one = try await run(csv([header, row(1, code: "91330106MA2XXXXX00")]), store: store)
        #expect(one.record.counts.rowsRead == 1 && one.record.counts.quarantined == 1)
    }

    @Test("Without --snapshot-date an export is dated by its file; a file dated after today is dated today, warned")
    func snapshotFromFile() async throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let url = folder.url.appendingPathComponent("export.csv")
        try csv([header, row(1)]).write(to: url)
        var options = RegistryImportOptions()
        options.now = try #require(ISO8601DateFormatter().date(from: "2026-11-29T23:30:00Z"))
        // Saved on a machine whose clock was years ahead; then one saved in Beijing early on the next day.
        let (future, today) = (
            try #require(CalendarDate(iso: "2035-01-01")), try #require(CalendarDate(iso: "2026-11-29"))
        )
        let warned = ImportWarning(.modifiedInFuture(modified: future, dated: today))
        for (modified, snapshot, given, warnings) in [
            ("2035-01-01T00:00:00Z", "2026-11-29", nil, [warned]), ("2026-11-30T01:00:00Z", "2026-11-30", nil, []),
            ("2035-01-01T00:00:00Z", "2022-10-31", "2022-10-31", []),
        ] as [(String, String, String?, [ImportWarning])] {
            let date = try #require(ISO8601DateFormatter().date(from: modified))
            try FileManager.default.setAttributes([.modificationDate: date], ofItemAtPath: url.path)
            options.snapshotDate = given.flatMap { CalendarDate(iso: $0) }
            let (record, _) = try await RegistryImporter(regions: try Self.regions.get())
                .run(url, options: options, into: try SQLiteStore())
            #expect(record.snapshotDate.description == snapshot, "\(modified)")
            #expect(record.warningDetails == warnings, "\(modified)")
        }
    }

    @Test("Quoted fields with delimiters, quotes and line breaks; tab-separated files; title rows above the header")
    func rfc4180() async throws {
        let lines = [
            "企查查 导出数据", header, row(1, scope: "\"软件开发，\"\"人工智能\"\"服务,\n技术咨询\""),
        ]
        let result = try await run(csv(lines))
        #expect(result.record.counts.inserted == 1)
        let scope = try await result.store.registryCompanies().first?.businessScope
        #expect(scope == "软件开发，\"人工智能\"服务,\n技术咨询")
        let tabbed = [header, row(2)].map { $0.replacingOccurrences(of: ",", with: "\t") }
        let tabs = try await run(csv(tabbed), name: "export.tsv")
        #expect(tabs.record.counts.inserted == 1)
    }

    @Test("Header variants from several export layouts map to the same fields; extra columns are kept")
    func headerVariants() async throws {
        let layouts = [
            "企业名称,经营状态,企业法人,注册金额,成立时间,所属区县,信用代码,公司地址,参保人数",
            "系统匹配企业名称,登记状态,法定代表人,注册资本,成立日期,所属区县,统一社会信用代码,注册地址,参保人数",
            "Company Name,Status,Legal Representative,Registered Capital,Founded,District,Unified Social Credit Code,Address,Insured",
        ]
        for layout in layouts {
            let values = ["杭州变体科技有限公司", "在业", "张三", "100万", "2022-02-02", "滨江区", creditCode(9), "杭州市滨江区", "12"]
            let result = try await run(csv([layout, values.joined(separator: ",")]))
            let company = try #require(try await result.store.registryCompanies().first, "\(layout)")
            #expect(company.founded == CalendarDate(year: 2022, month: 2, day: 2))
            #expect(company.region == RegionCode(rawValue: "330108"))
            #expect(company.registeredCapital == Money(1_000_000, .yuan))
        }
    }

    @Test("An export written in English: the district by its English name, or named in an English address")
    func englishRegions() async throws {
        // Codes registered in 上城区 (330102), so that a district read from the code would be that one.
        let result = try await run(
            csv([
                "Company Name,Unified Social Credit Code,Status,City,District,Registered Address",
                "\"Hangzhou A Co., Ltd.\",\(creditCode(1, district: "330102")),Live,Hangzhou,Xihu District,",
                "\"Hangzhou B Co., Ltd.\",\(creditCode(2, district: "330102")),In Business,Hangzhou City,,"
                    + "\"No. 5 Jiangnan Avenue, BINJIANG DISTRICT, Hangzhou\"",
                "\"Hangzhou C Co., Ltd.\",\(creditCode(3, district: "330102")),Active,Hangzhou,Lin'an,",
            ]))
        let regions = Dictionary(
            try await result.store.registryCompanies().map { ($0.creditCode ?? "", $0.region?.rawValue) },
            uniquingKeysWith: { first, _ in first })
        #expect(regions[creditCode(1, district: "330102")] == "330106")
        #expect(regions[creditCode(2, district: "330102")] == "330108")
        #expect(regions[creditCode(3, district: "330102")] == "330112")
    }

    @Test(
        "A capital header's unit counts bare numbers; undisclosed capital is unknown, not a problem",
        arguments: [
            ("注册资本(万元)", "10000000", "CNY", false), ("注册资本（元）", "1000", "CNY", false),
            ("注册资金（单位：万美元）", "10000000", "USD", false), ("注册资本(原币)", "10000000", "CNY", true),
        ])
    func capitalUnitInHeader(capitalHeader: String, amount: String, currency: String, warns: Bool) async throws {
        let result = try await run(
            csv([
                "公司名称,\(capitalHeader),统一社会信用代码", "杭州单位科技有限公司,1000,\(creditCode(1))",
                "杭州未公开科技有限公司,未公开,\(creditCode(2))", "杭州写明科技有限公司,50万元人民币,\(creditCode(3))",
            ]))
        #expect(result.record.counts.inserted == 3)
        #expect(result.record.warnings.contains { $0.contains(capitalHeader) } == warns, "\(result.record.warnings)")
        let companies = try await result.store.registryCompanies()
        let capital = { (code: String) in companies.first { $0.creditCode == code }?.registeredCapital }
        #expect(capital(creditCode(1)) == Money(Decimal(string: amount)!, Currency(rawValue: currency)))
        #expect(capital(creditCode(2)) == nil)
        #expect(capital(creditCode(3)) == Money(500_000, .yuan))
    }

    @Test("The same file read another way (a mapping, the export's day) is read again; read the same way, not")
    func readAnotherWay() async throws {
        let content = csv(["公司名称,统一社会信用代码,创立于", "杭州再读科技有限公司,\(creditCode(1)),2020-01-01"])
        let october = CalendarDate(year: 2022, month: 10, day: 31)
        let first = try await run(content, options: .init(snapshotDate: october))
        #expect(first.isNew && first.record.warnings.contains { $0.contains("创立于") })
        let mapped = RegistryImportOptions(mapping: ["创立于": .founded], snapshotDate: october)
        let second = try await run(content, options: mapped, store: first.store)
        #expect(second.isNew && second.record.id == first.record.id + 1 && second.record.counts.updated == 1)
        #expect(try await first.store.registryCompanies().first?.founded == CalendarDate(year: 2020, month: 1, day: 1))
        let again = try await run(content, options: mapped, store: first.store)
        #expect(!again.isNew && again.record == second.record)
        var later = mapped
        later.snapshotDate = CalendarDate(year: 2022, month: 11, day: 30)
        let third = try await run(content, options: later, store: first.store)
        #expect(third.isNew && third.record.counts.unchanged == 1)
        // Without choices (the snapshot the file's date), the command run again finds the latest import.
        let plain = try await run(content, options: .init(), store: first.store)
        #expect(!plain.isNew && plain.record == third.record)
        #expect(try await first.store.imports().count == 3)
        var forced = mapped
        forced.encoding = .gb18030
        #expect(mapped.reading.hasPrefix("mapping ") && forced.reading.hasPrefix("encoding gb18030; mapping "))
    }

    @Test("A registration number a spreadsheet wrote in scientific notation keys no company; beside a code it is kept")
    func scientificRegistrationNumber() async throws {
        let result = try await run(
            csv([
                header, row(1, code: "", regNo: "3.301E+14"), row(2, code: "", regNo: "330100000012346.0"),
                row(3, regNo: "3.301E+14"),
            ]))
        let rows = try await result.store.quarantinedRows(importID: result.record.id)
        #expect(rows.map(\.row) == [2] && rows.first?.column == "注册号" && rows.first?.value == "3.301E+14")
        let keys = try await result.store.registryCompanies().map(\.key.description)
        #expect(keys.sorted() == ["regno:330100000012346", "uscc:\(creditCode(3))"])
        let coded = try await result.store.registryCompanies().first { $0.creditCode == creditCode(3) }
        #expect(coded?.registrationNumber == "3.301E+14")
    }

    @Test("A newer export without some columns changes what it gives and leaves the rest, classification too")
    func newerExportWithFewerColumns() async throws {
        let ai = try TaxonomyReader().read(named: "ai")
        var options = RegistryImportOptions(snapshotDate: CalendarDate(year: 2022, month: 10, day: 31))
        options.classifier = Classifier(ai)
        let scope = "人工智能基础软件开发；人工智能应用软件开发"
        let first = try await run(
            csv([header, row(1, capital: "500万美元", founded: "2021-03-09", scope: scope), row(2, scope: scope)]),
            options: options)
        let store = first.store
        let before = try await store.registryCompanies()
        let key = try #require(before.first { $0.creditCode == creditCode(1) }?.key)
        let classified = try #require(try await store.classification(of: key, taxonomy: "ai"))
        #expect(classified.isMember)
        options.snapshotDate = CalendarDate(year: 2022, month: 11, day: 30)
        let newer = try await run(
            csv([
                "公司名称,登记状态,统一社会信用代码", "杭州测试1科技有限公司,注销,\(creditCode(1))",
                "杭州测试2科技有限公司,存续,\(creditCode(2))",
            ]), options: options, store: store)
        #expect(newer.record.counts.updated == 1 && newer.record.counts.unchanged == 1)
        // The summary says so, since nothing else would tell the user to classify again.
        #expect(newer.record.warnings.contains { $0.contains("marked stale until `chainscope classify` runs") })
        #expect(!first.record.warnings.contains { $0.contains("marked stale") })
        let after = try await store.registryCompanies()
        let changed = try #require(after.first { $0.key == key })
        #expect(changed.status == .deregistered)
        var expected = try #require(before.first { $0.key == key })
        expected.status = .deregistered
        expected.provenance = changed.provenance
        #expect(changed == expected)
        #expect(after.first { $0.creditCode == creditCode(2) } == before.first { $0.creditCode == creditCode(2) })
        let history = try await store.companyHistory(key: key)
        #expect(history.last?.fields.map(\.name) == ["status", "raw.登记状态"])
        // Made from the name alone, the classification would leave the chain; the stored one stays, stale.
        let kept = try #require(try await store.classification(of: key, taxonomy: "ai"))
        #expect(kept.isMember && kept.segments == classified.segments)
        let again = try await store.classifyCompanies(taxonomy: ai, all: false) {
            $0.map(Classifier(ai).classification)
        }
        #expect(again == 1)
        #expect(try await store.classification(of: key, taxonomy: "ai")?.isMember == true)
    }

    @Test("A founding day after the export was taken quarantines the row, saying which date to check")
    func foundedAfterSnapshot() async throws {
        let result = try await run(csv([header, row(1, founded: "2022-10-31"), row(2, founded: "2202-01-05")]))
        #expect(result.record.counts.inserted == 1)
        let rows = try await result.store.quarantinedRows(importID: result.record.id)
        #expect(rows.map(\.row) == [3])
        #expect(rows.first?.column == "成立日期")
        #expect(rows.first?.value == "2202-01-05")
        #expect(rows.first?.reason.contains("after the export was taken (2022-10-31)") == true)
    }

    @Test("A repeated header keeps both columns and warns")
    func repeatedHeader() async throws {
        let result = try await run(
            csv([
                "公司名称,成立时间,统一社会信用代码,成立时间", "杭州重复科技有限公司,2020-01-01,\(creditCode(4)),2021-01-01",
            ]))
        let repeated = result.record.warnings.filter { $0.contains("repeats") }
        #expect(repeated.count == 1)
        #expect(repeated.first?.contains("成立时间") == true)
        let company = try #require(try await result.store.registryCompanies().first)
        #expect(company.founded == CalendarDate(year: 2020, month: 1, day: 1))
        #expect(
            try await result.store.companyRaw(key: company.key) == [
                "公司名称": "杭州重复科技有限公司", "成立时间": "2020-01-01", "统一社会信用代码": creditCode(4),
                "成立时间 (column 4)": "2021-01-01",
            ])
    }

    @Test("A user mapping covers headers the synonyms do not")
    func userMapping() async throws {
        let options = RegistryImportOptions(mapping: ["主体": .name, "代码": .creditCode], snapshotDate: nil)
        let result = try await run(csv(["主体,代码", "杭州映射科技有限公司,\(creditCode(5))"]), options: options)
        #expect(result.record.counts.inserted == 1)
    }

    @Test("A file without a founding-day or capital column imports, and says which columns it could not read")
    func missingFields() async throws {
        let result = try await run(
            csv([
                "公司名称,统一社会信用代码,登记状态,创立于,资本,所属区县,经营范围",
                "杭州缺列科技有限公司,\(creditCode(3)),存续,2020-01-01,100万,西湖区,软件开发",
            ]))
        #expect(result.record.counts.inserted == 1)
        let warning = try #require(result.record.warnings.first { $0.contains("no column gives") })
        #expect(
            warning.contains(
                "founding day (成立日期), registered capital (注册资本): they stay unknown for the file's new companies"))
        #expect(warning.contains("columns read as no field: 创立于, 资本"))
        let clean = try await run(csv([header, row(4)]))
        #expect(clean.record.warnings.isEmpty, "\(clean.record.warnings)")
    }

    @Test("XLSX: shared and inline strings, Excel date serials, two sheets of which one is a note")
    func xlsx() async throws {
        for strings in [XLSXBuilder.Strings.shared, .inline] {
            let folder = try TemporaryFolder()
            defer { folder.remove() }
            let url = folder.url.appendingPathComponent("export.xlsx")
            let table = [
                header.split(separator: ",").map(String.init), cells(1, founded: "44566"),
                cells(2, capital: "13,400万元"),
            ]
            try XLSXBuilder.write(
                [("说明", [["本表由企查查导出"], ["导出时间", "2022-10-31"]]), ("企业列表", table)], to: url, strings: strings)
            let result = try await run(try Data(contentsOf: url), name: "export.xlsx")
            #expect(result.record.counts.inserted == 2, "\(strings)")
            #expect(result.record.warnings.contains { $0.contains("说明") })
            let companies = try await result.store.registryCompanies()
            #expect(
                companies.first { $0.creditCode == creditCode(1) }?.founded
                    == CalendarDate(year: 2022, month: 1, day: 5))
            #expect(companies.first { $0.creditCode == creditCode(2) }?.registeredCapital == Money(134_000_000, .yuan))
        }
    }

    @Test("A broken XLSX is refused")
    func brokenXLSX() async throws {
        let error = try await #require(throws: IngestError.self) {
            try await run(Data("PK\u{03}\u{04}not really a zip".utf8), name: "broken.xlsx")
        }
        #expect(error.code == .malformedXLSX)
    }
}
