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
                try index.add(last, names: Self.names(row))
                indexed += 1
            }
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
private struct SearchIndexWriter {
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

    mutating func add(_ position: Int64, names: [String]) throws {
        guard !names.isEmpty else { return }
        try insertText.run {
            $0.bind(Int(position))
            $0.bind(names.joined(separator: "\n"))
        }
        for gram in SearchGrams.grams(of: names) {
            try insertGram.run {
                $0.bind(gram)
                $0.bind(Int(position))
            }
        }
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
