import ArgumentParser
import ChainscopeCore
import ChainscopePostgres
import ChainscopeSQLite
import Foundation

/// `chainscope db`: the database's schema version.
struct DatabaseCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "db",
        abstract: "Show or bring up to date the database schema (SQLite or PostgreSQL).",
        discussion: """
            Every command migrates the database it opens; `db migrate` does only that, for example before \
            several users start working on a new PostgreSQL database, and `db status` changes nothing.

            Examples:
              chainscope db status
              chainscope db migrate --database postgres://chainscope@dbhost/chainscope
              export CHAINSCOPE_DATABASE_URL=postgres://chainscope@127.0.0.1/chainscope
              chainscope db status
            """,
        subcommands: [Status.self, Migrate.self])

    struct Options: ParsableArguments {
        @Option(name: .long, help: ArgumentHelp(DatabaseChoice.help))
        var database: String?

        @Flag(name: .long, help: "Print JSON.")
        var json = false

        @Option(name: .long, help: "Output language: ko, zh or en (default: CHAINSCOPE_LANG, else ko).")
        var lang: LanguageOption?

        var configuration: Configuration {
            get throws(CommandError) { try Configuration(database: database, language: lang?.language) }
        }
    }

    struct Status: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "List the migrations applied to the database and those still to apply; changes nothing.",
            discussion: """
                Examples:
                  chainscope db status
                  chainscope db status --database postgres://chainscope@dbhost/chainscope --json
                """)

        @OptionGroup var options: Options

        func run() async throws {
            try await CommandError.reporting(in: options.lang?.language) { () async throws(CommandError) in
                let configuration = try options.configuration
                let (applied, pending) = try await DatabaseCommand.status(of: configuration.database)
                let words = DatabaseWords(language: configuration.language)
                DatabaseCommand.print(
                    configuration.database, [("applied", words.applied, applied), ("pending", words.pending, pending)],
                    words: words, json: options.json)
            }
        }
    }

    struct Migrate: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Apply the migrations the database lacks.",
            discussion: """
                Examples:
                  chainscope db migrate
                  chainscope db migrate --database postgres://chainscope@dbhost/chainscope
                """)

        @OptionGroup var options: Options

        func run() async throws {
            try await CommandError.reporting(in: options.lang?.language) { () async throws(CommandError) in
                let configuration = try options.configuration
                let applied = try await DatabaseCommand.migrate(configuration.database)
                let words = DatabaseWords(language: configuration.language)
                DatabaseCommand.print(
                    configuration.database, [("newly_applied", words.newlyApplied, applied)], words: words,
                    json: options.json)
            }
        }
    }

    static func status(of choice: DatabaseChoice) async throws(CommandError) -> (applied: [String], pending: [String]) {
        switch choice {
        case .sqlite(let path):
            return try CommandError.opening { try SQLiteStore.migrationStatus(path: path) }
        case .postgres(let location):
            return try await postgres(location) { store in try await store.migrationStatus() }
        }
    }

    static func migrate(_ choice: DatabaseChoice) async throws(CommandError) -> [String] {
        switch choice {
        case .sqlite(let path):
            return try CommandError.opening { try SQLiteStore.migrate(path: path) }
        case .postgres(let location):
            return try await postgres(location) { store in try await store.migrate() }
        }
    }

    private static func postgres<Value: Sendable>(
        _ location: PostgresLocation, _ body: (PostgresStore) async throws -> Value
    ) async throws(CommandError) -> Value {
        do {
            return try await PostgresStore.withRunning(location, migrate: false, body)
        } catch {
            throw CommandError.postgres(error)
        }
    }

    /// The database and lists of migrations, each under its JSON key or, as text, its label in `words`' language.
    static func print(
        _ choice: DatabaseChoice, _ lists: [(key: String, label: String, names: [String])], words: DatabaseWords,
        json: Bool
    ) {
        if json {
            var object: [String: JSONValue] = ["database": .text(choice.description)]
            for list in lists { object[list.key] = .list(list.names) }
            Swift.print(JSONOutput.text(object))
            return
        }
        let labels = [words.database] + lists.map(\.label)
        let width = labels.map(\.terminalColumns).max() ?? 0
        func line(_ label: String, _ value: String) -> String {
            label + String(repeating: " ", count: width - label.terminalColumns + 1) + value
        }
        Swift.print(line(words.database, choice.description))
        for list in lists {
            Swift.print(line(list.label, list.names.isEmpty ? words.none : list.names.joined(separator: ", ")))
        }
    }

    /// A text or a list of texts, for the JSON output.
    enum JSONValue: Encodable {
        case text(String)
        case list([String])

        func encode(to encoder: any Encoder) throws {
            var container = encoder.singleValueContainer()
            switch self {
            case .text(let text): try container.encode(text)
            case .list(let list): try container.encode(list)
            }
        }
    }
}

/// The labels of `db status` and `db migrate` in Korean, Chinese or English.
struct DatabaseWords {
    let language: Language

    var database: String { language.pick("데이터베이스:", "数据库：", "Database:") }
    var applied: String { language.pick("적용됨:", "已应用：", "Applied:") }
    var pending: String { language.pick("적용할 것:", "待应用：", "Pending:") }
    var newlyApplied: String { language.pick("새로 적용됨:", "本次应用：", "Newly applied:") }
    var none: String { language.pick("없음", "无", "none") }
}
