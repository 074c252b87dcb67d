import ChainscopeCore
import ChainscopeIngest
import Testing

@Suite("Quarantined rows written back in their file's columns")
struct OriginalRowsTests {
    private func row(_ number: Int, _ cells: [String], under texts: [String]) -> QuarantinedRow {
        let keys = RawHeader(keys: texts).keys
        var raw: [String: String] = [:]
        for (key, cell) in zip(keys, cells) { raw[key] = cell }
        return QuarantinedRow(
            importID: 1, row: number, column: nil, value: nil, reason: .emptyName, raw: raw, rawColumns: keys)
    }

    @Test("One header is written as the file had it, repeated and empty headers included; a short row is padded")
    func oneHeader() throws {
        let texts = ["企业名称", "统一社会信用代码", "电话", "", "电话"]
        let rows = [
            row(2, ["杭州甲科技有限公司", "91330106MA2H00006X", "0571", "备注", "138"], under: texts),
            row(5, ["杭州乙科技有限公司", "9133"], under: texts),
        ]
        var layout = OriginalRows()
        for row in rows { layout.take(row) }
        #expect(layout.header == texts && layout.isOrderKnown)
        #expect(layout.cells(of: rows[0]) == ["杭州甲科技有限公司", "91330106MA2H00006X", "0571", "备注", "138"])
        #expect(layout.cells(of: rows[1]) == ["杭州乙科技有限公司", "9133", "", "", ""])
    }

    @Test("Sheets of other layouts share the columns of the same field, else of the same header text")
    func twoLayouts() throws {
        let first = row(2, ["杭州甲科技有限公司", "9133", "2021-03-04", "x"], under: ["企业名称", "统一社会信用代码", "成立日期", "备注"])
        let second = row(
            2, ["滨江区网商路1号", "杭州丙科技有限公司", "2020-01-02", "9133b", "y"],
            under: ["注册地址", "公司名称", "成立时间", "信用代码", "备注"])
        var layout = OriginalRows()
        layout.take(first)
        layout.take(second)
        #expect(layout.header == ["企业名称", "统一社会信用代码", "成立日期", "备注", "注册地址"])
        #expect(layout.cells(of: first) == ["杭州甲科技有限公司", "9133", "2021-03-04", "x", ""])
        #expect(layout.cells(of: second) == ["杭州丙科技有限公司", "9133b", "2020-01-02", "y", "滨江区网商路1号"])
    }

    @Test("Rows kept before their order are written in name order and say so; a row not taken has no cells")
    func orderUnknown() {
        let old = QuarantinedRow(
            importID: 1, row: 3, column: nil, value: nil, reason: .emptyName, raw: ["b": "2", "a": "1"])
        var layout = OriginalRows()
        #expect(layout.cells(of: old) == nil)
        layout.take(old)
        #expect(layout.header == ["a", "b"] && !layout.isOrderKnown)
        #expect(layout.cells(of: old) == ["1", "2"])
    }
}
