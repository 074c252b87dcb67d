import ChainscopeCore
import ChainscopeIngest
import ChainscopeServer
import ChainscopeTestSupport
import Foundation
import Hummingbird
import HummingbirdTesting
import NIOCore
import Testing

@Suite("Writes through the API")
struct WriteTests {
    static let code = CreditCode.completing("91330106MA2CFX8Q")!.value
    static let csv = """
        公司名称,统一社会信用代码,成立日期,所属区县,经营范围,电话
        杭州上传测试智能科技有限公司,\(code),2022-03-01,西湖区,人工智能基础软件开发；人工智能应用软件开发,0571-88888888

        """

    /// The same company as a data service's JSON response.
    static let json =
        #"{"error_code":0,"result":{"items":[{"name":"杭州上传测试智能科技有限公司","creditCode":"\#(code)","#
        + #""estiblishTime":"2022-03-01","district":"西湖区","businessScope":"人工智能基础软件开发；人工智能应用软件开发"}]}}"#

    @Test(
        "Writes without the token are refused: 401 without one, 403 with a wrong one or when none is configured",
        arguments: [
            ("POST", "/api/v1/imports?filename=a.csv"), ("POST", "/api/v1/classifications"),
            ("PUT", "/api/v1/facts/market-size-2021"),
        ])
    func writesNeedTheToken(method: String, uri: String) async throws {
        let method = HTTPRequest.Method(method)!
        try await ServerFixture().test { client in
            try await client.execute(uri: uri, method: method, body: ByteBuffer(string: "x")) { response in
                #expect(response.status == .unauthorized)
                #expect(response.headers[.wwwAuthenticate] == "Bearer realm=\"chainscope\"")
            }
            try await client.execute(uri: uri, method: method, headers: .bearer("wrong"), body: ByteBuffer(string: "x"))
            {
                #expect($0.status == .forbidden)
                #expect(!$0.text.contains("wrong") && !$0.text.contains(ServerFixture.token))
            }
        }
        try await ServerFixture(token: nil).test { client in
            try await client.execute(uri: uri, method: method, headers: .bearer("anything")) { response in
                #expect(response.status == .forbidden)
                #expect(response.text.contains("CHAINSCOPE_API_TOKEN"))
            }
        }
    }

    @Test("An upload is imported by a job whose status and counts can be read; its company is then found")
    func upload() async throws {
        try await Self.uploadCycle(try await ServerFixture())
    }

    @Test("A data service's JSON response uploads as application/json; a summary after it is quarantined on its line")
    func uploadJSON() async throws {
        let body = Self.json + "\n\n" + #"{"total": 1}"# + "\n"
        try await Self.uploadCycle(
            try await ServerFixture(), file: ("upload.json", "application/json", body),
            quarantined: #"<td class="num place">2 (line 3)</td>"#,
            reason: ("name.noKey", "<td>이 객체에는 기업명 키(企业名称, 公司名称, 名称 …)가 없어 기업으로 읽지 않았습니다."))
    }

