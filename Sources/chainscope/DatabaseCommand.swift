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
            try await CommandError.reporting { () async throws(CommandError) in
                let choice = try Configuration(database: options.database, language: nil).database
                let (applied, pending) = try await DatabaseCommand.status(of: choice)
                DatabaseCommand.print(choice, ["applied": applied, "pending": pending], json: options.json)
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
            try await CommandError.reporting { () async throws(CommandError) in
                let choice = try Configuration(database: options.database, language: nil).database
                let applied = try await DatabaseCommand.migrate(choice)
                DatabaseCommand.print(choice, ["newly_applied": applied], json: options.json)
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
            throw CommandError(
                "\(error)\nCheck that the PostgreSQL server runs and that the URL's user, password, host, port and "
                    + "database are right.", exitCode: 74)
        }
    }

    static func print(_ choice: DatabaseChoice, _ lists: [String: [String]], json: Bool) {
        if json {
            var object: [String: JSONValue] = ["database": .text(choice.description)]
            for (name, list) in lists { object[name] = .list(list) }
            Swift.print(JSONOutput.text(object))
            return
        }
        Swift.print("Database: \(choice)")
        for (name, list) in lists.sorted(by: { $0.key < $1.key }) {
            let label = name.replacingOccurrences(of: "_", with: " ").capitalized + ":"
            Swift.print(
                label.padding(toLength: 15, withPad: " ", startingAt: 0)
                    + (list.isEmpty ? "none" : list.joined(separator: ", ")))
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
