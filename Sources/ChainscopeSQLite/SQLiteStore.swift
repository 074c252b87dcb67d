import CSQLiteSettings
public import ChainscopeCore
import Foundation
import GRDB

/// The default `Store`: one SQLite file in WAL mode with foreign keys on, migrated when opened.
public final class SQLiteStore: Store {
    private let writer: any DatabaseWriter
    /// The file path, or `:memory:`, for error messages.
    let location: String

    /// Opens (creating when needed) the database at `path` and brings its schema up to date.
    public init(path: String) throws(StoreError) {
        location = path
        do {
            writer = try DatabasePool(path: path, configuration: Self.configuration)
        } catch {
            throw StoreError(.cannotOpen, location: path, detail: Self.describe(error), underlying: error)
        }
        try migrate()
    }

    /// Opens a database migrated only up to `migration`, so tests can build the schema a release left behind.
    init(path: String, migratingUpTo migration: String) throws {
        location = path
        writer = try DatabasePool(path: path, configuration: Self.configuration)
        try Self.migrator.migrate(writer, upTo: migration)
    }

    /// A private in-memory database, for tests and throw-away work.
    public init() throws(StoreError) {
        location = ":memory:"
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
            throw StoreError(.migrationFailed, location: location, detail: Self.describe(error), underlying: error)
        }
    }

    /// The migrations applied to the database at `path` and those still to apply, in order, without
    /// changing it (a missing file has none applied).
    public static func migrationStatus(path: String) throws -> (applied: [String], pending: [String]) {
        let known = migrator.migrations
        guard FileManager.default.fileExists(atPath: path) else { return ([], known) }
        var configuration = Configuration()
        configuration.readonly = true
        let applied = try DatabaseQueue(path: path, configuration: configuration).read { db in
            try migrator.appliedIdentifiers(db)
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
            throw StoreError(.writeFailed, location: location, detail: Self.describe(error), underlying: error)
        }
    }

    func read<T: Sendable>(_ body: @Sendable @escaping (Database) throws -> T) async throws(StoreError) -> T {
        do {
            return try await writer.read(body)
        } catch let error as CorruptRow {
            throw StoreError(.corruptRow, location: location, detail: error.description, underlying: error)
        } catch {
            throw StoreError(.readFailed, location: location, detail: Self.describe(error), underlying: error)
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
