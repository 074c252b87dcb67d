import ChainscopeCore
import Foundation
import HTTPTypes
import HummingbirdTesting
import Testing

@Suite("What newer exports changed, in the API and on the company page")
struct HistoryTests {
    @Test(
        "A company's changes come with their import, and an import lists its changed companies; phones need the token")
    func companyHistory() async throws {
        let fixture = try await ServerFixture()
        let listing = try #require(
            try await fixture.store.companies(matching: CompanyQuery(isMember: true, limit: 1)).companies.first)
        let code = try #require(listing.company.creditCode)
        let unchanged = try #require(
            try await fixture.store.registryCompanies().compactMap(\.creditCode).first { $0 != code })
        try await fixture.importNewerExport(changing: code)
        try await fixture.test { client in
            func history(_ code: String, token: Bool) async throws -> [[String: Any]] {
                try await client.execute(
                    uri: "/api/v1/companies/\(code)", method: .get, headers: token ? .bearer(ServerFixture.token) : [:]
                ) { try #require(try $0.json()["history"] as? [[String: Any]]) }
            }
            let shown = try await history(code, token: false)
            #expect(shown.count == 1)
            #expect(shown.first?["file"] as? String == "hangzhou-sample-newer.csv")
            #expect(shown.first?["snapshotDate"] as? String == "2022-11-30")
            let fields = try #require(shown.first?["fields"] as? [[String: String]])
            #expect(fields.first?["name"] == "status" && fields.first?["after"] == "deregistered")
            #expect(fields.contains { $0["name"] == "raw.登记状态" && $0["after"] == "注销" })
            #expect(!fields.contains { $0["name"] == "raw.电话" })
            let full = try #require(try await history(code, token: true).first?["fields"] as? [[String: String]])
            #expect(full.first { $0["name"] == "raw.电话" }?["after"] == "0571-99990000")
            #expect(try await history(unchanged, token: false).isEmpty)

            try await client.execute(uri: "/companies/\(code)?lang=en", method: .get) { response in
                let page = response.text
                #expect(page.contains("Changes in newer exports"))
                #expect(page.contains("<a href=\"/imports/2\">hangzhou-sample-newer.csv</a>"))
                #expect(page.contains("</td><td>Deregistered</td>"))
                #expect(!page.contains("0571-99990000"))
                #expect(
                    page.contains(
                        "电话</span> <span class=\"hint\">(column of the source row)</span></th><td>…</td><td>…</td>"))
            }
            try await client.execute(
                uri: "/companies/\(code)?lang=en", method: .get, headers: .bearer(ServerFixture.token)
            ) { #expect($0.text.contains("0571-99990000")) }
            try await client.execute(uri: "/companies/\(unchanged)?lang=en", method: .get) { response in
                #expect(!response.text.contains("Changes in newer exports"))
            }
            // The newer import's page lists the company it changed and what changed; the first import's, none.
            let name = try #require(listing.company.names.zh)
            try await client.execute(uri: "/imports/2?lang=en", method: .get) { response in
                let page = response.text
                #expect(page.contains("<h2>Companies this import changed (1)</h2>"))
                #expect(page.contains("<a href=\"/companies/\(code)\" lang=\"zh-Hans\">\(name)</a></th><td>Status, "))
                #expect(page.contains("<h2>Quarantined rows</h2>"))
            }
            try await client.execute(uri: "/imports/1?lang=en", method: .get) { response in
                #expect(!response.text.contains("Companies this import changed"))
                // The import's counts and what it warned of (the sample says it is synthetic).
                #expect(response.text.contains("<td class=\"day\">2022-10-31</td><td class=\"num\">"))
                #expect(response.text.contains("<h2>Warnings</h2><ul><li>row 1 says: 合成样本数据"))
            }
            try await client.execute(uri: "/imports/1?lang=ko", method: .get) { response in
                #expect(response.text.contains("<h2>경고</h2><ul><li>1행: 合成样本数据"), "\(response.text)")
            }
            // The same list in the API: the phone's change only with the token.
            func listed(token: Bool) async throws -> [[String: Any]] {
                try await client.execute(
                    uri: "/api/v1/imports/2/changes", method: .get, headers: token ? .bearer(ServerFixture.token) : [:]
                ) { try #require(try JSONSerialization.jsonObject(with: Data($0.text.utf8)) as? [[String: Any]]) }
            }
            let open = try await listed(token: false)
            #expect(open.map { $0["key"] as? String } == ["uscc:\(code)"])
            #expect(open.first?["href"] as? String == "/api/v1/companies/\(code)")
            let names = { (list: [[String: Any]]) in
                ((list.first?["change"] as? [String: Any])?["fields"] as? [[String: Any]])?.compactMap {
                    $0["name"] as? String
                }
            }
            #expect(names(open)?.contains("status") == true && names(open)?.contains("raw.电话") == false)
            #expect(names(try await listed(token: true))?.contains("raw.电话") == true)
            try await client.execute(uri: "/api/v1/imports/1/changes", method: .get) { #expect($0.text == "[]") }
            try await client.execute(uri: "/api/v1/imports/2/changes?limit=0", method: .get) {
                #expect($0.status == .badRequest)
            }
        }
    }

    @Test("An export taken before the newer one leaves its company as the newer one said, and its page says why")
    func olderExport() async throws {
        let fixture = try await ServerFixture()
        let code = try #require(
            try await fixture.store.companies(matching: CompanyQuery(isMember: true, limit: 1)).companies.first?
                .company.creditCode)
        try await fixture.importNewerExport(changing: code)
        let older = try await fixture.importSample(named: "hangzhou-sample-older.csv", on: 15)
        #expect(
            older.counts.older == 1 && older.counts.updated == 0 && older.counts.unchanged + 1 == older.counts.stored,
            "\(older.counts)")
        #expect(try await fixture.store.company(creditCode: code)?.status == .deregistered)
        try await fixture.test { client in
            try await client.execute(uri: "/imports/\(older.id)?lang=en", method: .get) { response in
                #expect(response.text.contains("<p>Rows older than the stored facts: 1. Their companies were already"))
                #expect(!response.text.contains("Companies this import changed"))
            }
            try await client.execute(uri: "/imports/1?lang=en", method: .get) { response in
                #expect(!response.text.contains("Rows older than the stored facts"))
                #expect(!response.text.contains("Rows this import did not apply"))
            }
            // The import's page lists its row not applied, with the fields that differed; so does its API.
            try await client.execute(uri: "/imports/\(older.id)?lang=en", method: .get) { response in
                #expect(response.text.contains("<h2>Rows this import did not apply (1)</h2>"))
                #expect(response.text.contains("href=\"/api/v1/imports/\(older.id)/changes?applied=false\""))
                #expect(response.text.contains("<a href=\"/companies/\(code)\" lang=\"zh-Hans\">"), "\(response.text)")
            }
            try await client.execute(uri: "/api/v1/imports/\(older.id)/changes?applied=false", method: .get) {
                response in
                let keys = try response.jsonList().map { $0["key"] as? String }
                #expect(keys == ["uscc:\(code)"])
            }
            try await client.execute(uri: "/api/v1/imports/\(older.id)/changes?applied=maybe", method: .get) {
                #expect($0.status == .badRequest)
            }
            try await client.execute(uri: "/api/v1/imports/\(older.id)", method: .get) { response in
                let counts = try response.json()["counts"] as? [String: Any]
                #expect(counts?["older"] as? Int == 1)
            }
            // The company's page and its API record show what the older row said, not applied, with its import;
            // its phone number only with the token.
            try await client.execute(uri: "/companies/\(code)?lang=en", method: .get) { response in
                let page = response.text
                let section = try #require(page.split(separator: "<h2 id=\"unapplied\">").last.map(String.init))
                #expect(section.hasPrefix("Values of earlier exports imported after a newer one, not applied</h2>"))
                #expect(section.contains("<th scope=\"col\">Kept</th><th scope=\"col\">This export</th>"))
                #expect(section.contains("<a href=\"/imports/\(older.id)\">hangzhou-sample-older.csv</a>, row "))
                #expect(
                    section.contains("<th scope=\"row\">Status</th><td>Deregistered</td><td>Active</td>"), "\(section)")
                #expect(section.contains("电话") && !section.contains("0571-99990000"))
            }
            for token in [false, true] {
                try await client.execute(
                    uri: "/api/v1/companies/\(code)", method: .get, headers: token ? .bearer(ServerFixture.token) : [:]
                ) { response in
                    let rows = try response.json()["unappliedChanges"] as? [[String: Any]]
                    #expect(rows?.map { $0["importID"] as? Int } == [Int(older.id)])
                    #expect(rows?.first?["snapshotDate"] as? String == "2022-11-15")
                    let names = (rows?.first?["fields"] as? [[String: Any]])?.compactMap { $0["name"] as? String }
                    #expect(names?.contains("status") == true && names?.contains("raw.电话") == token, "\(names ?? [])")
                }
            }
            // Another company, whose row in the older export said what was stored, has nothing not applied.
            let other = try #require(
                try await fixture.store.companies(matching: CompanyQuery(limit: 100)).companies
                    .compactMap(\.company.creditCode).first { $0 != code })
            try await client.execute(uri: "/companies/\(other)?lang=en", method: .get) { response in
                #expect(response.text.contains("id=\"provenance\"") && !response.text.contains("id=\"unapplied\""))
            }
            try await client.execute(uri: "/api/v1/companies/\(other)", method: .get) { response in
                let rows = try response.json()["unappliedChanges"] as? [Any]
                #expect(rows?.isEmpty == true)
            }
        }
    }
}
