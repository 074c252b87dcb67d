import ChainscopeCore
import ChainscopeTestSupport
import Foundation
import PostgresNIO
import Testing

@testable import ChainscopePostgres

@Suite("PostgreSQL over TLS, as libpq connects")
struct PostgresTLSTests {
    /// The test server's certificate, self-signed for localhost and 127.0.0.1 (`scripts/with-postgres`).
    static var certificate: String? { ProcessInfo.processInfo.environment["CHAINSCOPE_TEST_POSTGRES_CA"] }

    static let server = Testing.ConditionTrait.enabled(
        if: PostgresTestServer.isConfigured && certificate != nil,
        Comment(rawValue: "no PostgreSQL server with TLS: run the tests through scripts/with-postgres, with openssl"))

    static func location(_ url: String, home: String = "/nonexistent") throws(StoreError) -> PostgresLocation {
        try PostgresLocation(url: url, environment: ["HOME": home, "USER": "analyst"])
    }

    @Test("sslmode, sslrootcert and their environment variables read as libpq reads them")
    func parameters() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let base = "postgres://analyst@db.example.org/registry"
        #expect(try Self.location(base).tls == .prefer && Self.location(base).rootCertificate == nil)
        let environment = ["USER": "analyst", "PGSSLMODE": "verify-full", "PGSSLROOTCERT": "system"]
        let fromEnvironment = try PostgresLocation(url: base, environment: environment)
        #expect(fromEnvironment.tls == .verifyFull && fromEnvironment.rootCertificate == "system")
        // libpq's default root certificate, in the user's home.
        try FileManager.default.createDirectory(
            at: folder.url.appendingPathComponent(".postgresql"), withIntermediateDirectories: true)
        try Data("-----BEGIN CERTIFICATE-----\n".utf8).write(
            to: folder.url.appendingPathComponent(".postgresql/root.crt"))
        let home = try Self.location(base + "?sslmode=verify-ca", home: folder.url.path)
        #expect(home.tls == .verifyCA && home.rootCertificate == folder.path(".postgresql/root.crt"))
        #expect(try Self.location("postgres://analyst@db.example.org?dbname=registry").database == "registry")
        #expect(try Self.location(base + "?application_name=etl&connect_timeout=10").database == "registry")
        let refusals = [
            ("?sslmode=verify-full", "checks the server's certificate against a root certificate, and there is none"),
            (
                "?sslmode=require&sslrootcert=/nonexistent/root.crt",
                "/nonexistent/root.crt (sslrootcert) does not exist"
            ),
            ("?sslmode=allow", "sslmode must be one of disable, prefer, require, verify-ca, verify-full, not 'allow'"),
            ("?sslmod=disable", "the URL parameter 'sslmod' is not one Chainscope reads"),
        ]
        for (query, said) in refusals {
            let error = #expect(throws: StoreError.self) { try Self.location(base + query) }
            #expect(error.map { "\($0)".contains(said) } == true, "\(query): \(String(describing: error))")
        }
    }

    @Test(
        "A self-signed server is reached encrypted by default and with require; verify-full checks its certificate",
        server)
    func selfSignedServer() async throws {
        let url = try #require(PostgresTestServer.url)
        let certificate = try #require(Self.certificate)
        let base = String(url.prefix { $0 != "?" })
        for query in ["", "?sslmode=require", "?sslmode=verify-full&sslrootcert=\(certificate)"] {
            let isEncrypted = try await PostgresStore.withRunning(
                try PostgresLocation(url: base + query), migrate: false
            ) {
                store in
                try await store.rows(
                    PostgresQuery(unsafeSQL: "SELECT ssl FROM pg_stat_ssl WHERE pid = pg_backend_pid()"))[0]
                    .decode(Bool.self)
            }
            #expect(isEncrypted, "\(query)")
        }
        // The system's trusted roots did not sign it: verify-full refuses it, saying what to give instead.
        let untrusted = try PostgresLocation(url: base + "?sslmode=verify-full&sslrootcert=system")
        let error = await #expect(throws: StoreError.self) {
            try await PostgresStore.withRunning(untrusted, migrate: false) { _ in }
        }
        #expect(
            error.map { "\($0)".contains("the server's certificate could not be verified") } == true,
            "\(String(describing: error))")
        let unencrypted = try PostgresLocation(url: base + "?sslmode=disable")
        let isEncrypted = try await PostgresStore.withRunning(unencrypted, migrate: false) { store in
            try await store.rows(PostgresQuery(unsafeSQL: "SELECT ssl FROM pg_stat_ssl WHERE pid = pg_backend_pid()"))[
                0
            ]
            .decode(Bool.self)
        }
        #expect(!isEncrypted)
    }
}
