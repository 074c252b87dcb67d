import ChainscopeCore
import ChainscopePostgres
import ChainscopeSQLite

/// The database a command works on: a SQLite file or a PostgreSQL database. The command line is the only
/// place that picks a backend; everything else sees a `Store`.
enum DatabaseChoice: CustomStringConvertible {
    case sqlite(path: String)
    case postgres(PostgresLocation)

    /// A `postgres://` or `postgresql://` URL selects PostgreSQL (what it leaves out, such as the password, taken
    /// from the environment as libpq takes it), anything else is a SQLite file's path.
    init(_ text: String, environment: [String: String]) throws(CommandError) {
        guard PostgresLocation.isURL(text) else {
            self = .sqlite(path: text)
            return
        }
        do {
            self = .postgres(try PostgresLocation(url: text, environment: environment))
        } catch {
            throw CommandError(error.description, exitCode: 64)
        }
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
                throw CommandError(
                    "\(error)\nCheck that the PostgreSQL server runs and that the URL's user, password, host, port and "
                        + "database are right.", exitCode: 74)
            }
        }
    }
}
