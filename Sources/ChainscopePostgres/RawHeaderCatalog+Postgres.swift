import ChainscopeCore
import Logging
import PostgresNIO

extension RawHeaderCatalog {
    /// The headers of the raw rows a database keeps (`raw_header`), each once: a company's raw row names
    /// its header by digest. Imports store them, one import at a time.
    init(_ connection: PostgresConnection, logger: Logger) async throws {
        self.init()
        for try await (digest, json) in try await connection.query(
            "SELECT digest, keys FROM raw_header", logger: logger
        ).decode((String, String).self) {
            try add(digest: digest, json: json)
        }
    }

    /// Stores the headers of `rows` that are not stored; refuses a digest stored for other keys.
    mutating func store(_ rows: [CompanyRow], _ connection: PostgresConnection, logger: Logger) async throws {
        for row in rows {
            guard let header = row.rawHeader, try register(header) else { continue }
            try await connection.query(
                "INSERT INTO raw_header (digest, keys) VALUES (\(header.digest), \(header.json))", logger: logger)
        }
    }
}
