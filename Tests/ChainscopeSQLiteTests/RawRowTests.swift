import ChainscopeCore
import ChainscopeIngest
import ChainscopeTestSupport
import Foundation
import GRDB
import Testing

@testable import ChainscopeSQLite

@Suite("Raw rows and their headers")
struct RawRowTests {
    static let regions = Result { try RegionTableReader().readBuiltin() }
    static let codes = (1...3).map { CreditCode.completing("91330106" + "0000000\($0)")!.value }
    /// Three companies under a header of four columns, `order` saying which columns and rows come first.
    static func export(
        columns order: [Int] = [0, 1, 2, 3], rows: [Int] = [0, 1, 2], phone: String = "0571-1",
        header: [String] = ["公司名称", "统一社会信用代码", "成立日期", "电话"]
    ) -> Data {
        let cells = rows.map { n in ["杭州原始\(n)科技有限公司", codes[n], "2020-01-0\(n + 1)", n == 0 ? phone : "-"] }
        let lines = [header] + cells
        return Data(lines.map { line in order.map { line[$0] }.joined(separator: ",") + "\n" }.joined().utf8)
    }

    static func run(_ content: Data, _ name: String, into store: SQLiteStore) async throws -> RegistryImport {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let url = folder.url.appendingPathComponent(name)
        try content.write(to: url)
        let options = RegistryImportOptions(snapshotDate: CalendarDate(year: 2022, month: 10, day: 31))
        return try await RegistryImporter(regions: try regions.get()).run(url, options: options, into: store).import
    }

    static func raws(_ store: SQLiteStore) async throws -> [[String: String]?] {
        var raws: [[String: String]?] = []
        for code in codes { raws.append(try await store.companyRaw(key: .creditCode(code))) }
        return raws
    }

    @Test("A header is stored once; each raw row names it by digest and reads back whole")
    func headerStoredOnce() async throws {
        let store = try SQLiteStore()
        _ = try await Self.run(Self.export(), "a.csv", into: store)
        let header = RawHeader(keys: ["公司名称", "统一社会信用代码", "成立日期", "电话"])
        let (headers, texts) = try await store.read { db in
            (
                try Row.fetchAll(db, sql: "SELECT digest, keys FROM raw_header").map { [$0[0], $0[1]] as [String] },
                try String.fetchAll(db, sql: "SELECT raw FROM company ORDER BY key")
            )
        }
        #expect(headers == [[header.digest, header.json]])
        #expect(texts.count == 3 && texts.allSatisfy { $0.hasPrefix(#"[""# + header.digest + #"","#) })
        #expect(
            try await Self.raws(store)[0] == [
                "公司名称": "杭州原始0科技有限公司", "统一社会信用代码": Self.codes[0], "成立日期": "2020-01-01", "电话": "0571-1",
            ])
        // A second layout of export adds its header, and its rows' cells are those stored: nothing changed.
        let again = try await Self.run(Self.export(columns: [3, 2, 1, 0]), "b.csv", into: store)
        #expect(again.counts.unchanged == 3)
        #expect(try await store.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM raw_header") } == 2)
        #expect(try await store.companyHistory(key: .creditCode(Self.codes[0])).isEmpty)
    }

    @Test("Rows stored as objects before headers were kept apart read the same and count as unchanged")
    func objectRowsStillRead() async throws {
        let store = try SQLiteStore()
        _ = try await Self.run(Self.export(), "a.csv", into: store)
        let before = try await Self.raws(store)
        // Each raw row as it was stored before migration v10: an object of header → cell.
        try await store.write { db in
            for (code, raw) in zip(Self.codes, before) {
                let object = try JSONSerialization.data(withJSONObject: try #require(raw), options: [.sortedKeys])
                try db.execute(
                    sql: "UPDATE company SET raw = ? WHERE key = ?",
                    arguments: [String(decoding: object, as: UTF8.self), "uscc:" + code])
            }
        }
        #expect(try await Self.raws(store) == before)
        // The same companies in another export layout (columns and rows in another order), one phone changed.
        let newer = try await Self.run(
            Self.export(columns: [2, 0, 3, 1], rows: [2, 0, 1], phone: "0571-2"), "b.csv", into: store)
        #expect(newer.counts.unchanged == 2)
        #expect(newer.counts.updated == 1)
        let history = try await store.companyHistory(key: .creditCode(Self.codes[0]))
        // Only the changed cell is recorded, by its header, though the stored texts differ in form too.
        #expect(
            history.map(\.fields) == [[CompanyChange.Field(name: "raw.电话", before: "0571-1", after: "0571-2")]])
        #expect(try await Self.raws(store)[0]?["电话"] == "0571-2")
        #expect(try await Self.raws(store)[1] == before[1])
    }

    @Test("A newer export whose headers are spelled another way is compared field by field")
    func renamedHeaders() async throws {
        let store = try SQLiteStore()
        _ = try await Self.run(Self.export(), "a.csv", into: store)
        // Tianyancha's spellings for the name, the credit code and the founding date; the same cells.
        let renamed = ["企业名称", "信用代码", "成立时间", "电话"]
        let same = try await Self.run(Self.export(header: renamed), "b.csv", into: store)
        #expect(same.counts.unchanged == 3 && same.counts.updated == 0)
        #expect(try await store.companyHistory(key: .creditCode(Self.codes[0])).isEmpty)
        let newer = try await Self.run(Self.export(phone: "0571-2", header: renamed), "c.csv", into: store)
        #expect(newer.counts.updated == 1)
        let history = try await store.companyHistory(key: .creditCode(Self.codes[0]))
        #expect(
            history.map(\.fields) == [[CompanyChange.Field(name: "raw.电话", before: "0571-1", after: "0571-2")]])
        #expect(try await Self.raws(store)[0]?["成立时间"] == "2020-01-01")
    }

    @Test("A digest stored for another header refuses the import and leaves the database as it was")
    func digestForAnotherHeader() async throws {
        let store = try SQLiteStore()
        let digest = RawHeader(keys: ["公司名称", "统一社会信用代码", "成立日期", "电话"]).digest
        try await store.write { db in
            try db.execute(sql: "INSERT INTO raw_header VALUES (?, ?)", arguments: [digest, #"["别的表头"]"#])
        }
        await #expect {
            _ = try await Self.run(Self.export(), "a.csv", into: store)
        } throws: { error in
            "\(error)".contains(digest) && "\(error)".contains("别的表头")
        }
        #expect(try await store.registryCompanies().isEmpty)
        #expect(try await store.imports().isEmpty)
    }
}
