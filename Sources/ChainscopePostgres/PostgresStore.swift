public import ChainscopeCore
import Foundation
public import Logging
import NIOCore
import NIOPosix
import NIOSSL
import PostgresNIO
public import ServiceLifecycle

/// The `Store` on a PostgreSQL 15 server, for registries beyond one machine's SQLite comfort and for
/// several users. It owns a `PostgresClient` (a connection pool), which must run while the store is used:
/// run the store as a `Service` in the application's service group, or use `withRunning`.
public final class PostgresStore: Store, Service {
    let client: PostgresClient
    let logger: Logger
    /// The database, without its password, for messages.
    public let location: PostgresLocation

    /// A store on the database at `location`; nothing connects until the store runs and is used.
    public init(location: PostgresLocation, logger: Logger = Logger(label: "chainscope.postgres")) {
        self.location = location
        self.logger = logger
        var configuration: PostgresClient.Configuration
        if let socket = location.socketPath {
            configuration = .init(
                unixSocketPath: socket, username: location.user, password: location.password,
                database: location.database)
        } else {
            configuration = .init(
                host: location.host, port: location.port, username: location.user, password: location.password,
                database: location.database, tls: Self.tls(location))
        }
        configuration.options.maximumConnections = 8
        // The pool's own log says when it waits for `run()` to start, which every short command meets once;
        // failures reach the caller as errors, so unless debugging only its errors are worth a line.
        var background = logger
        if logger.logLevel > .debug { background.logLevel = .error }
        client = PostgresClient(configuration: configuration, backgroundLogger: background)
    }

    /// Connects once, outside the pool, so that a wrong password or a server that is not there fails at
    /// once with the server's own message: the pool retries for about a minute, then gives up without it.
    public func checkConnection() async throws {
        do {
            var configuration: PostgresConnection.Configuration
            if let socket = location.socketPath {
                configuration = .init(
                    unixSocketPath: socket, username: location.user, password: location.password,
                    database: location.database)
            } else {
                let tls: PostgresConnection.Configuration.TLS =
                    switch location.tls {
                    case .disable: .disable
                    case .prefer: .prefer(try NIOSSLContext(configuration: Self.tlsConfiguration(location)))
                    case .require, .verifyCA, .verifyFull:
                        .require(try NIOSSLContext(configuration: Self.tlsConfiguration(location)))
                    }
                configuration = .init(
                    host: location.host, port: location.port, username: location.user, password: location.password,
                    database: location.database, tls: tls)
            }
            let connection = try await PostgresConnection.connect(configuration: configuration, id: 0, logger: logger)
            try await connection.close()
        } catch let error as PSQLError where Self.isClosedUnanswered(error) {
            throw StoreError(
                .cannotOpen, location: location.description,
                detail: "the server closed the connection before it answered; check that the URL's host and port are "
                    + "a PostgreSQL server's, not another service's or a proxy's", underlying: error)
        } catch {
            throw storeError(.cannotOpen, error)
        }
    }

    private static func tls(_ location: PostgresLocation) -> PostgresClient.Configuration.TLS {
        switch location.tls {
        case .disable: .disable
        case .prefer: .prefer(tlsConfiguration(location))
        case .require, .verifyCA, .verifyFull: .require(tlsConfiguration(location))
        }
    }

    /// What is checked of the server's certificate, as libpq checks it: nothing without a root certificate in
    /// `prefer` and `require` (a server's certificate is often self-signed: Debian's is), that a root certificate
    /// signed it when there is one, and in `verify-full` that it names the host too. The client certificate goes
    /// with it when there is one.
    static func tlsConfiguration(_ location: PostgresLocation) -> TLSConfiguration {
        var configuration = TLSConfiguration.makeClientConfiguration()
        configuration.certificateVerification =
            location.tls == .verifyFull
            ? .fullVerification : location.rootCertificate == nil ? .none : .noHostnameVerification
        if let root = location.rootCertificate, root != "system" { configuration.trustRoots = .file(root) }
        location.clientIdentity?.present(in: &configuration)
        return configuration
    }

    /// Runs the connection pool until the surrounding task is cancelled.
    public func run() async {
        await client.run()
    }

