import ArgumentParser
import ChainscopeCore
import ChainscopeIngest
import ChainscopeSQLite
import Foundation

/// `chainscope quarantine`: the rows an import could not store, and why.
struct QuarantineCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "quarantine",
        abstract: "Show or export the rows that imports quarantined, with row, column, value and reason.",
        discussion: """
            Each reason says what is wrong with the value and what to do, in the language of --lang.

            Examples:
              chainscope quarantine list
              chainscope quarantine list --import 3 --lang en
              chainscope quarantine list --import 3 --json
              chainscope quarantine export --output quarantine.csv
            """,
        subcommands: [List.self, Export.self]
    )

    struct Selection: ParsableArguments {
        @Option(name: .customLong("import"), help: "Only this import's rows (its number from `chainscope import`).")
        var importID: Int64?

        @Option(name: .long, help: "The reasons' language: ko, zh or en (default: CHAINSCOPE_LANG, else ko).")
        var lang: LanguageOption?

        @Option(name: .long, help: ArgumentHelp(DatabaseChoice.help))
        var database: String?

        /// The selected rows, and the language to write their reasons in.
        func rows() async throws(CommandError) -> ([QuarantinedRow], Language) {
            let configuration = try Configuration(database: database, language: lang?.language)
            let rows = try await configuration.withStore { store throws(CommandError) in
                try await CommandError.storing { try await store.quarantinedRows(importID: importID) }
            }
            return (rows, configuration.language)
        }
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "List quarantined rows.",
            discussion: "Examples:\n  chainscope quarantine list\n  chainscope quarantine list --import 3 --json")

        @OptionGroup var selection: Selection

        @Flag(name: .long, help: "Print JSON.")
        var json = false

        func run() async throws {
            let (rows, language) = try await CommandError.reporting { () async throws(CommandError) in
                try await selection.rows()
            }
            if json {
                print(JSONOutput.text(rows))
                return
            }
            let words = QuarantineWords(language: language)
            guard !rows.isEmpty else {
                print(words.noRows)
                return
            }
            for row in rows { print(words.line(row)) }
            print(words.count(rows.count))
        }
    }

    struct Export: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Write quarantined rows as CSV (UTF-8 with BOM, so spreadsheet programs read the Chinese).",
            discussion:
                "Examples:\n  chainscope quarantine export --output quarantine.csv\n  chainscope quarantine export --import 3"
        )

        @OptionGroup var selection: Selection

        @Option(name: .long, help: "The CSV file to write (default: standard output).")
        var output: String?

        func run() async throws {
            let (rows, language) = try await CommandError.reporting { () async throws(CommandError) in
                try await selection.rows()
            }
            let text = QuarantineCSV.text(rows, language: language)
            if let output {
                try Data(([0xEF, 0xBB, 0xBF] as [UInt8]) + Array(text.utf8)).write(to: URL(fileURLWithPath: output))
                FileHandle.standardError.write(Data("Wrote \(rows.count) rows to \(output)\n".utf8))
            } else {
                print(text, terminator: "")
            }
        }
    }
}

/// Quarantined rows as RFC 4180 CSV: the reason in `language` and its code (to filter on; empty for rows quarantined
/// before codes were stored), the raw row as JSON in the last column.
enum QuarantineCSV {
    static func text(_ rows: [QuarantinedRow], language: Language) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        var text = CSVRecord.line(["import", "row", "line", "sheet", "column", "value", "reason", "reason_code", "raw"])
        for row in rows {
            let raw = (try? encoder.encode(row.raw)).map { String(decoding: $0, as: UTF8.self) } ?? ""
            let fields = [
                String(row.importID), String(row.row), row.line.map(String.init) ?? "", row.sheet ?? "",
                row.column ?? "", row.value ?? "", row.reason(in: language), row.reasonDetail?.code ?? "", raw,
            ]
            text += CSVRecord.line(fields)
        }
        return text
    }
}

/// The words of `quarantine list` in one language.
struct QuarantineWords {
    let language: Language

    var noRows: String { language.pick("격리된 행이 없습니다.", "没有被隔离的行。", "No quarantined rows.") }

    func count(_ rows: Int) -> String {
        language.pick("격리된 행 \(rows)개", "共 \(rows) 行被隔离", "\(rows) quarantined row\(rows == 1 ? "" : "s")")
    }

    /// Where the row is (its sheet, and its line when that is not the row's number: a JSON object, a CSV record
    /// after a multi-line one), its column, its value unless the reason quotes it, and the reason.
    func line(_ row: QuarantinedRow) -> String {
        let reason = row.reason(in: language)
        let line = row.line.flatMap {
            $0 == row.row ? nil : language.pick(" (파일 줄 \($0))", "（文件第 \($0) 行）", " (line \($0))")
        }
        let place = [
            language.pick("가져오기 #\(row.importID)", "导入 #\(row.importID)", "import #\(row.importID)"),
            row.sheet.map { language.pick("시트 \($0)", "工作表 \($0)", "sheet \($0)") },
            language.pick("\(row.row)행", "第 \(row.row) 行", "row \(row.row)") + (line ?? ""),
        ].compactMap { $0 }.joined(separator: language.pick(", ", "，", ", "))
        let column = row.column.map { language.pick(" 열 \($0)", " 列 \($0)", " column \($0)") } ?? ""
        let value =
            row.value.flatMap {
                reason.contains($0) ? nil : language.pick(" 값 '\($0)'", " 值“\($0)”", " value '\($0)'")
            } ?? ""
        return "\(place)\(column)\(value)" + language.pick(": ", "：", ": ") + reason
    }
}
