import ChainscopeCore
import ChainscopeIngest
import ChainscopeTestSupport
import Foundation
import GRDB
import Testing

@testable import ChainscopeSQLite

@Suite("Company search and lists")
struct CompanySearchTests {
    /// A store holding the built-in dataset (whose companies have Korean and English names) and a
    /// classified 400-row synthetic registry, with the search index refreshed.
    static func store() async throws -> SQLiteStore {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let store = try SQLiteStore()
        let regions = try RegionTableReader().readBuiltin()
        try await store.install(regions)
        try await store.install(try DatasetReader().readBuiltin("hangzhou-ai-2022"))
        let file = folder.url.appendingPathComponent("sample.csv")
        _ = try SampleWriter(generator: SampleGenerator(seed: 11, regions: regions)).write(rows: 400, to: file)
        var options = RegistryImportOptions(snapshotDate: CalendarDate(year: 2022, month: 10, day: 31))
        options.classifier = Classifier(try TaxonomyReader().read(named: "ai"))
        _ = try await RegistryImporter(regions: regions).run(file, options: options, into: store)
        #expect(try await store.refreshSearchIndex() > 400)
        return store
    }

    /// Every company of a query, page after page.
    static func all(_ store: SQLiteStore, _ query: CompanyQuery) async throws -> [CompanyListing] {
        var query = query
        var listings: [CompanyListing] = []
        while true {
            let page = try await store.companies(matching: query)
            listings += page.companies
            guard let next = page.next else { return listings }
            #expect(page.companies.count == query.limit)
            query.after = next
        }
    }

    static func everyCompany(_ store: SQLiteStore) async throws -> [CompanyListing] {
        try await all(store, CompanyQuery(limit: 500))
    }

    @Test("Names are found from one character up, in every language, as a plain scan would find them")
    func namesOfAnyLength() async throws {
        let store = try await Self.store()
        let everyone = try await Self.everyCompany(store)
        let sample = try #require(everyone.last { $0.company.provenance.kind == .registryImport }).company.names.zh!
        let middle = sample.dropFirst(2)
        let pieces: [Substring] = [
            sample.prefix(1), middle.prefix(1), middle.prefix(2), middle.prefix(3), middle.prefix(4), sample.suffix(2),
            sample.suffix(1),
        ]
        let queries: [String] =
            pieces.map(String.init) + ["智能", "芯", "科技有限", "알리바바", "alibaba", "Hikvision", "海康", "不存在的名字"]
        for text in queries {
            let found = try await Self.all(store, CompanyQuery(text: text, limit: 7)).map(\.company.key)
            let expected = everyone.filter { listing in
                let names = [listing.company.names.zh, listing.company.names.ko, listing.company.names.en].compactMap {
                    $0
                }
                return names.contains { $0.lowercased().contains(text.lowercased()) }
            }.map(\.company.key)
            #expect(found == expected, "query \(text)")
        }
        #expect(try await Self.all(store, CompanyQuery(text: "芯", limit: 50)).count > 3)
        #expect(try await Self.all(store, CompanyQuery(text: "Alibaba", limit: 50)).count >= 1)
    }

