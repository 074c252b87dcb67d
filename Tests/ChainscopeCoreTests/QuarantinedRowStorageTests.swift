import ChainscopeCore
import Foundation
import Testing

@Suite("A quarantined row's raw cells as a store keeps them")
struct QuarantinedRowStorageTests {
    private func row(_ raw: [String: String], columns: [String]?) -> QuarantinedRow {
        QuarantinedRow(
            importID: 1, row: 2, column: "成立日期", value: "2022-13-45", reason: .date(text: "2022-13-45"),
            raw: raw, rawColumns: columns)
    }

    @Test("The columns keep the file's order, a short row's missing cells too")
    func columnsInFileOrder() throws {
        let columns = ["统一社会信用代码", "企业名称", "成立日期", "电话", "电话 (column 5)"]
        let short = row(["统一社会信用代码": "91330106MA2H00006X", "企业名称": "杭州\"甲\"科技\n有限公司"], columns: columns)
        #expect(
            short.rawStorageText == #"[["统一社会信用代码","企业名称","成立日期","电话","电话 (column 5)"],"#
                + #""91330106MA2H00006X","杭州\"甲\"科技\n有限公司"]"#)
        let read = try #require(QuarantinedRow.raw(storageText: short.rawStorageText))
        #expect(read.raw == short.raw && read.columns == columns)
        // A cell missing between two others is written as null and read back as missing.
        let gap = row(["统一社会信用代码": "x", "电话": "0571"], columns: columns)
        #expect(gap.rawStorageText.hasSuffix(#"],"x",null,null,"0571"]"#))
        #expect(QuarantinedRow.raw(storageText: gap.rawStorageText).map { $0.raw } == gap.raw)
    }

    @Test("Without columns the cells are an object, as rows were kept before, and read back without an order")
    func withoutColumns() throws {
        let old = row(["b": "2", "a": "1"], columns: nil)
        #expect(old.rawStorageText == #"{"a":"1","b":"2"}"#)
        let read = try #require(QuarantinedRow.raw(storageText: #"{"企业名称":"甲","成立日期":"2022-13-45"}"#))
        #expect(read.raw == ["企业名称": "甲", "成立日期": "2022-13-45"] && read.columns == nil)
    }

    @Test("The object `quarantine export` writes is what JSONEncoder wrote, sorted keys and all")
    func objectText() throws {
        let raw = [
            "企业名称": "杭州\"甲\"科技/有限公司\\", "备注": "第一行\n第二行\t", "a": "", "Z": "😀 1/2", "成立日期": "2022-13-45",
        ]
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let text = row(raw, columns: ["企业名称"]).rawObjectText
        #expect(text == String(decoding: try encoder.encode(raw), as: UTF8.self))
        // Control characters are escaped, the text reads back as the cells.
        let control = ["说明": "a\u{01}b\u{1F}"]
        let decoded = try JSONDecoder().decode(
            [String: String].self, from: Data(row(control, columns: nil).rawObjectText.utf8))
        #expect(decoded == control)
    }

    @Test("Cells under a key the columns do not name are kept after them")
    func unnamedKeys() throws {
        let stored = row(["a": "1", "z": "26", "m": "13"], columns: ["a"]).rawStorageText
        let read = try #require(QuarantinedRow.raw(storageText: stored))
        #expect(read.columns == ["a", "m", "z"] && read.raw == ["a": "1", "m": "13", "z": "26"])
    }

    @Test(
        "Text in neither form is not read",
        arguments: ["", "[]", "[1,2]", #"[["a"],"1","2"]"#, #"[["a"],1]"#, #"{"a":1}"#])
    func refused(text: String) {
        #expect(QuarantinedRow.raw(storageText: text) == nil)
    }

    @Test(
        "A unique key gives back the header text it was made from",
        arguments: [
            ("企业名称", 0, "企业名称"), ("column 3", 2, ""), ("电话 (column 17)", 16, "电话"),
            ("电话 (column 17)", 3, "电话 (column 17)"), ("column 3", 4, "column 3"),
        ])
    func headerText(key: String, index: Int, text: String) {
        #expect(RawHeader.text(ofKey: key, at: index) == text)
        // Keys made unique from the texts give the texts back.
        let texts = ["名称", "", "电话", "电话", "", "名称"]
        let keys = RawHeader(keys: texts).keys
        #expect(keys.enumerated().map { RawHeader.text(ofKey: $1, at: $0) } == texts)
    }
}
