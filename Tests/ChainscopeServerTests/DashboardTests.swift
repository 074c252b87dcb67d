import ChainscopeCore
import ChainscopeIngest
import ChainscopeReports
import ChainscopeSQLite
import ChainscopeTestSupport
import Foundation
import Hummingbird
import HummingbirdTesting
import NIOCore
import Testing

@testable import ChainscopeServer

@Suite("Dashboard")
struct DashboardTests {
    @Test("Every page renders in the visitor's language, with the language switch on it")
    func pages() async throws {
        let fixture = try await ServerFixture()
        let code = try #require(
            try await fixture.store.companies(matching: CompanyQuery(isMember: true, limit: 1)).companies.first?.company
                .creditCode)
        try await fixture.test { client in
            let pages = [
                "/", "/chain", "/companies", "/companies?q=\(encoded("芯"))&layer=foundation", "/companies/\(code)",
                "/districts", "/offerings", "/imports", "/imports/1", "/reports",
                "/companies/name%3A330100%3A\(encoded("阿里巴巴"))",
            ]
            for page in pages {
                try await client.execute(uri: page, method: .get, headers: [.acceptLanguage: "zh-CN,zh;q=0.9,en;q=0.5"])
                {
                    #expect($0.status == .ok, "\(page)")
                    #expect($0.text.contains("<html lang=\"zh-Hans\">"), "\(page)")
                    #expect($0.text.contains("hreflang=\"ko\""), "\(page)")
                    #expect($0.headers[.contentLanguage] == "zh-Hans")
                }
            }
            try await client.execute(uri: "/companies/\(code)", method: .get) { response in
                #expect(response.text.contains("<mark>"))
                #expect(response.text.contains("hangzhou-sample-synthetic.csv"))
            }
            // The next page keeps the filters and moves on.
            let next = try await client.execute(uri: "/companies?member=true&lang=en", method: .get) { response in
                let match = response.text.firstMatch(of: /rel="next" href="([^"]+)"/)
                return try #require(match.map { String($0.output.1).replacingOccurrences(of: "&amp;", with: "&") })
            }
            #expect(next.contains("member=true") && next.contains("cursor=") && next.contains("lang=en"))
            try await client.execute(uri: next, method: .get) { response in
                #expect(response.status == .ok)
                #expect(response.text.contains("<table class=\"companies\">"))
            }
            try await client.execute(uri: "/nowhere", method: .get) { response in
                #expect(response.status == .notFound)
                #expect(response.headers[.contentType] == "text/html; charset=utf-8")
            }
        }
    }

    @Test("A company without a credit code shows its registration number, in the list too; a name-keyed one says so")
    func companiesWithoutCreditCode() async throws {
        let fixture = try await ServerFixture()
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let file = folder.url.appendingPathComponent("no-codes.csv")
        try "企业名称,注册号,所属城市,所属区县\n杭州丁科技有限公司,330100000012345,杭州市,西湖区\n杭州戊科技有限公司,,杭州市,西湖区\n"
            .write(to: file, atomically: true, encoding: .utf8)
        _ = try await RegistryImporter(regions: try RegionTableReader().readBuiltin()).run(
            file, options: RegistryImportOptions(snapshotDate: CalendarDate(year: 2022, month: 10, day: 31)),
            into: fixture.store)
        _ = try await fixture.store.refreshSearchIndex()
        try await fixture.test { client in
            try await client.execute(uri: "/companies/regno%3A330100000012345?lang=en", method: .get) { response in
                #expect(response.text.contains("<dt>Registration number</dt><dd>330100000012345</dd>"))
                #expect(!response.text.contains("<dt>Identified by</dt>"))
            }
            try await client.execute(uri: "/companies?q=\(encoded("杭州丁科技"))&lang=zh", method: .get) { response in
                #expect(response.text.contains("<td class=\"code\">注册号 330100000012345</td>"), "\(response.text)")
            }
            let named = "/companies/name%3A330106%3A\(encoded("杭州戊科技有限公司"))?lang=en"
            try await client.execute(uri: named, method: .get) { response in
                #expect(response.status == .ok)
                #expect(
                    response.text.contains(
                        "<dt>Identified by</dt><dd>its name and region (no credit code or registration number)</dd>"),
                    "\(response.text)")
            }
        }
    }

    @Test("A dashboard address with no page says so in the reader's language; under /api/ it is a problem document")
    func unknownPage() async throws {
        try await ServerFixture().test { client in
            try await client.execute(uri: "/quality", method: .get, headers: [.acceptLanguage: "ko"]) { response in
                #expect(response.status == .notFound)
                #expect(response.text.contains("<h1>찾을 수 없습니다</h1>"))
                #expect(response.text.contains("<code>/quality</code>: 이 주소에는 페이지가 없습니다. 위 메뉴에서 페이지를 고르세요."))
            }
            try await client.execute(uri: "/api/v1/quality", method: .get) { response in
                #expect(response.status == .notFound)
                #expect(response.headers[.contentType] == "application/problem+json")
                #expect(response.text.contains("The API's paths are listed at /api/v1/openapi.json."))
            }
            // A page whose route exists says what it did not find.
            try await client.execute(uri: "/companies/nope", method: .get, headers: [.acceptLanguage: "zh"]) {
                #expect($0.status == .notFound)
                #expect($0.text.contains("<code>nope</code>: 没有此 ID 的企业，请在企业搜索中查找。"), "\($0.text)")
            }
            try await client.execute(uri: "/imports/99?lang=ko", method: .get) {
                #expect($0.status == .notFound)
                #expect($0.text.contains("<code>99</code>: 이 번호의 가져오기가 없습니다. 데이터 품질 페이지에서 고르세요."))
            }
            try await client.execute(uri: "/imports/%3Cb%3E?lang=en", method: .get) {
                // Decoded, then escaped.
                #expect($0.status == .notFound && $0.text.contains("<code>&lt;b&gt;</code>: no import has this number"))
            }
        }
    }

    @Test("A chosen language is remembered in a cookie and wins over Accept-Language")
    func languageChoice() async throws {
        try await ServerFixture().test { client in
            let cookie = try await client.execute(uri: "/?lang=en", method: .get, headers: [.acceptLanguage: "ko"]) {
                response in
                #expect(response.text.contains("<html lang=\"en\">"))
                return try #require(response.headers[.setCookie])
            }
            #expect(cookie.hasPrefix("chainscope_lang=en"))
            try await client.execute(
                uri: "/chain", method: .get, headers: [.cookie: "chainscope_lang=en", .acceptLanguage: "ko"]
            ) {
                #expect($0.text.contains("<html lang=\"en\">"))
                #expect($0.headers[.setCookie] == nil)
            }
            try await client.execute(uri: "/chain", method: .get) { #expect($0.text.contains("<html lang=\"ko\">")) }
        }
    }

    @Test(
        "Accept-Language picks the highest-weighted of ko, zh and en",
        arguments: [
            ("zh-CN,zh;q=0.9,en;q=0.8", Language.zh), ("en-US,en;q=0.9", .en), ("fr,ko;q=0.5,en;q=0.4", .ko),
            ("ja, en;q=0.1", .en), ("de", nil), ("ko;q=0, zh;q=0.2", .zh), ("", nil),
        ] as [(String, Language?)])
    func negotiation(header: String, expected: Language?) {
        #expect(LanguageChoice.negotiate(header) == expected)
    }

    @Test("The configuration describes itself without its token")
    func configurationHidesToken() throws {
        let configuration = try ServerConfiguration(environment: [
            "CHAINSCOPE_API_TOKEN": "s3cr3t-value", "CHAINSCOPE_PORT": "9",
        ])
        #expect(configuration.port == 9)
        #expect(configuration.apiToken == "s3cr3t-value")
        #expect(!configuration.description.contains("s3cr3t"))
        #expect(!String(describing: configuration).contains("s3cr3t"))
        #expect(throws: ServerError.self) { try ServerConfiguration(environment: ["CHAINSCOPE_PORT": "http"]) }
    }

    @Test("Tokens compare equal only when every byte and the length agree")
    func tokenComparison() {
        #expect(BearerToken.constantTimeEqual(Array("abc".utf8), Array("abc".utf8)))
        #expect(!BearerToken.constantTimeEqual(Array("abc".utf8), Array("abd".utf8)))
        #expect(!BearerToken.constantTimeEqual(Array("abc".utf8), Array("abcd".utf8)))
        #expect(!BearerToken.constantTimeEqual(Array("".utf8), Array("a".utf8)))
        #expect(BearerToken.constantTimeEqual([], []))
    }

    @Test("Evidence terms are marked in the scope, longest first, and the text escaped")
    func highlighting() {
        #expect(
            CompanyPages.highlight("人工智能<软件>开发；智能", terms: ["智能", "人工智能"])
                == "<mark>人工智能</mark>&lt;软件&gt;开发；<mark>智能</mark>")
        #expect(CompanyPages.highlight("a&b", terms: []) == "a&amp;b")
    }

    @Test("A changed capital is shown by its text; its amount and currency only when the text stayed")
    func capitalChanges() throws {
        let day = try #require(CalendarDate(iso: "2022-11-30"))
        func shown(_ changes: [String: [String?]]) -> [String] {
            CompanyChange(importID: 2, file: "b.csv", snapshotDate: day, row: 2, changes: changes).shownFields.map(
                \.name)
        }
        let amount: [String: [String?]] = ["capital_amount": [nil, "1000000"], "capital_currency": [nil, "USD"]]
        #expect(shown(amount.merging(["capital_text": [nil, "100万美元"]]) { $1 }) == ["capital_text"])
        #expect(Set(shown(amount)) == ["capital_amount", "capital_currency"])
    }
}
