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
}