    @Test("The start of a credit code finds the companies whose codes begin with it")
    func codePrefix() async throws {
        let store = try await Self.store()
        let everyone = try await Self.everyCompany(store)
        let code = try #require(everyone.compactMap(\.company.creditCode).dropFirst(5).first)
        #expect(
            try await store.companies(matching: CompanyQuery(text: code.lowercased())).companies.map(
                \.company.creditCode)
                == [code])
        for prefix in [String(code.prefix(8)), code] {
            let found = try await Self.all(store, CompanyQuery(text: prefix, limit: 3)).map(\.company.key)
            #expect(
                found.sorted(by: { $0.description < $1.description })
                    == everyone.filter { $0.company.creditCode?.hasPrefix(prefix) == true }.map(\.company.key)
                    .sorted(by: { $0.description < $1.description }))
            #expect(!found.isEmpty)
        }
    }

    @Test("Filters and orders select and sort as the companies' own fields say, and pages never overlap")
    func filtersAndOrders() async throws {
        let store = try await Self.store()
        let everyone = try await Self.everyCompany(store)
        #expect(Set(everyone.map(\.company.key)).count == everyone.count)
        let district = try #require(everyone.compactMap(\.company.region).first)
        let from = CalendarDate(year: 2020, month: 1, day: 1)!
        let through = CalendarDate(year: 2021, month: 12, day: 31)!
        var query = CompanyQuery(
            isMember: true, district: district, status: .active, foundedFrom: from, foundedThrough: through, limit: 4)
        let filtered = try await Self.all(store, query)
        let expected = everyone.filter {
            $0.isMember == true && $0.company.region == district && $0.company.status == .active
                && $0.company.founded.map { $0 >= from && $0 <= through } == true
        }
        #expect(filtered.map(\.company.key) == expected.map(\.company.key))
        query = CompanyQuery(segment: "vision", limit: 9)
        #expect(try await Self.all(store, query).allSatisfy { $0.segments.contains("vision") })
        #expect(
            try await Self.all(store, query).count == everyone.filter { $0.segments.contains("vision") }.count)
        query = CompanyQuery(layer: "application", limit: 9)
        #expect(
            try await Self.all(store, query).map(\.company.key)
                == everyone.filter { $0.mainLayer == "application" && $0.isMember == true }.map(\.company.key))
        for order in [CompanyQuery.Order.founded, .foundedDescending, .name] {
            let sorted = try await Self.all(store, CompanyQuery(order: order, limit: 33))
            #expect(Set(sorted.map(\.company.key)) == Set(everyone.map(\.company.key)), "\(order)")
            let values = sorted.map {
                order == .name
                    ? ($0.company.names.zh ?? $0.company.names.en ?? "")
                    : ($0.company.founded?.description ?? (order == .founded ? "9999" : ""))
            }
            #expect(values == (order == .foundedDescending ? values.sorted(by: >) : values.sorted()), "\(order)")
        }
    }

    @Test("Renamed and removed companies leave the index at the next refresh")
    func refreshFollowsChanges() async throws {
        let store = try SQLiteStore()
        var dataset = try DatasetReader().readBuiltin("hangzhou-ai-2022")
        try await store.install(dataset)
        _ = try await store.refreshSearchIndex()
        let company = try #require(dataset.companies.first { $0.names.zh != nil })
        let name = company.names.zh!
        #expect(
            try await store.companies(matching: CompanyQuery(text: name)).companies.map(\.company.key) == [company.key])
        dataset.companies[dataset.companies.firstIndex(of: company)!].names.zh = "测试改名公司"
        try await store.install(dataset)
        _ = try await store.refreshSearchIndex()
        #expect(try await store.companies(matching: CompanyQuery(text: name)).companies.isEmpty)
        #expect(
            try await store.companies(matching: CompanyQuery(text: "改名")).companies.map(\.company.key) == [company.key])
        #expect(
            try await store.companies(matching: CompanyQuery(text: "测")).companies.map(\.company.key) == [company.key])
        #expect(try await store.refreshSearchIndex() == 0)
    }

    @Test(
        "Text meant to break SQL or the full-text syntax is searched for as text",
        arguments: ["' OR 1=1 --", "\"; DROP TABLE company; --", "智能\" OR \"a", "*", "NEAR(a b)", "%", "_", "\\"])
    func hostileText(_ text: String) async throws {
        let store = try await Self.store()
        let page = try await store.companies(
            matching: CompanyQuery(text: text, district: RegionCode(rawValue: "330106")))
        #expect(page.companies.isEmpty)
        #expect(try await Self.everyCompany(store).count > 400)
    }

    @Test("Short queries find any character, and a company's old names leave the index exactly")
    func shortQueriesAndExactRemoval() async throws {
        let store = try SQLiteStore()
        var dataset = try DatasetReader().readBuiltin("hangzhou-ai-2022")
        let names = [
            LocalizedText(zh: "换行\n公司", ko: "", en: "Line Feed"), LocalizedText(zh: "A&B（杭州）·😀🇰🇷"),
            LocalizedText(zh: "\"引号\" *NEAR"),
        ]
        for (index, name) in names.enumerated() { dataset.companies[index].names = name }
        try await store.install(dataset)
        _ = try await store.refreshSearchIndex()
        func found(_ text: String) async throws -> [CompanyKey] {
            try await Self.all(store, CompanyQuery(text: text, limit: 2)).map(\.company.key)
        }
        let queries = [
            ["换", "行", "换行\n公司", "fe", "line"], ["&", "（杭", "·", "😀", "🇰🇷", "b（杭州"],
            ["\"", "引号", "*", "*n", "\" *near"],
        ]
        for (company, texts) in zip(dataset.companies.map(\.key), queries) {
            for text in texts { #expect(try await found(text) == [company], "query \(text)") }
        }
        // Pairs across white space are in no name, as a scan would say.
        for text in ["行公", "ef", "b*"] { #expect(try await found(text).isEmpty, "query \(text)") }
        dataset.companies[0].names = LocalizedText(zh: "改名公司")
        let removed = dataset.companies.remove(at: 1)
        try await store.install(dataset)
        _ = try await store.refreshSearchIndex()
        for text in queries[0] + queries[1] { #expect(try await found(text).isEmpty, "query \(text)") }
        #expect(try await found("改名") == [dataset.companies[0].key])
        // Both indexes now hold exactly what an index of the remaining names would: FTS5 removes a document
        // from a table without content only when told its exact text, and would otherwise keep some terms.
        let fresh = try SQLiteStore()
        try await fresh.install(dataset)
        _ = try await fresh.refreshSearchIndex()
        #expect(try await Self.terms(store) == Self.terms(fresh))
        // Three companies again: the third takes rowid 3, which an indexed company had and SQLite gives out
        // again, as the highest remaining rowid is now 2.
        dataset.companies.insert(removed, at: 1)
        try await store.install(dataset)
        _ = try await store.refreshSearchIndex()
        for text in queries[1] { #expect(try await found(text).count == 1, "query \(text)") }
        try await fresh.install(dataset)
        _ = try await fresh.refreshSearchIndex()
        #expect(try await Self.terms(store) == Self.terms(fresh))
    }

    /// Every term of both full-text tables with the number of companies that hold it.
    static func terms(_ store: SQLiteStore) async throws -> [String] {
        try await store.write { db in
            try ["company_search", "company_gram"].flatMap { table in
                try db.execute(
                    sql: "CREATE VIRTUAL TABLE IF NOT EXISTS temp.\(table)_terms USING fts5vocab(main, \(table), row)")
                return try String.fetchAll(db, sql: "SELECT '\(table) ' || term || ' ' || doc FROM \(table)_terms")
            }
        }
    }

    @Test("A database whose search index v8 built is indexed again after migrating")
    func migratesSearchIndex() async throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let path = folder.path("v8.sqlite")
        let dataset = try DatasetReader().readBuiltin("hangzhou-ai-2022")
        do {
            let old = try SQLiteStore(path: path, migratingUpTo: "v8-company-search")
            try await old.install(dataset)
            // The index as v8 left it after a refresh (only the first company, to keep it short).
            try await old.write { db in
                try db.execute(
                    sql: """
                        INSERT INTO company_search (rowid, names) SELECT rowid, name_zh FROM company WHERE rowid = 1;
                        INSERT INTO company_gram SELECT substr(name_zh, 1, 1), rowid FROM company WHERE rowid = 1;
                        UPDATE search_state SET indexed_through = (SELECT max(rowid) FROM company);
                        """)
            }
        }
        let store = try SQLiteStore(path: path)
        #expect(try await store.refreshSearchIndex() == dataset.companies.count)
        let company = try #require(dataset.companies.first { $0.names.zh != nil })
        for text in [String(company.names.zh!.prefix(2)), company.names.zh!] {
            let found = try await Self.all(store, CompanyQuery(text: text, limit: 100)).map(\.company.key)
            #expect(found.contains(company.key), "query \(text)")
        }
        // Both full-text tables flush their entries a 16 MiB run at a time (v16).
        let flushed = try await store.read { db in
            try ["company_search", "company_gram"].map {
                try Int.fetchOne(db, sql: "SELECT v FROM \($0)_config WHERE k = 'hashsize'")
            }
        }
        #expect(flushed == [16 << 20, 16 << 20])
    }
}
