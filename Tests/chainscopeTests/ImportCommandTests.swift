import ChainscopeCore
import ChainscopeTestSupport
import Foundation
import Testing

@testable import chainscope

@Suite("chainscope sample, import and quarantine", .serialized)
struct ImportCommandTests {
    func folder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent(
            "chainscope-import-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    @Test("A sample imports with every row stored or quarantined; a second import changes nothing")
    func sampleRoundTrip() throws {
        let folder = try folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let export = folder.appendingPathComponent("s.csv").path
        let labels = folder.appendingPathComponent("l.csv").path
        let database = folder.appendingPathComponent("d.sqlite").path
        let sample = try CommandRun(["sample", "--rows", "1000", "--seed", "3", "--output", export, "--labels", labels])
        #expect(sample.status == 0, "\(sample.errors)")
        #expect(sample.errors.contains("Wrote 1000 synthetic rows"))
        // Written again through a symbolic link, which stays one, over a longer file, which is emptied first.
        let link = folder.appendingPathComponent("link.csv").path
        try String(repeating: "x", count: 1 << 20).write(toFile: export + "2", atomically: true, encoding: .utf8)
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: export + "2")
        let again = try CommandRun(["sample", "--rows", "1000", "--seed", "3", "--output", link])
        #expect(
            try Data(contentsOf: URL(fileURLWithPath: export)) == Data(contentsOf: URL(fileURLWithPath: export + "2")))
        #expect(again.status == 0)
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: link) == export + "2")
        // A path that cannot be written fails saying why, and leaves the export written before as it was.
        let before = try Data(contentsOf: URL(fileURLWithPath: export))
        let failed = try CommandRun([
            "sample", "--rows", "10", "--output", export, "--labels", folder.appendingPathComponent("no/l.csv").path,
        ])
        #expect(
            failed.status == 74 && failed.errors.contains("/no/l.csv에 쓸 수 없습니다: No such file or directory."),
            "\(failed.errors)")
        #expect(try Data(contentsOf: URL(fileURLWithPath: export)) == before)
        let same = try CommandRun(["sample", "--rows", "10", "--output", export, "--labels", folder.path + "/./s.csv"])
        #expect(same.status == 64 && same.errors.contains("is the file --output writes"), "\(same.errors)")
        #expect(same.errors.contains("Usage: chainscope sample"), "\(same.errors)")
        // No rows would be an export that import refuses.
        let none = try CommandRun(["sample", "--rows", "0", "--output", export])
        #expect(none.status == 64 && none.errors.contains("--rows must be at least 1, not 0"), "\(none.errors)")
        #expect(try Data(contentsOf: URL(fileURLWithPath: export)) == before)
        let one = try CommandRun(["sample", "--rows", "1", "-o", folder.appendingPathComponent("one.csv").path])
        #expect(
            one.errors.hasPrefix("Wrote 1 synthetic row (") && one.errors.contains(" 0 flawed rows)"), "\(one.errors)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).allSatisfy { !$0.hasPrefix(".") })
        // A snapshot date after today would make the export the newest for good; it is refused before anything.
        let future = try CommandRun(["import", export, "--database", database, "--snapshot-date", "2999-01-01"])
        // Without --lang or CHAINSCOPE_LANG, in Korean.
        #expect(
            future.status == 64 && future.errors.contains("--snapshot-date 2999-01-01은(는) 오늘 이후입니다"),
            "\(future.errors)")
        #expect(!FileManager.default.fileExists(atPath: database))
        let first = try CommandRun([
            "import", export, "--database", database, "--json", "--snapshot-date", "2022-10-31",
        ])
        #expect(first.status == 0, "\(first.errors)")
        let summary = try #require(
            try JSONSerialization.jsonObject(with: Data(first.output.utf8)) as? [[String: Any]]
        ).first!
        let read = summary["rowsRead"] as? Int
        let stored = summary["stored"] as? Int
        let quarantined = summary["quarantined"] as? Int
        let duplicates = summary["duplicates"] as? Int
        #expect(read == 1000)
        #expect((stored ?? 0) + (quarantined ?? 0) + (duplicates ?? 0) == 1000)
        #expect((quarantined ?? 0) > 0)
        // The sample says it is synthetic; the summary says so as a code a script can act on.
        let warnings = summary["warningDetails"] as? [[String: Any]]
        #expect(warnings?.map { $0["code"] as? String } == ["file.synthetic"], "\(summary)")
        let labelLines = try String(contentsOfFile: labels, encoding: .utf8).split(separator: "\n").count - 1
        #expect(labelLines == stored)
        let second = try CommandRun(["import", export, "--database", database])
        #expect(second.status == 0)
        #expect(second.output.contains("바뀐 것이 없습니다"), "\(second.output)")
        let english = try CommandRun(["import", export, "--database", database, "--lang", "en"])
        #expect(english.output.contains("nothing changed"), "\(english.output)")
        let chinese = try CommandRun(["import", export, "--database", database, "--lang", "zh"])
        #expect(chinese.output.contains("没有任何更改") && chinese.output.contains("已隔离    "), "\(chinese.output)")
        let list = try CommandRun(["quarantine", "list", "--database", database])
        // Korean unless told otherwise, as every command that writes for a reader.
        #expect(list.output.contains("격리된 행 \(quarantined ?? -1)개"), "\(list.output)")
        let csv = folder.appendingPathComponent("q.csv").path
        let export2 = try CommandRun(["quarantine", "export", "--database", database, "--output", csv])
        #expect(export2.status == 0)
        let exported = try Data(contentsOf: URL(fileURLWithPath: csv))
        #expect(
            exported.starts(
                with: [0xEF, 0xBB, 0xBF] + Array("import,row,line,sheet,column,value,reason,reason_code,raw".utf8)))
        #expect(
            String(decoding: exported, as: UTF8.self).components(separatedBy: "\r\n").count == (quarantined ?? 0) + 2)
        try exportKeepsEarlierFile(csv, database: database, folder: folder)
    }

    /// An export that fails leaves the file it would have replaced as it was; one that succeeds keeps its mode.
    func exportKeepsEarlierFile(_ csv: String, database: String, folder: URL) throws {
        let earlier = try Data(contentsOf: URL(fileURLWithPath: csv))
        // A new file has the mode any new file gets (the process's umask applied), not the owner's alone.
        let mask = umask(0o022)
        umask(mask)
        let created = try FileManager.default.attributesOfItem(atPath: csv)[.posixPermissions] as? Int
        #expect(created == Int(0o666 & ~mask))
        try FileManager.default.setAttributes([.posixPermissions: 0o640], ofItemAtPath: csv)
        let unknown = try CommandRun([
            "quarantine", "export", "--import", "99", "--database", database, "--output", csv,
        ])
        #expect(unknown.status == 65)
        #expect(unknown.errors.contains("번호가 99인 가져오기가 없습니다"), "\(unknown.errors)")
        #expect(try Data(contentsOf: URL(fileURLWithPath: csv)) == earlier)
        let listed = try CommandRun(["quarantine", "list", "--import", "99", "--database", database])
        #expect(listed.status == 65 && listed.output.isEmpty, "\(listed.output)")
        let one = try CommandRun(["quarantine", "export", "--import", "1", "--database", database, "--output", csv])
        #expect(one.status == 0, "\(one.errors)")
        #expect(try Data(contentsOf: URL(fileURLWithPath: csv)) == earlier)
        let mode = try FileManager.default.attributesOfItem(atPath: csv)[.posixPermissions] as? Int
        #expect(mode == 0o640)
        // Nothing is left beside it.
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path)
        #expect(!names.contains { $0.hasPrefix(".q.csv") }, "\(names)")
    }

    @Test("A quarantined JSON object is listed by its number and the line it starts on")
    func quarantinedJSONLine() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let export = folder.url.appendingPathComponent("export.json").path
        let database = folder.url.appendingPathComponent("d.sqlite").path
        let objects = [("杭州甲科技有限公司", "913301100000000511"), ("杭州乙科技有限公司", "913301100000000512")].map {
            "  {\n    \"企业名称\": \"\($0)\",\n    \"统一社会信用代码\": \"\($1)\"\n  }"
        }
        try ("[\n" + objects.joined(separator: ",\n") + "\n]\n").write(
            toFile: export, atomically: true, encoding: .utf8)
        let run = try CommandRun([
            "import", export, "--database", database, "--snapshot-date", "2022-10-31", "--lang", "en",
        ])
        #expect(run.status == 0, "\(run.errors)")
        // One of each, said as one.
        #expect(run.output.contains("1 + 1 + 0 = 2 rows") && run.output.contains("1 company indexed"), "\(run.output)")
        let list = try CommandRun(["quarantine", "list", "--database", database, "--lang", "en"])
        #expect(list.output.hasPrefix("import #1, row 2 (line 6) column 统一社会信用代码:"), "\(list.output)")
        let korean = try CommandRun(["quarantine", "list", "--database", database, "--lang", "ko"])
        #expect(
            korean.output.hasPrefix("가져오기 #1, 2행 (파일 줄 6) 열 统一社会信用代码: '913301100000000512'은(는) 유효한 신용코드가 아닙니다"),
            "\(korean.output)")
    }

    @Test("An import killed part-way and run again leaves what one clean run leaves")
    func killedAndRerun() throws {
        let folder = try folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try Self.killAndRerun(
            rows: 4000, folder: folder, killed: folder.appendingPathComponent("killed.sqlite").path,
            clean: folder.appendingPathComponent("clean.sqlite").path)
    }

    @Test(
        "An import into PostgreSQL killed part-way and run again leaves what one clean run leaves",
        .enabled(
            if: DatabaseCommandTests.postgresURL != nil,
            "no PostgreSQL server: run the tests through scripts/with-postgres"
        ))
    func killedAndRerunOnPostgres() throws {
        let folder = try folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try Self.killAndRerun(
            rows: 20000, folder: folder, killed: try TestPostgres.newDatabase(prefix: "cli"),
            clean: try TestPostgres.newDatabase(prefix: "cli"))
    }

    /// Imports a sample into `killed`, kills the import after a moment (part-way, on this machine), imports
    /// again, and compares with one clean import into `clean`.
    static func killAndRerun(rows: Int, folder: URL, killed: String, clean: String) throws {
        let export = folder.appendingPathComponent("s.csv").path
        _ = try CommandRun(["sample", "--rows", "\(rows)", "--seed", "9", "--output", export])
        let process = Process()
        process.executableURL = CommandRun.binary
        process.arguments = ["import", export, "--database", killed, "--snapshot-date", "2022-10-31"]
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        usleep(700_000)
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        let rerun = try CommandRun(["import", export, "--database", killed, "--snapshot-date", "2022-10-31", "--json"])
        let once = try CommandRun(["import", export, "--database", clean, "--snapshot-date", "2022-10-31", "--json"])
        #expect(rerun.status == 0 && once.status == 0, "\(rerun.errors) \(once.errors)")
        func counts(_ run: CommandRun) throws -> [String: Int] {
            let summary = try #require(
                (try JSONSerialization.jsonObject(with: Data(run.output.utf8)) as? [[String: Any]])?.first)
            return summary.compactMapValues { $0 as? Int }
        }
        #expect(try counts(rerun) == counts(once))
        let listKilled = try CommandRun(["quarantine", "list", "--database", killed])
        let listClean = try CommandRun(["quarantine", "list", "--database", clean])
        #expect(listKilled.output == listClean.output)
    }

    @Test("A file problem exits 65, says where in the language of --lang, and stores nothing from that file")
    func fileProblem() throws {
        let folder = try folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let bad = folder.appendingPathComponent("bad.csv")
        try Data("名字,电话\n甲,1\n".utf8).write(to: bad)
        let database = folder.appendingPathComponent("d.sqlite").path
        let expected = [
            ("en", "bad.csv:1: unknown column layout: expected columns for name", "Nothing from this file was stored."),
            ("ko", "bad.csv:1: 알 수 없는 열 구성 — 필요한 것: name", "이 파일에서는 아무것도 저장하지 않았습니다."),
            ("zh", "bad.csv:1：未知的列结构——应为：name", "此文件的内容均未保存。"),
        ]
        for (language, refusal, nothingStored) in expected {
            let run = try CommandRun(["import", bad.path, "--database", database, "--lang", language])
            #expect(run.status == 65)
            #expect(run.errors.contains(refusal) && run.errors.contains(nothingStored), "\(run.errors)")
        }
        let byDefault = try CommandRun(["import", bad.path, "--database", database])
        #expect(byDefault.status == 65 && byDefault.errors.contains("알 수 없는 열 구성"), "\(byDefault.errors)")
        // With --json the refused file has its entry beside the imported one's, in the order given.
        let good = folder.appendingPathComponent("good.csv")
        try Data("企业名称,统一社会信用代码\n杭州甲科技有限公司,91330108000000035F\n".utf8).write(to: good)
        let json = try CommandRun(["import", good.path, bad.path, "--database", database, "--json"])
        #expect(json.status == 65)
        let outcomes = try #require(
            try JSONSerialization.jsonObject(with: Data(json.output.utf8)) as? [[String: Any]], "\(json.output)")
        #expect(outcomes.count == 2)
        #expect(outcomes.first?["stored"] as? Int == 1 && outcomes.first?["refused"] == nil)
        #expect(outcomes.last?["file"] as? String == bad.path)
        let refused = try #require(outcomes.last?["refused"] as? [String: Any])
        #expect(refused["code"] as? String == "unknown column layout" && refused["line"] as? Int == 1)
        let texts = try #require(refused["text"] as? [String: String])
        #expect(texts["en"]?.contains("bad.csv:1: unknown column layout") == true)
        #expect(texts["ko"]?.contains("알 수 없는 열 구성") == true && texts["zh"]?.contains("未知的列结构") == true)
    }

    @Test("The search index's line groups its count like the summary's other counts, in every language")
    func searchIndexLine() {
        let lines = Language.allCases.map { ImportSummaryWords(language: $0).searchIndex(995_983, seconds: 5.54) }
        #expect(
            lines == [
                "검색 색인: 기업 995,983곳을 5.5초 만에 색인했습니다.", "搜索索引：5.5 秒内为 995,983 家企业建立了索引。",
                "Search index: 995,983 companies indexed in 5.5 s.",
            ])
        #expect(
            ImportSummaryWords(language: .en).searchIndex(1, seconds: 0) == "Search index: 1 company indexed in 0.0 s.")
    }

    @Test("Bad options are usage errors")
    func badOptions() throws {
        #expect(try CommandRun(["import", "x.csv", "--encoding", "latin9"]).status == 64)
        #expect(try CommandRun(["import", "x.csv", "--snapshot-date", "yesterday"]).status == 64)
    }
}
