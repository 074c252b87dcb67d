import ChainscopeCore
import ChainscopeTestSupport
import Foundation
import PostgresNIO
import Testing

@testable import ChainscopePostgres

@Suite("PostgreSQL client certificates, as libpq sends them")
struct PostgresClientCertificateTests {
    /// The client certificate and key `scripts/with-postgres` issues to the role "certified", which may log in
    /// with it only.
    static var client: (certificate: String, key: String)? {
        let environment = ProcessInfo.processInfo.environment
        guard let certificate = environment["CHAINSCOPE_TEST_POSTGRES_CLIENT_CERT"],
            let key = environment["CHAINSCOPE_TEST_POSTGRES_CLIENT_KEY"]
        else { return nil }
        return (certificate, key)
    }

    static let issued = Testing.ConditionTrait.enabled(
        if: PostgresTestServer.isConfigured && client != nil,
        Comment(rawValue: "no client certificate: run the tests through scripts/with-postgres, with openssl"))

    static let base = "postgres://analyst@db.example.org/registry"
    /// The passphrase of `client-encrypted.key`, the client key encrypted (scripts/with-postgres).
    static let passphrase = "chainscope-test-passphrase"

    static func location(_ url: String, _ environment: [String: String] = [:]) throws(StoreError) -> PostgresLocation {
        let defaults = ["HOME": "/nonexistent", "USER": "analyst"]
        return try PostgresLocation(url: url, environment: defaults.merging(environment) { _, given in given })
    }

    /// Writes `text` to `name` in `folder` with `permissions`, returning its path.
    static func file(_ name: String, _ text: String, in folder: TemporaryFolder, permissions: Int = 0o600) throws
        -> String
    {
        let path = folder.path(name)
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        try FileManager.default.setAttributes([.posixPermissions: permissions], ofItemAtPath: path)
        return path
    }

    static func expectRefusal(_ url: String, _ environment: [String: String] = [:], saying said: String) {
        let error = #expect(throws: StoreError.self) { try location(url, environment) }
        #expect(error.map { "\($0)".contains(said) } == true, "\(url): \(String(describing: error))")
    }

