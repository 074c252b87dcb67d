public import ChainscopeCore
import Foundation

/// Where a PostgreSQL database is, read from a `postgres://user:password@host:port/database` URL (the
/// libpq form; `?host=/folder` selects a unix socket folder and `?sslmode=disable|prefer|require` TLS).
/// Its description leaves the password out, so it can be logged and shown in errors.
public struct PostgresLocation: Sendable, Hashable, CustomStringConvertible {
    /// How the connection is encrypted.
    public enum TLSMode: String, Sendable, Hashable {
        case disable
        case prefer
        case require
    }

    public var host: String
    public var port: Int
    /// The folder of the server's unix socket, when connecting through one.
    public var socketFolder: String?
    public var user: String
    public var password: String?
    public var database: String
    public var tls: TLSMode

    /// Whether `text` names a PostgreSQL database rather than a SQLite file.
    public static func isURL(_ text: String) -> Bool {
        text.hasPrefix("postgres://") || text.hasPrefix("postgresql://")
    }

    /// Reads a URL; the error says what is wrong without repeating the URL, which may hold a password.
    public init(url text: String) throws(StoreError) {
        func invalid(_ detail: String) -> StoreError {
            StoreError(
                .cannotOpen, location: "postgres://…",
                detail: "\(detail); write the URL as postgres://user[:password]@host[:port]/database")
        }
        guard Self.isURL(text), let components = URLComponents(string: text) else {
            throw invalid("the database URL cannot be read")
        }
        let query = Dictionary(
            (components.queryItems ?? []).map { ($0.name, $0.value ?? "") }, uniquingKeysWith: { _, last in last })
        guard let user = components.percentEncodedUser?.removingPercentEncoding ?? query["user"], !user.isEmpty else {
            throw invalid("the database URL names no user")
        }
        let database = String(components.percentEncodedPath.dropFirst()).removingPercentEncoding ?? ""
        guard !database.isEmpty, !database.contains("/") else { throw invalid("the database URL names no database") }
        let tls = TLSMode(rawValue: query["sslmode"] ?? "prefer")
        guard let tls else {
            throw invalid("sslmode must be disable, prefer or require, not '\(query["sslmode"] ?? "")'")
        }
        self.user = user
        self.password = components.percentEncodedPassword?.removingPercentEncoding ?? query["password"]
        self.database = database
        self.host = components.host.map { $0.isEmpty ? "localhost" : $0 } ?? "localhost"
        self.port = components.port ?? Int(query["port"] ?? "") ?? 5432
        self.socketFolder = query["host"].flatMap { $0.hasPrefix("/") ? $0 : nil }
        self.tls = tls
    }

    /// The socket file of a unix-socket connection, as libpq names it.
    public var socketPath: String? { socketFolder.map { "\($0)/.s.PGSQL.\(port)" } }

    /// The URL without its password.
    public var description: String {
        let secret = password == nil ? "" : ":***"
        let socket = socketFolder.map { "?host=\($0)" } ?? ""
        return "postgres://\(user)\(secret)@\(host):\(port)/\(database)\(socket)"
    }
}
