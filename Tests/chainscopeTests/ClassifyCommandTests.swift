import ChainscopeTestSupport
import Foundation
import Testing

@Suite("chainscope classify, explain, evaluate and taxonomy", .serialized)
struct ClassifyCommandTests {
    /// A folder with a 1,000-row sample and its labels imported into a database.
    struct Workspace {
        let folder: URL
        let database: String
        let labels: String

        init() throws {
            folder = FileManager.default.temporaryDirectory.appendingPathComponent(
                "chainscope-classify-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            database = folder.appendingPathComponent("d.sqlite").path
            labels = folder.appendingPathComponent("labels.csv").path
            let export = folder.appendingPathComponent("s.csv").path
            _ = try CommandRun(["sample", "--rows", "1000", "--seed", "5", "--output", export, "--labels", labels])
            let imported = try CommandRun(["import", export, "--database", database, "--snapshot-date", "2022-10-31"])
            #expect(imported.status == 0, "\(imported.errors)")
        }

        func path(_ name: String) -> String { folder.appendingPathComponent(name).path }

        /// Credit codes from the label file: (AI, not AI).
        func codes() throws -> (ai: String, other: String) {
            let lines = try String(contentsOfFile: labels, encoding: .utf8).split(separator: "\n").dropFirst()
            let ai = try #require(lines.first { $0.split(separator: ",")[1] == "1" })
            let other = try #require(lines.first { $0.split(separator: ",")[1] == "0" })
            return (String(ai.prefix(18)), String(other.prefix(18)))
        }

        func remove() { try? FileManager.default.removeItem(at: folder) }
    }

