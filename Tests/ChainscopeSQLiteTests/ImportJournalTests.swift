import ChainscopeCore
import ChainscopeTestSupport
import Foundation
import GRDB
import Testing

@testable import ChainscopeSQLite

/// A store that imports alone writes a first import through a rollback journal (`SQLiteStore.writeAlone`), so
/// its pages are written once instead of to the WAL and again at the checkpoint; what the WAL holds after an
/// import shows which way it went.
@Suite("An import alone into a new file")
struct ImportJournalTests {
    /// The frames in the WAL file at `path` (the pages written to it since it was last reset).
    static func walFrames(_ path: String) throws -> Int {
        let wal = path + "-wal"
        guard FileManager.default.fileExists(atPath: wal) else { return 0 }
        let size = try #require(try FileManager.default.attributesOfItem(atPath: wal)[.size] as? Int)
        return max(0, (size - 32) / (16384 + 24))
    }

    static func companies(_ store: SQLiteStore) async throws -> Int {
        try await store.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM company") ?? -1 }
    }

    @Test("A first import alone bypasses the WAL, leaves the file in WAL mode, and later imports use the WAL")
    func firstImportBypassesWAL() async throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let path = folder.path("alone.sqlite")
        let store = try SQLiteStore(path: path, importsAlone: true)
        // A file problem found after its rows were stored: the rollback leaves the new file empty, in WAL mode.
        let unclosed = RawRowTests.export() + Data("\"杭州未完,".utf8)
        await #expect(throws: (any Error).self) { try await RawRowTests.run(unclosed, "bad.csv", into: store) }
        #expect(try await Self.companies(store) == 0)
        #expect(try await store.journalMode() == "wal")
        let first = try await RawRowTests.run(RawRowTests.export(rows: [0, 1]), "a.csv", into: store)
        #expect(first.counts.inserted == 2)
        // Only the small write that gives a pool's readers a WAL file to open: the schema's page, and a table's root
        // page with the free-list page it was taken from (migrations that rebuild a table leave free pages).
        let afterFirst = try Self.walFrames(path)
        #expect(afterFirst <= 3, "\(afterFirst) frames")
        #expect(try await store.journalMode() == "wal")
        #expect(try await Self.companies(store) == 2)
        // The file now holds companies: a newer export changes pages it has, and goes through the WAL.
        let second = try await RawRowTests.run(RawRowTests.export(phone: "0571-2"), "b.csv", into: store)
        #expect(second.counts.inserted == 1 && second.counts.updated == 1)
        let afterSecond = try Self.walFrames(path)
        #expect(afterSecond >= afterFirst + 5, "\(afterFirst) → \(afterSecond) frames")
        #expect(try await Self.companies(store) == 3)
    }

    @Test("A store that does not import alone, or whose file another connection has open, imports through the WAL")
    func sharedFileUsesWAL() async throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let shared = folder.path("shared.sqlite")
        let store = try SQLiteStore(path: shared, importsAlone: true)
        let other = try DatabaseQueue(path: shared)
        #expect(try await other.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM company") } == 0)
        let before = try Self.walFrames(shared)
        _ = try await RawRowTests.run(RawRowTests.export(), "a.csv", into: store)
        let after = try Self.walFrames(shared)
        #expect(after >= before + 5, "\(before) → \(after) frames")
        // The other connection reads the import as soon as it is committed.
        #expect(try await other.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM company") } == 3)
        #expect(try await store.journalMode() == "wal")

        let plain = folder.path("plain.sqlite")
        let server = try SQLiteStore(path: plain)
        let start = try Self.walFrames(plain)
        _ = try await RawRowTests.run(RawRowTests.export(), "a.csv", into: server)
        #expect(try Self.walFrames(plain) >= start + 5)
    }

    @Test("A file left by a crash inside a rollback-journal transaction opens as it was before it, in WAL mode")
    func crashImageRollsBack() async throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let path = folder.path("crashed.sqlite")
        _ = try SQLiteStore(path: path)
        // What a killed first import leaves: pages of the unfinished transaction written into the file (a one-page
        // cache spills at once) and the journal of what they replaced, copied while the transaction is open.
        let image = folder.path("image.sqlite")
        let writer = try DatabaseQueue(path: path)
        try await writer.writeWithoutTransaction { db in
            #expect(try String.fetchOne(db, sql: "PRAGMA journal_mode = DELETE") == "delete")
            try db.execute(sql: "PRAGMA cache_size = 1")
            try db.execute(sql: "BEGIN")
            for n in 0..<300 {
                try db.execute(
                    sql: """
                        INSERT INTO company (key, name_zh, kind, notes, provenance_kind, provenance_collection,
                            provenance_file, raw) VALUES (?, ?, 'company', '', 'import', '1', 'x.csv', ?)
                        """,
                    arguments: ["name:\(n)", "杭州\(n)科技有限公司", String(repeating: "经营范围", count: 200)])
            }
            #expect(FileManager.default.fileExists(atPath: path + "-journal"))
            try FileManager.default.copyItem(atPath: path, toPath: image)
            try FileManager.default.copyItem(atPath: path + "-journal", toPath: image + "-journal")
            try db.execute(sql: "ROLLBACK")
        }
        let size = { (file: String) in try FileManager.default.attributesOfItem(atPath: file)[.size] as? Int ?? 0 }
        #expect(try size(image) > size(path))
        let recovered = try SQLiteStore(path: image)
        #expect(try await Self.companies(recovered) == 0)
        #expect(try await recovered.journalMode() == "wal")
        #expect(!FileManager.default.fileExists(atPath: image + "-journal"))
        #expect(try size(image) == size(path))
        _ = try await RawRowTests.run(RawRowTests.export(), "a.csv", into: recovered)
        #expect(try await Self.companies(recovered) == 3)
    }

    @Test("A file another process holds past the busy timeout is a busy store error, other failures keep their code")
    func busyIsItsOwnError() {
        let busy = SQLiteStore.failure(.readFailed, DatabaseError(resultCode: .SQLITE_BUSY), location: "x.sqlite")
        #expect(busy.code == .busy)
        #expect(busy.description.contains("x.sqlite") && busy.description.contains("run the command again"))
        let full = SQLiteStore.failure(.writeFailed, DatabaseError(resultCode: .SQLITE_FULL), location: "x.sqlite")
        #expect(full.code == .writeFailed)
    }
}
