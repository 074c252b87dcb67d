import ChainscopeCore
import ChainscopePostgres
import ChainscopeSQLite
import Foundation

/// The database a command works on: a SQLite file or a PostgreSQL database. The command line is the only
/// place that picks a backend; everything else sees a `Store`.
enum DatabaseChoice: CustomStringConvertible {
    case sqlite(path: String)
    case postgres(PostgresLocation)

    /// A `postgres://` or `postgresql://` URL selects PostgreSQL (what it leaves out, such as the password, taken
    /// from the environment as libpq takes it), anything else is a SQLite file's path.
    init(_ text: String, environment: [String: String]) throws(CommandError) {
        guard PostgresLocation.isURL(text) else {
            self = .sqlite(path: try Self.sqlitePath(text))
            return
        }
        do {
            self = .postgres(try PostgresLocation(url: text, environment: environment))
        } catch {
            throw CommandError(error.description, exitCode: 64)
        }
    }

    /// The SQLite file `text` names: a path, `sqlite:PATH`, or SQLAlchemy's `sqlite:///PATH` (`sqlite:////` for
    /// an absolute one), rather than a file named `sqlite:…`. Another URL is refused, naming the ones there are
    /// (and not echoing what follows its scheme, which may hold a password).
    static func sqlitePath(_ text: String) throws(CommandError) -> String {
        if text.lowercased().hasPrefix("sqlite:") {
            let rest = text.dropFirst("sqlite:".count)
            if rest.hasPrefix("///") { return String(rest.dropFirst(3)) }
            if !rest.hasPrefix("//") && !rest.isEmpty { return String(rest) }
            throw CommandError(
                "database \(text.prefix("sqlite:".count))…: name the SQLite file by its path (chainscope.sqlite, "
                    + "/data/chainscope.sqlite), or as sqlite:PATH.", exitCode: 64)
        }
        if let scheme = text.range(of: "^[A-Za-z][A-Za-z0-9+.-]*://", options: .regularExpression) {
            throw CommandError(
                "database \(text[scheme].dropLast(3))://…: Chainscope stores into a SQLite file (give its path) or "
                    + "PostgreSQL (postgres://user@host:port/database).", exitCode: 64)
        }
        return text
    }

    /// The path, or the URL without its password.
    var description: String {
        switch self {
        case .sqlite(let path): path
        case .postgres(let location): location.description
        }
    }

    /// The help text of every `--database` option.
    static let help =
        "SQLite file or postgres://user:password@host:port/database URL (default: CHAINSCOPE_DATABASE_URL, else CHAINSCOPE_DATABASE, else ./chainscope.sqlite)."
}

extension Configuration {
    /// Opens the configured store (migrating its schema) for `body`; a PostgreSQL store's connection pool
    /// runs while `body` works and stops after it. `importingAlone` lets a SQLite store's imports take the file
    /// for themselves when nothing else has it open (`SQLiteStore(path:importsAlone:)`).
    func withStore<Value: Sendable>(
        importingAlone: Bool = false, _ body: (any Store) async throws(CommandError) -> Value
    ) async throws(CommandError) -> Value {
        switch database {
        case .sqlite(let path):
            // Before the command's first database opens (no other thread uses SQLite yet); once SQLite is
            // initialised, as when `demo --serve` opens its database again to serve it, this changes nothing.
            SQLiteStore.configureProcess()
            let store = try CommandError.opening { try SQLiteStore(path: path, importsAlone: importingAlone) }
            return try await body(store)
        case .postgres(let location):
            do {
                return try await PostgresStore.withRunning(location) { store in try await body(store) }
            } catch let error as CommandError {
                throw error
            } catch {
                throw CommandError.postgres(error)
            }
        }
    }
}

extension CommandError {
    /// A PostgreSQL database that could not be opened or used, as an I/O error. Its text already says what to
    /// check (the server's own message, or what the URL's host, port or TLS settings need), so nothing generic
    /// is added: a line asking whether the server runs misled when the certificate or a migration was at fault.
    static func postgres(_ error: any Error) -> CommandError {
        CommandError("\(error)", exitCode: 74)
    }
}
