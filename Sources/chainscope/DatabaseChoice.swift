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
            let given = "database \(text.prefix("sqlite:".count))…: "
            throw CommandError(
                ko: given + "SQLite 파일은 경로(chainscope.sqlite, /data/chainscope.sqlite)나 sqlite:PATH로 지정하세요.",
                zh: given + "请用路径（chainscope.sqlite、/data/chainscope.sqlite）或 sqlite:PATH 指定 SQLite 文件。",
                en: given + "name the SQLite file by its path (chainscope.sqlite, /data/chainscope.sqlite), or as "
                    + "sqlite:PATH.", exitCode: 64)
        }
        if let scheme = text.range(of: "^[A-Za-z][A-Za-z0-9+.-]*://", options: .regularExpression) {
            let given = "database \(text[scheme].dropLast(3))://…: "
            throw CommandError(
                ko: given + "Chainscope는 SQLite 파일(경로를 지정)이나 PostgreSQL(postgres://user@host:port/database)에 "
                    + "저장합니다.",
                zh: given + "Chainscope 存入 SQLite 文件（请给出路径）或 PostgreSQL（postgres://user@host:port/database）。",
                en: given + "Chainscope stores into a SQLite file (give its path) or PostgreSQL "
                    + "(postgres://user@host:port/database).", exitCode: 64)
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

/// What a command does when its SQLite file does not exist.
enum MissingDatabase {
    /// Creates it: the commands that store (`import`, `demo`, `serve`, which takes uploads).
    case create
    /// Refuses to run: a command that reads would answer from an empty database, as if nothing had been imported,
    /// and leave an empty file behind (a mistyped path, or another folder than the database's).
    case refuse
    /// Works on an empty database in memory and leaves no file: `report`, whose built-in dataset needs no
    /// database (it says so itself), and `import` of files that hold nothing to read.
    case readEmpty
}

extension Configuration {
    /// The path of the SQLite file the database is, when that file does not exist yet.
    var missingSQLitePath: String? {
        guard case .sqlite(let path) = database, !FileManager.default.fileExists(atPath: path) else { return nil }
        return path
    }

    /// Opens the configured store (migrating its schema) for `body`; a PostgreSQL store's connection pool
    /// runs while `body` works and stops after it. `missing` says what happens when the SQLite file does not
    /// exist. `importingAlone` lets a SQLite store's imports take the file for themselves when nothing else has
    /// it open (`SQLiteStore(path:importsAlone:)`).
    func withStore<Value: Sendable>(
        ifMissing missing: MissingDatabase = .refuse, importingAlone: Bool = false,
        _ body: (any Store) async throws(CommandError) -> Value
    ) async throws(CommandError) -> Value {
        switch database {
        case .sqlite(let path):
            // Before the command's first database opens (no other thread uses SQLite yet); once SQLite is
            // initialised, as when `demo --serve` opens its database again to serve it, this changes nothing.
            SQLiteStore.configureProcess()
            let isMissing = missing != .create && missingSQLitePath != nil
            if isMissing && missing == .refuse { throw CommandError.noDatabase(path) }
            if isMissing { return try await body(try CommandError.opening { try SQLiteStore() }) }
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
    /// The exit code of a database file that is not there for a command that reads one (sysexits' `EX_NOINPUT`).
    static let noDatabaseExitCode: Int32 = 66

    /// A command that reads a database was given a SQLite path where there is no file.
    static func noDatabase(_ path: String) -> CommandError {
        CommandError(
            ko: "\(path)에 데이터베이스가 없습니다: 파일이 없습니다. `import`나 `demo`가 저장한 --database(또는 "
                + "CHAINSCOPE_DATABASE)를 지정하거나, `chainscope import EXPORT` 또는 `chainscope demo`로 만드세요.",
            zh: "\(path) 处没有数据库：文件不存在。请指定 `import` 或 `demo` 存入的 --database（或 CHAINSCOPE_DATABASE），"
                + "或用 `chainscope import EXPORT` 或 `chainscope demo` 创建。",
            en: "No database at \(path): the file does not exist. Pass the --database (or CHAINSCOPE_DATABASE) that "
                + "`import` or `demo` stored into, or create it with `chainscope import EXPORT` or `chainscope demo`.",
            exitCode: noDatabaseExitCode)
    }

    /// A PostgreSQL database that could not be opened or used, as an I/O error. Its text already says what to
    /// check (the server's own message, or what the URL's host, port or TLS settings need), so nothing generic
    /// is added: a line asking whether the server runs misled when the certificate or a migration was at fault.
    static func postgres(_ error: any Error) -> CommandError {
        CommandError("\(error)", exitCode: 74)
    }
}

extension Language {
    /// What `report` says on standard error when it reads no database: the built-in dataset alone.
    func noDatabaseNote(_ path: String) -> String {
        pick(
            "참고: \(path)에 데이터베이스가 없어 내장 데이터셋만으로 보고서를 씁니다(등기 기업 수치 없음). 가져온 데이터를 "
                + "넣으려면 --database로 그 파일을 지정하세요.\n",
            "注意：\(path) 没有数据库，报告仅含内置数据集（没有工商登记企业数据）。要包含已导入的数据，请用 --database 指定该文件。\n",
            "note: no database at \(path): the report holds the built-in dataset only (no registry companies); pass "
                + "--database with the file an import stored into to include them.\n")
    }
}
