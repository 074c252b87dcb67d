import ChainscopeCore
import Foundation
import Logging
import Synchronization
import Testing

@testable import ChainscopePostgres

@Suite("PostgreSQL passwords")
struct PostgresSecurityTests {
    static let secret = "pa55-WORD-never-shown"

    @Test("A database URL reads without its password appearing in its description")
    func description() throws {
        let location = try PostgresLocation(
            url: "postgres://analyst:\(Self.secret)@db.example.org:6543/registry?sslmode=require")
        #expect(location.password == Self.secret && location.port == 6543 && location.tls == .require)
        #expect(location.description == "postgres://analyst:***@db.example.org:6543/registry")
        let socket = try PostgresLocation(url: "postgresql://analyst@/registry?host=/run/postgresql")
        #expect(socket.socketPath == "/run/postgresql/.s.PGSQL.5432" && socket.password == nil)
        let ipv6 = try PostgresLocation(url: "postgres://analyst:\(Self.secret)@[::1]:6543/registry")
        #expect(ipv6.host == "::1" && ipv6.description == "postgres://analyst:***@[::1]:6543/registry")
    }

    @Test(
        "A URL that cannot be used is refused without repeating it",
        arguments: [
            "postgres://analyst:\(secret)@db.example.org/", "postgres://:\(secret)@db.example.org/registry",
            "postgres://analyst:\(secret)@db.example.org/registry?sslmode=maybe",
            "postgres://analyst:\(secret)/#1@db.example.org/registry",
            "postgres://analyst:\(secret)@db.example.org:99999/registry",
        ])
    func invalidURL(url: String) {
        #expect {
            _ = try PostgresLocation(url: url)
        } throws: { error in
            "\(error)".contains("write the URL as postgres://") && !"\(error)".contains(Self.secret)
        }
    }

    @Test("A server that cannot be reached gives an error without the password")
    func unreachable() async throws {
        // Port 1 on loopback has no server.
        let location = try PostgresLocation(
            url: "postgres://analyst:\(Self.secret)@127.0.0.1:1/registry?sslmode=disable")
        let error = await #expect(throws: StoreError.self) {
            try await PostgresStore.withRunning(location) { _ in }
        }
        #expect(error.map { "\($0)".contains("127.0.0.1:1") && !"\($0)".contains(Self.secret) } == true)
    }

    @Test(
        "A wrong password is refused, and neither it nor the right one reaches the error or the log",
        PostgresTestServer.required)
    func wrongPassword() async throws {
        var location = try PostgresTestServer.location()
        let right = try #require(location.password)
        location.password = Self.secret
        let log = LogCapture()
        var logger = Logger(label: "test") { _ in log }
        logger.logLevel = .trace
        let error = await #expect(throws: StoreError.self) {
            try await PostgresStore.withRunning(location, logger: logger) { _ in }
        }
        let text = error.map { "\($0)" } ?? ""
        #expect(text.contains("password authentication failed"))
        #expect(!text.contains(Self.secret) && !text.contains(right))
        #expect(!log.text.contains(Self.secret) && !log.text.contains(right))
    }

    @Test("Work logged at trace level never shows the password", PostgresTestServer.required)
    func logs() async throws {
        let log = LogCapture()
        var logger = Logger(label: "test") { _ in log }
        logger.logLevel = .trace
        let password = try #require(try PostgresTestServer.location().password)
        try await PostgresTestServer.withStore(logger: logger) { store in
            _ = try await store.imports()
            _ = try await store.companies(matching: CompanyQuery(text: "芯"))
        }
        #expect(!log.text.isEmpty)
        #expect(!log.text.contains(password))
    }
}

/// A log handler that keeps every message and its metadata as text. It is a value, as swift-log requires of
/// a handler: postgres-nio sets each connection's ID on its own copy of the logger, on that connection's
/// event loop, and a class here made those copies share one dictionary that several threads wrote at once
/// (a CI run crashed in an event loop thread). Only the captured lines are shared.
struct LogCapture: LogHandler {
    /// The lines every copy of one capture appends to.
    private final class Lines: Sendable {
        let lines = Mutex<[String]>([])
    }

    private let captured = Lines()
    var metadata: Logger.Metadata = [:]
    var logLevel: Logger.Level = .trace

    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    func log(event: LogEvent) {
        captured.lines.withLock { $0.append("\(event.level) \(event.message) \(event.metadata ?? [:]) \(metadata)") }
    }

    var text: String { captured.lines.withLock { $0.joined(separator: "\n") } }
}
