/// A problem in a `Store` backend: opening, migrating, reading or writing.
public struct StoreError: Error, Sendable, CustomStringConvertible {
    /// What went wrong, as a code that can grow.
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        enum Storage: Hashable, Sendable {
            case cannotOpen
            case busy
            case migrationFailed
            case writeFailed
            case readFailed
            case corruptRow
        }

        let storage: Storage

        public static let cannotOpen = Code(storage: .cannotOpen)
        /// Another process holds the database for itself (as a SQLite file's first import does).
        public static let busy = Code(storage: .busy)
        public static let migrationFailed = Code(storage: .migrationFailed)
        public static let writeFailed = Code(storage: .writeFailed)
        public static let readFailed = Code(storage: .readFailed)
        public static let corruptRow = Code(storage: .corruptRow)

        public var description: String {
            switch storage {
            case .cannotOpen: "cannot open the database"
            case .busy: "the database is busy"
            case .migrationFailed: "cannot migrate the database"
            case .writeFailed: "cannot write to the database"
            case .readFailed: "cannot read the database"
            case .corruptRow: "a stored row cannot be read back"
            }
        }
    }

    public let code: Code
    /// The database (a file path, or a URL without its password) and the table or row, when known.
    public let location: String
    /// What happened, safe to show a user: never a password.
    public let detail: String
    public let underlying: (any Error)?

    public init(_ code: Code, location: String, detail: String, underlying: (any Error)? = nil) {
        self.code = code
        self.location = location
        self.detail = detail
        self.underlying = underlying
    }

    public var description: String { "\(code) (\(location)): \(detail)" }
}
