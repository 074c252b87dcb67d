import GRDB
import Testing

@testable import ChainscopeSQLite

@Suite("Values bound directly")
struct DirectBindingTests {
    @Test("Texts bound from the statement's buffer are stored as given, in runs short and long")
    func textsFromTheBuffer() throws {
        let queue = try DatabaseQueue()
        let rows: [[String?]] = [
            ["杭州", "", nil],
            [String(repeating: "智能", count: 900), "a", "b"],  // 5,400 bytes: more than the buffer holds at first
            ["c", String(repeating: "x", count: 3000), "人工智能"],  // fits in the grown buffer
            [nil, "d", String(repeating: "y", count: 2_000_000)],  // more than the buffer ever holds
            ["e", "f", "g"],
        ]
        let stored = try queue.write { db in
            try db.execute(sql: "CREATE TABLE t (n INTEGER PRIMARY KEY, a TEXT, b TEXT, c TEXT)")
            let insert = try DirectStatement(db, sql: "INSERT INTO t (n, a, b, c) VALUES (?, ?, ?, ?)")
            for (n, row) in rows.enumerated() {
                try insert.run { binding in
                    binding.bind(n)
                    for text in row { binding.bind(text) }
                }
            }
            return try Row.fetchAll(db, sql: "SELECT a, b, c FROM t ORDER BY n").map {
                [$0[0], $0[1], $0[2]] as [String?]
            }
        }
        // Compared whole, described short: some texts are megabytes long.
        let described = stored.map { $0.map { $0.map { "\($0.utf8.count) bytes: \($0.prefix(6))…" } ?? "NULL" } }
        let same = stored == rows
        #expect(same, "stored \(described)")
        let empty = try queue.read { try String.fetchOne($0, sql: "SELECT typeof(b) FROM t WHERE n = 0") }
        #expect(empty == "text")
    }
}
