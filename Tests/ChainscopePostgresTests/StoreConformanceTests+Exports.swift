import ChainscopeCore
import ChainscopeIngest
import ChainscopeSQLite
import ChainscopeTestSupport
import Foundation
import Testing

@testable import ChainscopePostgres

/// The conformance of exports over time: codes and numbers a later export gives, exports imported out of order, rows
/// without a code matched to coded companies.
extension StoreConformanceTests {
    @Test(
        "A newer export that gives a credit code or number updates the company stored without it, as on SQLite",
        PostgresTestServer.required)
    func earlierKeysAdopted() async throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let inputs = try ConformanceInputs.make(in: folder)
        let header = "企业名称,统一社会信用代码,注册号,登记状态,所属城市,所属区县,经营范围,成立日期"
        func export(_ name: String, _ rows: [String]) throws -> URL {
            try ConformanceInputs.export(name, in: folder, header: header, rows: rows, suffix: ",2019-03-05")
        }
        // An old export (taken on 2022-06-30, the others on 2022-10-31) without codes (甲 with its registration number, 乙 and 丙 with neither), one that strikes
        // 甲 off, and a newer one that gives 甲 and 乙 their codes and 丙 a number; 丁 twice in it, once without; and
        // a company named as the dataset's group (name:330100:阿里巴巴), which is no registry company to adopt. 戊 and
        // 己 were typed with half-width brackets; the newer export writes them full-width.
        let files = [
            try export(
                "old.csv",
                [
                    "杭州甲智能科技有限公司,,330106000054321,存续,杭州市,西湖区,人工智能软件开发",
                    "杭州乙科技有限公司,-,,存续,杭州市,滨江区,计算机视觉系统集成", "杭州丙科技有限公司,,,存续,杭州市,西湖区,软件开发",
                    "杭州戊(中国)科技有限公司,,,存续,杭州市,西湖区,软件开发", "杭州己(杭州)科技有限公司,,,存续,杭州市,西湖区,软件开发",
                ]),
            try export("struck.csv", ["杭州甲智能科技有限公司,,330106000054321,注销,杭州市,西湖区,人工智能软件开发"]),
            try export(
                "newer.csv",
                [
                    "杭州甲智能科技有限公司,9133010202YN7X0849,330106000054321,注销,杭州市,西湖区,人工智能软件开发",
                    "杭州乙科技有限公司,91330100799655058B,,存续,杭州市,滨江区,计算机视觉系统集成",
                    "杭州丙科技有限公司,,330106000099999,存续,杭州市,西湖区,软件开发", "杭州丁科技有限公司,,,存续,杭州市,西湖区,软件开发",
                    "杭州丁科技有限公司,91330000733796106P,,存续,杭州市,西湖区,软件开发",
                    "阿里巴巴,91110000802100433B,,存续,杭州市,,软件开发",
                    "杭州戊（中国）科技有限公司,91350100M000100Y43,,存续,杭州市,西湖区,软件开发",
                    "杭州己（杭州）科技有限公司,,,存续,杭州市,西湖区,软件开发",
                ]),
        ]
        let importing = { @Sendable (store: any Store) async throws -> Adopted in
            try await store.install(inputs.regions)
            try await store.install(inputs.dataset)
            var adopted = Adopted()
            for file in files { adopted.imports.append(try await inputs.importFile(file, store).import) }
            adopted.companies = try await store.registryCompanies()
            for company in adopted.companies {
                adopted.histories[company.key.description] = try await store.companyHistory(key: company.key)
                adopted.classifications[company.key.description] = try await store.classification(
                    of: company.key, taxonomy: "ai")
            }
            adopted.counts = try await store.classificationCounts(taxonomy: "ai")
            adopted.group = try await store.company(key: .name("阿里巴巴", region: .hangzhou))
            adopted.membersInOldExport = try await store.memberCounts(
                taxonomy: inputs.taxonomy, asOf: CalendarDate(year: 2022, month: 6, day: 30)
            ).members
            return adopted
        }
        let expected = try await importing(try SQLiteStore())
        #expect(
            expected.companies.map(\.key.description).sorted() == [
                "name:330106:杭州丁科技有限公司", "name:330106:杭州己（杭州）科技有限公司", "regno:330106000099999",
                "uscc:91110000802100433B", "uscc:91330000733796106P", "uscc:91330100799655058B",
                "uscc:9133010202YN7X0849",
                "uscc:91350100M000100Y43",
            ])
        let counts = expected.imports[2].counts
        #expect(counts.updated == 4 && counts.inserted == 3 && counts.unchanged == 1, "\(counts)")
        #expect(expected.group?.kind == .group)
        // As of the old export, its members are counted, 甲 and 乙 too, though newer exports gave them their codes.
        #expect(expected.membersInOldExport == 2)
        // 甲 keeps the history it had under its number, then gains its code; its classification came along.
        let history = expected.histories["uscc:9133010202YN7X0849"] ?? []
        #expect(history.map { $0.fields.map(\.name) } == [["status", "raw.登记状态"], ["credit_code"]], "\(history)")
        #expect(expected.classifications["uscc:9133010202YN7X0849"]??.isMember == true)
        // 乙's code cell said "-": the code column's change says it all.
        #expect(expected.histories["uscc:91330100799655058B"]?.map { $0.fields.map(\.name) } == [["credit_code"]])
        #expect(expected.classifications["uscc:91330100799655058B"]??.segments.first?.segment == "vision")
        let found = try await PostgresTestServer.withStore { store in try await importing(store) }
        #expect(found == expected)
    }

    @Test(
        "An export taken before one already imported leaves the newer facts and classifications, as on SQLite",
        PostgresTestServer.required)
    func olderExportsKeepNewerFacts() async throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let inputs = try ConformanceInputs.make(in: folder)
        let header = "企业名称,统一社会信用代码,注册号,登记状态,所属城市,所属区县,经营范围,成立日期"
        let (jia, yi, bing, ding) = (
            "杭州甲智能科技有限公司,9133010202YN7X0849,", "杭州乙科技有限公司,91330100799655058B,",
            "杭州丙科技有限公司,91330000733796106P,", "杭州丁科技有限公司,91350100M000100Y43,"
        )
        let place = ",杭州市,西湖区,"
        func export(_ name: String, _ rows: [String]) throws -> URL {
            try ConformanceInputs.export(name, in: folder, header: header, rows: rows, suffix: ",2019-03-05")
        }
        // Imported in this order; their snapshot days (`ConformanceInputs`) are June, October, August and December.
        // October strikes 甲 off and repeats 乙 as it was; August has 甲's licence revoked and 乙 in computer vision.
        let files = [
            try export("june.csv", [jia + ",存续" + place + "人工智能软件开发", yi + ",存续" + place + "软件开发"]),
            try export(
                "october.csv",
                [jia + ",注销" + place + "人工智能软件开发", yi + ",存续" + place + "软件开发", bing + ",存续" + place + "软件开发"]),
            try export(
                "august.csv",
                [
                    jia + ",吊销" + place + "人工智能软件开发", yi + ",存续" + place + "计算机视觉系统集成",
                    bing + ",存续" + place + "软件开发", ding + ",存续" + place + "软件开发",
                ]),
            try export("december.csv", [jia + ",存续" + place + "人工智能软件开发"]),
        ]
        let importing = { @Sendable (store: any Store) async throws -> [Adopted] in
            try await store.install(inputs.regions)
            var states: [Adopted] = []
            var state = Adopted()
            for file in files {
                state.imports.append(try await inputs.importFile(file, store).import)
                state.companies = try await store.registryCompanies()
                for company in state.companies {
                    state.histories[company.key.description] = try await store.companyHistory(key: company.key)
                    state.classifications[company.key.description] = try await store.classification(
                        of: company.key, taxonomy: "ai")
                    state.unapplied[company.key.description] = try await store.unappliedChanges(key: company.key)
                }
                state.importChanges.append(try await store.changes(ofImport: state.imports.last!.id, limit: 10))
                state.importUnapplied.append(
                    try await store.changes(ofImport: state.imports.last!.id, limit: 1, isApplied: false))
                state.juneCells = try await store.memberCounts(
                    taxonomy: inputs.taxonomy, asOf: CalendarDate(year: 2022, month: 6, day: 30)
                ).cells.map { "\($0)" }
                state.augustStatuses = try await store.memberCounts(
                    taxonomy: inputs.taxonomy, asOf: CalendarDate(year: 2022, month: 8, day: 31)
                ).cells.map { "\($0.status?.rawValue ?? "-") \($0.count)" }
                states.append(state)
            }
            return states
        }
        let expected = try await importing(try SQLiteStore())
        let august = expected[2]
        let counts = august.imports[2].counts
        #expect(
            counts.older == 2 && counts.unchanged == 1 && counts.inserted == 1 && counts.updated == 0
                && counts.isBalanced, "\(counts)")
        #expect(august.imports.map(\.counts.older) == [0, 0, 2])
        // 甲 stays struck off, and 乙 keeps October's facts though June's import stored them: October saw it.
        #expect(august.companies.first { $0.creditCode?.description == "9133010202YN7X0849" }?.status == .deregistered)
        #expect(august.histories["uscc:9133010202YN7X0849"]?.map(\.importID) == [2])
        #expect(august.histories["uscc:91330100799655058B"] == [])
        // What their rows in August's export said is kept as not applied (the stored value before, the row's after);
        // 丙's row, the same as October's, changed nothing; August's import changed no company.
        let jiaSaid = try #require(august.unapplied["uscc:9133010202YN7X0849"])
        #expect(jiaSaid.map(\.importID) == [3] && jiaSaid.map(\.row) == [2])
        #expect(
            jiaSaid.first?.fields.first { $0.name == "status" }.map { [$0.before, $0.after] } == [
                "deregistered", "revoked",
            ])
        let yiSaid = august.unapplied["uscc:91330100799655058B"]?.first?.fields.first { $0.name == "business_scope" }
        #expect(yiSaid?.before == "软件开发" && yiSaid?.after == "计算机视觉系统集成")
        #expect(august.unapplied["uscc:91330000733796106P"] == [] && august.importChanges[2] == [])
        // The import lists them too, in row order (at most one asked for).
        #expect(august.importUnapplied.map { $0.map(\.key.description) } == [[], [], ["uscc:9133010202YN7X0849"]])
        #expect(expected[1].unapplied.values.allSatisfy { $0.isEmpty })
        // Counts as of June take 甲's status from October's change, not from what August's rows said; as of August,
        // from August's row, though it was not applied (before it was imported, from October's change). As of August,
        // 乙 is a member too: classified by the scope August's row gave it, computer vision.
        #expect(expected.allSatisfy { $0.juneCells == expected[0].juneCells } && !expected[0].juneCells.isEmpty)
        #expect(
            expected.map(\.augustStatuses) == [
                ["active 1"], ["active 1"], ["active 1", "revoked 1"], ["active 1", "revoked 1"],
            ])
        #expect(
            august.classifications["uscc:91330100799655058B"]??.segments.contains { $0.segment == "vision" } == false)
        #expect(
            august.companies.map(\.key.description) == expected[1].companies.map(\.key.description) + [
                "uscc:91350100M000100Y43"
            ])
        // December is newer than everything: it updates 甲 again.
        let december = expected[3]
        #expect(december.imports[3].counts.updated == 1)
        #expect(december.histories["uscc:9133010202YN7X0849"]?.map(\.importID) == [2, 4])
        #expect(december.companies.first { $0.creditCode?.description == "9133010202YN7X0849" }?.status == .active)
        let found = try await PostgresTestServer.withStore { store in try await importing(store) }
        #expect(found == expected)
    }

    @Test(
        "A row without a credit code updates the company an earlier export gave with one, found by name, as on SQLite",
        PostgresTestServer.required)
    func codedCompaniesFoundByName() async throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let inputs = try ConformanceInputs.make(in: folder)
        func code(_ body: String) throws -> String { try #require(CreditCode.completing(body)).value }
        let (a, b, c, e, f, g1, g2) = (
            try code("9133010600000001"), try code("9133010600000002"), try code("9133010600000003"),
            try code("9133010600000005"), try code("9233010600000006"), try code("9133010600000007"),
            try code("9133010800000008")
        )
        func export(_ name: String, _ header: String, _ rows: [String]) throws -> URL {
            try ConformanceInputs.export(name, in: folder, header: header, rows: rows)
        }
        let header = "企业名称,统一社会信用代码,注册号,所属城市,所属区县,登记状态"
        let coded = try export(
            "coded.csv", header,
            [
                "杭州甲科技有限公司,\(a),,杭州市,西湖区,存续", "杭州乙科技有限公司,\(b),330106000011111,杭州市,西湖区,存续",
                "杭州丙科技有限公司,\(c),,杭州市,西湖区,存续", "杭州戊（中国）科技有限公司,\(e),,杭州市,西湖区,存续",
                "西湖区己小吃店,\(f),,杭州市,西湖区,存续", "杭州庚科技有限公司,\(g1),,杭州市,西湖区,存续",
                "杭州庚科技有限公司,\(g2),,杭州市,滨江区,存续",
            ])
        // Taken later, without codes: 甲 struck off (and listed again with its code and without, duplicates); 乙 with another
        // registration number, another company; 丙 with only its city; 戊 with half-width brackets; 己, an
        // individual business; 丁, new; 庚, which two companies of the city are named.
        let list = try export(
            "october.csv", header,
            [
                "杭州甲科技有限公司,-,,杭州市,西湖区,注销", "杭州乙科技有限公司,,330106000099999,杭州市,西湖区,存续",
                "杭州丙科技有限公司,,,杭州市,,存续", "杭州戊(中国)科技有限公司,,,杭州市,西湖区,存续", "西湖区己小吃店,,,杭州市,西湖区,存续",
                "杭州丁科技有限公司,,,杭州市,西湖区,存续", "杭州庚科技有限公司,,,杭州市,,存续", "杭州甲科技有限公司,\(a),,杭州市,西湖区,注销", "杭州甲科技有限公司,,,杭州市,西湖区,注销",
            ])
        let importing = { @Sendable (store: any Store, indexing: Bool) async throws -> Adopted in
            try await store.install(inputs.regions)
            var state = Adopted()
            state.imports.append(try await inputs.importFile(coded, store).import)
            // Without this refresh (one command importing several files), the import brings the index up to date.
            if indexing { _ = try await store.refreshSearchIndex() }
            state.imports.append(try await inputs.importFile(list, store).import)
            state.companies = try await store.registryCompanies()
            for company in state.companies {
                state.histories[company.key.description] = try await store.companyHistory(key: company.key)
            }
            return state
        }
        let expected = try await importing(try SQLiteStore(), true)
        let counts = expected.imports[1].counts
        #expect(
            counts.inserted == 3 && counts.updated == 1 && counts.unchanged == 3 && counts.duplicates == 2, "\(counts)")
        let keys = expected.companies.map(\.key.description)
        #expect(
            keys.filter { !$0.hasPrefix("uscc:") } == [
                "name:330100:杭州庚科技有限公司", "name:330106:杭州丁科技有限公司", "regno:330106000099999",
            ])
        #expect(keys.count == 10)
        #expect(expected.histories["uscc:\(a)"]?.map { $0.fields.map(\.name) } == [["status", "raw.登记状态"]])
        #expect(expected.companies.first { $0.creditCode == f }?.kind == .individualBusiness)
        #expect(try await importing(try SQLiteStore(), false) == expected)
        let found = try await PostgresTestServer.withStore { store in try await importing(store, true) }
        #expect(found == expected)
    }

    struct Adopted: Sendable, Equatable {
        var imports: [RegistryImport] = []
        var companies: [Company] = []
        var histories: [String: [CompanyChange]] = [:]
        var classifications: [String: Classification?] = [:]
        var counts: [String: Int] = [:]
        var group: Company?
        var membersInOldExport = 0
        var unapplied: [String: [CompanyChange]] = [:]
        var importChanges: [[ImportedChange]] = []
        var juneCells: [String] = []
        var importUnapplied: [[ImportedChange]] = []
        var augustStatuses: [String] = []
    }
}
