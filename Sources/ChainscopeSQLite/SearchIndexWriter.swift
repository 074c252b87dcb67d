import ChainscopeCore
import Foundation
import GRDB

/// One company's entries in both search tables: its names for the trigram table and, for the gram table,
/// a document of its grams, each written as its UTF-8 bytes in lower-case hexadecimal.
struct SearchEntry: Sendable {
    let position: Int64
    /// The names, one per line; nil when the company has none, and is not indexed.
    let names: String?
    /// The gram document; nil when the names have no grams (only white space).
    let grams: String?

    init(_ position: Int64, names: [String]) {
        self.position = position
        self.names = names.isEmpty ? nil : names.joined(separator: "\n")
        let grams = names.isEmpty ? [] : SearchGrams.grams(of: names)
        self.grams = grams.isEmpty ? nil : Self.document(grams)
    }

    /// The gram table's document: each gram as a token (see `token`), separated by spaces.
    static func document(_ grams: [String]) -> String {
        var text: [UInt8] = []
        text.reserveCapacity(grams.count * 13)
        for gram in grams {
            if !text.isEmpty { text.append(UInt8(ascii: " ")) }
            Hexadecimal.append(gram.utf8, to: &text)
        }
        return String(decoding: text, as: UTF8.self)
    }

    /// A gram as the gram table's tokenizer reads it: its UTF-8 bytes in lower-case hexadecimal.
    static func token(_ gram: String) -> String { Hexadecimal.string(of: gram) }
}

/// Writes companies' entries into both search tables through prepared statements.
struct SearchIndexWriter {
    let insertText: DirectStatement
    let deleteText: DirectStatement
    let insertGrams: DirectStatement
    let deleteGrams: DirectStatement

    init(db: Database) throws {
        insertText = try DirectStatement(db, sql: "INSERT INTO company_search (rowid, names) VALUES (?, ?)")
        deleteText = try DirectStatement(
            db, sql: "INSERT INTO company_search (company_search, rowid, names) VALUES ('delete', ?, ?)")
        insertGrams = try DirectStatement(db, sql: "INSERT INTO company_gram (rowid, grams) VALUES (?, ?)")
        deleteGrams = try DirectStatement(
            db, sql: "INSERT INTO company_gram (company_gram, rowid, grams) VALUES ('delete', ?, ?)")
    }

    func add(_ entry: SearchEntry) throws {
        try write(insertText, entry.position, entry.names)
        try write(insertGrams, entry.position, entry.grams)
    }

    /// Takes a company out of the index: `entry` must be made from the names it was indexed with, since
    /// neither table keeps a copy of its text.
    func remove(_ entry: SearchEntry) throws {
        try write(deleteText, entry.position, entry.names)
        try write(deleteGrams, entry.position, entry.grams)
    }

    private func write(_ statement: DirectStatement, _ position: Int64, _ text: String?) throws {
        guard let text else { return }
        try statement.run {
            $0.bind(Int(position))
            $0.bind(text)
        }
    }
}

/// A value computed on a thread of the system's pool while the caller goes on; `value` waits for it.
/// The search index's writer runs inside a synchronous database transaction, where a task cannot be
/// awaited.
final class BackgroundResult<Value: Sendable>: @unchecked Sendable {
    private let done = DispatchSemaphore(value: 0)
    private var result: Value?

    init(_ compute: @escaping @Sendable () -> Value) {
        DispatchQueue.global(qos: .userInitiated).async { [self] in
            result = compute()
            done.signal()
        }
    }

    /// The value, once computed; call once.
    var value: Value {
        done.wait()
        return result!
    }
}
