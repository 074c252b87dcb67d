import ArgumentParser
import ChainscopeCore
import Foundation

/// Settings shared by the commands: flags override `CHAINSCOPE_*` environment variables, which
/// override the defaults.
struct Configuration {
    /// `--database`, else `CHAINSCOPE_DATABASE_URL`, else `CHAINSCOPE_DATABASE`: a SQLite file, or a
    /// PostgreSQL database given as a `postgres://` URL. Default `./chainscope.sqlite`.
    var database: DatabaseChoice
    /// `CHAINSCOPE_LANG`: the output language. Default Korean, for Chainscope's first users.
    var language: Language

    static let defaultDatabasePath = "chainscope.sqlite"

    init(
        database: String?, language: Language?, environment: [String: String] = ProcessInfo.processInfo.environment
    ) throws(CommandError) {
        self.database = try DatabaseChoice(
            database ?? environment["CHAINSCOPE_DATABASE_URL"] ?? environment["CHAINSCOPE_DATABASE"]
                ?? Self.defaultDatabasePath, environment: environment)
        if let language {
            self.language = language
        } else if let text = environment["CHAINSCOPE_LANG"], !text.isEmpty {
            guard let parsed = Language(rawValue: text) else {
                throw CommandError("CHAINSCOPE_LANG is '\(text)'; set it to ko, zh or en.", exitCode: 64)
            }
            self.language = parsed
        } else {
            self.language = .ko
        }
    }
}

/// A failure the tool reports in one message and an exit code (64 usage, 65 bad data, 66 no database, 74 I/O).
struct CommandError: Error, CustomStringConvertible {
    let description: String
    let exitCode: Int32

    init(_ description: String, exitCode: Int32) {
        self.description = description
        self.exitCode = exitCode
    }
}

extension CommandError {
    /// The exit code of a database that another process holds for itself for now (sysexits' `EX_TEMPFAIL`).
    static let busyExitCode: Int32 = 75

    /// Opens a database, turning failure into an I/O error with a hint.
    static func opening<Value>(_ body: () throws -> Value) throws(CommandError) -> Value {
        do {
            return try body()
        } catch let error as StoreError where error.code == .busy {
            throw CommandError("\(error)", exitCode: busyExitCode)
        } catch {
            throw CommandError(
                "\(error)\nCheck that the folder exists and is writable, or pass --database with another path.",
                exitCode: 74)
        }
    }

    /// `--import` named an import that the database does not have.
    static func noImport(_ id: Int64) -> CommandError {
        CommandError("No import has the number \(id); each import prints its number (\"as import #N\").", exitCode: 65)
    }

    /// Runs store work, turning failure into an I/O error.
    static func storing<Value>(_ body: () async throws -> Value) async throws(CommandError) -> Value {
        do {
            return try await body()
        } catch {
            throw CommandError("\(error)", exitCode: (error as? StoreError)?.code == .busy ? busyExitCode : 74)
        }
    }
}

extension CommandError {
    /// Runs a command's work and reports a `CommandError` on standard error with its exit code.
    static func reporting<Value>(_ body: () async throws(CommandError) -> Value) async throws -> Value {
        do {
            return try await body()
        } catch {
            FileHandle.standardError.write(Data("chainscope: \(error.description)\n".utf8))
            throw ExitCode(error.exitCode)
        }
    }
}

/// JSON for `--json` output: indented, keys sorted so the output is stable, slashes unescaped.
enum JSONOutput {
    static func text(_ value: some Encodable, snakeCaseKeys: Bool = false) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        if snakeCaseKeys { encoder.keyEncodingStrategy = .convertToSnakeCase }
        // The encoded values hold only texts, integers and finite numbers, which always encode.
        return (try? encoder.encode(value)).map { String(decoding: $0, as: UTF8.self) } ?? "null"
    }
}
