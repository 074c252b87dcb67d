import ChainscopeTestSupport
import Testing

@Suite("Command errors in the reader's language")
struct CommandLanguageTests {
    @Test("A command's own errors follow --lang, else CHAINSCOPE_LANG, else Korean")
    func errorLanguage() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let database = folder.path("none.sqlite")
        let asOf = ["report", "--as-of", "2022-13-01", "--database", database]
        let korean = try CommandRun(asOf)
        #expect(korean.status == 64)
        #expect(
            korean.errors == "chainscope: --as-of '2022-13-01'은(는) 날짜가 아닙니다. YYYY-MM-DD 형식(예: 2022-10-31)으로 쓰세요.\n")
        #expect(try CommandRun(asOf + ["--lang", "zh"]).errors.contains("“2022-13-01”不是日期"))
        #expect(try CommandRun(asOf, environment: ["CHAINSCOPE_LANG": "en"]).errors.contains("is not a date"))
        let flagFirst = try CommandRun(asOf + ["--lang", "zh"], environment: ["CHAINSCOPE_LANG": "en"])
        #expect(flagFirst.errors.contains("不是日期"))
        // A command without --lang follows the environment.
        let missing = try CommandRun(["classify", "--database", database], environment: ["CHAINSCOPE_LANG": "zh"])
        #expect(missing.status == 66 && missing.errors.contains("处没有数据库：文件不存在"), "\(missing.errors)")
        // A credit code's fault is said in the same language as the sentence around it.
        let code = try CommandRun(["explain", "91330100MA2XXXXXX1", "--lang", "zh", "--database", database])
        #expect(code.status == 64 && code.errors.contains("组织机构代码校验位（第 17 位）是“X”"), "\(code.errors)")
    }
}
