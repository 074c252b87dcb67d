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

extension Language {
    /// The language of a command's messages: `--lang`, else `CHAINSCOPE_LANG` when it names one, else Korean.
    static func chosen(
        _ option: Language?, environment: [String: String] = ProcessInfo.processInfo.environment
    ) -> Language {
        option ?? environment["CHAINSCOPE_LANG"].flatMap(Language.init(rawValue:)) ?? .ko
    }
}

/// A failure the tool reports in one message and an exit code (64 usage, 65 bad data, 66 no database, 74 I/O). The
/// message is written in Korean, Chinese and English (`text(in:)`); one that only passes on another error's text
/// (a store's, a file's) is that text in every language.
struct CommandError: Error, CustomStringConvertible {
    private let ko: String
    private let zh: String
    private let en: String
    let exitCode: Int32

    init(_ description: String, exitCode: Int32) {
        self.init(ko: description, zh: description, en: description, exitCode: exitCode)
    }

    init(ko: String, zh: String, en: String, exitCode: Int32) {
        (self.ko, self.zh, self.en) = (ko, zh, en)
        self.exitCode = exitCode
    }

    /// The message in English.
    var description: String { en }

    func text(in language: Language) -> String { language.pick(ko, zh, en) }

    /// This error's message with `more` after it, in each language.
    func adding(ko moreKo: String, zh moreZh: String, en moreEn: String) -> CommandError {
        CommandError(ko: ko + moreKo, zh: zh + moreZh, en: en + moreEn, exitCode: exitCode)
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
            throw CommandError("\(error)", exitCode: 74).adding(
                ko: "\n폴더가 있고 쓸 수 있는지 확인하거나, --database로 다른 경로를 지정하세요.",
                zh: "\n请检查该文件夹是否存在且可写，或用 --database 指定其他路径。",
                en: "\nCheck that the folder exists and is writable, or pass --database with another path.")
        }
    }

    /// `--encoding` named an encoding the readers do not know.
    static func unknownEncoding(_ name: String) -> CommandError {
        CommandError(
            ko: "--encoding \(name)은(는) 알 수 없는 인코딩입니다. auto, utf-8, gb18030, utf-16 중 하나를 쓰세요.",
            zh: "不支持 --encoding \(name)；请使用 auto、utf-8、gb18030 或 utf-16。",
            en: "--encoding \(name) is not known; use auto, utf-8, gb18030 or utf-16.", exitCode: 64)
    }

    /// A date option (`--as-of`, `--snapshot-date`) given something that is not a day.
    static func notADate(_ option: String, _ text: String) -> CommandError {
        CommandError(
            ko: "\(option) '\(text)'은(는) 날짜가 아닙니다. YYYY-MM-DD 형식(예: 2022-10-31)으로 쓰세요.",
            zh: "\(option)“\(text)”不是日期；请写成 YYYY-MM-DD（如 2022-10-31）。",
            en: "\(option) '\(text)' is not a date; write it as YYYY-MM-DD (2022-10-31).", exitCode: 64)
    }

    /// `--import` named an import that the database does not have.
    static func noImport(_ id: Int64) -> CommandError {
        CommandError(
            ko: "번호가 \(id)인 가져오기가 없습니다. 가져올 때마다 번호가 출력됩니다(\"가져오기 #N\").",
            zh: "没有编号为 \(id) 的导入；每次导入都会显示其编号（“导入 #N”）。",
            en: "No import has the number \(id); each import prints its number (\"as import #N\").", exitCode: 65)
    }

    /// Runs store work, turning failure into an I/O error; a command's own error (a file it writes into from the
    /// store's pages) stays as it is.
    static func storing<Value>(_ body: () async throws -> Value) async throws(CommandError) -> Value {
        do {
            return try await body()
        } catch let error as CommandError {
            throw error
        } catch {
            throw CommandError("\(error)", exitCode: (error as? StoreError)?.code == .busy ? busyExitCode : 74)
        }
    }
}

extension CommandError {
    /// Runs a command's work and reports a `CommandError` on standard error, in the language of `--lang` (see
    /// `Language.chosen`), with its exit code.
    static func reporting<Value>(
        in language: Language?, _ body: () async throws(CommandError) -> Value
    ) async throws -> Value {
        do {
            return try await body()
        } catch {
            throw error.reported(in: language)
        }
    }

    /// Writes the message on standard error; the exit code to end with.
    func reported(in language: Language?) -> ExitCode {
        FileHandle.standardError.write(Data("chainscope: \(text(in: .chosen(language)))\n".utf8))
        return ExitCode(exitCode)
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
