import ChainscopeCore
import GRDB

extension RawHeaderCatalog {
    /// The headers of the raw rows a database keeps (`raw_header`), each once: a company's raw row names
    /// its header by digest.
    init(_ db: Database) throws {
        self.init()
        for row in try Row.fetchAll(db, sql: "SELECT digest, keys FROM raw_header") {
            try add(digest: row["digest"], json: row["keys"])
        }
    }

    /// Stores `header` unless it is stored; refuses a digest stored for other keys.
    mutating func store(_ header: RawHeader, _ db: Database) throws {
        guard try register(header) else { return }
        try db.execute(
            sql: "INSERT INTO raw_header (digest, keys) VALUES (?, ?)", arguments: [header.digest, header.json])
    }

    /// Migration `v10-raw-headers`.
    static func createTable(_ db: Database) throws {
        try db.execute(
            sql: "CREATE TABLE raw_header (digest TEXT PRIMARY KEY NOT NULL, keys TEXT NOT NULL) WITHOUT ROWID")
    }
}
