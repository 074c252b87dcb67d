import ChainscopeCore
import ChainscopeIngest
import ChainscopeSQLite
import ChainscopeTestSupport
import Foundation
import Testing

extension RegistryImportTests {
    /// Cell formats: 0 general, 1 built-in date 14, 2 a custom Chinese date, 3 a custom number, 4 built-in time 20.
    /// A cell-style format before them must not shift their indexes.
    static let styles = """
        <?xml version="1.0"?><styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">\
        <numFmts count="2"><numFmt numFmtId="176" formatCode="yyyy&quot;年&quot;m&quot;月&quot;d&quot;日&quot;"/>\
        <numFmt numFmtId="177" formatCode="#,##0.00_);[Red]\\(#,##0.00\\)"/></numFmts>\
        <cellStyleXfs count="1"><xf numFmtId="14"/></cellStyleXfs>\
        <cellXfs count="5"><xf numFmtId="0"/><xf numFmtId="14"/><xf numFmtId="176"/><xf numFmtId="177"/>\
        <xf numFmtId="20"/></cellXfs></styleSheet>
        """

    @Test("XLSX date cells read as the days they show: date formats, the 1904 date system, ISO date cells")
    func xlsxDateCells() async throws {
        let rows = [
            ["公司名称", "统一社会信用代码", "成立日期", "核准日期", "注册资本"],
            [
                "杭州甲科技有限公司", creditCode(1), #"<c r="C2" s="1"><v>42416</v></c>"#, #"<c r="D2" s="4"><v>0.5</v></c>"#,
                #"<c r="E2" s="3"><v>1000</v></c>"#,
            ],
            ["杭州乙科技有限公司", creditCode(2), #"<c r="C3" s="2"><v>43177.604166666664</v></c>"#, "", ""],
            ["杭州丙科技有限公司", creditCode(3), #"<c r="C4" t="d"><v>2020-05-06T00:00:00Z</v></c>"#, "", ""],
            ["杭州丁科技有限公司", creditCode(4), "<c r=\"C5\" s=\"0\"><v>42416</v></c>", "", ""],
        ]
        for is1904 in [false, true] {
            let folder = try TemporaryFolder()
            defer { folder.remove() }
            let url = folder.url.appendingPathComponent("export.xlsx")
            try XLSXBuilder.write(
                [("Sheet1", rows)], to: url, styles: Self.styles,
                workbookProperties: is1904 ? #"<workbookPr date1904="1"/>"# : "")
            let result = try await run(try Data(contentsOf: url), name: "export.xlsx")
            let companies = try await result.store.registryCompanies()
            let quarantined = try await result.store.quarantinedRows(importID: nil)
            #expect(
                result.record.counts.inserted == 4, "\(quarantined) \(result.record.counts) \(result.record.warnings)")
            func company(_ n: Int) throws -> Company {
                try #require(companies.first { $0.creditCode == creditCode(n) })
            }
            let first =
                is1904 ? CalendarDate(year: 2020, month: 2, day: 17) : CalendarDate(year: 2016, month: 2, day: 16)
            #expect(try company(1).founded == first, "1904: \(is1904)")
            let raw = try #require(try await result.store.companyRaw(key: try company(1).key))
            #expect(raw["核准日期"] == "0.5" && raw["注册资本"] == "1000", "\(raw)")
            #expect(try company(1).registeredCapitalText == "1000")
            let second = try await result.store.companyRaw(key: try company(2).key)?["成立日期"]
            #expect(second == (is1904 ? "2022-03-19 14:30:00" : "2018-03-18 14:30:00"))
            #expect(try company(3).founded == CalendarDate(year: 2020, month: 5, day: 6))
            // A number in a general cell is what the column makes of it: a five-digit serial in the 1900 system.
            #expect(try company(4).founded == CalendarDate(year: 2016, month: 2, day: 16))
        }
    }
}

extension RegistryImportTests {
    @Test(
        "XLSX rows: empty cells at a row's end (unwritten) are empty; a value past the header or a note is quarantined")
    func xlsxRowWidths() async throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let url = folder.url.appendingPathComponent("export.xlsx")
        let header = ["公司名称", "统一社会信用代码", "成立日期", "网址"]
        try XLSXBuilder.write(
            [
                (
                    "企业列表",
                    [
                        header, ["杭州甲科技有限公司", creditCode(1), "2016-02-16", "www.example.com"],
                        ["杭州乙科技有限公司", creditCode(2), "2018-03-18", ""], ["杭州丙科技有限公司", creditCode(3), "", ""],
                        ["杭州丁科技有限公司", creditCode(4), "2019-01-01", "", "", "备注：待核实"],
                        ["数据来源：企查查"],
                    ]
                )
            ], to: url)
        let result = try await run(try Data(contentsOf: url), name: "export.xlsx")
        #expect(result.record.counts.inserted == 3)
        let companies = try await result.store.registryCompanies()
        #expect(
            companies.first { $0.creditCode == creditCode(2) }?.founded == CalendarDate(year: 2018, month: 3, day: 18))
        let quarantined = try await result.store.quarantinedRows(importID: result.record.id)
        #expect(quarantined.map(\.row) == [5, 6])
        #expect(quarantined.first?.reason.contains("a value in column F, beyond the header's last column (D)") == true)
        #expect(quarantined.last?.reason.contains("a note such as the export's source") == true)
    }
}
