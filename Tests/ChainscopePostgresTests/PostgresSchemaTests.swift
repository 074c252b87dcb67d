import ChainscopeCore
import ChainscopeIngest
import ChainscopeTestSupport
import Foundation
import PostgresNIO
import Testing

@testable import ChainscopePostgres

@Suite("PostgreSQL schema")
struct PostgresSchemaTests {
    @Test(
        "The company table is partitioned by province, and every key of a company table includes it",
        PostgresTestServer.required)
    func provinceInEveryKey() async throws {
        try await PostgresTestServer.withStore { store in
            let partitioned = try await store.rows(
                """
                SELECT c.relname, a.attname FROM pg_partitioned_table p
                JOIN pg_class c ON c.oid = p.partrelid
                JOIN pg_attribute a ON a.attrelid = p.partrelid AND a.attnum = p.partattrs[0]
                """
            ).map { try $0.decode((String, String).self) }
            #expect(partitioned.map(\.0) == ["company"] && partitioned.map(\.1) == ["province"])
            let partitions = try await store.rows(
                "SELECT count(*) FROM pg_inherits WHERE inhparent = 'company'::regclass"
            ).first?.decode(Int.self)
            #expect(partitions == PostgresStore.provinces.count + 1)
            // Tables that hold a company key: each must carry the province in its primary and unique keys and
            // in its foreign keys to companies (those to the imports, a reference table, need not).
            let keyed = try await store.rows(
                """
                SELECT DISTINCT c.relname FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid
                JOIN pg_namespace n ON n.oid = c.relnamespace
                WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p') AND NOT c.relispartition
                    AND a.attname IN ('company_key', 'key') AND c.relname <> 'schema_migration'
                ORDER BY 1
                """
            ).map { try $0.decode(String.self) }
            #expect(keyed == ["classification", "company", "company_history", "company_segment", "import_key"])
            let constraints = try await store.rows(
                """
                SELECT c.relname, k.conname, k.contype::text,
                    bool_or(a.attname = 'province') AS has_province
                FROM pg_constraint k JOIN pg_class c ON c.oid = k.conrelid
                JOIN pg_attribute a ON a.attrelid = k.conrelid AND a.attnum = ANY(k.conkey)
                WHERE k.contype IN ('p', 'u', 'f') AND c.relname = ANY(\(keyed)) AND NOT c.relispartition
                    AND (k.contype <> 'f' OR k.confrelid = 'company'::regclass)
                GROUP BY 1, 2, 3 ORDER BY 1, 2
                """
            ).map { try $0.decode((String, String, String, Bool).self) }
            #expect(constraints.count == 6)
            for (table, name, _, hasProvince) in constraints {
                #expect(hasProvince, "\(table).\(name) leaves out the province")
            }
            // The history's foreign key points at the company's (province, key); classifications and segment
            // rows have none (see migration v4).
            #expect(constraints.filter { $0.2 == "f" }.map(\.0) == ["company_history"])
            // Keys lead with the company's key, so that they also give key order (migration v6).
            let primaryKeys = try await store.rows(
                """
                SELECT c.relname, string_agg(a.attname, ',' ORDER BY k.n) FROM pg_constraint p
                JOIN pg_class c ON c.oid = p.conrelid CROSS JOIN unnest(p.conkey) WITH ORDINALITY AS k(attnum, n)
                JOIN pg_attribute a ON a.attrelid = p.conrelid AND a.attnum = k.attnum
                WHERE p.contype = 'p' AND c.relname IN ('company', 'classification') GROUP BY 1 ORDER BY 1
                """
            ).map { try $0.decode((String, String).self) }
            #expect(primaryKeys.map(\.1) == ["taxonomy,company_key,province", "key,province"])
        }
    }

    @Test("Migrating twice applies nothing the second time; status lists every migration", PostgresTestServer.required)
    func migrations() async throws {
        try await PostgresTestServer.withStore(migrate: false) { store in
            let before = try await store.migrationStatus()
            #expect(before.applied.isEmpty && before.pending == PostgresStore.migrations.map(\.name))
            #expect(try await store.migrate() == PostgresStore.migrations.map(\.name))
            #expect(try await store.migrate() == [])
            let after = try await store.migrationStatus()
            #expect(after.applied == PostgresStore.migrations.map(\.name) && after.pending.isEmpty)
        }
    }

