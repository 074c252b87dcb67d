import ChainscopeCore
import Foundation
import GRDB

/// Company search. Names of three or more characters are found through an FTS5 trigram index; FTS5
/// cannot answer shorter queries, which in Chinese are common (芯, 智能), so a second FTS5 table holds
/// every character and pair of neighbouring characters of each name as tokens. Both are keyed on the
/// company's rowid, kept up to date by `refreshSearchIndex` after imports (the import itself does not pay
/// for them), with triggers noting renamed and removed companies.
extension SQLiteStore {
    /// The search tables as migration v8 made them (v9 replaced both full-text tables). A migration that
    /// rebuilds `company` renumbers its rowids and must empty the full-text tables (FTS5's `delete-all`, as
    /// they keep no content) and set `indexed_through` to 0, so that the next refresh indexes every company.
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

    /// Migration v9: the short-query index becomes a second full-text table, `company_gram`, whose
    /// documents are a company's grams, each written as one token of hexadecimal UTF-8 (so that any
    /// character survives the tokenizer), without positions. The v8 table was a B-tree of (gram, company),
    /// whose 23 rows per company landed all over it: a million companies took 58.5 s to index and 65 MB
    /// per 200,000; FTS5 builds its segments in memory and writes them in order (200,000 companies: under a
    /// second and 7 MB). Neither full-text table keeps a copy of its text, which searches never read (a
    /// million companies' trigrams: 6.3 s with it, 3.8 s without). FTS5 removes a document from such a
    /// table only when told its text again, so removed and renamed companies' old names are now noted
    /// exactly, as a JSON array. Both tables start over: the next refresh indexes every company.
    static func indexShortQueriesInFullText(_ db: Database) throws {
        let oldNames = "json_array(OLD.name_zh, OLD.name_ko, OLD.name_en)"
        try db.execute(
            sql: """
                DROP TRIGGER company_renamed;
                DROP TRIGGER company_removed;
                DROP TABLE search_pending;
                DROP TABLE company_gram;
                DROP TABLE company_search;
                UPDATE search_state SET indexed_through = 0;
                CREATE VIRTUAL TABLE company_search USING fts5(
                    names, content = '', columnsize = 0, tokenize = 'trigram');
                CREATE VIRTUAL TABLE company_gram USING fts5(
                    grams, content = '', detail = none, columnsize = 0, tokenize = 'ascii');
                CREATE TABLE search_pending (company INTEGER PRIMARY KEY, old_names TEXT NOT NULL);
                CREATE TRIGGER company_renamed AFTER UPDATE OF name_zh, name_ko, name_en ON company
                    WHEN OLD.name_zh IS NOT NEW.name_zh OR OLD.name_ko IS NOT NEW.name_ko
                        OR OLD.name_en IS NOT NEW.name_en
                    BEGIN INSERT OR IGNORE INTO search_pending VALUES (OLD.rowid, \(oldNames)); END;
                CREATE TRIGGER company_removed AFTER DELETE ON company
                    BEGIN INSERT OR IGNORE INTO search_pending VALUES (OLD.rowid, \(oldNames)); END;
                """)
    }

    /// How many bytes of new entries each full-text table gathers in memory before writing them out as a
    /// segment of its index (FTS5's `hashsize`; 1 MiB by default, a segment per mebibyte, merged again and
    /// again as they pile up). Indexing a million companies after their import: 7.1 s with the default, 5.5 s
    /// with 16 MiB (4 MiB: 6.1 s, 64 MiB: 5.4 s), the command's peak memory the same.
    static let searchEntriesInMemory = 16 << 20

    static func flushSearchEntriesInLargerRuns(_ db: Database) throws {
        for table in ["company_search", "company_gram"] {
            try db.execute(
                sql: "INSERT INTO \(table) (\(table), rank) VALUES ('hashsize', ?)", arguments: [searchEntriesInMemory])
        }
    }

    /// Indexes the companies added since the last refresh and re-indexes those renamed or removed, in one
    /// transaction. The entries of each chunk of companies are computed on another core while the writer
    /// inserts the previous chunk's: computing grams was nearly half of the work.
    public func refreshSearchIndex() async throws -> Int {
        // Never through a rollback journal (a first index build was no faster that way), but the way an import
        // alone runs when there is one: through `write`, on another thread, glibc gave the build another malloc
        // arena, and the command's peak for a million rows went from 242 to 275 MiB.
        try await writeAlone(if: { _ in false }) { db in try Self.refreshSearchIndex(db) }
    }

    /// `refreshSearchIndex()` inside the caller's transaction: an import that looks companies up by name brings
    /// the index up to date first.
    static func refreshSearchIndex(_ db: Database) throws -> Int {
        let index = try SearchIndexWriter(db: db)
        let through = try Int64.fetchOne(db, sql: "SELECT indexed_through FROM search_state") ?? 0
        let pending = try Row.fetchAll(db, sql: "SELECT company, old_names FROM search_pending")
        var indexed = 0
        for row in pending where (row["company"] as Int64) <= through {
            let position: Int64 = row["company"]
            try index.remove(SearchEntry(position, names: try Self.names(json: row["old_names"])))
            if let names = try Row.fetchOne(db, sql: Self.namesSQL + " WHERE rowid = ?", arguments: [position]) {
                try index.add(SearchEntry(position, names: Self.names(names)))
                indexed += 1
            }
        }
        try db.execute(sql: "DELETE FROM search_pending")
        var last = through
        let rows = try Row.fetchCursor(
            db, sql: Self.namesSQL + " WHERE rowid > ? ORDER BY rowid", arguments: [through])
        var chunk = try Self.chunk(of: rows)
        var entries = chunk.map(SearchEntry.init)
        while let end = chunk.last {
            let following = try Self.chunk(of: rows)
            let computing = BackgroundResult { following.map(SearchEntry.init) }
            for entry in entries { try index.add(entry) }
            last = end.position
            indexed += chunk.count
            (chunk, entries) = (following, computing.value)
        }
        // SQLite gives the next company the rowid after the highest remaining one, which may have been an
        // indexed company's that is now removed: keeping `indexed_through` above it, that company would
        // never be indexed, and removing it later would remove names the index does not hold.
        try db.execute(
            sql: "UPDATE search_state SET indexed_through = min(?, coalesce((SELECT max(rowid) FROM company), 0))",
            arguments: [last])
        return indexed
    }

    private static let namesSQL = "SELECT rowid, name_zh, name_ko, name_en FROM company"

    /// The next companies of `rows`, at most 4,096: about a megabyte of entries.
    private static func chunk(of rows: RowCursor) throws -> [(position: Int64, names: [String])] {
        var chunk: [(position: Int64, names: [String])] = []
        while chunk.count < 4096, let row = try rows.next() { chunk.append((row["rowid"], names(row))) }
        return chunk
    }

    private static func names(_ row: Row) -> [String] {
        [row["name_zh"], row["name_ko"], row["name_en"]].compactMap { (name: String?) in name }
    }

    /// The names the triggers noted, exactly as they were indexed.
    private static func names(json: String) throws -> [String] {
        try JSONDecoder().decode([String?].self, from: Data(json.utf8)).compactMap { $0 }
    }
}
