import ChainscopeCore
import Foundation
import Testing

@Suite("Raw rows kept beside companies")
struct RawFieldsTests {
    @Test("Every cell is kept under a unique key, repeated and empty headers by their column number")
    func uniqueKeys() {
        let layout = RawFields.Layout(keys: ["企业名称", "成立日期", "", "成立日期"])
        #expect(layout.keys == ["企业名称", "成立日期", "column 3", "成立日期 (column 4)"])
        let fields = layout.fields(["杭州甲科技有限公司", "2020-01-01", "x", "2021-01-01"])
        #expect(
            fields.values == [
                "企业名称": "杭州甲科技有限公司", "成立日期": "2020-01-01", "column 3": "x", "成立日期 (column 4)": "2021-01-01",
            ])
    }

    @Test("Cells beyond the header are kept, and a short row keeps what it has")
    func ragged() {
        let layout = RawFields.Layout(keys: ["a", "b"])
        #expect(layout.fields(["1", "2", "3"]).values == ["a": "1", "b": "2", "column 3": "3"])
        #expect(layout.fields(["1"]).values == ["a": "1"])
    }

    @Test(
        "Quotes, backslashes and control characters are escaped; the text is valid JSON",
        arguments: ["他说\"你好\"\\ \n\t\r\u{01}末", "\"", "\\x\u{1F}", "末\n", "", "无需转义的文字 plain"])
    func escaping(value: String) throws {
        let fields = RawFields.Layout(keys: ["说明\""]).fields([value])
        let decoded = try JSONDecoder().decode([String].self, from: Data(fields.json.utf8))
        #expect(decoded.last == value)
        #expect(fields.values == ["说明\"": value])
        #expect(fields.json.contains("\\u0001") == value.contains("\u{01}"))
        #expect(fields.json.contains("\\u001f") == value.contains("\u{1F}"))
    }

    @Test("The header is written once, as a digest; rows under one header differ only in their cells")
    func headerKeptApart() throws {
        let layout = RawFields.Layout(keys: ["名称", "code", "地址"])
        let digest = layout.header.digest
        #expect(digest.count == 16 && digest.allSatisfy(\.isHexDigit))
        #expect(layout.header.json == #"["名称","code","地址"]"#)
        #expect(RawHeader.keys(json: layout.header.json) == layout.keys)
        let fields = layout.fields(["甲", "1", "杭州"])
        #expect(fields.json == #"[""# + digest + #"","甲","1","杭州"]"#)
        #expect(fields == layout.fields(["甲", "1", "杭州"]))
        // The same cells under the columns in another order: other text, the same values.
        let other = RawFields.Layout(keys: ["地址", "名称", "code"])
        #expect(other.header.digest != digest)
        #expect(other.fields(["杭州", "甲", "1"]).values == fields.values)
        // Read back from a store, the text names its header, whose keys the store looks up.
        let stored = RawFields(json: fields.json)
        #expect(stored.header == nil)
        #expect(
            stored.values(headers: { $0 == digest ? layout.keys : nil }, resolving: { _ in nil })
                == ["名称": "甲", "code": "1", "地址": "杭州"])
        // A header the store does not know loses no cell: each is named by its column.
        #expect(
            stored.values(headers: { _ in nil }, resolving: { _ in nil })
                == ["column 1": "甲", "column 2": "1", "column 3": "杭州"])
    }

    @Test("Rows stored as objects, before headers were kept apart, read as before")
    func objectsReadAsBefore() {
        let stored = RawFields(json: #"{"名称":"甲","经营范围":14,"code":"1"}"#)
        #expect(
            stored.values(headers: { _ in nil }, resolving: { $0 == 14 ? "软件开发" : nil })
                == ["名称": "甲", "经营范围": "软件开发", "code": "1"])
    }

    @Test(
        "Headers that differ give different digests",
        arguments: [
            (["a", "b"], ["b", "a"]), (["a", "b"], ["ab"]), (["a,b"], ["a", "b"]), (["名称"], ["名称", ""]),
        ])
    func digestsDiffer(one: [String], other: [String]) {
        #expect(RawHeader(keys: one).digest != RawHeader(keys: other).digest)
        #expect(RawHeader(keys: one).digest == RawHeader(keys: one).digest)
    }

    @Test("A cell a stored column holds is kept as that column's number, and read back as its text")
    func sharedCells() {
        let layout = RawFields.Layout(keys: ["名称", "经营范围", "备注"])
        let fields = layout.fields(["甲", "软件开发；技术服务", "软件开发；技术服务"], sharing: [(14, "软件开发；技术服务")])
        #expect(fields.json == #"[""# + layout.header.digest + #"","甲",14,14]"#)
        #expect(
            fields.values(headers: { _ in layout.keys }, resolving: { $0 == 14 ? "软件开发；技术服务" : nil })
                == ["名称": "甲", "经营范围": "软件开发；技术服务", "备注": "软件开发；技术服务"])
        // Without the columns, only the cells written out are known.
        #expect(fields.values == ["名称": "甲"])
        // Only the very same bytes are shared: a cell equal to the column as Unicode text, but spelt
        // with other code points (é decomposed), keeps its own text.
        let decomposed = "Caf\u{65}\u{301} Ltd", composed = "Caf\u{E9} Ltd"
        #expect(decomposed == composed)
        let spelt = RawFields.Layout(keys: ["英文名称"]).fields([decomposed], sharing: [(3, composed)])
        let prefix = #"[""# + spelt.header!.digest + #"",""#
        #expect(Array(spelt.json.utf8) == Array(prefix.utf8) + Array(decomposed.utf8) + Array(#""]"#.utf8))
    }

    @Test(
        "Cells read back on bytes as written: escapes, column numbers, a short row",
        arguments: [
            ["他说\"你好\"\\ \n\t\r\u{01}末", "软件开发；技术服务"], ["\\x\u{1F}", ""], ["软件开发；技术服务"], [],
        ])
    func cellsRead(cells: [String]) throws {
        let layout = RawFields.Layout(keys: ["名称", "经营范围"])
        let fields = layout.fields(cells, sharing: [(14, "软件开发；技术服务")])
        let read = try #require(fields.cells { $0 == 14 ? "软件开发；技术服务" : nil })
        #expect(read.digest == layout.header.digest && read.cells == cells)
        // A column number that its row no longer resolves reads as no text.
        #expect(fields.cells { _ in nil }?.cells == cells.map { $0 == "软件开发；技术服务" ? nil : $0 })
    }

    @Test(
        "Texts other than the writer's own are left to the JSON reader",
        arguments: [
            #"{"名称":"甲"}"#, #"["d", "甲"]"#, #"["d","\u4e2d"]"#, #"["d",1.5]"#, #"["d","甲"],"#, #"["d","甲""#,
            #"["d",12345678901]"#, #"["d",-1]"#, #"["d","\/"]"#, "",
        ])
    func cellsRefused(json: String) {
        #expect(RawFields(json: json).cells { _ in "x" } == nil)
    }

    @Test("A newer export's raw row changes only when one of its cells did, however each cell was written")
    func rawChanges() {
        let layout = RawFields.Layout(keys: ["企业名称", "经营范围", "登记状态"])
        func row(scope: String, status: String, shared: Bool) -> CompanyRow {
            let company = Company(
                key: .creditCode("91330106MA2XXXXX0X"), names: LocalizedText(zh: "杭州甲科技有限公司"),
                businessScope: scope, provenance: Provenance(kind: .registryImport, collection: "1", file: "a.csv"))
            let raw = layout.fields(
                ["杭州甲科技有限公司", scope, status], sharing: shared ? CompanyRow.sharedColumns(of: company) : [])
            return CompanyRow(company, raw: raw, classification: nil)
        }
        func changed(_ new: CompanyRow, from old: CompanyRow) -> [String] {
            new.changes(from: old.values) { $0 == layout.header.digest ? layout.keys : nil }.keys.sorted()
        }
        let stored = row(scope: "软件开发", status: "存续", shared: true)
        // The same cells, written out instead of as column numbers: other text, no change.
        #expect(row(scope: "软件开发", status: "存续", shared: false).values != stored.values)
        #expect(changed(row(scope: "软件开发", status: "存续", shared: false), from: stored) == [])
        #expect(changed(row(scope: "软件开发", status: "注销", shared: true), from: stored) == ["raw.登记状态"])
        // A changed column whose cell is kept as its number: the same raw text, yet the cell changed.
        let scope = "人工智能软件开发"
        #expect(changed(row(scope: scope, status: "存续", shared: true), from: stored) == ["business_scope"])
        // Written out, the scope's cell changed with its column: the column's change says it once.
        #expect(changed(row(scope: scope, status: "存续", shared: false), from: stored) == ["business_scope"])
    }

    @Test("A newer export's changed cells are recorded by header with their texts, as a reader follows them")
    func rawChangesItemised() throws {
        func row(_ keys: [String], _ cells: [String]) -> CompanyRow {
            let company = Company(
                key: .creditCode("91330106MA2XXXXX0X"), names: LocalizedText(zh: "杭州甲科技有限公司"),
                provenance: Provenance(kind: .registryImport, collection: "1", file: "a.csv"))
            return CompanyRow(
                company,
                raw: RawFields.Layout(keys: keys).fields(cells, sharing: CompanyRow.sharedColumns(of: company)),
                classification: nil)
        }
        let qichacha = ["企业名称", "登记状态", "电话"]
        let stored = row(qichacha, ["杭州甲科技有限公司", "存续", "0571-1"])
        let headers = { (digest: String) in
            [qichacha, ["企业名称", "经营状态", "电话"]].first { RawHeader(keys: $0).digest == digest }
        }
        func changes(_ new: CompanyRow) -> [String: [String?]] { new.changes(from: stored.values, headers: headers) }
        #expect(
            changes(row(qichacha, ["杭州甲科技有限公司", "存续", "0571-2"])) == ["raw.电话": ["0571-1", "0571-2"]])
        // Another layout: a column only one of the exports has (经营状态 is not known as 登记状态 here, 网址 is
        // new, 电话 is gone) says nothing of what changed; a column both have does.
        #expect(changes(row(["企业名称", "经营状态", "电话"], ["杭州甲科技有限公司", "注销", "0571-1"])).isEmpty)
        #expect(changes(row(["企业名称", "登记状态", "网址"], ["杭州甲科技有限公司", "存续", "a.com"])).isEmpty)
        #expect(
            changes(row(["企业名称", "网址", "电话"], ["杭州甲科技有限公司", "a.com", "0571-2"])) == [
                "raw.电话": ["0571-1", "0571-2"]
            ])
        // Told what the headers stand for, the same texts under another spelling are the same cells, and a
        // changed one is named by its new header.
        let status = HeaderFields { ["登记状态", "经营状态"].contains($0) ? "status" : nil }
        var renamed = row(["企业名称", "经营状态", "电话"], ["杭州甲科技有限公司", "存续", "0571-1"])
        renamed.headerFields = status
        #expect(changes(renamed).isEmpty)
        var revoked = row(["企业名称", "经营状态", "电话"], ["杭州甲科技有限公司", "吊销", "0571-1"])
        revoked.headerFields = status
        #expect(changes(revoked) == ["raw.经营状态": ["存续", "吊销"]])
        // Columns come first, then cells; a change recorded before cells were itemised says only that they changed.
        let change = CompanyChange(
            importID: 2, file: "b.csv", snapshotDate: try #require(CalendarDate(iso: "2022-11-01")), row: 3,
            changes: ["raw.电话": ["1", "2"], "raw": [#"["d",1]"#, #"["d",2]"#], "status": ["active", "revoked"]])
        #expect(change.fields.map(\.name) == ["status", "raw", "raw.电话"])
        #expect(change.fields[1].isUnitemisedCells && change.fields[1].before == nil)
        #expect(change.fields[2].cell == "电话")
    }

    @Test("A fact spelt another way in a newer export is no change; a cell that is empty either way neither")
    func respeltFacts() throws {
        let keys = ["企业名称", "成立日期", "注册资本", "登记状态", "电话"]
        let fields = HeaderFields {
            ["企业名称": "name", "成立日期": "founded", "注册资本": "capital", "登记状态": "status", "电话": "phone"][$0]
        }
        func row(_ cells: [String], founded: String, capital: Decimal?, status: RegistrationStatus?) -> CompanyRow {
            let company = Company(
                key: .creditCode("91330106MA2XXXXX0X"), names: LocalizedText(zh: cells[0]), status: status,
                founded: CalendarDate(iso: founded), registeredCapital: capital.map { Money($0, .yuan) },
                registeredCapitalText: cells[2],
                provenance: Provenance(kind: .registryImport, collection: "1", file: "a.csv"))
            var row = CompanyRow(
                company,
                raw: RawFields.Layout(keys: keys).fields(cells, sharing: CompanyRow.sharedColumns(of: company)),
                classification: nil)
            row.headerFields = fields
            return row
        }
        let stored = row(
            ["杭州甲科技(中国)有限公司", "2019-03-05", "1000万元人民币", "存续", "-"], founded: "2019-03-05", capital: 10_000_000,
            status: .active)
        func changes(_ new: CompanyRow) -> [String: [String?]] {
            new.changes(from: stored.values) { RawHeader(keys: keys).digest == $0 ? keys : nil }
        }
        let respelt = row(
            ["杭州甲科技（中国）有限公司", "2019年3月5日", "1,000万元", "在业", ""], founded: "2019-03-05", capital: 10_000_000,
            status: .active)
        #expect(respelt.values != stored.values)
        #expect(changes(respelt).isEmpty)
        // What did change is recorded, and only that.
        let moved = row(
            ["杭州甲科技（中国） 有限公司", "2019/3/5", "2,000万元", "在业", "0571-1"], founded: "2019-03-05", capital: 20_000_000,
            status: .active)
        #expect(
            changes(moved) == [
                "capital_amount": ["10000000", "20000000"], "capital_text": ["1000万元人民币", "2,000万元"],
                "raw.电话": ["-", "0571-1"],
            ])
        // A status neither text names is compared as text.
        let unknown = row(
            ["杭州甲科技有限公司", "2019-03-05", "1000万元人民币", "甲", "-"], founded: "2019-03-05", capital: 10_000_000, status: nil)
        let other = row(
            ["杭州甲科技有限公司", "2019-03-05", "1000万元人民币", "乙", "-"], founded: "2019-03-05", capital: 10_000_000, status: nil)
        #expect(
            other.changes(from: unknown.values) { RawHeader(keys: keys).digest == $0 ? keys : nil } == [
                "raw.登记状态": ["甲", "乙"]
            ])
    }
}
