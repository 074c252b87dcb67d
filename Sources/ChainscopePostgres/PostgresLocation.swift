public import ChainscopeCore
import Foundation

/// Where a PostgreSQL database is, read from a `postgres://user:password@host:port/database` URL (the
/// libpq form; `?host=/folder` or no host selects a unix socket folder, `?sslmode=` and `?sslrootcert=` TLS as
/// libpq reads them). Its description leaves the password out, so it can be logged and shown in errors.
public struct PostgresLocation: Sendable, Hashable, CustomStringConvertible {
    /// How the connection is encrypted, and how much of the server's certificate is checked, as libpq's
    /// `sslmode` says: `prefer` and `require` encrypt without checking it (unless there is a root certificate,
    /// then as `verify-ca`); `verify-ca` checks that a root certificate signed it; `verify-full` also that it
    /// names the host.
    public enum TLSMode: String, Sendable, Hashable, CaseIterable {
        case disable
        case prefer
        case require
        case verifyCA = "verify-ca"
        case verifyFull = "verify-full"
    }

    public var host: String
    public var port: Int
    /// The folder of the server's unix socket, when connecting through one.
    public var socketFolder: String?
    public var user: String
    public var password: String?
    public var database: String
    public var tls: TLSMode
    /// The file of the root certificates that must have signed the server's (`sslrootcert`, else libpq's
    /// `~/.postgresql/root.crt` when there is one), or `system` for the system's trusted roots; nil for none.
    public var rootCertificate: String?
    /// The client certificate sent to a server that asks for one, and its key (`sslcert` and `sslkey`, else
    /// libpq's `~/.postgresql/postgresql.crt` and `.key` when there are), read when the URL is; nil for none.
    var clientIdentity: ClientIdentity?
    /// The client certificate's file, when one is sent.
    public var clientCertificate: String? { clientIdentity?.certificateFile }

    /// Whether `text` names a PostgreSQL database rather than a SQLite file.
    public static func isURL(_ text: String) -> Bool {
        text.hasPrefix("postgres://") || text.hasPrefix("postgresql://")
    }

    /// Reads a URL; the error says what is wrong without repeating the URL, which may hold a password. What the
    /// URL leaves out comes from the environment as libpq takes it: the user from `PGUSER`, else `USER`; the host
    /// from `PGHOST`, else the unix socket in `/var/run/postgresql`; the port from `PGPORT`; the database from
    /// `?dbname=`, else `PGDATABASE`; `sslmode` and `sslrootcert` from `PGSSLMODE` and `PGSSLROOTCERT`; the password
    /// from `PGPASSWORD` or the password file (see `findingPassword`); a client certificate from `sslcert` and `sslkey`,
    /// else `PGSSLCERT` and `PGSSLKEY`, else libpq's files in `~/.postgresql`, its key's passphrase from `sslpassword`.
    public init(url text: String, environment: [String: String] = [:]) throws(StoreError) {
        func invalid(_ detail: String) -> StoreError {
            StoreError(
                .cannotOpen, location: "postgres://…",
                detail: "\(detail); write the URL as postgres://user[:password]@host[:port]/database")
        }
        guard Self.isURL(text), let components = URLComponents(string: text) else {
            throw invalid(
                "the database URL cannot be read (in the user name and password, write @ / # ? % and spaces "
                    + "percent-encoded: %40 %2F %23 %3F %25 %20)")
        }
        let query = Dictionary(
            (components.queryItems ?? []).map { ($0.name, $0.value ?? "") }, uniquingKeysWith: { _, last in last })
        func given(_ value: String?) -> String? { value.flatMap { $0.isEmpty ? nil : $0 } }
        let userGiven = components.percentEncodedUser?.removingPercentEncoding ?? query["user"]
        guard let user = userGiven ?? given(environment["PGUSER"]) ?? given(environment["USER"]), !user.isEmpty else {
            throw invalid("the database URL names no user")
        }
        let known = Set(Self.parameters).union(Self.ignored)
        if let unknown = query.keys.sorted().first(where: { !known.contains($0) }) {
            let read = Self.parameters.joined(separator: ", ")
            throw invalid("the URL parameter '\(unknown)' is not one Chainscope reads (\(read))")
        }
        let path = String(components.percentEncodedPath.dropFirst()).removingPercentEncoding ?? ""
        let database = path.isEmpty ? given(query["dbname"]) ?? given(environment["PGDATABASE"]) ?? "" : path
        guard !database.isEmpty, !database.contains("/") else { throw invalid("the database URL names no database") }
        let modeText = given(query["sslmode"]) ?? given(environment["PGSSLMODE"]) ?? "prefer"
        guard let tls = TLSMode(rawValue: modeText) else {
            let modes = TLSMode.allCases.map(\.rawValue).joined(separator: ", ")
            throw invalid("sslmode must be one of \(modes), not '\(modeText)'")
        }
        self.rootCertificate = try Self.rootCertificate(
            given(query["sslrootcert"]) ?? given(environment["PGSSLROOTCERT"]), mode: tls, environment: environment)
        self.user = user
        self.password = components.percentEncodedPassword?.removingPercentEncoding ?? query["password"]
        self.database = database
        let portText =
            given(query["port"]).map { ($0, "the URL's port") } ?? given(environment["PGPORT"]).map { ($0, "PGPORT") }
        if components.port == nil, let (text, source) = portText, Int(text) == nil {
            throw invalid("\(source) '\(text)' is not a number")
        }
        self.port = components.port ?? portText.flatMap { Int($0.0) } ?? 5432
        guard (1...65_535).contains(port) else { throw invalid("the port \(port) is not one from 1 to 65535") }
        // A host that is a folder (`?host=/run/postgresql`, `%2Frun%2Fpostgresql`) is a unix socket's; no host at
        // all is the server's default socket.
        let urlHost = given(components.percentEncodedHost?.removingPercentEncoding)
        let host = urlHost ?? given(query["host"]) ?? given(environment["PGHOST"]) ?? Self.defaultSocketFolder
        let isBracketed = host.hasPrefix("[") && host.hasSuffix("]")  // an IPv6 address, [::1]
        self.host = host.hasPrefix("/") ? "localhost" : isBracketed ? String(host.dropFirst().dropLast()) : host
        self.socketFolder = host.hasPrefix("/") ? host : nil
        self.tls = tls
        // As libpq, no certificate is read for a connection that is not encrypted: a unix socket's never is.
        if tls != .disable && socketFolder == nil {
            self.clientIdentity = try Self.clientIdentity(
                certificate: given(query["sslcert"]) ?? given(environment["PGSSLCERT"]),
                key: given(query["sslkey"]) ?? given(environment["PGSSLKEY"]), passphrase: query["sslpassword"],
                environment: environment)
        }
        self = findingPassword(environment: environment)
    }

    /// Where Debian's PostgreSQL server puts its socket, libpq's default there.
    public static let defaultSocketFolder = "/var/run/postgresql"

    /// The socket file of a unix-socket connection, as libpq names it.
    public var socketPath: String? { socketFolder.map { "\($0)/.s.PGSQL.\(port)" } }

    /// The URL without its password.
    public var description: String {
        let secret = password == nil ? "" : ":***"
        let socket = socketFolder.map { "?host=\($0)" } ?? ""
        let shownHost = host.contains(":") ? "[\(host)]" : host  // an IPv6 address
        return "postgres://\(user)\(secret)@\(shownHost):\(port)/\(database)\(socket)"
    }
}
