import CSQLiteSettings
public import ChainscopeCore
import Foundation
import GRDB

/// The default `Store`: one SQLite file in WAL mode with foreign keys on, migrated when opened.
public final class SQLiteStore: Store {
    private let writer: any DatabaseWriter
    /// The file path, or `:memory:`, for error messages.
    let location: String
    /// Whether imports may take the file for themselves (`writeAlone(if:_:)`).
    let importsAlone: Bool

    /// Opens (creating when needed) the database at `path` and brings its schema up to date. With
    /// `importsAlone`, an import that finds no other connection to the file writes it through a rollback
    /// journal (`writeAlone(if:_:)`): a command line's choice, never a server's, whose readers it would block.
    public init(path: String, importsAlone: Bool = false) throws(StoreError) {
        location = path
        self.importsAlone = importsAlone
        do {
            writer = try DatabasePool(path: path, configuration: Self.configuration)
        } catch {
            throw Self.failure(.cannotOpen, error, location: path)
        }
        try migrate()
    }

    /// A failure with `code`, or `busy` when another process held the file for itself (see `writeAlone`) for
    /// longer than the busy timeout, which waiting cures.
    static func failure(_ code: StoreError.Code, _ error: any Error, location: String) -> StoreError {
        guard (error as? DatabaseError)?.resultCode == .SQLITE_BUSY else {
            return StoreError(code, location: location, detail: Self.describe(error), underlying: error)
        }
        return StoreError(
            .busy, location: location,
            detail: "another process is writing it (as the first import into a file does until it commits); "
                + "run the command again when that has finished", underlying: error)
    }

    /// Opens a database migrated only up to `migration`, so tests can build the schema a release left behind.
    init(path: String, migratingUpTo migration: String) throws {
        location = path
        importsAlone = false
        writer = try DatabasePool(path: path, configuration: Self.configuration)
        try Self.migrator.migrate(writer, upTo: migration)
    }

    /// A private in-memory database, for tests and throw-away work.
    public init() throws(StoreError) {
        location = ":memory:"
        importsAlone = false
        do {
            writer = try DatabaseQueue(configuration: Self.configuration)
        } catch {
            throw StoreError(.cannotOpen, location: location, detail: Self.describe(error), underlying: error)
        }
        try migrate()
    }

    /// Makes the process-wide SQLite settings of a process that imports: call it when the process starts,
    /// before it opens a database and while no other thread uses SQLite; later calls change nothing.
    /// Turns off SQLite's memory statistics, which nothing reads: every allocation and free took their
    /// global mutex, about 6% of an import writer's samples.
    public static func configureProcess() {
        _ = chainscope_sqlite_memstatus_off()
    }

    private static var configuration: Configuration {
        var configuration = Configuration()
        configuration.foreignKeysEnabled = true
        configuration.busyMode = .timeout(10)
        configuration.prepareDatabase { db in
            // A new database gets 16 KiB pages: an import writes a gigabyte per million rows, and with
            // SQLite's default 4 KiB pages the system calls that write them (to the WAL, then again when
            // it is checkpointed) took half its time; 16 KiB pages made a million-row load 1.5 times
            // faster. An existing database keeps its page size (`VACUUM` after this pragma changes it).
            // An import writes millions of rows with random keys into several indexes: a 64 MiB page
            // cache keeps their upper levels in memory. In WAL mode NORMAL cannot corrupt the database;
            // a power cut may only lose the last transactions, which an import re-runs.
            try db.execute(
                sql: "PRAGMA page_size = 16384; PRAGMA cache_size = \(-cacheKiB); PRAGMA synchronous = NORMAL")
        }
        return configuration
    }

    /// The page cache of each connection, and of the writer during an import (see `importRegistry`).
    static let cacheKiB = 65536
    static let importCacheKiB = 163_840

    private func migrate() throws(StoreError) {
        do {
            try Self.migrator.migrate(writer)
        } catch {
            throw Self.failure(.migrationFailed, error, location: location)
        }
    }

    /// The migrations applied to the database at `path` and those still to apply, in order, without
    /// changing it (a missing file has none applied).
    public static func migrationStatus(path: String) throws -> (applied: [String], pending: [String]) {
        let known = migrator.migrations
        guard FileManager.default.fileExists(atPath: path) else { return ([], known) }
        var configuration = Configuration()
        configuration.readonly = true
        configuration.busyMode = Self.configuration.busyMode
        let applied: Set<String>
        do {
            applied = try DatabaseQueue(path: path, configuration: configuration).read { db in
                try migrator.appliedIdentifiers(db)
            }
        } catch {
            throw failure(.cannotOpen, error, location: path)
        }
        return (known.filter(applied.contains), known.filter { !applied.contains($0) })
    }

