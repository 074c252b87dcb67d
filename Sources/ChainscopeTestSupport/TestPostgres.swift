import Foundation

/// The throw-away PostgreSQL server that `scripts/with-postgres` starts for the tests, when there is one.
public enum TestPostgres {
    /// The server's URL (its first database), from `CHAINSCOPE_TEST_POSTGRES_URL`.
    public static var url: String? { ProcessInfo.processInfo.environment["CHAINSCOPE_TEST_POSTGRES_URL"] }

    /// Why a PostgreSQL test is skipped without a server.
    public static let missingServer = "no PostgreSQL server: run the tests through scripts/with-postgres"

    /// Creates an empty database on the server with psql and returns its URL.
    public static func newDatabase(prefix: String = "test") throws -> String {
        guard let url else {
            throw CocoaError(.featureUnsupported, userInfo: [NSLocalizedDescriptionKey: missingServer])
        }
        let name = prefix + "_" + UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/psql")
        process.arguments = ["-qX", url, "-c", "CREATE DATABASE \(name)"]
        try process.run()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw CocoaError(.fileWriteUnknown, userInfo: [NSLocalizedDescriptionKey: "psql could not create \(name)"])
        }
        return url.replacingOccurrences(of: "/postgres?", with: "/\(name)?")
    }
}
