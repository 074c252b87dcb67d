import ChainscopeCore
import Foundation

extension PostgresLocation {
    /// The URL parameters Chainscope reads, and libpq's that change nothing it does (a typo such as `sslmod` is
    /// refused rather than passed over).
    static let parameters = [
        "host", "port", "user", "password", "dbname", "sslmode", "sslrootcert", "sslcert", "sslkey", "sslpassword",
    ]
    static let ignored: Set = [
        "application_name", "fallback_application_name", "connect_timeout", "client_encoding", "keepalives",
        "keepalives_idle", "keepalives_interval", "keepalives_count", "tcp_user_timeout", "target_session_attrs",
    ]

    /// The root certificate file `given` names (checked to be readable), else libpq's default one when it
    /// exists; `verify-ca` and `verify-full` need one, as libpq does.
    static func rootCertificate(
        _ given: String?, mode: TLSMode, environment: [String: String]
    ) throws(StoreError) -> String? {
        if let given, given != "system" {
            guard FileManager.default.isReadableFile(atPath: given) else {
                let reason = FileManager.default.fileExists(atPath: given) ? "cannot be read" : "does not exist"
                throw StoreError(
                    .cannotOpen, location: "postgres://…",
                    detail: "the root certificate file \(given) (sslrootcert) \(reason); give the CA certificate the "
                        + "server's certificate is signed with, or sslrootcert=system for the system's trusted roots")
            }
            return given
        }
        if let given { return given }
        let defaultFile = environment["HOME"].map { $0 + "/.postgresql/root.crt" }
        if let defaultFile, FileManager.default.fileExists(atPath: defaultFile) { return defaultFile }
        guard mode != .verifyCA && mode != .verifyFull else {
            throw StoreError(
                .cannotOpen, location: "postgres://…",
                detail: "sslmode=\(mode.rawValue) checks the server's certificate against a root certificate, and "
                    + "there is none: give its file with sslrootcert=PATH (or put it in ~/.postgresql/root.crt), "
                    + "use sslrootcert=system for the system's trusted roots, or sslmode=require to encrypt "
                    + "without checking")
        }
        return nil
    }
}
