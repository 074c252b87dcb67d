import ChainscopeCore
import ChainscopeIngest
import ChainscopeResources
import ChainscopeTestSupport
import Foundation
import GRDB
import Testing

@testable import ChainscopeSQLite

@Suite("Stored classifications")
struct ClassificationStoreTests {
    static let ai = Result { try TaxonomyReader().read(named: "ai") }
    static let ic = Result { try TaxonomyReader().read(named: "ic") }

    func importing(
        _ lines: [String], into store: SQLiteStore, name: String = "export.csv", day: Int = 31, classifies: Bool = true
    ) async throws -> RegistryImport {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let url = folder.url.appendingPathComponent(name)
        try Data((lines.joined(separator: "\n") + "\n").utf8).write(to: url)
        var options = RegistryImportOptions(snapshotDate: CalendarDate(year: 2022, month: 10, day: day))
        if classifies { options.classifier = Classifier(try Self.ai.get()) }
        return try await RegistryImporter(regions: try RegistryImportTests.regions.get())
            .run(url, options: options, into: store).import
    }

    func classify(_ store: SQLiteStore, _ taxonomy: Taxonomy, all: Bool = false) async throws -> Int {
        let classifier = Classifier(taxonomy)
        return try await store.classifyCompanies(taxonomy: taxonomy, all: all) {
            $0.map(classifier.classification(of:))
        }
    }