    /// Runs the store's connection pool while `body` works with it, migrating the schema first unless
    /// `migrate` is false; the pool stops when `body` returns or throws.
    public static func withRunning<Result: Sendable>(
        _ location: PostgresLocation, logger: Logger = Logger(label: "chainscope.postgres"), migrate: Bool = true,
        _ body: (PostgresStore) async throws -> Result
    ) async throws -> Result {
        let store = PostgresStore(location: location, logger: logger)
        return try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { await store.run() }
            defer { group.cancelAll() }
            try await store.checkConnection()
            if migrate { _ = try await store.migrate() }
            return try await body(store)
        }
    }

    /// Runs `body` on one connection; database failures become `StoreError`s of `code`.
    func withConnection<T: Sendable>(
        _ code: StoreError.Code, _ body: (PostgresConnection) async throws -> T
    ) async throws -> T {
        do {
            return try await client.withConnection { connection in try await body(connection) }
        } catch let error as StoreError {
            throw error
        } catch {
            throw storeError(code, error)
        }
    }

    /// Runs `body` in a transaction, rolled back when it throws. Database failures become `StoreError`s;
    /// errors thrown by `body` itself (a file problem found mid-import) pass through after the rollback.
    func withTransaction<T: Sendable>(_ body: (PostgresConnection) async throws -> T) async throws -> T {
        do {
            return try await client.withConnection { connection in
                try await connection.withTransaction(logger: logger) { connection in try await body(connection) }
            }
        } catch let error as PostgresTransactionError {
            if let closure = error.closureError {
                if closure is PSQLError { throw storeError(.writeFailed, closure) }
                throw closure
            }
            throw storeError(.writeFailed, error.beginError ?? error.commitError ?? error)
        } catch {
            throw storeError(.writeFailed, error)
        }
    }

    /// Runs `body` on one connection in a read-only transaction that sees one snapshot of the database
    /// (`REPEATABLE READ`), as each of SQLite's reads does: the several statements of one answer (counts and
    /// the imports their footnote names) then agree though an import commits between them.
    func withSnapshot<T: Sendable>(_ body: (PostgresConnection) async throws -> T) async throws -> T {
        try await withConnection(.readFailed) { connection in
            _ = try await connection.query("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY", logger: logger)
            do {
                let result = try await body(connection)
                _ = try await connection.query("COMMIT", logger: logger)
                return result
            } catch {
                _ = try? await connection.query("ROLLBACK", logger: logger)
                throw error
            }
        }
    }

    /// Runs a read and collects its rows.
    func rows(_ query: PostgresQuery) async throws -> [PostgresRow] {
        try await withConnection(.readFailed) { connection in
            try await connection.query(query, logger: logger).collect()
        }
    }

    /// Runs one statement of trusted SQL outside a transaction (tests create and drop databases so).
    func execute(unsafeSQL sql: String) async throws {
        _ = try await withConnection(.writeFailed) { connection in
            try await connection.query(PostgresQuery(unsafeSQL: sql), logger: logger).collect()
        }
    }

    func storeError(_ code: StoreError.Code, _ error: any Error) -> StoreError {
        StoreError(code, location: location.description, detail: Self.describe(error), underlying: error)
    }

    /// What went wrong, from the server's message when there is one. PostgresNIO's own description hides
    /// everything (it cannot know what is secret); the server's message, state and hint hold no password.
    static func describe(_ error: any Error) -> String {
        if let error = error as? StoreError { return error.detail }
        guard let error = error as? PSQLError else { return String(describing: error) }
        if let info = error.serverInfo, let message = info[.message] {
            let state = info[.sqlState].map { " (SQLSTATE \($0))" } ?? ""
            let detail = info[.detail].map { "; \($0)" } ?? ""
            let hint = info[.hint].map { "; \($0)" } ?? ""
            return message + state + detail + hint
                + (message.contains("requires a valid client certificate")
                    ? "; give the certificate issued to this user with sslcert=FILE and its key with sslkey=FILE (or "
                        + "PGSSLCERT and PGSSLKEY, or ~/.postgresql/postgresql.crt and .key)" : "")
        }
        if error.code == .sslUnsupported {
            return "the server does not accept SSL connections, and the URL's sslmode asks for one; turn ssl on in "
                + "the server's postgresql.conf, or use sslmode=prefer (encrypted when the server can) or disable"
        }
        if error.code == .authMechanismRequiresPassword {
            return "the server asks for a password and none was given; put it in the URL "
                + "(postgres://user:password@…), in PGPASSWORD or in ~/.pgpass"
        }
        if let underlying = error.underlying {
            if let failure = connectionFailure(underlying) { return failure }
            return "\(error.code): \(String(describing: underlying)); is the server running and the URL right?"
        }
        return "\(error.code); is the server running and the URL right?"
    }

    /// Why no connection was made, for the failures a user meets (a host that is not known, nothing at the port,
    /// no answer, a certificate that does not verify), said as what to check; nil for others, which are told as
    /// PostgresNIO tells them.
    static func connectionFailure(_ error: any Error) -> String? {
        if let unknown = error as? SocketAddressError.UnknownHost { return unknownHost(unknown.host) }
        if case NIOSSLError.handshakeFailed(let reason) = error, "\(reason)".contains("CERTIFICATE_VERIFY_FAILED") {
            return "the server's certificate could not be verified: it must be signed by the root certificate of "
                + "sslrootcert (or ~/.postgresql/root.crt), and with sslmode=verify-full name the URL's host; give "
                + "the right root certificate, or use sslmode=require to encrypt without checking it"
        }
        if let failure = error as? NIOSSLExtraError, failure == .failedToValidateHostname {
            return "the server's certificate does not name the URL's host, which sslmode=verify-full checks; connect "
                + "by a host name the certificate has, or use sslmode=verify-ca"
        }
        if case ChannelError.connectTimeout(let time) = error {
            let seconds = Double(time.nanoseconds) / 1e9
            return "no answer from the server in \(seconds.formatted(.number.precision(.fractionLength(0...1)))) s; "
                + "check the URL's host and port, and that no firewall drops the connection"
        }
        guard let failure = error as? NIOConnectionError else { return nil }
        if failure.connectionErrors.isEmpty, failure.dnsAError != nil || failure.dnsAAAAError != nil {
            return unknownHost(failure.host)
        }
        let refused = failure.connectionErrors.allSatisfy { ($0.error as? IOError)?.errnoCode == ECONNREFUSED }
        guard refused, !failure.connectionErrors.isEmpty else { return nil }
        return "nothing accepts connections at \(failure.host) port \(failure.port) (connection refused); start the "
            + "PostgreSQL server, or correct the URL's host and port"
    }

    /// Whether the server closed (or reset) the connection before it answered: what another service at the port, or
    /// a proxy with no server behind it, does. Which of the two the client sees depends on when its first bytes went.
    static func isClosedUnanswered(_ error: PSQLError) -> Bool {
        if error.code == .serverClosedConnection { return error.underlying == nil }
        guard error.code == .connectionError, let failure = error.underlying as? IOError else { return false }
        return failure.errnoCode == ECONNRESET || failure.errnoCode == EPIPE
    }

    private static func unknownHost(_ host: String) -> String {
        "the host \(host) is not known (no address for it); correct the URL's host"
    }
}
