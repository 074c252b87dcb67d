import Foundation
import Testing

@Suite("chainscope explain finds a company by what the user has")
struct ExplainCommandTests {
    @Test("A company without a credit code by its registration number, key or name; a partial name lists candidates")
    func companiesWithoutCreditCode() throws {
        let store = try ImportedExport(
            """
            企业名称,注册号,统一社会信用代码,成立日期,所属城市,所属区县,经营范围
            杭州丁科技有限公司,330100000012345,,2019-03-05,杭州市,西湖区,人工智能软件开发
            杭州戊科技有限公司,,,2019-03-05,杭州市,西湖区,计算机视觉系统集成
            杭州丁科技服务有限公司,,,2019-03-05,杭州市,滨江区,软件开发
            杭州己科技有限公司,,'9133010202YN7X0849,2019-03-05,杭州市,西湖区,软件开发

            """)
        defer { store.remove() }
        #expect(store.imported.output.contains("new 4,"), "\(store.imported.output)\(store.imported.errors)")
        let export = store.export
        func explain(_ company: String) throws -> CommandRun { try store.explain(company) }
        for reference in ["330100000012345", "regno:330100000012345", " ３３０１００００００１２３４５ "] {
            let found = try explain(reference)
            #expect(found.status == 0, "\(reference): \(found.errors)")
            #expect(found.output.hasPrefix("杭州丁科技有限公司 — regno:330100000012345\n"), "\(found.output)")
        }
        for reference in ["杭州戊科技有限公司", "name:330106:杭州戊科技有限公司"] {
            let found = try explain(reference)
            #expect(found.output.hasPrefix("杭州戊科技有限公司 — name:330106:杭州戊科技有限公司\n"), "\(found.output)")
            #expect(found.output.contains("[vision]"))
            #expect(
                found.output.contains("\nSource: \(export) row 3 (import #1, export taken "), "\(found.output)")
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

    @Test("A company by its name, however many branches' names hold it, and with its brackets spelt either way")
    func companyNamedInItsBranches() throws {
        // Twelve branches entered before their company, whose name each of theirs holds.
        let districts = ["西湖区", "滨江区", "余杭区"]
        let branches = (1...12).map { number in
            "杭州甲（中国）科技有限公司第\(number)分公司,3301060000\(10000 + number),,杭州市,\(districts[number % 3]),软件开发"
        }
        let store = try ImportedExport(
            (["企业名称,注册号,统一社会信用代码,所属城市,所属区县,经营范围"] + branches + [
                "杭州甲（中国）科技有限公司,,91330106000000019W,杭州市,西湖区,人工智能软件开发",
                "杭州乙科技有限公司,330106000020001,,杭州市,西湖区,软件开发",
                "杭州乙科技有限公司,330108000020002,,杭州市,滨江区,软件开发", "",
            ]).joined(separator: "\n"), snapshotDate: "2022-10-31")
        defer { store.remove() }
        #expect(store.imported.output.contains("new 15,"), "\(store.imported.output)\(store.imported.errors)")
        let export = store.export
        func explain(_ company: String) throws -> CommandRun { try store.explain(company) }
        for name in ["杭州甲（中国）科技有限公司", "杭州甲(中国)科技有限公司", " 杭州甲（中国）科技有限公司 "] {
            let found = try explain(name)
            #expect(found.status == 0, "\(name): \(found.errors)")
            #expect(found.output.hasPrefix("杭州甲（中国）科技有限公司 — 91330106000000019W\n"), "\(found.output)")
        }
        let chinese = try store.explain("杭州甲(中国)科技有限公司", language: "zh")
        #expect(chinese.output.contains("\n来源：\(export) 行 14（导入 #1，导出日期 2022-10-31）\n"), "\(chinese.output)")
        let two = try explain("杭州乙科技有限公司")
        #expect(two.status == 65)
        #expect(
            two.errors.contains(
                "2 stored companies are named '杭州乙科技有限公司'. Pass a credit code or key:\n"
                    + "  regno:330106000020001  杭州乙科技有限公司\n  regno:330108000020002  杭州乙科技有限公司"),
            "\(two.errors)")
        let partial = try explain("杭州甲（中国）")
        #expect(partial.status == 65)
        #expect(
            partial.errors.contains("these names contain it") && partial.errors.hasSuffix("\n  …\n"),
            "\(partial.errors)")
    }
}

/// An export imported into a new database in a folder of its own, and `explain` run on it.
private struct ImportedExport {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("chainscope-explain-\(UUID())")
    let database: String
    let export: String
    let imported: CommandRun

    init(_ text: String, snapshotDate: String? = nil) throws {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        database = folder.appendingPathComponent("d.sqlite").path
        export = folder.appendingPathComponent("e.csv").path
        try text.write(toFile: export, atomically: true, encoding: .utf8)
        imported = try CommandRun(
            ["import", export, "--database", database, "--lang", "en"]
                + (snapshotDate.map { ["--snapshot-date", $0] } ?? []))
    }

    func explain(_ company: String, language: String = "en") throws -> CommandRun {
        try CommandRun(["explain", company, "--lang", language, "--database", database])
    }

    func remove() { try? FileManager.default.removeItem(at: folder) }
}
