import ChainscopeIngest
import Testing

@Suite("CSV records as Chainscope writes them")
struct CSVRecordTests {
    @Test(
        "A field with a comma, quote or line break is quoted, its quotes doubled; a record ends with CRLF",
        arguments: [
            (["a", "b"], "a,b\r\n"), (["a,b", "c"], "\"a,b\",c\r\n"), (["他说\"好\""], "\"他说\"\"好\"\"\"\r\n"),
            (["第一行\r\n第二行"], "\"第一行\r\n第二行\"\r\n"), (["x\n", "y\r"], "\"x\n\",\"y\r\"\r\n"),
            ([#"{"企业名称":"甲"}"#], #""{""企业名称"":""甲""}""# + "\r\n"), (["", ""], ",\r\n"), ([], "\r\n"),
            (["😀 杭州", "1/2"], "😀 杭州,1/2\r\n"),
        ])
    func line(fields: [String], expected: String) {
        #expect(CSVRecord.line(fields) == expected)
    }
}