    @Test("Certificate files that cannot be sent are refused saying which and why; none is sent unless there is one")
    func refusals() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        #expect(try Self.location(Self.base).clientCertificate == nil)
        let garbage = try Self.file("client.crt", "not a certificate\n", in: folder)
        let key = try Self.file("client.key", "not a key\n", in: folder)
        let open = try Self.file("open.key", "not a key\n", in: folder, permissions: 0o644)
        Self.expectRefusal(
            Self.base + "?sslcert=/nonexistent/client.crt",
            saying: "the client certificate file /nonexistent/client.crt (sslcert) does not exist")
        Self.expectRefusal(
            Self.base + "?sslcert=\(garbage)",
            saying: "the client certificate \(garbage) has no private key (/nonexistent/.postgresql/postgresql.key")
        Self.expectRefusal(
            Self.base + "?sslcert=\(garbage)&sslkey=\(open)",
            saying: "the private key file \(open) (sslkey) may be read by others (permissions 644); make it yours "
                + "alone with chmod 600 \(open)")
        Self.expectRefusal(
            Self.base, ["PGSSLCERT": garbage, "PGSSLKEY": key],
            saying: "the client certificate file \(garbage) (sslcert) holds no certificate in PEM form")
        Self.expectRefusal(Self.base + "?sslcrl=/etc/crl.pem", saying: "the URL parameter 'sslcrl' is not one")
        // libpq reads no certificate without TLS, which a unix socket never has.
        #expect(try Self.location(Self.base + "?sslmode=disable&sslcert=/nonexistent/client.crt").tls == .disable)
        let socket = try Self.location(
            "postgres://analyst@/registry?host=/run/postgresql&sslcert=/nonexistent/client.crt")
        #expect(socket.socketFolder == "/run/postgresql" && socket.clientCertificate == nil)
    }

    @Test(
        "A certificate is read from the URL, the environment or ~/.postgresql; a wrong key, or an encrypted one without its passphrase, is refused",
        issued)
    func reading() throws {
        let (certificate, key) = try #require(Self.client)
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let fromURL = try Self.location(Self.base + "?sslmode=require&sslcert=\(certificate)&sslkey=\(key)")
        #expect(fromURL.clientCertificate == certificate)
        let fromEnvironment = try Self.location(Self.base, ["PGSSLCERT": certificate, "PGSSLKEY": key])
        #expect(fromEnvironment.clientCertificate == certificate)
        let libpq = folder.url.appendingPathComponent(".postgresql")
        try FileManager.default.createDirectory(at: libpq, withIntermediateDirectories: true)
        try FileManager.default.copyItem(
            atPath: certificate, toPath: libpq.appendingPathComponent("postgresql.crt").path)
        try FileManager.default.copyItem(atPath: key, toPath: libpq.appendingPathComponent("postgresql.key").path)
        let fromHome = try Self.location(Self.base, ["HOME": folder.url.path])
        #expect(fromHome.clientCertificate == libpq.appendingPathComponent("postgresql.crt").path)
        // The server's key is another certificate's.
        let serverKey = try String(
            contentsOfFile: try #require(PostgresTLSTests.certificate).replacingOccurrences(
                of: "server.crt", with: "server.key"), encoding: .utf8)
        let other = try Self.file("other.key", serverKey, in: folder)
        Self.expectRefusal(
            Self.base + "?sslcert=\(certificate)&sslkey=\(other)",
            saying: "the private key \(other) (sslkey) is not the key of the certificate \(certificate)")
        // The key encrypted (scripts/with-postgres): refused without its passphrase or with another, never
        // repeating what was given; read with it.
        let encrypted = URL(fileURLWithPath: key).deletingLastPathComponent().appendingPathComponent(
            "client-encrypted.key"
        ).path
        let withKey = Self.base + "?sslcert=\(certificate)&sslkey=\(encrypted)"
        Self.expectRefusal(
            withKey,
            saying: "the private key \(encrypted) (sslkey) is protected by a passphrase: give it with sslpassword")
        let wrong = "wrong-Passphrase-42"
        Self.expectRefusal(
            withKey + "&sslpassword=\(wrong)",
            saying: "the passphrase given with sslpassword does not decrypt the private key \(encrypted) (sslkey)")
        let error = #expect(throws: StoreError.self) { try Self.location(withKey + "&sslpassword=\(wrong)") }
        #expect(error.map { !"\($0)".contains(wrong) && !String(reflecting: $0).contains(wrong) } == true)
        #expect(try Self.location(withKey + "&sslpassword=\(Self.passphrase)").clientCertificate == certificate)
    }

    @Test(
        "A role that logs in by certificate connects with it, its key encrypted or not; the server refuses it without",
        issued)
    func certificateLogin() async throws {
        let (certificate, key) = try #require(Self.client)
        let server = try PostgresTestServer.location()
        let url = "postgres://certified@127.0.0.1:\(server.port)/postgres?sslmode=require"
        let user = try await PostgresStore.withRunning(
            try PostgresLocation(url: url + "&sslcert=\(certificate)&sslkey=\(key)"), migrate: false
        ) { store in
            try await store.rows(PostgresQuery(unsafeSQL: "SELECT current_user::text"))[0].decode(String.self)
        }
        #expect(user == "certified")
        let encrypted = URL(fileURLWithPath: key).deletingLastPathComponent().appendingPathComponent(
            "client-encrypted.key"
        ).path
        let decrypted = try PostgresLocation(
            url: url + "&sslcert=\(certificate)&sslkey=\(encrypted)&sslpassword=\(Self.passphrase)")
        let again = try await PostgresStore.withRunning(decrypted, migrate: false) { store in
            try await store.rows(PostgresQuery(unsafeSQL: "SELECT current_user::text"))[0].decode(String.self)
        }
        #expect(again == "certified")
        let refused = await #expect(throws: StoreError.self) {
            try await PostgresStore.withRunning(try PostgresLocation(url: url), migrate: false) { _ in }
        }
        #expect(
            refused.map {
                "\($0)".contains("requires a valid client certificate (SQLSTATE 28000); give the certificate")
            }
                == true, "\(String(describing: refused))")
    }
}