    @Test("Migration v7 drops the grams that paired characters across white space", PostgresTestServer.required)
    func gramsWithinWords() async throws {
        try await PostgresTestServer.withStore { store in
            try await store.install(try DatasetReader().readBuiltin("hangzhou-ai-2022"))
            let names = ["蚂蚁集团", "앤트그룹", "Ant Group"]
            @Sendable func stored() async throws -> [String]? {
                try await store.rows("SELECT grams FROM company WHERE name_en = 'Ant Group'").first?.decode(
                    [String].self)
            }
            #expect(try await stored() == SearchGrams.grams(of: names))
            // The grams as the import wrote them before v7: "t" and "g" paired across the space.
            try await store.execute(unsafeSQL: "UPDATE company SET grams = grams || '{tg}' WHERE name_en = 'Ant Group'")
            #expect(try await store.companies(matching: CompanyQuery(text: "tg")).companies.count == 1)
            for statement in try #require(PostgresStore.migrations.last { $0.name == "v7-grams-within-words" }).sql {
                try await store.execute(unsafeSQL: statement)
            }
            #expect(try await stored() == SearchGrams.grams(of: names))
            #expect(try await store.companies(matching: CompanyQuery(text: "tg")).companies.isEmpty)
            #expect(try await store.companies(matching: CompanyQuery(text: "gr")).companies.count == 1)
        }
    }

    @Test(
        "Migration v14 numbers the sheets of rows quarantined before it by name, keeping their order",
        PostgresTestServer.required)
    func sheetsNumberedByName() async throws {
        try await PostgresTestServer.withStore(migrate: false) { store in
            try await store.migrate(through: "v13-unapplied-changes")
            for statement in QuarantineBeforeSheetNumbers.statements { try await store.execute(unsafeSQL: statement) }
            #expect(try await store.migrate() == ["v14-quarantine-in-sheet-order"])
            let listing = try await QuarantineBeforeSheetNumbers.listing(store)
            #expect(listing.all == QuarantineBeforeSheetNumbers.listed)
            #expect(listing.paged == QuarantineBeforeSheetNumbers.listed)
            #expect(listing.workbook == Array(QuarantineBeforeSheetNumbers.listed.suffix(3)))
        }
    }

    @Test("Refreshing the search merges what imports left in its indexes' pending lists", PostgresTestServer.required)
    func pendingListsMerged() async throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let inputs = try ConformanceInputs.make(in: folder)
        try await PostgresTestServer.withStore { store in
            try await store.install(inputs.regions)
            _ = try await inputs.importFile(inputs.first, store)
            try await store.execute(unsafeSQL: "CREATE EXTENSION IF NOT EXISTS pgstattuple")
            @Sendable func pending() async throws -> [String: Int] {
                let rows = try await store.rows(
                    """
                    SELECT p.relname, sum(s.pending_tuples)::bigint
                    FROM pg_inherits i JOIN pg_class p ON p.oid = i.inhparent,
                        LATERAL pgstatginindex(i.inhrelid::regclass) s
                    WHERE p.relname IN ('company_search_trigram', 'company_search_grams') GROUP BY p.relname
                    """)
                return Dictionary(uniqueKeysWithValues: try rows.map { try $0.decode((String, Int).self) })
            }
            let before = try await pending()
            #expect(before.count == 2 && before.values.allSatisfy { $0 > 0 }, "\(before)")
            #expect(try await store.refreshSearchIndex() == 0)
            #expect(try await pending() == ["company_search_trigram": 0, "company_search_grams": 0])
            #expect(try await store.companies(matching: CompanyQuery(text: "科技")).companies.isEmpty == false)
        }
    }

    @Test(
        "Provinces come from the credit code's characters 3–4, a registration number's or a region's first two",
        arguments: [
            ("uscc:91330100MA2AXXXX0X", "33"), ("uscc:91110000600000000X", "11"), ("regno:330108000123456", "33"),
            ("name:440300:某某科技", "44"), ("uscc:9", "00"), ("other", "00"), ("uscc:91a3", "00"),
        ])
    func province(key: String, province: String) {
        #expect(CompanyKey.province(ofKey: key) == province)
    }
}
