import ChainscopeCore
import ChainscopeIngest
import ChainscopeSQLite
import ChainscopeServer
import ChainscopeTestSupport
import Foundation
import Hummingbird
import HummingbirdTesting
import NIOCore
import Testing

@Suite("JSON API")
struct APITests {
    @Test("The OpenAPI document is valid JSON and names exactly the routes the router serves")
    func openAPIMatchesRouter() async throws {
        let fixture = try await ServerFixture()
        let routes = Set(
            fixture.server.router().routes.map { "\($0.method.rawValue.lowercased()) \($0.path)" }
                .filter { $0.contains(" /api/v1/") }.map { $0.replacingOccurrences(of: "/api/v1", with: "") })
        try await fixture.test { client in
            try await client.execute(uri: "/api/v1/openapi.json", method: .get) { response in
                #expect(response.status == .ok)
                let document = try response.json()
                #expect(document["openapi"] as? String == "3.1.0")
                let paths = try #require(document["paths"] as? [String: [String: Any]])
                let documented = Set(paths.flatMap { path, operations in operations.keys.map { "\($0) \(path)" } })
                #expect(documented == routes)
            }
        }
        #expect(routes.count >= 18)
    }

    @Test("Health and Prometheus metrics answer, counting requests by route and status")
    func operations() async throws {
        try await ServerFixture().test { client in
            try await client.execute(uri: "/healthz", method: .get) { #expect($0.text == #"{"status":"ok"}"#) }
            try await client.execute(uri: "/api/v1/companies/none", method: .get) { #expect($0.status == .notFound) }
            try await client.execute(uri: "/metrics", method: .get) { response in
                #expect(response.headers[.contentType]?.hasPrefix("text/plain") == true)
                #expect(
                    response.text.contains(
                        #"chainscope_http_requests_total{method="GET",route="/healthz",status="200"} 1"#))
                #expect(response.text.contains(#"route="/api/v1/companies/{id}",status="404"} 1"#))
                #expect(response.text.contains("chainscope_http_request_duration_seconds_bucket"))
            }
        }
    }

    @Test("Company search pages with a cursor through every match of a one-character query")
    func companySearch() async throws {
        let fixture = try await ServerFixture()
        try await fixture.test { client in
            var cursor: String?
            var names: [String] = []
            repeat {
                let uri = "/api/v1/companies?q=\(encoded("芯"))&limit=5" + (cursor.map { "&cursor=\($0)" } ?? "")
                cursor = try await client.execute(uri: uri, method: .get) { response in
                    #expect(response.status == .ok)
                    let page = try response.json()
                    let companies = try #require(page["companies"] as? [[String: Any]])
                    names += companies.compactMap { ($0["names"] as? [String: String])?["zh"] }
                    return page["next"] as? String
                }
            } while cursor != nil
            #expect(names.count > 5)
            #expect(names.allSatisfy { $0.contains("芯") })
            #expect(Set(names).count == names.count)
        }
    }

    @Test(
        "Bad parameters are 400 problems naming the parameter",
        arguments: [
            ("cursor=abc", "cursor"), ("limit=0", "limit"), ("limit=501", "limit"), ("segment=toys", "segment"),
            ("layer=roof", "layer"), ("district=hangzhou", "district"), ("status=alive", "status"),
            ("founded_from=2022-13-01", "founded_from"), ("sort=random", "sort"), ("taxonomy=xx", "taxonomy"),
            ("member=maybe", "member"),
        ])
    func badParameters(query: String, parameter: String) async throws {
        try await ServerFixture().test { client in
            try await client.execute(uri: "/api/v1/companies?\(query)", method: .get) { response in
                #expect(response.status == .badRequest)
                #expect(response.headers[.contentType] == "application/problem+json")
                let problem = try response.json()
                #expect(problem["parameter"] as? String == parameter)
                #expect(problem["status"] as? Int == 400)
                #expect((problem["detail"] as? String)?.isEmpty == false)
            }
        }
    }

    @Test("A company comes with its evidence and provenance; contact data only with the token")
    func companyDetail() async throws {
        let fixture = try await ServerFixture()
        let member = try #require(
            try await fixture.store.companies(matching: CompanyQuery(isMember: true, limit: 1)).companies.first)
        let code = try #require(member.company.creditCode)
        try await fixture.test { client in
            try await client.execute(uri: "/api/v1/companies/\(code)", method: .get) { response in
                let detail = try response.json()
                let classification = try #require(detail["classification"] as? [String: Any])
                #expect(classification["isMember"] as? Bool == true)
                #expect((classification["evidence"] as? [Any])?.isEmpty == false)
                #expect((detail["source"] as? [String: Any])?["file"] as? String == "hangzhou-sample-synthetic.csv")
                let raw = try #require(detail["raw"] as? [String: String])
                #expect(raw["公司名称"] == member.company.names.zh)
                #expect(raw["电话"] == nil && raw["邮箱"] == nil)
                #expect(detail["contactsWithheld"] as? Bool == true)
                #expect((detail["company"] as? [String: Any])?["region"] as? String == member.company.region?.rawValue)
            }
            try await client.execute(
                uri: "/api/v1/companies/\(code)", method: .get, headers: .bearer(ServerFixture.token)
            ) {
                let raw = try #require(try $0.json()["raw"] as? [String: String])
                #expect(raw["电话"]?.isEmpty == false)
            }
            // A company of the dataset is keyed by its name; its link leads to it.
            let href = try await client.execute(uri: "/api/v1/companies?q=\(encoded("阿里巴巴"))", method: .get) {
                let companies = try #require(try $0.json()["companies"] as? [[String: Any]])
                return try #require(companies.first?["href"] as? String)
            }
            #expect(href.hasPrefix("/api/v1/companies/name%3A330100%3A"))
            try await client.execute(uri: href, method: .get) { response in
                #expect(response.status == .ok)
                let company = try #require(try response.json()["company"] as? [String: Any])
                #expect((company["names"] as? [String: String])?["zh"] == "阿里巴巴")
            }
            try await client.execute(uri: "/api/v1/companies/913301000000000000", method: .get) { response in
                #expect(response.status == .notFound)
                #expect(response.headers[.contentType] == "application/problem+json")
            }
        }
    }

    @Test("Indicators count the members the company list finds, with the imports they were counted over")
    func indicators() async throws {
        let fixture = try await ServerFixture()
        let members = try await fixture.store.companies(matching: CompanyQuery(isMember: true, limit: 500)).companies
        try await fixture.test { client in
            try await client.execute(uri: "/api/v1/indicators", method: .get) { response in
                let body = try response.json()
                let countable = members.filter { $0.company.provenance.kind == .registryImport }
                #expect(body["members"] as? Int == countable.count)
                let layers = try #require(body["byLayer"] as? [[String: Any]])
                #expect(layers.compactMap { $0["count"] as? Int }.reduce(0, +) == countable.count)
                let provenance = try #require(body["provenance"] as? [String: Any])
                let imports = try #require(provenance["imports"] as? [[String: Any]])
                #expect(imports.first?["isSynthetic"] as? Bool == true)
            }
            try await client.execute(uri: "/api/v1/indicators?as_of=31-10-2022", method: .get) {
                #expect($0.status == .badRequest)
            }
        }
    }

    @Test("Taxonomies, facts with sources, parks, programmes, policies, imports and reports read back")
    func referenceData() async throws {
        try await ServerFixture().test { client in
            try await client.execute(uri: "/api/v1/taxonomies/ai", method: .get) { response in
                let layers = try #require(try response.json()["layers"] as? [[String: Any]])
                #expect(layers.compactMap { $0["id"] as? String } == ["foundation", "technology", "application"])
            }
            try await client.execute(uri: "/api/v1/taxonomies/toys", method: .get) { #expect($0.status == .notFound) }
            try await client.execute(uri: "/api/v1/facts", method: .get) { response in
                let body = try response.json()
                let facts = try #require(body["facts"] as? [[String: Any]])
                #expect(facts.contains { $0["reference"] as? String == "R3" })
                #expect((body["sources"] as? [Any])?.isEmpty == false)
            }
            for list in ["parks", "programmes", "policies", "imports"] {
                try await client.execute(uri: "/api/v1/\(list)", method: .get) { response in
                    let items = try response.jsonList()
                    #expect(!items.isEmpty, "\(list)")
                }
            }
            try await client.execute(uri: "/api/v1/imports/1/quarantine", method: .get) { response in
                let rows = try response.jsonList()
                #expect(rows.allSatisfy { ($0["raw"] as? [String: String])?["电话"] == nil })
                // The columns in the file's order, the sample's header: the withheld ones are named, their cells not.
                #expect(!rows.isEmpty && rows.allSatisfy { ($0["rawColumns"] as? [String]) == SampleGenerator.header })
            }
            try await client.execute(uri: "/api/v1/imports/99", method: .get) { #expect($0.status == .notFound) }
            try await client.execute(uri: "/api/v1/jobs/99", method: .get) { #expect($0.status == .notFound) }
            try await client.execute(uri: "/api/v1/reports/en/md", method: .get) { response in
                #expect(response.text.contains("Hangzhou"))
                #expect(response.headers[.contentDisposition]?.contains("chainscope-report-en.md") == true)
            }
            try await client.execute(uri: "/api/v1/reports/zh/html", method: .get) {
                #expect($0.text.contains("<html lang=\"zh-Hans\">"))
            }
            try await client.execute(uri: "/api/v1/reports/ko/pdf", method: .get) { response in
                #expect(response.headers[.contentType] == "application/pdf")
                #expect(response.text.hasPrefix("%PDF-"))
            }
            try await client.execute(uri: "/api/v1/reports/fr/md", method: .get) { #expect($0.status == .notFound) }
            try await client.execute(uri: "/api/v1/reports/en/doc", method: .get) { #expect($0.status == .notFound) }
        }
    }

    @Test("An import's quarantine reads in pages, each linking the next, that add up to the rows read at once")
    func quarantinePages() async throws {
        let fixture = try await ServerFixture()
        try await fixture.test { client in
            let all = try await client.execute(uri: "/api/v1/imports/1/quarantine?limit=100000", method: .get) {
                #expect($0.headers[HTTPFields.Element.Name("Link")!] == nil)
                return try $0.jsonList().map { "\($0["row"] ?? "")" }
            }
            #expect(all.count >= 2)
            var pages: [[String]] = []
            var next: String? = "/api/v1/imports/1/quarantine?limit=1"
            while let uri = next, pages.count <= all.count {
                try await client.execute(uri: uri, method: .get) { response in
                    pages.append(try response.jsonList().map { "\($0["row"] ?? "")" })
                    let link = response.headers[HTTPFields.Element.Name("Link")!]
                    next = link.flatMap { $0.split(separator: ">").first?.dropFirst() }.map(String.init)
                    #expect(link == nil || link?.hasSuffix(">; rel=\"next\"") == true)
                }
            }
            #expect(pages.flatMap { $0 } == all)
            #expect(pages.dropLast().allSatisfy { $0.count == 1 } && pages.count >= all.count)
            #expect(
                try await client.execute(uri: "/api/v1/imports/1/quarantine", method: .get) { try $0.jsonList().count }
                    == all.count)
            for bad in ["cursor=x", "cursor=a!b", "limit=0"] {
                try await client.execute(uri: "/api/v1/imports/1/quarantine?\(bad)", method: .get) {
                    #expect($0.status == .badRequest, "\(bad)")
                }
            }
        }
    }

    @Test("The CSV export holds every company the filters select")
    func export() async throws {
        let fixture = try await ServerFixture()
        let listed = try await fixture.store.companies(matching: CompanyQuery(layer: "application", limit: 500))
            .companies
        try await fixture.test { client in
            try await client.execute(uri: "/api/v1/exports/companies.csv?layer=application", method: .get) { response in
                #expect(response.headers[.contentType] == "text/csv; charset=utf-8")
                let lines = response.text.split(separator: "\r\n")
                #expect(lines.first?.hasPrefix("\u{FEFF}credit_code,key,name_zh") == true)
                #expect(lines.count == listed.count + 1)
                #expect(lines.dropFirst().allSatisfy { $0.contains(",application,") })
            }
        }
    }

    @Test("The XLSX export holds the same cells as the CSV, read back by the import's own XLSX reader")
    func workbookExport() async throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let fixture = try await ServerFixture()
        try await fixture.test { client in
            let csv = try await client.execute(uri: "/api/v1/exports/companies.csv?q=\(encoded("芯"))", method: .get) {
                $0.text.dropFirst().split(separator: "\r\n").map {
                    $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
                }
            }
            let workbook = try await client.execute(
                uri: "/api/v1/exports/companies.xlsx?q=\(encoded("芯"))", method: .get
            ) {
                response in
                #expect(
                    response.headers[.contentType]
                        == "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
                return Data(response.body.readableBytesView)
            }
            let url = folder.url.appendingPathComponent("export.xlsx")
            try workbook.write(to: url)
            var rows: [[String]] = []
            try XLSXReader(url: url).forEachRow { row in
                rows.append(row.cells + Array(repeating: "", count: max(0, CSVWidth.columns - row.cells.count)))
            }
            #expect(rows.count > 2)
            #expect(rows == csv)
        }
    }
}

/// The number of columns of the company exports.
enum CSVWidth {
    static let columns = 12
}
