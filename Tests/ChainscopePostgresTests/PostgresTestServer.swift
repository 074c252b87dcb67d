import ChainscopeCore
import ChainscopeTestSupport
import Foundation
import Logging
import Testing

@testable import ChainscopePostgres

/// The throw-away server `scripts/with-postgres` starts, named by `CHAINSCOPE_TEST_POSTGRES_URL`. Each test
/// gets a database of its own, created empty and dropped afterwards.
enum PostgresTestServer {
    static var url: String? { TestPostgres.url }

    /// Whether a server is configured: tests that need one are skipped (visibly) without.
    static var isConfigured: Bool { url != nil }

    /// Skips a test, with its reason shown, when no server is configured.
    static let required = Testing.ConditionTrait.enabled(
        if: isConfigured, Comment(rawValue: TestPostgres.missingServer))

    static func location(database: String? = nil) throws -> PostgresLocation {
        var location = try PostgresLocation(url: try #require(url))
        if let database { location.database = database }
        return location
    }

    /// Runs `body` with a running, migrated store on a new database, dropped afterwards.
    static func withStore<Result: Sendable>(
        migrate: Bool = true, logger: Logger = Logger(label: "test"),
        _ body: @Sendable (PostgresStore) async throws -> Result
    ) async throws -> Result {
        let name = "test_" + UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "")
        try await admin("CREATE DATABASE \(name)")
        do {
            let result = try await PostgresStore.withRunning(
                try location(database: name), logger: logger, migrate: migrate, body)
            try await admin("DROP DATABASE \(name) WITH (FORCE)")
            return result
        } catch {
            try? await admin("DROP DATABASE \(name) WITH (FORCE)")
            throw error
        }
    }

    /// Runs a statement on the server's first database (creating and dropping databases cannot run in a
    /// transaction).
    static func admin(_ sql: String) async throws {
        try await PostgresStore.withRunning(try location(), migrate: false) { store in
            try await store.execute(unsafeSQL: sql)
        }
    }
}

@Suite("PostgreSQL test server")
struct PostgresTestServerTests {
    /// CI must run the PostgreSQL tests: a missing server there is a failure, not a quiet skip.
    @Test("CI runs the PostgreSQL tests")
    func configuredOnCI() {
        if ProcessInfo.processInfo.environment["CI"] == "true" {
            #expect(PostgresTestServer.isConfigured, "CI=true but CHAINSCOPE_TEST_POSTGRES_URL is not set")
            #expect(
                PostgresTLSTests.certificate != nil, "CI=true but the test server has no TLS certificate (openssl)")
            #expect(
                PostgresClientCertificateTests.client != nil,
                "CI=true but the test server issued no client certificate (openssl)")
        }
    }
}