    @Test("evaluate prints precision, recall and F1 beside the naive baseline, as text and JSON")
    func evaluate() throws {
        let workspace = try Workspace()
        defer { workspace.remove() }
        let text = try CommandRun(["evaluate", "--labels", workspace.labels, "--database", workspace.database])
        #expect(text.status == 0, "\(text.errors)")
        #expect(text.output.contains("Naive baseline"))
        #expect(text.output.contains("layer application"))
        #expect(text.output.contains("Confusion of main layers"))
        let json = try CommandRun([
            "evaluate", "--labels", workspace.labels, "--database", workspace.database, "--json",
        ])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.output.utf8)) as? [String: Any])
        let ours = try #require((object["chainscope"] as? [String: Any])?["membership"] as? [String: Any])
        let naive = try #require((object["baseline"] as? [String: Any])?["membership"] as? [String: Any])
        #expect(object["evaluated"] as? Int ?? 0 > 900)
        #expect(ours["f1"] as? Double ?? 0 >= 0.98)
        #expect(naive["precision"] as? Double ?? 1 < (ours["precision"] as? Double ?? 0) - 0.1)
        let missing = try CommandRun([
            "evaluate", "--labels", workspace.path("none.csv"), "--database", workspace.database,
        ])
        #expect(missing.status == 65)
        // A label file with nothing to measure is refused, not evaluated as zero companies.
        try "credit_code,is_ai,layer\n".write(toFile: workspace.path("header.csv"), atomically: true, encoding: .utf8)
        for (labels, found) in [
            (workspace.path("header.csv"), "found a header and no labels"),
            (workspace.folder.path, "found Is a directory"),
        ] {
            let run = try CommandRun(["evaluate", "--labels", labels, "--database", workspace.database])
            #expect(run.status == 65 && run.output.isEmpty && run.errors.contains(found), "\(run.errors)")
        }
    }

    @Test(
        "explain shows the verdict, evidence and changes in the chosen language; changes lists an import's; bad codes say what to do"
    )
    func explain() throws {
        let workspace = try Workspace()
        defer { workspace.remove() }
        let (ai, other) = try workspace.codes()
        let english = try CommandRun(["explain", ai, "--lang", "en", "--database", workspace.database])
        #expect(english.status == 0, "\(english.errors)")
        #expect(english.output.contains("In the AI industry chain — main layer:"), "\(english.output)")
        #expect(english.output.contains("[scope, item"))
        let korean = try CommandRun(["explain", other, "--lang", "ko", "--database", workspace.database])
        #expect(korean.output.contains("인공지능 산업 사슬에 속하지 않음"), "\(korean.output)")
        let json = try CommandRun(["explain", ai, "--json", "--database", workspace.database])
        #expect(json.output.contains("\"taxonomyID\" : \"ai\""))
        #expect(!english.output.contains("earlier taxonomy file"))
        let edited = workspace.path("ai-edited.yaml")
        try (try String(contentsOf: Self.aiTaxonomy, encoding: .utf8) + "\n# edited\n")
            .write(toFile: edited, atomically: true, encoding: .utf8)
        let stale = try CommandRun([
            "explain", ai, "--lang", "en", "--taxonomy", edited, "--database", workspace.database,
        ])
        #expect(
            stale.output.contains("The stored classification came from an earlier taxonomy file"), "\(stale.output)")
        #expect(try CommandRun(["explain", "91330100799655058B", "--database", workspace.database]).status == 65)
        #expect(try CommandRun(["explain", "123", "--database", workspace.database]).status == 64)
        #expect(!english.output.contains("Changes in newer exports"))
        // A newer export in which the company is deregistered: explain ends with what changed, and where.
        let newer = workspace.path("newer.csv")
        let sample = try String(contentsOf: workspace.folder.appendingPathComponent("s.csv"), encoding: .utf8)
        try NewerExport.deregistering(ai, in: sample).write(toFile: newer, atomically: true, encoding: .utf8)
        let update = try CommandRun([
            "import", newer, "--database", workspace.database, "--snapshot-date", "2022-11-30", "--lang", "en",
        ])
        #expect(update.output.contains("updated 1,"), "\(update.output)")
        let changed = try CommandRun(["explain", ai, "--lang", "en", "--database", workspace.database])
        #expect(changed.output.contains("Changes in newer exports:\n  2022-11-30 · \(newer) row "), "\(changed.output)")
        #expect(changed.output.contains(" (import #2)\n    Status: Active → Deregistered\n"), "\(changed.output)")
        #expect(changed.output.contains("登记状态 (column of the source row): "))
        let changedJSON = try CommandRun(["explain", ai, "--json", "--database", workspace.database])
        let explained = try #require(
            try JSONSerialization.jsonObject(with: Data(changedJSON.output.utf8)) as? [String: Any])
        #expect((explained["company"] as? [String: Any])?["key"] as? String == "uscc:\(ai)")
        #expect((explained["classification"] as? [String: Any])?["taxonomyID"] as? String == "ai")
        #expect(explained["isStoredStale"] as? Bool == false)
        let fields = (explained["history"] as? [[String: Any]])?.first?["fields"] as? [[String: Any]]
        #expect(fields?.first?["name"] as? String == "status" && fields?.first?["after"] as? String == "deregistered")
        let chinese = try CommandRun(["explain", ai, "--lang", "zh", "--database", workspace.database])
        #expect(chinese.output.contains("新导出数据中的变更：") && chinese.output.contains("登记状态 (原始行的列)"))
        #expect(chinese.output.contains(" (导入 #2)\n    登记状态: 存续 → 注销\n"), "\(chinese.output)")
        // The import's changed companies, by default the latest import's.
        let listed = try CommandRun(["changes", "--lang", "en", "--database", workspace.database])
        #expect(listed.status == 0, "\(listed.errors)")
        #expect(
            listed.output.hasPrefix("import #2 · \(newer) (2022-11-30): Companies this import changed (1)\n  row "),
            "\(listed.output)")
        #expect(listed.output.contains(" (uscc:\(ai))\n    Status: Active → Deregistered\n"))
        let koreanChanges = try CommandRun(["changes", "--lang", "ko", "--database", workspace.database])
        #expect(koreanChanges.output.contains(" (uscc:\(ai))\n    등록 상태: 존속 → 말소\n"), "\(koreanChanges.output)")
        let listedJSON = try CommandRun(["changes", "--import", "2", "--json", "--database", workspace.database])
        let entries = try JSONSerialization.jsonObject(with: Data(listedJSON.output.utf8)) as? [[String: Any]]
        #expect(entries?.map { $0["key"] as? String } == ["uscc:\(ai)"])
        let first = try CommandRun(["changes", "--import", "1", "--lang", "en", "--database", workspace.database])
        #expect(first.output.contains("Companies this import changed (0)"))
        #expect(try CommandRun(["changes", "--import", "9", "--database", workspace.database]).status == 65)
        // The first export again, said to be taken before the newer one: the company stays deregistered.
        let older = try CommandRun([
            "import", workspace.path("s.csv"), "--database", workspace.database, "--snapshot-date", "2022-11-15",
            "--lang", "en",
        ])
        #expect(older.output.contains(", updated 0, unchanged "), "\(older.output)")
        #expect(older.output.contains(", older 1)\n  older: rows of companies already imported from an export taken"))
        let olderJSON = try CommandRun([
            "import", workspace.path("s.csv"), "--database", workspace.database, "--snapshot-date", "2022-11-16",
            "--json",
        ])
        let summary = try JSONSerialization.jsonObject(with: Data(olderJSON.output.utf8)) as? [[String: Any]]
        #expect(summary?.first?["older"] as? Int == 1 && summary?.first?["updated"] as? Int == 0, "\(olderJSON.output)")
        let kept = try CommandRun(["explain", ai, "--lang", "en", "--database", workspace.database])
        let (keptHistory, notApplied) = try #require(
            kept.output.split(separator: "Values of earlier exports imported after a newer one, not applied:\n")
                .map(String.init).splitPair)
        #expect(keptHistory.contains("Status: Active → Deregistered\n") && !keptHistory.contains("2022-11-15"))
        // Each older row said the company was active; the stored value, struck off, was kept.
        #expect(notApplied.hasPrefix("  2022-11-15 · \(workspace.path("s.csv")) row "), "\(notApplied)")
        #expect(notApplied.contains(" (import #3)\n    Status: Deregistered (kept), Active (this export)\n"))
        #expect(notApplied.contains("  2022-11-16 · ") && notApplied.contains(" (import #4)\n    Status: "))
        // The older import's rows not applied, as `changes` lists them; it changed no company.
        let notAppliedList = try CommandRun([
            "changes", "--import", "3", "--not-applied", "--lang", "en", "--database", workspace.database,
        ])
        #expect(
            notAppliedList.output.hasPrefix(
                "import #3 · \(workspace.path("s.csv")) (2022-11-15): Rows this import did not apply (1)\n"),
            "\(notAppliedList.output)")
        #expect(
            notAppliedList.output.contains(" (uscc:\(ai))\n    Status: Deregistered (kept), Active (this export)\n"))
        let appliedList = try CommandRun(["changes", "--import", "3", "--lang", "en", "--database", workspace.database])
        #expect(appliedList.output.contains("Companies this import changed (0)"), "\(appliedList.output)")
        let chineseKept = try CommandRun(["explain", ai, "--lang", "zh", "--database", workspace.database])
        #expect(chineseKept.output.contains("未采用的较早导出数据中的值：\n"), "\(chineseKept.output)")
        #expect(chineseKept.output.contains("    登记状态: 注销（保留的值），存续（该导出数据的值）"))
        let keptJSON = try CommandRun(["explain", ai, "--json", "--database", workspace.database])
        let keptObject = try JSONSerialization.jsonObject(with: Data(keptJSON.output.utf8)) as? [String: Any]
        let unapplied = keptObject?["unappliedChanges"] as? [[String: Any]]
        #expect(unapplied?.map { $0["importID"] as? Int } == [3, 4], "\(keptJSON.output)")
        let status = (unapplied?.first?["fields"] as? [[String: Any]])?.first { $0["name"] as? String == "status" }
        #expect(status?["before"] as? String == "deregistered" && status?["after"] as? String == "active")
    }

    @Test("classify is incremental; a broken taxonomy is refused with every problem and changes nothing")
    func classifyAndValidate() throws {
        let workspace = try Workspace()
        defer { workspace.remove() }
        let first = try CommandRun(["classify", "--taxonomy", "ic", "--database", workspace.database])
        #expect(first.status == 0, "\(first.errors)")
        #expect(first.output.contains("with ic v1"))
        #expect(!first.output.hasPrefix("Classified 0 "))
        let second = try CommandRun(["classify", "--taxonomy", "ic", "--database", workspace.database])
        #expect(second.output.hasPrefix("Classified 0 companies"), "\(second.output)")
        let broken = workspace.path("broken.yaml")
        try "id: x\nversion: 0\nlabels: {en: X}\nlayers:\n  - id: a\n    labels: {en: A}\n    segments: []\n"
            .write(toFile: broken, atomically: true, encoding: .utf8)
        let refused = try CommandRun(["classify", "--taxonomy", broken, "--database", workspace.database])
        #expect(refused.status == 65)
        #expect(refused.errors.contains("problems:"), "\(refused.errors)")
        let validate = try CommandRun(["taxonomy", "validate", "ai", "ic", broken])
        #expect(validate.status == 65)
        #expect(validate.output.contains("ai: valid") && validate.output.contains("ic: valid"))
        #expect(validate.errors.contains("broken.yaml:2"), "\(validate.errors)")
        let show = try CommandRun(["taxonomy", "show", "--lang", "zh"])
        #expect(show.output.contains("人工智能产业链") && show.output.contains("[ai_integration]"))
    }

    @Test("scan classifies a file without importing it and counts members by month, district and layer")
    func scan() throws {
        let workspace = try Workspace()
        defer { workspace.remove() }
        let result = try CommandRun(["scan", workspace.path("s.csv"), "--json"])
        #expect(result.status == 0, "\(result.errors)")
        let counts = try #require(try JSONSerialization.jsonObject(with: Data(result.output.utf8)) as? [String: Any])
        let members = try #require(counts["members"] as? Int)
        #expect(counts["rowsRead"] as? Int == 1000)
        for key in ["byMonth", "byDistrict", "byLayer"] {
            #expect((counts[key] as? [String: Int])?.values.reduce(0, +) == members, "\(key)")
        }
        // The labels cover the stored rows; the scan also counts the few rows an import quarantines.
        let labelled = try String(contentsOfFile: workspace.labels, encoding: .utf8).split(separator: "\n")
            .filter { $0.split(separator: ",").count > 1 && $0.split(separator: ",")[1] == "1" }.count
        #expect(members >= labelled && members <= labelled + 10, "\(members) vs \(labelled)")
        let text = try CommandRun(["scan", workspace.path("s.csv"), "--taxonomy", "ic", "--lang", "en"])
        #expect(text.output.contains("Integrated-circuit industry chain (ic v1)"), "\(text.output)")
        // For a person: the share, the layers by name in chain order, and a year-by-month table whose
        // year totals (with the undated) add up to the members.
        let summary = try CommandRun(["scan", workspace.path("s.csv"), "--lang", "en"]).output
        #expect(summary.hasPrefix("\(members) of 1,000 rows ("), "\(summary)")
        #expect(summary.contains("By layer: Foundation layer "), "\(summary)")
        let table = summary.components(separatedBy: "By founding month:\n").last ?? ""
        let lines = table.split(separator: "\n")
        #expect(lines.first?.hasPrefix("  year") == true && lines.first?.hasSuffix("total") == true, "\(summary)")
        let totals = lines.dropFirst().compactMap { Int($0.split(separator: " ").last?.filter { $0 != "," } ?? "") }
        #expect(totals.count == lines.count - 1 && totals.reduce(0, +) == members, "\(summary)")
        // In Korean by default, the month table's columns kept to a terminal's widths; and in Chinese.
        let korean = try CommandRun(["scan", workspace.path("s.csv")]).output
        #expect(korean.hasPrefix("1,000행 중 \(members)행(") && korean.contains("\n층별: 기초층 "), "\(korean)")
        let header = try #require(korean.split(separator: "\n").first { $0.hasPrefix("  연도") })
        #expect(header.count + 4 == lines.first?.count && header.hasSuffix(" 합계"), "\(korean)")  // 4 wide characters
        let chinese = try CommandRun(["scan", workspace.path("s.csv"), "--lang", "zh"]).output
        #expect(chinese.hasPrefix("1,000 行中有 \(members) 行（") && chinese.contains("\n按层：基础层 "), "\(chinese)")
        let missing = try CommandRun(["scan", workspace.path("missing.csv")])
        #expect(missing.status == 65 && missing.errors.contains("missing.csv"), "\(missing.errors)")
        #expect(missing.errors.unicodeScalars.contains { (0xAC00...0xD7A3).contains($0.value) }, "\(missing.errors)")
    }

    @Test("scan reads headers it does not know through a mapping file, as import does")
    func scanWithProfile() throws {
        let workspace = try Workspace()
        defer { workspace.remove() }
        let file = workspace.path("odd.csv")
        try "企业名,代码,业务,开业日\n杭州甲智能科技有限公司,91330106MA2CFX8Q07,人工智能基础软件开发,2022-03-01\n".write(
            toFile: file, atomically: true, encoding: .utf8)
        let mapping = workspace.path("columns.yaml")
        try "columns:\n  企业名: name\n  代码: credit_code\n  业务: scope\n  开业日: founded\n".write(
            toFile: mapping, atomically: true, encoding: .utf8)
        let refused = try CommandRun(["scan", file, "--lang", "en"])
        #expect(refused.status == 65 && refused.errors.contains("--profile"), "\(refused.errors)")
        let mapped = try CommandRun(["scan", file, "--profile", mapping, "--json"])
        #expect(mapped.status == 0, "\(mapped.errors)")
        let counts = try #require(try JSONSerialization.jsonObject(with: Data(mapped.output.utf8)) as? [String: Any])
        #expect(counts["rowsRead"] as? Int == 1 && counts["members"] as? Int == 1, "\(mapped.output)")
        let missing = try CommandRun(["scan", file, "--profile", workspace.path("none.yaml")])
        #expect(missing.status == 65 && missing.errors.contains("none.yaml"), "\(missing.errors)")
    }

    @Test("taxonomy diff lists the companies that change and why")
    func diff() throws {
        let workspace = try Workspace()
        defer { workspace.remove() }
        let original = try CommandRun(["taxonomy", "show"])
        #expect(original.status == 0)
        let builtin = try String(contentsOf: ClassifyCommandTests.aiTaxonomy, encoding: .utf8)
        let edited = workspace.path("ai-edited.yaml")
        try builtin.replacingOccurrences(of: "terms: [机器人, 机械臂, 具身智能, robot]", with: "terms: [机械臂, 具身智能, robot]")
            .write(toFile: edited, atomically: true, encoding: .utf8)
        let result = try CommandRun(["taxonomy", "diff", "ai", edited, "--database", workspace.database])
        #expect(result.status == 0, "\(result.errors)")
        #expect(result.output.contains("no longer counted: 机器人→robots"), "\(result.output)")
        #expect(result.output.contains("companies change."))
    }

    static var aiTaxonomy: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Resources/Taxonomies/ai.yaml")
    }
}

extension Array {
    /// The two elements of a two-element array.
    fileprivate var splitPair: (Element, Element)? { count == 2 ? (self[0], self[1]) : nil }
}