    @Test("A workbook uploads; its quarantined row is shown with its sheet")
    func uploadXLSX() async throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let url = folder.url.appendingPathComponent("upload.xlsx")
        var writer = try XLSXWriter(url: url, sheetName: "企业名单")
        for line in Self.csv.split(separator: "\n") { try writer.append(line.split(separator: ",").map(String.init)) }
        try writer.append(["杭州坏码科技有限公司", "91330106MA2CFX8Q00", "2022-03-01", "西湖区", "软件开发", ""])
        try writer.finish()
        try await Self.uploadCycle(
            try await ServerFixture(),
            file: ("upload.xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", ""),
            bytes: try Data(contentsOf: url), quarantined: #"<td class="num place">企业名单 · 3</td>"#,
            reason: (
                "creditCode.organisationCheck",
                "<td>'91330106MA2CFX8Q00'은(는) 유효한 신용코드가 아닙니다: 조직기구코드 검증 문자(17번째)가 '0'이지만 GB 11714에 따르면 '7'입니다"
            ))
    }

    /// Uploads a one-company export (a CSV unless `file` gives a name, type and body, or `bytes` the body), follows
    /// its job to the end and finds the company; the import's page shows `quarantined` (a row's place), or says that
    /// nothing was quarantined. The API gives the quarantined row's `reason` code, and the Korean page its reason in
    /// Korean (the start of its cell).
    static func uploadCycle(
        _ fixture: ServerFixture, file: (name: String, type: String, body: String) = ("upload.csv", "text/csv", csv),
        bytes: Data? = nil, quarantined: String? = nil, reason: (code: String, korean: String)? = nil
    ) async throws {
        try await fixture.test { client in
            var headers = HTTPFields.bearer(ServerFixture.token)
            headers[.contentType] = file.type
            let location = try await client.execute(
                uri: "/api/v1/imports?filename=\(file.name)&snapshot_date=2022-11-01", method: .post, headers: headers,
                body: bytes.map { ByteBuffer(bytes: $0) } ?? ByteBuffer(string: file.body)
            ) { response in
                #expect(response.status == .accepted)
                return try #require(response.headers[.location])
            }
            let job = try await finished(location, client: client)
            #expect(job["state"] as? String == "succeeded")
            #expect((job["counts"] as? [String: Any])?["inserted"] as? Int == 1)
            let quarantine = try #require(job["quarantine"] as? String)
            try await client.execute(uri: quarantine, method: .get) { response in
                #expect(response.status == .ok)
                let rows = try #require(
                    try JSONSerialization.jsonObject(with: Data(response.text.utf8)) as? [[String: Any]])
                let detail = rows.first?["reasonDetail"] as? [String: Any]
                #expect(detail?["code"] as? String == reason?.code)
                #expect(
                    ((detail?["text"] as? [String: String])?["ko"]).map { "<td>" + $0 }?.hasPrefix(reason?.korean ?? "")
                        == true || reason == nil)
            }
            // The import's page shows where the quarantined row is, or says that nothing was quarantined.
            let page = quarantine.replacingOccurrences(of: "/api/v1", with: "").replacingOccurrences(
                of: "/quarantine", with: "?lang=en")
            try await client.execute(uri: page, method: .get) {
                // The downloads are linked when there are rows to download.
                let next = quarantined == nil ? "<p>No row was quarantined.</p>" : "<p><a href=\"/api/v1/imports/"
                #expect($0.text.contains("<h2>Quarantined rows</h2>" + next))
                #expect($0.text.contains(quarantined ?? "<p>No row was quarantined.</p>"))
            }
            if let reason {
                try await client.execute(uri: page.replacingOccurrences(of: "lang=en", with: "lang=ko"), method: .get) {
                    #expect($0.text.contains(reason.korean), "\($0.text)")
                    // Above the rows, the rows counted by column and problem: here one row of one kind.
                    let title = try #require(QuarantineReason.title(ofCode: reason.code, in: .ko))
                    #expect($0.text.contains("<table class=\"groups\"><caption>열과 문제별</caption>"))
                    #expect($0.text.contains("<td>\(title)</td><td class=\"num\">1</td></tr></tbody></table><table>"))
                }
            }
            try await client.execute(uri: "/api/v1/companies?q=\(encoded("上传测试"))", method: .get) { response in
                let companies = try #require(try response.json()["companies"] as? [[String: Any]])
                #expect(companies.map { $0["creditCode"] as? String } == [Self.code])
                #expect(companies.first?["isMember"] as? Bool == true)
            }
        }
    }

    /// The job at `location` once it has succeeded or failed. The job runs beside the request; this waits for it by
    /// its status, not by time.
    static func finished(_ location: String, client: some TestClientProtocol) async throws -> [String: Any] {
        var job: [String: Any] = [:]
        for _ in 0..<2000 {
            job = try await client.execute(uri: location, method: .get) { try $0.json() }
            guard ["queued", "running"].contains(job["state"] as? String) else { return job }
            await Task.yield()
            try await Task.sleep(for: .milliseconds(10))
        }
        return job
    }

    @Test("A refused upload's job says why in Korean, Chinese and English, and nothing from it is stored")
    func refusedUpload() async throws {
        let fixture = try await ServerFixture()
        try await fixture.test { client in
            let imports = try await client.execute(uri: "/api/v1/imports", method: .get) { try $0.jsonList().count }
            var headers = HTTPFields.bearer(ServerFixture.token)
            headers[.contentType] = "text/csv"
            let location = try await client.execute(
                uri: "/api/v1/imports?filename=odd.csv", method: .post, headers: headers,
                body: ByteBuffer(string: "名字,电话\n甲,1\n")
            ) { try #require($0.headers[.location]) }
            let job = try await Self.finished(location, client: client)
            #expect(job["state"] as? String == "failed")
            let error = try #require(job["error"] as? String)
            let text = try #require(job["errorText"] as? [String: String])
            #expect(
                error.hasPrefix("odd.csv:1: unknown column layout: expected columns for name") && text["en"] == error)
            #expect(text["ko"]?.hasPrefix("odd.csv:1: 알 수 없는 열 구성 — 필요한 것: name") == true, "\(text)")
            #expect(text["zh"]?.hasPrefix("odd.csv:1：未知的列结构——应为：name") == true, "\(text)")
            #expect(text["ko"]?.contains("실제: 열 名字, 电话") == true && text["zh"]?.contains("实际为：列 名字、电话") == true)
            #expect(
                try await client.execute(uri: "/api/v1/imports", method: .get) { try $0.jsonList().count } == imports)
        }
    }

    @Test("Uploads are checked: content type against the name, size, emptiness, a name at all")
    func uploadChecks() async throws {
        let fixture = try await ServerFixture(uploadLimit: 64)
        try await fixture.test { client in
            func post(_ uri: String, type: String?, body: String) async throws -> (HTTPResponse.Status, String) {
                var headers = HTTPFields.bearer(ServerFixture.token)
                if let type { headers[.contentType] = type }
                return try await client.execute(
                    uri: uri, method: .post, headers: headers, body: ByteBuffer(string: body)
                ) {
                    ($0.status, $0.text)
                }
            }
            #expect(
                try await post("/api/v1/imports?filename=a.csv", type: "image/png", body: "x").0
                    == .unsupportedMediaType)
            #expect(
                try await post("/api/v1/imports?filename=a.xlsx", type: "text/csv", body: "x").0
                    == .unsupportedMediaType)
            #expect(try await post("/api/v1/imports", type: "text/csv", body: "x").0 == .badRequest)
            #expect(try await post("/api/v1/imports?filename=a.csv", type: "text/csv", body: "").0 == .badRequest)
            let (status, text) = try await post("/api/v1/imports?filename=a.csv", type: "text/csv", body: Self.csv)
            #expect(status == .contentTooLarge)
            #expect(text.contains("CHAINSCOPE_UPLOAD_LIMIT_MB"))
            #expect(
                try await post("/api/v1/imports?filename=a.csv&snapshot_date=yesterday", type: "text/csv", body: "x").0
                    == .badRequest)
            let (future, said) = try await post(
                "/api/v1/imports?filename=a.csv&snapshot_date=2999-01-01", type: "text/csv", body: "x")
            #expect(future == .badRequest && said.contains("after today"), "\(said)")
        }
    }

    @Test("Re-classifying and editing a fact work with the token and show in what is read next")
    func reclassifyAndEditFact() async throws {
        let fixture = try await ServerFixture()
        try await fixture.test { client in
            let auth = HTTPFields.bearer(ServerFixture.token)
            try await client.execute(uri: "/api/v1/classifications?all=true", method: .post, headers: auth) {
                response in
                #expect(response.status == .ok)
                let classified = try response.json()["classified"] as? Int
                #expect(classified ?? 0 > 250)
            }
            var fact = try await client.execute(uri: "/api/v1/facts", method: .get) { response in
                try #require(
                    (try response.json()["facts"] as? [[String: Any]])?.first { $0["reference"] as? String == "R3" })
            }
            let id = try #require(fact["id"] as? String)
            fact["label"] = ["en": "AI market size, corrected", "zh": "人工智能产业规模", "ko": "AI 시장 규모"]
            var headers = auth
            headers[.contentType] = "application/json"
            let body = ByteBuffer(bytes: try JSONSerialization.data(withJSONObject: fact))
            try await client.execute(uri: "/api/v1/facts/\(id)", method: .put, headers: headers, body: body) {
                #expect($0.status == .ok)
            }
            try await client.execute(uri: "/api/v1/facts", method: .get) { response in
                #expect(response.text.contains("AI market size, corrected"))
            }
            try await client.execute(uri: "/api/v1/reports/en/md", method: .get) {
                #expect($0.text.contains("AI market size, corrected"))
            }
            try await client.execute(uri: "/api/v1/facts/other-id", method: .put, headers: headers, body: body) {
                #expect($0.status == .notFound)
            }
            try await client.execute(
                uri: "/api/v1/facts/\(id)", method: .put, headers: headers, body: ByteBuffer(string: "{}")
            ) {
                #expect($0.status == .unprocessableContent)
            }
        }
    }
}
