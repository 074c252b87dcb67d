import ChainscopeCore
import ChainscopeIngest
import ChainscopeSQLite
import ChainscopeTestSupport
import Foundation
import Synchronization
import Testing

/// Two companies as Tianyancha's data service writes them, one JSON object each.
private let serviceObjects = [
    #"{"name":"杭州天眼甲科技有限公司","creditCode":"\#(creditCode(11))","regStatus":"存续","estiblishTime":1423065600000,"#
        + #""businessScope":"软件开发","staffList":[{"name":"王五","type":"董事"}]}"#,
    #"{"name":"杭州天眼乙科技有限公司","creditCode":"\#(creditCode(12))","regStatus":"注销","businessScope":"软件开发"}"#,
]

/// An object written the way a pretty-printer spreads it over lines.
private func pretty(_ object: String) -> String {
    object.replacingOccurrences(of: "{\"", with: "{\n  \"").replacingOccurrences(of: ",\"", with: ",\n  \"")
}

/// The companies of `serviceObjects` in each layout a JSON export comes in.
private let layoutsOfJSON: [(String, String)] = {
    let joined = serviceObjects.joined(separator: ",")
    let tianyancha = #"{"error_code":0,"reason":"ok","result":{"total":2,"items":["# + joined + "]}}"
    let paging = #""Paging":{"PageSize":10,"PageIndex":1,"TotalRecords":2}"#
    let qichacha = #"{"Status":"200","Message":"查询成功","# + paging + #","Result":["# + joined + "]}"
    let pages: [String] = serviceObjects.map { #"{"error_code":0,"result":{"items":["# + $0 + "]}}" }
    let prettyArray = "[\n" + serviceObjects.map(pretty).joined(separator: ",\n") + "\n]\n"
    return [
        ("lines", serviceObjects.joined(separator: "\n")), ("array", "[" + joined + "]"), ("pretty array", prettyArray),
        ("pretty objects", serviceObjects.map(pretty).joined(separator: "\n")), ("Tianyancha's response", tianyancha),
        ("Qichacha's response", qichacha), ("responses as lines", pages.joined(separator: "\n")),
    ]
}()

extension RegistryImportTests {
    @Test("JSON lines with the keys of Tianyancha's and Qichacha's data services read every field they carry")
    func dataServiceKeys() async throws {
        let lines = [
            #"{"name":"杭州天眼科技有限公司","creditCode":"\#(creditCode(1))","regStatus":"存续","regCapital":"1000万人民币","#
                + #""estiblishTime":1423065600000,"regLocation":"杭州市滨江区长河街道1号","businessScope":"软件开发"}"#,
            #"{"KeyNo":"k2","Name":"杭州企查科技有限公司","CreditCode":"\#(creditCode(2))","Status":"吊销，未注销","#
                + #""StartDate":"2015-02-16 00:00:00","RegistCapi":"50万美元","Address":"杭州市西湖区文三路1号","#
                + #""Scope":"软件开发"}"#,
            // An old company without a credit code: Qichacha's service names its registration number `No`.
            #"{"KeyNo":"k3","Name":"杭州老企科技有限公司","No":"330106000054321","CreditCode":"","Status":"存续"}"#,
        ]
        let result = try await run(Data((lines.joined(separator: "\n") + "\n").utf8), name: "service.jsonl")
        let companies = try await result.store.registryCompanies()
        let tianyancha = try #require(companies.first { $0.creditCode == creditCode(1) })
        #expect(tianyancha.founded == CalendarDate(year: 2015, month: 2, day: 5))
        #expect(tianyancha.registeredCapital == Money(10_000_000, .yuan))
        #expect(tianyancha.status == .active && tianyancha.region == RegionCode(rawValue: "330108"))
        let qichacha = try #require(companies.first { $0.creditCode == creditCode(2) })
        #expect(qichacha.founded == CalendarDate(year: 2015, month: 2, day: 16))
        #expect(qichacha.registeredCapital == Money(500_000, .dollar) && qichacha.status == .revoked)
        let old = try #require(companies.first { $0.names.zh == "杭州老企科技有限公司" })
        #expect(old.key.description == "regno:330106000054321" && old.registrationNumber == "330106000054321")
        #expect(result.record.warnings.isEmpty, "\(result.record.warnings)")
        // Elsewhere `No` heads serial numbers.
        let serial = try await run(
            Data("No,企业名称,统一社会信用代码\n1,杭州甲科技有限公司,\(creditCode(1))\n".utf8), name: "numbered.csv")
        let numbered = try await serial.store.registryCompanies()
        #expect(numbered.map(\.registrationNumber) == [nil] && serial.record.counts.inserted == 1)
    }

    @Test(
        "JSON lines keep long numbers exact and read keys per line: a key left out is an empty value, an object without a name is quarantined, a file in which no object has a name and an identifier is refused"
    )
    func jsonLines() async throws {
        let lines = [
            #"{"企业名称": "杭州甲科技有限公司", "统一社会信用代码": "\#(creditCode(1))", "注册号": 330106000012345678, "成立日期": "2022-01-05"}"#,
            #"{"企业名称": "杭州乙科技有限公司", "注册号": 330106000099, "注册资本": "100万元", "tags": ["a", "b"]}"#,
            #"{"企业名称": "杭州丙科技有限公司", "成立日期": "2022-01-05"}"#,
            #"{"企业名称": "杭州丁科技有限公司", "所属城市": "杭州市", "企业地址": "杭州市滨江区网商路699号"}"#,
            #"{"total": 4, "exported": "2022-10-31"}"#,
        ]
        let store = try SQLiteStore()
        for refused in [[lines[2], lines[4]], [lines[4], lines[3]]] {
            let error = try await #require(throws: IngestError.self) {
                try await run(Data(refused.joined(separator: "\n").utf8), name: "export.jsonl", store: store)
            }
            #expect(error.code == .unknownLayout)
            #expect(error.location.line == 1)
            #expect(error.description.contains("found columns " + (refused[0] == lines[2] ? "企业名称, 成立日期" : "total")))
        }
        #expect(try await store.imports().isEmpty)
        let good = try await run(Data(lines.joined(separator: "\n").utf8), name: "export.jsonl", store: store)
        #expect(good.record.counts.inserted == 3 && good.record.counts.quarantined == 2)
        let keys = try await good.store.registryCompanies().map(\.key)
        #expect(keys.contains(.registrationNumber("330106000099")))
        #expect(keys.contains { $0.description.contains("杭州丁科技有限公司") })
        let first = try #require(try await good.store.registryCompanies().first { $0.creditCode == creditCode(1) })
        #expect(first.registrationNumber == "330106000012345678")
        let quarantined = try await good.store.quarantinedRows(importID: good.record.id)
        #expect(quarantined.map(\.line) == [3, 5])
        #expect(quarantined[0].reason.contains("no credit code, registration number or region identifies the company"))
        #expect(quarantined[1].reason.contains("the object has no key for a company's name"))
        #expect(quarantined[1].reason.contains("--profile"))
        // Neither object has the key a value could be shown for.
        #expect(quarantined.map(\.column) == [nil, nil] && quarantined.map(\.value) == [nil, nil])
    }

    @Test(
        "JSON in every layout a user saves: lines, an array, pretty-printed, the data services' responses",
        arguments: layoutsOfJSON)
    func jsonLayouts(layout: String, text: String) async throws {
        let result = try await run(Data(text.utf8), name: "export.json")
        #expect(result.record.counts.inserted == 2, "\(layout)")
        #expect(result.record.format == "json")
        let companies = try await result.store.registryCompanies()
        #expect(companies.map(\.creditCode) == [creditCode(11), creditCode(12)], "\(layout)")
        #expect(companies.first?.founded == CalendarDate(year: 2015, month: 2, day: 5), "\(layout)")
        #expect(companies.last?.status == .deregistered, "\(layout)")
    }

    @Test("A JSON company's problems name the line its object starts on")
    func jsonProblemLines() async throws {
        let code = creditCode(12)
        let wrong = String(code.dropLast()) + (code.last == "0" ? "1" : "0")
        let text =
            "[\n" + pretty(serviceObjects[0]) + ",\n"
            + pretty(serviceObjects[1].replacingOccurrences(of: code, with: wrong)) + "\n]\n"
        let result = try await run(Data(text.utf8), name: "export.json")
        let quarantined = try await result.store.quarantinedRows(importID: result.record.id)
        #expect(quarantined.map(\.line) == [3 + pretty(serviceObjects[0]).count { $0 == "\n" }])
        #expect(quarantined.map(\.row) == [2] && quarantined.first?.column == "creditCode")
        #expect(result.record.counts.inserted == 1)
    }

    @Test(
        "pandas' JSON: records, index and table orients are read; columns, split and values are refused saying how to write them",
        arguments: [
            (
                "records",
                #"[{"企业名称":"杭州甲科技有限公司","统一社会信用代码":"\#(creditCode(1))"},"#
                    + #"{"企业名称":"杭州乙科技有限公司","统一社会信用代码":"\#(creditCode(2))"}]"#, nil
            ),
            (
                "index",
                #"{"0":{"企业名称":"杭州甲科技有限公司","统一社会信用代码":"\#(creditCode(1))"},"#
                    + #""1":{"企业名称":"杭州乙科技有限公司","统一社会信用代码":"\#(creditCode(2))"}}"#, nil
            ),
            (
                "table",
                #"{"schema":{"fields":[{"name":"index","type":"integer"},{"name":"企业名称","type":"string"},"#
                    + #"{"name":"统一社会信用代码","type":"string"}],"primaryKey":["index"]},"data":["#
                    + #"{"index":0,"企业名称":"杭州甲科技有限公司","统一社会信用代码":"\#(creditCode(1))"},"#
                    + #"{"index":1,"企业名称":"杭州乙科技有限公司","统一社会信用代码":"\#(creditCode(2))"}]}"#, nil
            ),
            (
                "columns",
                #"{"企业名称":{"0":"杭州甲科技有限公司","1":"杭州乙科技有限公司"},"#
                    + #""统一社会信用代码":{"0":"\#(creditCode(1))","1":"\#(creditCode(2))"}}"#, "a table written by columns"
            ),
            (
                "split",
                #"{"columns":["企业名称","统一社会信用代码"],"index":[0,1],"#
                    + #""data":[["杭州甲科技有限公司","\#(creditCode(1))"],["杭州乙科技有限公司","\#(creditCode(2))"]]}"#,
                "orient='split'"
            ),
            (
                "values", #"[["杭州甲科技有限公司","\#(creditCode(1))"],["杭州乙科技有限公司","\#(creditCode(2))"]]"#,
                "orient='values'"
            ),
        ] as [(String, String, String?)])
    func pandasJSON(orient: String, text: String, refusal: String?) async throws {
        let store = try SQLiteStore()
        guard let refusal else {
            let result = try await run(Data(text.utf8), name: "export.json", store: store)
            #expect(result.record.counts.inserted == 2 && result.record.counts.rowsRead == 2, "\(orient)")
            return
        }
        let error = try await #require(throws: IngestError.self) {
            try await run(Data(text.utf8), name: "export.json", store: store)
        }
        #expect(error.code == .malformedJSON && error.description.contains(refusal), "\(orient)")
        #expect(error.description.contains("orient='records'"))
        #expect(try await store.imports().isEmpty)
    }

    @Test("JSON from Python's json.dump: NaN (pandas' missing number) is empty, an infinity is no amount")
    func pythonJSON() async throws {
        let objects = [
            #"{"企业名称": "杭州甲科技有限公司", "统一社会信用代码": "\#(creditCode(1))", "注册资本": NaN, "成立日期": NaN}"#,
            #"{"企业名称": "杭州乙科技有限公司", "统一社会信用代码": "\#(creditCode(2))", "注册资本": Infinity}"#,
            #"{"企业名称": "杭州丙科技有限公司", "统一社会信用代码": "\#(creditCode(3))", "注册资本": -Infinity}"#,
        ]
        let result = try await run(Data(("[" + objects.joined(separator: ", ") + "]").utf8), name: "export.json")
        #expect(result.record.counts.inserted == 1 && result.record.counts.quarantined == 2)
        let company = try #require(try await result.store.registryCompanies().first)
        #expect(company.creditCode == creditCode(1) && company.registeredCapital == nil && company.founded == nil)
        let quarantined = try await result.store.quarantinedRows(importID: result.record.id)
        #expect(quarantined.map(\.value) == ["Infinity", "-Infinity"])
        #expect(quarantined.allSatisfy { $0.column == "注册资本" && $0.reason.contains("is not an amount") })
        // Anything else that is not JSON is named where it stands, not by the start of its (long) line.
        let store = try SQLiteStore()
        let error = try await #require(throws: IngestError.self) {
            try await run(Data(#"[{"企业名称": "杭州甲", "注册资本": nan}]"#.utf8), name: "export.json", store: store)
        }
        #expect(
            error.description.hasSuffix("expected a value, found nan}]") || error.description.contains("found nan}"))
    }

    @Test(
        "Malformed JSON refuses the file, naming the line; an array with no objects is empty",
        arguments: [
            ("[\n" + serviceObjects[0] + ",\n" + #"{"name": "杭州乙""#, IngestError.Code.malformedJSON, 3),
            (#"["杭州甲科技有限公司", "杭州乙科技有限公司"]"#, .malformedJSON, 1),
            ("[\n" + serviceObjects[0] + ",\n" + #"{"name": "杭州乙" "creditCode": "1"}"# + "\n]", .malformedJSON, 3),
            ("[\n]\n", .emptyFile, nil),
        ] as [(String, IngestError.Code, Int?)])
    func malformedJSON(text: String, code: IngestError.Code, line: Int?) async throws {
        let store = try SQLiteStore()
        let error = try await #require(throws: IngestError.self) {
            try await run(Data(text.utf8), name: "export.json", store: store)
        }
        #expect(error.code == code)
        #expect(error.location.line == line)
        #expect(try await store.imports().isEmpty)
    }

    @Test("A file is read by what it holds: a workbook named .csv, a table named .xls, JSON without an extension")
    func formatByContent() async throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let workbook = folder.url.appendingPathComponent("export.xlsx")
        try XLSXBuilder.write([("企业列表", [header.split(separator: ",").map(String.init), cells(1)])], to: workbook)
        let cases: [(name: String, content: Data, format: String)] = [
            ("export.csv", try Data(contentsOf: workbook), "xlsx"),
            (
                "export.xls",
                Data([header, row(2)].joined(separator: "\n").replacingOccurrences(of: ",", with: "\t").utf8), "csv"
            ),
            ("export", Data(serviceObjects.joined(separator: "\n").utf8), "json"),
        ]
        for (name, content, format) in cases {
            let result = try await run(content, name: name)
            #expect(result.record.format == format, "\(name)")
            #expect(result.record.counts.inserted >= 1, "\(name)")
        }
    }

    @Test(
        "Files Chainscope cannot read are refused saying what they are and what to do",
        arguments: [
            ("export.xls", Data([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0, 0, 0, 0]), "Excel 97–2003"),
            ("export.xls", Data("<html><body><table><tr><td>企业名称</td></tr></table>".utf8), "HTML page"),
            (
                "export.xls",
                Data(#"<?xml version="1.0"?><Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet">"#.utf8),
                "XML Spreadsheet 2003"
            ),
            ("export.csv.gz", Data([0x1F, 0x8B, 0x08, 0]), "gunzip"),
            ("export.pdf", Data("%PDF-1.7\n".utf8), "PDF"),
            ("export.dat", Data((header + "\n").utf8), "rename it to .csv"),
        ])
    func unreadableFiles(name: String, content: Data, advice: String) async throws {
        let store = try SQLiteStore()
        let error = try await #require(throws: IngestError.self) { try await run(content, name: name, store: store) }
        #expect(error.code == .unreadableFile)
        #expect("\(error)".contains(advice), "\(error)")
        #expect(try await store.imports().isEmpty)
    }
}

extension RegistryImportTests {
    @Test("A cell written as Excel's text formula (=\"…\"), bare or quoted, reads as its text")
    func excelTextFormulas() async throws {
        let result = try await run(
            csv([
                "公司名称,统一社会信用代码,成立日期,电话",
                "杭州甲科技有限公司,=\"\(creditCode(1))\",2016-02-16,=\"057188888888\"",
                "杭州乙科技有限公司,\"=\"\"\(creditCode(2))\"\"\",2018-03-18,=\"\"",
                "杭州丙科技有限公司,\(creditCode(3)),2018-03-18,=\"a\"\"b\"",
            ]))
        #expect(result.record.counts.inserted == 3)
        let companies = try await result.store.registryCompanies()
        #expect(Set(companies.compactMap(\.creditCode)) == [creditCode(1), creditCode(2), creditCode(3)])
        var phones: [String?] = []
        for company in companies.sorted(by: { ($0.creditCode ?? "") < ($1.creditCode ?? "") }) {
            phones.append(try await result.store.companyRaw(key: company.key)?["电话"])
        }
        // A formula whose text holds quotes is left as written.
        #expect(phones == ["057188888888", "", "=\"a\"\"b\""])
    }
}

extension RegistryImportTests {
    @Test(
        "Progress is heard for every format: bytes up to the file's size, and the rows read",
        arguments: ["csv", "xlsx", "json"])
    func progress(format: String) async throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let rows = (1...3_000).map { cells($0) }
        let data: Data
        switch format {
        case "xlsx":
            let url = folder.url.appendingPathComponent("export.xlsx")
            try XLSXBuilder.write([("企业列表", [header.split(separator: ",").map(String.init)] + rows)], to: url)
            data = try Data(contentsOf: url)
        case "json":
            let keys = header.split(separator: ",").map(String.init)
            let objects = try rows.map { row in
                String(
                    decoding: try JSONSerialization.data(
                        withJSONObject: Dictionary(uniqueKeysWithValues: zip(keys, row))), as: UTF8.self)
            }
            data = Data(("[" + objects.joined(separator: ",\n") + "]").utf8)
        default: data = csv([header] + rows.map { $0.joined(separator: ",") })
        }
        let heard = Heard()
        var options = RegistryImportOptions(snapshotDate: CalendarDate(year: 2022, month: 10, day: 31))
        options.progress = { heard.add($0) }
        let result = try await run(data, name: "export.\(format)", options: options)
        #expect(result.record.counts.inserted == 3_000)
        let reports = heard.reports
        #expect(reports.count >= 1, "\(format)")
        #expect(reports.map(\.bytesRead) == reports.map(\.bytesRead).sorted())
        #expect(reports.last?.bytesRead == data.count && reports.allSatisfy { $0.totalBytes == data.count })
        // Data rows, as the summary counts them: never the header row.
        #expect((reports.last?.rowsRead ?? 0) > 0)
        #expect(reports.allSatisfy { $0.rowsRead <= result.record.counts.rowsRead }, "\(reports.suffix(2))")
    }
}

/// Progress reports, collected from the reading thread.
private final class Heard: Sendable {
    private let list = Mutex<[ImportProgress]>([])
    func add(_ progress: ImportProgress) { list.withLock { $0.append(progress) } }
    var reports: [ImportProgress] { list.withLock { $0 } }
}
