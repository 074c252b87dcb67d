import ChainscopeCore
import ChainscopeIngest
import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

@Suite("An import's quarantine as a CSV download")
struct QuarantineDownloadTests {
    /// The sample's contact columns, whose cells need the token.
    static let contacts: Set<String> = ["电话", "邮箱"]

    @Test("Every row with its reason in the asked language; contact cells need the token")
    func reasons() async throws {
        let fixture = try await ServerFixture()
        let rows = try await fixture.store.quarantinedRows(importID: 1)
        try #require(rows.count >= 2)
        let withheld = rows.map { row in
            var row = row
            row.raw = row.raw.filter { !Self.contacts.contains($0.key) }
            return row
        }
        try await fixture.test { client in
            try await client.execute(uri: "/api/v1/imports/1/quarantine.csv?lang=zh", method: .get) { response in
                #expect(response.headers[.contentType] == "text/csv; charset=utf-8")
                #expect(
                    response.headers[.contentDisposition] == "attachment; filename=\"chainscope-import-1-reasons.csv\"")
                #expect(
                    response.text == "\u{FEFF}" + QuarantineCSV.header + QuarantineCSV.lines(withheld, language: .zh))
                #expect(!response.text.contains("0571-"))
            }
            try await client.execute(
                uri: "/api/v1/imports/1/quarantine.csv?lang=en", method: .get, headers: .bearer(ServerFixture.token)
            ) { response in
                #expect(response.text == "\u{FEFF}" + QuarantineCSV.header + QuarantineCSV.lines(rows, language: .en))
            }
            try await client.execute(uri: "/api/v1/imports/1/quarantine.csv?form=fixed", method: .get) {
                #expect($0.status == .badRequest)
            }
            try await client.execute(uri: "/api/v1/imports/99/quarantine.csv", method: .get) {
                #expect($0.status == .notFound)
            }
        }
    }

    @Test("As the file had them: its notice, its header, each row's cells in its columns")
    func original() async throws {
        let fixture = try await ServerFixture()
        let rows = try await fixture.store.quarantinedRows(importID: 1)
        try #require(rows.count >= 2)
        let expected = { @Sendable (withholding: Bool) -> String in
            "\u{FEFF}" + CSVRecord.line([RegistryImport.syntheticNotice]) + CSVRecord.line(SampleGenerator.header)
                + rows.map { row in
                    CSVRecord.line(
                        SampleGenerator.header.map {
                            withholding && Self.contacts.contains($0) ? "" : row.raw[$0] ?? ""
                        })
                }.joined()
        }
        try await fixture.test { client in
            let uri = "/api/v1/imports/1/quarantine.csv?form=original"
            try await client.execute(uri: uri, method: .get) { response in
                #expect(
                    response.headers[.contentDisposition] == "attachment; filename=\"chainscope-import-1-original.csv\""
                )
                #expect(response.text == expected(true))
            }
            try await client.execute(uri: uri, method: .get, headers: .bearer(ServerFixture.token)) { response in
                #expect(response.text == expected(false))
                #expect(response.text.contains("0571-"))
            }
            // The import's page links both.
            try await client.execute(uri: "/imports/1?lang=en", method: .get) { response in
                #expect(
                    response.text.contains("href=\"/api/v1/imports/1/quarantine.csv?lang=en\">CSV with reasons</a>"))
                #expect(response.text.contains("href=\"/api/v1/imports/1/quarantine.csv?lang=en&amp;form=original\">"))
            }
        }
    }
}
