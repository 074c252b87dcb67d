import GRDB
import GRDBSQLite

/// Binds values to a prepared statement in order through the SQLite C API. An import binds some thirty
/// values per row; GRDB's `StatementArguments` boxes each value and copies each text into a C string,
/// which took a fifth of the import writer's time.
///
/// Texts are copied into their statement's buffer (`DirectStatement`) and bound without SQLite copying
/// them again: bound for SQLite to copy, each text took a `malloc` and a `free` (SQLite frees a value when
/// the next one is bound in its place), about thirty per imported row.
struct DirectBinding {
    private let statement: SQLiteStatement
    private(set) var index: CInt = 0
    /// Where the texts of this run go, and how much of it they use.
    private let buffer: UnsafeMutableRawBufferPointer
    private var used = 0
    /// The bytes of texts that did not fit in `buffer` (SQLite copied them): what it should grow by.
    private(set) var overflow = 0

    /// Tells SQLite to copy a text before `bind` returns.
    private static let transient = unsafeBitCast(OpaquePointer(bitPattern: -1), to: sqlite3_destructor_type.self)

    fileprivate init(_ statement: SQLiteStatement, buffer: UnsafeMutableRawBufferPointer) {
        self.statement = statement
        self.buffer = buffer
        sqlite3_reset(statement)
    }

    mutating func bind(_ text: String?) {
        index += 1
        guard var text else {
            sqlite3_bind_null(statement, index)
            return
        }
        text.withUTF8 { bytes in
            guard bytes.count <= buffer.count - used, let base = buffer.baseAddress else {
                overflow += bytes.count
                bindCopying(bytes)
                return
            }
            // An empty text is bound as a pointer into the buffer too: a null pointer would bind NULL.
            let start = base + used
            if let source = bytes.baseAddress { start.copyMemory(from: source, byteCount: bytes.count) }
            used += bytes.count
            // No destructor (SQLITE_STATIC): the buffer outlives the statement's use of the text, which ends
            // with the run (`DirectStatement.run`).
            sqlite3_bind_text(statement, index, start.assumingMemoryBound(to: CChar.self), CInt(bytes.count), nil)
        }
    }

    private func bindCopying(_ bytes: UnsafeBufferPointer<UInt8>) {
        guard let start = bytes.baseAddress else {
            sqlite3_bind_text(statement, index, "", 0, Self.transient)
            return
        }
        start.withMemoryRebound(to: CChar.self, capacity: bytes.count) {
            _ = sqlite3_bind_text(statement, index, $0, CInt(bytes.count), Self.transient)
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

/// A prepared statement whose values are bound directly (see `DirectBinding`), with the buffer its texts
/// are bound from. A run's texts stay in the buffer until the next run of the same statement, which binds
/// every value again; the buffer grows between runs, after the statement's values are cleared, to hold the
/// largest run's texts.
final class DirectStatement {
    let statement: GRDB.Statement
    private var buffer: UnsafeMutableRawBufferPointer

    /// Runs that bind texts of more bytes than this bind them copied.
    private static let largestBuffer = 1 << 20

    init(_ db: Database, sql: String) throws {
        statement = try db.makeStatement(sql: sql)
        // Marks the arguments as bound, so that `execute()` keeps the bindings made by `run`.
        statement.setUncheckedArguments(StatementArguments())
        buffer = .allocate(byteCount: 1024, alignment: 1)
    }

    deinit {
        sqlite3_clear_bindings(statement.sqliteStatement)
        buffer.deallocate()
    }

    /// Binds values in order with `bind` and executes the statement.
    func run(_ bind: (inout DirectBinding) -> Void) throws {
        var binding = DirectBinding(statement.sqliteStatement, buffer: buffer)
        bind(&binding)
        // A value left unbound would be read from wherever the buffer held its text in an earlier run.
        precondition(
            binding.index == sqlite3_bind_parameter_count(statement.sqliteStatement), "a run binds every value")
        defer { grow(by: binding.overflow) }
        try statement.execute()
    }

    private func grow(by overflow: Int) {
        guard overflow > 0, buffer.count < Self.largestBuffer else { return }
        // No bound value may point into the buffer when it goes.
        sqlite3_clear_bindings(statement.sqliteStatement)
        let size = min(Self.largestBuffer, max(buffer.count * 2, buffer.count + overflow))
        buffer.deallocate()
        buffer = .allocate(byteCount: size, alignment: 1)
    }
}
