import ChainscopeCore
import Foundation
import GRDB

/// Company search. Names of three or more characters are found through an FTS5 trigram index; FTS5
/// cannot answer shorter queries, which in Chinese are common (芯, 智能), so a side table holds every
/// character and pair of neighbouring characters of each name. Both are keyed on the company's rowid,
/// kept up to date by `refreshSearchIndex` after imports (the import itself does not pay for them), with
/// triggers noting renamed and removed companies.
extension SQLiteStore {
    /// The search tables. A migration that rebuilds `company` renumbers its rowids and must empty these
    /// tables and set `indexed_through` to 0, so that the next refresh indexes every company again.
    static func createSearchTables(_ db: Database) throws {
        let oldNames =
            "coalesce(OLD.name_zh, '') || char(10) || coalesce(OLD.name_ko, '') || char(10) "
            + "|| coalesce(OLD.name_en, '')"
        try db.execute(
            sql: """
                CREATE VIRTUAL TABLE company_search USING fts5(names, tokenize = 'trigram');
                CREATE TABLE company_gram (
                    gram TEXT NOT NULL, company INTEGER NOT NULL, PRIMARY KEY (gram, company)) WITHOUT ROWID;
                CREATE TABLE search_state (
                    id INTEGER PRIMARY KEY CHECK (id = 1), indexed_through INTEGER NOT NULL);
                INSERT INTO search_state VALUES (1, 0);
                CREATE TABLE search_pending (company INTEGER PRIMARY KEY, old_names TEXT NOT NULL);
                CREATE TRIGGER company_renamed AFTER UPDATE OF name_zh, name_ko, name_en ON company
                    WHEN OLD.name_zh IS NOT NEW.name_zh OR OLD.name_ko IS NOT NEW.name_ko
                        OR OLD.name_en IS NOT NEW.name_en
                    BEGIN INSERT OR IGNORE INTO search_pending VALUES (OLD.rowid, \(oldNames)); END;
                CREATE TRIGGER company_removed AFTER DELETE ON company
                    BEGIN INSERT OR IGNORE INTO search_pending VALUES (OLD.rowid, \(oldNames)); END;
                """)
    }

    public func refreshSearchIndex() async throws -> Int {
        try await write { db in
            var index = try SearchIndexWriter(db: db)
            let through = try Int64.fetchOne(db, sql: "SELECT indexed_through FROM search_state") ?? 0
            let pending = try Row.fetchAll(db, sql: "SELECT company, old_names FROM search_pending")
            var indexed = 0
            for row in pending where (row["company"] as Int64) <= through {
                let position: Int64 = row["company"]
                try index.remove(position, names: (row["old_names"] as String).split(separator: "\n").map(String.init))
                if let names = try Row.fetchOne(db, sql: Self.namesSQL + " WHERE rowid = ?", arguments: [position]) {
                    try index.add(position, names: Self.names(names))
                    indexed += 1
                }
            }
            try db.execute(sql: "DELETE FROM search_pending")
            var last = through
            let rows = try Row.fetchCursor(
                db, sql: Self.namesSQL + " WHERE rowid > ? ORDER BY rowid", arguments: [through])
            while let row = try rows.next() {
                last = row["rowid"]
                try index.add(last, names: Self.names(row), gramsLater: true)
                indexed += 1
            }
            try index.flushGrams()
            try db.execute(sql: "UPDATE search_state SET indexed_through = ?", arguments: [last])
            return indexed
        }
    }

    private static let namesSQL = "SELECT rowid, name_zh, name_ko, name_en FROM company"

    private static func names(_ row: Row) -> [String] {
        [row["name_zh"], row["name_ko"], row["name_en"]].compactMap { (name: String?) in name }
    }
}

/// Writes one company's names into both search tables through prepared statements.
struct SearchIndexWriter {
    let insertText: GRDB.Statement
    let deleteText: GRDB.Statement
    let insertGram: GRDB.Statement
    let deleteGram: GRDB.Statement

    init(db: Database) throws {
        insertText = try .directlyBound(db, sql: "INSERT INTO company_search (rowid, names) VALUES (?, ?)")
        deleteText = try .directlyBound(db, sql: "DELETE FROM company_search WHERE rowid = ?")
        insertGram = try .directlyBound(db, sql: "INSERT OR IGNORE INTO company_gram (gram, company) VALUES (?, ?)")
        deleteGram = try .directlyBound(db, sql: "DELETE FROM company_gram WHERE gram = ? AND company = ?")
    }

    /// Grams waiting to be written in key order (see `add`), each as its UTF-8 bytes packed big-endian
    /// into an integer, which orders as SQLite compares text and sorts far faster than strings. At most a
    /// million (16 MB): four million took a 200,000-row import from a peak of 241 to 300 MiB, and was no
    /// faster (10.3–12.0 s for its index against 13.2 s).
    private var pendingGrams: [(gram: UInt64, position: Int64)] = []
    static let gramBatch = 1_000_000

    /// Indexes a company's names. With `gramsLater`, its grams wait and are written sorted with others'
    /// (`flushGrams`): written company by company they land all over the gram table's B-tree.
    mutating func add(_ position: Int64, names: [String], gramsLater: Bool = false) throws {
        guard !names.isEmpty else { return }
        try insertText.run {
            $0.bind(Int(position))
            $0.bind(names.joined(separator: "\n"))
        }
        for gram in SearchGrams.grams(of: names) {
            if let packed = Self.pack(gram) {
                pendingGrams.append((packed, position))
            } else {
                try insert(gram, position)
            }
        }
        if !gramsLater || pendingGrams.count >= Self.gramBatch { try flushGrams() }
    }

    /// Writes the waiting grams in the table's key order.
    mutating func flushGrams() throws {
        pendingGrams.sort { $0.gram == $1.gram ? $0.position < $1.position : $0.gram < $1.gram }
        for (gram, position) in pendingGrams { try insert(Self.unpack(gram), position) }
        pendingGrams.removeAll(keepingCapacity: true)
    }

    private func insert(_ gram: String, _ position: Int64) throws {
        try insertGram.run {
            $0.bind(gram)
            $0.bind(Int(position))
        }
    }

    /// A gram of at most 8 UTF-8 bytes, big-endian and zero-padded (a prefix sorts first, as in SQLite).
    static func pack(_ gram: String) -> UInt64? {
        gram.utf8.count <= 8 ? SearchGrams.packedPrefix(gram) : nil
    }

    static func unpack(_ packed: UInt64) -> String {
        var bytes: [UInt8] = []
        for index in 0..<8 {
            let byte = UInt8(truncatingIfNeeded: packed >> (56 - 8 * index))
            guard byte != 0 else { break }
            bytes.append(byte)
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    mutating func remove(_ position: Int64, names: [String]) throws {
        try deleteText.run { $0.bind(Int(position)) }
        for gram in SearchGrams.grams(of: names) {
            try deleteGram.run {
                $0.bind(gram)
                $0.bind(Int(position))
            }
        }
    }
}
