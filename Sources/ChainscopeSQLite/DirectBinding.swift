import GRDB
import GRDBSQLite

/// Binds values to a prepared statement in order through the SQLite C API. An import binds some thirty
/// values per row; GRDB's `StatementArguments` boxes each value and copies each text into a C string,
/// which took a fifth of the import writer's time.
struct DirectBinding {
    private let statement: SQLiteStatement
    private var index: CInt = 0
    /// Tells SQLite to copy a text before `bind` returns.
    private static let transient = unsafeBitCast(OpaquePointer(bitPattern: -1), to: sqlite3_destructor_type.self)

    fileprivate init(_ statement: SQLiteStatement) {
        self.statement = statement
        sqlite3_reset(statement)
    }

    mutating func bind(_ text: String?) {
        index += 1
        guard var text else {
            sqlite3_bind_null(statement, index)
            return
        }
        text.withUTF8 { bytes in
            guard let start = bytes.baseAddress else {
                // An empty text has no buffer, and a null pointer would bind NULL.
                sqlite3_bind_text(statement, index, "", 0, Self.transient)
                return
            }
            start.withMemoryRebound(to: CChar.self, capacity: bytes.count) {
                _ = sqlite3_bind_text(statement, index, $0, CInt(bytes.count), Self.transient)
            }
        }
    }

    mutating func bind(_ number: Int?) {
        index += 1
        guard let number else {
            sqlite3_bind_null(statement, index)
            return
        }
        sqlite3_bind_int64(statement, index, Int64(number))
    }

    mutating func bind(_ number: Double) {
        index += 1
        sqlite3_bind_double(statement, index, number)
    }

    mutating func bind(_ flag: Bool) { bind(flag ? 1 : 0 as Int?) }
}

extension GRDB.Statement {
    /// A statement for `run(_:)`, whose values are bound directly (see `DirectBinding`).
    static func directlyBound(_ db: Database, sql: String) throws -> GRDB.Statement {
        let statement = try db.makeStatement(sql: sql)
        // Marks the arguments as bound, so that `execute()` keeps the bindings made by `run`.
        statement.setUncheckedArguments(StatementArguments())
        return statement
    }

    /// Binds values in order with `bind` and executes the statement.
    func run(_ bind: (inout DirectBinding) -> Void) throws {
        var binding = DirectBinding(sqliteStatement)
        bind(&binding)
        try execute()
    }
}
