import ChainscopeTestSupport
import Foundation
import Testing

@Suite("chainscope quarantine export --original")
struct QuarantineOriginalTests {
    /// A registry export whose columns are in no name order, with a repeated header and an unknown column: one good
    /// row, an impossible date, a wrong check character and a row cut short.
    static let header = "统一社会信用代码,企业名称,成立日期,电话,所属区县,备注,电话,经营范围"
    static let rows = [
        "91330108000000035F,杭州星智机器人有限公司,2017-02-02,0571-1,滨江区,,138,人工智能软件开发",
        "9133011402YN7X0418,杭州创华电子商务有限公司,2022-13-45,0571-2,钱塘区,\"说明,带逗号\",139,电子商务",
        "9133011005YDFU0570,杭州新达人工智能科技有限公司,2022-01-25,0571-3,余杭区,,,人工智能应用软件开发",
        "9133011208Y4PR064K,杭州新新电子商务有限公司",
    ]

    @Test("Quarantined rows are written as their file had them, and import once corrected")
    func correctedAndImported() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let (export, database) = (folder.url.appendingPathComponent("导出.csv").path, folder.path("d.sqlite"))
        try ([Self.header] + Self.rows).map { $0 + "\r\n" }.joined().write(
            toFile: export, atomically: true, encoding: .utf8)
        let first = try CommandRun(["import", export, "--database", database, "--snapshot-date", "2022-06-30"])
        #expect(first.status == 0, "\(first.errors)")

        let fix = folder.path("fix.csv")
        let unnamed = try CommandRun(["quarantine", "export", "--original", "--database", database, "--output", fix])
        #expect(unnamed.status == 64 && unnamed.errors.contains("--original에는 --import N이 필요합니다"), "\(unnamed.errors)")
        #expect(!FileManager.default.fileExists(atPath: fix))

        let written = try CommandRun([
            "quarantine", "export", "--original", "--import", "1", "--database", database, "--output", fix, "--lang",
            "en",
        ])
        #expect(written.status == 0, "\(written.errors)")
        #expect(written.errors.contains("3 quarantined rows"), "\(written.errors)")
        #expect(written.errors.contains("chainscope import \(fix) --snapshot-date 2022-06-30"), "\(written.errors)")
        let data = try Data(contentsOf: URL(fileURLWithPath: fix))
        #expect(data.starts(with: [0xEF, 0xBB, 0xBF]))
        let text = String(decoding: data.dropFirst(3), as: UTF8.self)
        // The header and the rows byte for byte, the short row with an empty cell for each column it lacked.
        let expected = [Self.header, Self.rows[1], Self.rows[2], Self.rows[3] + ",,,,,,"].map { $0 + "\r\n" }.joined()
        #expect(text == expected)

        let corrected = text.replacingOccurrences(of: "2022-13-45", with: "2022-03-14")
            .replacingOccurrences(of: "9133011005YDFU0570", with: "9133011005YDFU057G")
            .replacingOccurrences(of: "杭州新新电子商务有限公司,,,", with: "杭州新新电子商务有限公司,2019-08-24,0571-4,临安区")
        try corrected.write(toFile: fix, atomically: true, encoding: .utf8)
        let second = try CommandRun([
            "import", fix, "--database", database, "--snapshot-date", "2022-06-30", "--lang", "en",
        ])
        #expect(second.status == 0 && second.output.contains("3 + 0 + 0 = 3 rows"), "\(second.output)")
        let left = try CommandRun(["quarantine", "list", "--import", "2", "--database", database, "--lang", "en"])
        #expect(left.output == "No quarantined rows.\n", "\(left.output)")

        let none = folder.path("none.csv")
        let empty = try CommandRun([
            "quarantine", "export", "--original", "--import", "2", "--database", database, "--output", none,
        ])
        #expect(empty.status == 0 && empty.errors.contains("가져오기 #2에는 격리된 행이 없어"), "\(empty.errors)")
        #expect(!FileManager.default.fileExists(atPath: none))
    }
}