    @Test("An import classifies what it stores, evidence included")
    func importClassifies() async throws {
        let store = try SQLiteStore()
        _ = try await importing(
            [header, row(1, scope: "工业机器人制造；软件开发"), row(2, scope: "人工智能培训；餐饮管理"), row(2)], into: store)
        let robot = try #require(try await store.classification(of: .creditCode(creditCode(1)), taxonomy: "ai"))
        #expect(robot.isMember && robot.mainLayer == "application" && robot.memberSegments == ["robots"])
        #expect(robot.taxonomyDigest == (try Self.ai.get()).digest)
        #expect(robot.evidence.first { $0.segment == "robots" }?.clause == "工业机器人制造")
        let school = try #require(try await store.classification(of: .creditCode(creditCode(2)), taxonomy: "ai"))
        #expect(!school.isMember)
        #expect(school.evidence.first?.rule == .excludedByPhrase)
        #expect(try await store.classification(of: .creditCode(creditCode(1)), taxonomy: "ic") == nil)
        // What is read back is exactly what the classifier made: weights, triggers, optional fields.
        let classifier = Classifier(try Self.ai.get())
        for code in [creditCode(1), creditCode(2)] {
            let company = try #require(try await store.company(creditCode: code))
            #expect(
                try await store.classification(of: company.key, taxonomy: "ai")
                    == classifier.classification(of: company))
        }
    }

    @Test("A database from before v6 keeps its companies and classifications; credit codes still find them")
    func migratesCompanyTable() async throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let path = folder.path("old.sqlite")
        do {
            let old = try SQLiteStore(path: path, migratingUpTo: "v5-member-facts")
            // Today's import keeps each header once and records how a file was read, its warnings' codes and its
            // older rows (columns v13 and v14 add, dropped again below); a database of v5 kept raw rows as objects.
            try await old.write { db in
                try RawHeaderCatalog.createTable(db)
                try db.execute(sql: "ALTER TABLE registry_import ADD COLUMN reading TEXT NOT NULL DEFAULT ''")
                try db.execute(sql: "ALTER TABLE registry_import ADD COLUMN warning_details TEXT")
                try db.execute(sql: "ALTER TABLE registry_import ADD COLUMN older INTEGER NOT NULL DEFAULT 0")
            }
            _ = try await importing([header, row(1, scope: "工业机器人制造"), row(2)], into: old)
            try await old.write { db in
                try db.execute(
                    sql: """
                        UPDATE company SET raw = (
                            SELECT json_group_object(k.value, c.value) FROM json_each(company.raw) AS c
                            JOIN json_each((SELECT keys FROM raw_header WHERE digest = company.raw ->> 0)) AS k
                                ON k.key = c.key - 1);
                        DROP TABLE raw_header;
                        ALTER TABLE registry_import DROP COLUMN warning_details;
                        ALTER TABLE registry_import DROP COLUMN older;
                        """)
            }
            let raw = try await old.read { db in try String.fetchOne(db, sql: "SELECT raw FROM company") }
            #expect(raw?.hasPrefix(#"{"公司名称":"#) == true)
        }
        let store = try SQLiteStore(path: path)
        #expect(try await store.appliedMigrations().contains("v6-company-keyed-once"))
        let robot = try #require(try await store.company(creditCode: creditCode(1)))
        #expect(robot.names.zh == "杭州测试1科技有限公司")
        #expect(try await store.classification(of: robot.key, taxonomy: "ai")?.memberSegments == ["robots"])
        #expect(try await store.classificationCounts(taxonomy: "ai") == ["application": 1, "none": 1])
        #expect(try await store.memberCounts(taxonomy: try Self.ai.get(), asOf: nil).cells.map(\.count) == [1])
        // A newer export with the same rows and one more changes nothing stored and adds the new one.
        let newer = try await importing([header, row(1, scope: "工业机器人制造"), row(2), row(3)], into: store)
        #expect(newer.counts.unchanged == 2 && newer.counts.inserted == 1)
    }

    @Test(
        "A database from before v12 keeps its imports, their numbers and rows, whose reasons stay English; the same file is still known"
    )
    func migratesImportIdentity() async throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let path = folder.path("v11.sqlite")
        let lines = [header, row(1), row(2, founded: "2022-13-01")]
        let sha256 = try await importing(lines, into: try SQLiteStore()).sha256
        do {
            // Import #1 as v11 recorded it, with its quarantined row; #2 and #3 were deleted.
            let old = try SQLiteStore(path: path, migratingUpTo: "v11-history-by-import")
            try await old.write { db in
                try db.execute(
                    sql: """
                        INSERT INTO registry_import VALUES
                            (1, 'export.csv', ?, 'csv', 'utf-8', '2022-10-31', 2, 1, 0, 0, 1, 0, '[]');
                        INSERT INTO quarantine VALUES (1, 3, 3, NULL, '成立日期', '2022-13-01', 'not a date', '{}');
                        UPDATE sqlite_sequence SET seq = 3 WHERE name = 'registry_import';
                        """, arguments: [sha256])
            }
        }
        let migrated = try SQLiteStore(path: path)
        #expect(
            try await migrated.appliedMigrations().suffix(2) == [
                "v16-search-entries-flushed-in-larger-runs", "v17-quarantine-in-sheet-order",
            ])
        let imports = try await migrated.imports()
        #expect(imports.map(\.id) == [1] && imports.first?.counts.quarantined == 1)
        #expect(imports.first?.warningDetails == nil)
        let quarantined = try await migrated.quarantinedRows(importID: 1)
        #expect(quarantined.map(\.row) == [3])
        // Stored before reasons had codes: the English text is all there is, in every language.
        #expect(quarantined.first?.reasonDetail == nil && quarantined.first?.reason(in: .ko) == "not a date")
        #expect(try await migrated.read { db in try Row.fetchAll(db, sql: "PRAGMA foreign_key_check").count } == 0)
        // The file imported before v12 is known; the next import takes the number after the deleted ones.
        #expect(try await importing(lines, into: migrated).id == 1)
        #expect(try await importing(lines + [row(3)], into: migrated).id == 4)
    }

    @Test("classify is incremental: new taxonomy, changed file content or --all classify again; nothing else does")
    func incremental() async throws {
        let store = try SQLiteStore()
        _ = try await importing([header, row(1, scope: "集成电路封装测试"), row(2), row(3)], into: store)
        #expect(try await classify(store, try Self.ai.get()) == 0)
        #expect(try await classify(store, try Self.ic.get()) == 3)
        #expect(try await classify(store, try Self.ic.get()) == 0)
        #expect(try await classify(store, try Self.ic.get(), all: true) == 3)
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let edited = URL(fileURLWithPath: folder.path("ic.yaml"))
        try (try String(contentsOf: BuiltinResources.taxonomy("ic"), encoding: .utf8) + "\n# edited\n")
            .write(to: edited, atomically: true, encoding: .utf8)
        #expect(try await classify(store, try TaxonomyReader().read(edited)) == 3)
        let packaging = try await store.classification(of: .creditCode(creditCode(1)), taxonomy: "ic")
        #expect(packaging?.mainLayer == "packaging_testing")
    }

    @Test("A changed company is classified again on import; its other taxonomies' classifications go stale")
    func changedCompany() async throws {
        let store = try SQLiteStore()
        _ = try await importing([header, row(1), row(2)], into: store, day: 29)
        #expect(try await classify(store, try Self.ic.get()) == 2)
        #expect(try await store.classification(of: .creditCode(creditCode(1)), taxonomy: "ai")?.isMember == false)
        _ = try await importing(
            [header, row(1, scope: "人脸识别技术开发；集成电路设计"), row(2)], into: store, name: "newer.csv", day: 30)
        let updated = try await store.classification(of: .creditCode(creditCode(1)), taxonomy: "ai")
        #expect(updated?.isMember == true && updated?.mainLayer == "technology")
        #expect(try await classify(store, try Self.ic.get()) == 1)
        #expect(try await store.classification(of: .creditCode(creditCode(1)), taxonomy: "ic")?.isMember == true)
        // An import that classifies nothing leaves every classification of a changed company stale.
        _ = try await importing(
            [header, row(1, scope: "软件开发；信息技术咨询服务"), row(2)], into: store, name: "plain.csv", classifies: false)
        #expect(try await classify(store, try Self.ai.get()) == 1)
        #expect(try await classify(store, try Self.ic.get()) == 1)
        #expect(try await store.classification(of: .creditCode(creditCode(1)), taxonomy: "ai")?.isMember == false)
    }

    @Test("A newer export's facts reach its companies' segment rows in a stale taxonomy, found by the key's index")
    func changedFactsReachStaleSegments() async throws {
        let store = try SQLiteStore()
        let scope = "集成电路设计；人脸识别技术开发"
        _ = try await importing([header, row(1, scope: scope)], into: store, day: 30)
        #expect(try await classify(store, try Self.ic.get()) == 1)
        let newer = try await importing(
            [header, row(1, status: "注销", district: "滨江区", scope: scope)], into: store, name: "newer.csv")
        #expect(newer.counts.updated == 1)
        let key = CompanyKey.creditCode(creditCode(1)).description
        let (company, segments) = try await store.read { db in
            (
                try Row.fetchAll(db, sql: "SELECT region, status FROM company WHERE key = ?", arguments: [key])
                    .map { SQLiteImportSession.texts($0) },
                try Row.fetchAll(
                    db, sql: "SELECT region, status FROM company_segment WHERE taxonomy = 'ic' AND company_key = ?",
                    arguments: [key]
                ).map { SQLiteImportSession.texts($0) }
            )
        }
        #expect(company == [["330108", "deregistered"]])
        #expect(!segments.isEmpty)
        #expect(segments.allSatisfy { $0 == company.first })
        // Each per-row statement of an updating import seeks its rows: a scan would make an export that
        // updates most companies take time in proportion to their number squared.
        let statements = [
            ClassificationWriter.refreshFactsSQL, ClassificationWriter.markStaleSQL,
            ClassificationWriter.deleteSegmentsSQL, CompanyRecord.selectRowSQL, CompanyRecord.updateSQL,
        ]
        for sql in statements {
            let plan = try await store.read { db in
                try Row.fetchAll(DirectStatement(db, sql: "EXPLAIN QUERY PLAN " + sql).statement).map {
                    $0["detail"] as String
                }
            }
            #expect(!plan.isEmpty && plan.allSatisfy { $0.hasPrefix("SEARCH ") }, "\(sql): \(plan)")
        }
    }
}
