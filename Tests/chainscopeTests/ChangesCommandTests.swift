import ChainscopeCore
import ChainscopeTestSupport
import Foundation
import Testing

@Suite("chainscope changes and explain: a district that changed")
struct ChangesCommandTests {
    @Test("A moved company's districts are named in the reader's language; JSON keeps their codes")
    func movedCompany() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let database = folder.path("d.sqlite")
        let code = try #require(CreditCode.completing("9133010600000001")).value
        for (name, district, day) in [("first.csv", "西湖区", "2022-10-31"), ("newer.csv", "滨江区", "2022-11-30")] {
            let path = folder.path(name)
            try "企业名称,统一社会信用代码,所属区县\n杭州迁移科技有限公司,\(code),\(district)\n"
                .write(toFile: path, atomically: true, encoding: .utf8)
            let run = try CommandRun(["import", path, "--database", database, "--snapshot-date", day])
            #expect(run.status == 0, "\(run.errors)")
        }
        let english = try CommandRun(["changes", "--lang", "en", "--database", database])
        #expect(english.output.contains("\n    District: Xihu District → Binjiang District\n"), "\(english.output)")
        let chinese = try CommandRun(["explain", code, "--lang", "zh", "--database", database])
        #expect(chinese.output.contains("\n    区县: 西湖区 → 滨江区"), "\(chinese.output)")
        let json = try CommandRun(["changes", "--json", "--database", database])
        #expect(json.output.contains("\"before\" : \"330106\"") && json.output.contains("\"after\" : \"330108\""))
    }
}
