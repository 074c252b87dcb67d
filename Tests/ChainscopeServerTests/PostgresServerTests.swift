import ChainscopeCore
import ChainscopePostgres
import ChainscopeTestSupport
import Foundation
import Hummingbird
import HummingbirdTesting
import Synchronization
import Testing

/// The server on PostgreSQL: the same pages and API answers as on SQLite, and uploads imported by jobs.
@Suite("Server on PostgreSQL")
struct PostgresServerTests {
    static let url = TestPostgres.url

    /// Runs `body` with a running store on a new database of the test server.
    static func withStore(_ body: (PostgresStore) async throws -> Void) async throws {
        let location = try PostgresLocation(url: try TestPostgres.newDatabase(prefix: "server"))
        try await PostgresStore.withRunning(location) { store in try await body(store) }
    }

    static let paths = [
        "/?lang=en", "/?lang=ko", "/chain?lang=zh", "/offerings?lang=ko", "/imports?lang=en", "/imports/1?lang=en",
        "/companies?q=\(encoded("芯"))&lang=zh",
        "/companies?q=\(encoded("智能科技"))&member=true&sort=-founded&lang=en", "/districts?lang=en",
        "/api/v1/companies?limit=500", "/api/v1/companies?q=\(encoded("科技"))&layer=application&limit=7",
        "/api/v1/companies?segment=vision&sort=name", "/api/v1/companies?sort=name&limit=500", "/api/v1/indicators",
        "/api/v1/indicators?as_of=2022-06-30",
        "/api/v1/imports", "/api/v1/imports/1/quarantine", "/api/v1/facts", "/api/v1/parks",
        "/api/v1/reports/en/md", "/api/v1/companies?q=\(encoded("' OR 1=1 --"))",
    ]

    @Test(
        "Pages and API answers are the same on PostgreSQL as on SQLite",
        .enabled(if: url != nil, Comment(rawValue: TestPostgres.missingServer)))
    func sameAnswers() async throws {
        let sqlite = try await ServerFixture()
        let answers = Mutex<[String: String]>([:])
        try await sqlite.test { client in
            for path in Self.paths {
                let text = try await client.execute(uri: path, method: .get) { response in
                    #expect(response.status == .ok, "\(path)")
                    return response.text
                }
                answers.withLock { $0[path] = text }
            }
        }
        let expected = answers.withLock { $0 }
        try await Self.withStore { store in
            let postgres = try await ServerFixture(store: store)
            try await postgres.test { client in
                for path in Self.paths {
                    try await client.execute(uri: path, method: .get) { response in
                        #expect(response.status == .ok, "\(path)")
                        #expect(response.text == expected[path], "\(path)")
                    }
                }
            }
        }
    }

    @Test(
        "An upload to a server on PostgreSQL is imported by a job and its company found",
        .enabled(if: url != nil, Comment(rawValue: TestPostgres.missingServer)))
    func upload() async throws {
        try await Self.withStore { store in try await WriteTests.uploadCycle(try await ServerFixture(store: store)) }
    }
}