    /// Opens (creating when needed) and migrates the database at `path`; returns the migrations applied now.
    public static func migrate(path: String) throws -> [String] {
        let before = try migrationStatus(path: path).pending
        _ = try SQLiteStore(path: path)
        return before
    }

    /// The names of the migrations applied to this database, oldest first.
    public func appliedMigrations() async throws -> [String] {
        try await read { db in try Self.migrator.appliedMigrations(db) }
    }

    /// Runs `body` in a write transaction; database failures become `StoreError`, and errors thrown by
    /// `body` itself (a file problem found mid-import) pass through after the rollback.
    func write<T: Sendable>(_ body: @Sendable @escaping (Database) throws -> T) async throws -> T {
        do {
            return try await writer.write(body)
        } catch let error as DatabaseError {
            throw Self.failure(.writeFailed, error, location: location)
        }
    }

    /// Runs `body` in a write transaction like `write(_:)`; when the store imports alone, `isMostlyNew` says
    /// the transaction will mostly add pages and no other connection has the file open, through a rollback
    /// journal instead of the WAL, and back in WAL mode after. Through the WAL every page is written twice (to
    /// the WAL, then into the file at the checkpoint); a rollback journal keeps a copy of the pages the file
    /// had only, so pages a transaction adds are written once: a million-row import into a new file took
    /// 35.9–37.5 s this way against 43.9–44.4 s. Pages it changes are written twice either way, with a sync of
    /// the journal whenever the cache spills (a newer export of the million companies: 61.5–61.7 s against
    /// 57.2–59.8 s), and readers wait for the whole transaction: hence `importsAlone` and `isMostlyNew`.
    func writeAlone<T: Sendable>(
        if isMostlyNew: @Sendable @escaping (Database) throws -> Bool,
        _ body: @Sendable @escaping (Database) throws -> T
    ) async throws -> T {
        guard importsAlone, let pool = writer as? DatabasePool else { return try await write(body) }
        // Closes this process's idle readers, which keep the WAL open as another process's connections do.
        pool.releaseMemory()
        do {
            return try await pool.barrierWriteWithoutTransaction { db in
                let isAlone = try isMostlyNew(db) && Self.leaveWAL(db)
                defer { if isAlone { Self.returnToWAL(db) } }
                var value: T?
                try db.inTransaction {
                    value = try body(db)
                    return .commit
                }
                guard let value else { throw DatabaseError(message: "the transaction returned nothing") }
                return value
            }
        } catch let error as DatabaseError {
            throw Self.failure(.writeFailed, error, location: location)
        }
    }

    /// Switches to a rollback journal, which SQLite does only while no other connection has the file open;
    /// whether it did.
    private static func leaveWAL(_ db: Database) -> Bool {
        (try? String.fetchOne(db, sql: "PRAGMA journal_mode = DELETE")) == "delete"
    }

    /// Back to WAL mode, with a WAL file that is not empty: a pool's read-only connections cannot open a
    /// file whose WAL is missing (GRDB's `setUpWALMode` does the same). A failure leaves the rollback journal,
    /// which the next opening of the store replaces.
    private static func returnToWAL(_ db: Database) {
        try? db.execute(sql: "PRAGMA journal_mode = WAL")
        try? db.inSavepoint {
            try db.execute(sql: "CREATE TABLE chainscope_wal (id INTEGER PRIMARY KEY); DROP TABLE chainscope_wal")
            return .commit
        }
    }

    func read<T: Sendable>(_ body: @Sendable @escaping (Database) throws -> T) async throws(StoreError) -> T {
        do {
            return try await writer.read(body)
        } catch let error as CorruptRow {
            throw StoreError(.corruptRow, location: location, detail: error.description, underlying: error)
        } catch {
            throw Self.failure(.readFailed, error, location: location)
        }
    }

    static func describe(_ error: any Error) -> String {
        if let error = error as? DatabaseError { return error.message ?? error.description }
        return String(describing: error)
    }
}

extension SQLiteStore {
    /// The journal mode in force (`wal` for a file database).
    public func journalMode() async throws -> String {
        try await read { db in try String.fetchOne(db, sql: "PRAGMA journal_mode") ?? "" }
    }

    /// Whether SQLite enforces foreign keys on this connection.
    public func foreignKeysEnabled() async throws -> Bool {
        try await read { db in try Bool.fetchOne(db, sql: "PRAGMA foreign_keys") ?? false }
    }
}
