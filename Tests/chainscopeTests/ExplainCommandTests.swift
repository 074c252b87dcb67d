import Foundation
import Testing

@Suite("chainscope explain finds a company by what the user has")
struct ExplainCommandTests {
    @Test("A company without a credit code by its registration number, key or name; a partial name lists candidates")
    func companiesWithoutCreditCode() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("chainscope-explain-\(UUID())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let database = folder.appendingPathComponent("d.sqlite").path
        let export = folder.appendingPathComponent("e.csv").path
        try """
        企业名称,注册号,统一社会信用代码,成立日期,所属城市,所属区县,经营范围
        杭州丁科技有限公司,330100000012345,,2019-03-05,杭州市,西湖区,人工智能软件开发
        杭州戊科技有限公司,,,2019-03-05,杭州市,西湖区,计算机视觉系统集成
        杭州丁科技服务有限公司,,,2019-03-05,杭州市,滨江区,软件开发
        杭州己科技有限公司,,'9133010202YN7X0849,2019-03-05,杭州市,西湖区,软件开发

        """.write(toFile: export, atomically: true, encoding: .utf8)
        let imported = try CommandRun(["import", export, "--database", database, "--lang", "en"])
        #expect(imported.output.contains("new 4,"), "\(imported.output)\(imported.errors)")
        func explain(_ company: String) throws -> CommandRun {
            try CommandRun(["explain", company, "--lang", "en", "--database", database])
        }
        for reference in ["330100000012345", "regno:330100000012345", " ３３０１００００００１２３４５ "] {
            let found = try explain(reference)
            #expect(found.status == 0, "\(reference): \(found.errors)")
            #expect(found.output.hasPrefix("杭州丁科技有限公司 — regno:330100000012345\n"), "\(found.output)")
        }
        for reference in ["杭州戊科技有限公司", "name:330106:杭州戊科技有限公司"] {
            let found = try explain(reference)
            #expect(found.output.hasPrefix("杭州戊科技有限公司 — name:330106:杭州戊科技有限公司\n"), "\(found.output)")
            #expect(found.output.contains("[vision]"))
        }
        #expect(try explain("uscc:9133010202YN7X0849").output.hasPrefix("杭州己科技有限公司 — 9133010202YN7X0849\n"))
        let partial = try explain("杭州丁科技")
        #expect(partial.status == 65)
        #expect(
            partial.errors.contains(
                "these names contain it. Pass a credit code or key:\n  regno:330100000012345  杭州丁科技有限公司\n"
                    + "  name:330108:杭州丁科技服务有限公司  杭州丁科技服务有限公司\n"), "\(partial.errors)")
        let none = try explain("不存在的公司")
        #expect(none.status == 65 && none.errors.contains("No stored company's name contains '不存在的公司'"))
        let unknown = try explain("330100000099999")
        #expect(unknown.status == 65 && unknown.errors.contains("the registration number 330100000099999"))
        let badCode = try explain("91330100799655058A")
        #expect(badCode.status == 64 && badCode.errors.contains("check character (position 18) is 'A'"))
        #expect(try explain("123").status == 64)
    }
}
