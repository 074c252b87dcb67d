import ChainscopeCore
import ChainscopeTestSupport
import Foundation
import Testing

@testable import ChainscopePostgres

@Suite("PostgreSQL passwords outside the URL")
struct PostgresPasswordTests {
    static let url = "postgres://analyst@db.example.org:6543/registry"

    /// A password file with `lines`, readable by its owner only unless `mode` says otherwise.
    static func passwordFile(_ lines: [String], mode: Int = 0o600) throws -> (TemporaryFolder, String) {
        let folder = try TemporaryFolder()
        let path = folder.url.appendingPathComponent("pgpass").path
        try (lines.joined(separator: "\n") + "\n").write(toFile: path, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: mode], ofItemAtPath: path)
        return (folder, path)
    }

    @Test("A URL without a password takes PGPASSWORD, else the password file's first matching line")
    func lookup() throws {
        let location = try PostgresLocation(url: Self.url)
        #expect(location.findingPassword(environment: ["PGPASSWORD": "from-env"]).password == "from-env")
        let (folder, path) = try Self.passwordFile([
            "# comment", "db.example.org:5432:registry:analyst:wrong-port", "other.host:*:*:*:wrong-host",
            #"db.example.org:6543:registry:analyst:a\:b\\c"#, "*:*:*:*:too-late",
        ])
        defer { folder.remove() }
        #expect(location.findingPassword(environment: ["PGPASSFILE": path]).password == #"a:b\c"#)
        #expect(location.findingPassword(environment: ["PGPASSWORD": "env", "PGPASSFILE": path]).password == "env")
        let given = try PostgresLocation(url: "postgres://analyst:in-url@db.example.org:6543/registry")
        #expect(given.findingPassword(environment: ["PGPASSWORD": "env"]).password == "in-url")
        let socket = try PostgresLocation(url: "postgres://analyst@/registry?host=/run/postgresql&port=6543")
        let (local, localPath) = try Self.passwordFile(["localhost:6543:registry:analyst:by-socket"])
        defer { local.remove() }
        #expect(socket.findingPassword(environment: ["PGPASSFILE": localPath]).password == "by-socket")
        #expect(location.findingPassword(environment: ["PGPASSFILE": localPath]).password == nil)
    }

    @Test("A password file others may read is ignored, as libpq ignores it")
    func openFileIgnored() throws {
        let (folder, path) = try Self.passwordFile(["*:*:*:*:secret"], mode: 0o644)
        defer { folder.remove() }
        #expect(try PostgresLocation(url: Self.url).findingPassword(environment: ["PGPASSFILE": path]).password == nil)
    }

    @Test(
        "The test server is reached with its password in PGPASSWORD; without one, the error says where to put it",
        PostgresTestServer.required)
    func connects() async throws {
        var location = try PostgresTestServer.location()
        let password = try #require(location.password)
        location.password = nil
        let error = await #expect(throws: StoreError.self) { try await PostgresStore.withRunning(location) { _ in } }
        #expect(error.map { "\($0)".contains("PGPASSWORD") } == true, "\(String(describing: error))")
        let found = location.findingPassword(environment: ["PGPASSWORD": password])
        // The body runs once a connection has been made with the password found.
        let isConnected = try await PostgresStore.withRunning(found, migrate: false) { _ in true }
        #expect(isConnected)
    }
}

extension PostgresPasswordTests {
    @Test(
        "What a URL leaves out comes from the environment as libpq takes it; no host is the server's socket",
        arguments: [
            ("postgres:///registry", ["USER": "analyst"], "analyst@/var/run/postgresql/.s.PGSQL.5432/registry"),
            (
                "postgres:///registry", ["PGUSER": "u", "USER": "analyst", "PGHOST": "/tmp/pg", "PGPORT": "6000"],
                "u@/tmp/pg/.s.PGSQL.6000/registry"
            ),
            ("postgres://a@/registry?host=/run/postgresql", [:], "a@/run/postgresql/.s.PGSQL.5432/registry"),
            ("postgres://a@%2Frun%2Fpostgresql:6543/registry", [:], "a@/run/postgresql/.s.PGSQL.6543/registry"),
            (
                "postgres://a@db.example.org/registry", ["PGHOST": "/tmp", "PGPORT": "6000"],
                "a@db.example.org:6000/registry"
            ),
            ("postgres://a@[::1]:6543/registry", [:], "a@::1:6543/registry"),
            ("postgres://a@db.example.org", ["PGDATABASE": "reg"], "a@db.example.org:5432/reg"),
            ("postgres://a@/registry", ["PGHOST": "db.example.org"], "a@db.example.org:5432/registry"),
        ] as [(String, [String: String], String)])
    func environment(url: String, environment: [String: String], reached: String) throws {
        let location = try PostgresLocation(url: url, environment: environment)
        let place = location.socketPath ?? "\(location.host):\(location.port)"
        #expect("\(location.user)@\(place)/\(location.database)" == reached)
    }

    @Test(
        "A port that is not a number, in PGPORT or ?port=, is refused saying where it came from",
        arguments: [
            ("postgres://a@db.example.org/registry", ["PGPORT": "543a"], "PGPORT '543a' is not a number"),
            ("postgres://a@db.example.org/registry?port=five", [:], "the URL's port 'five' is not a number"),
        ])
    func portNotANumber(url: String, environment: [String: String], said: String) {
        let error = #expect(throws: StoreError.self) { try PostgresLocation(url: url, environment: environment) }
        #expect(error?.detail.hasPrefix(said) == true, "\(String(describing: error))")
    }

    @Test("Without a user in the URL or the environment, the URL is refused")
    func noUser() {
        #expect(throws: StoreError.self) { try PostgresLocation(url: "postgres:///registry", environment: [:]) }
    }
}
