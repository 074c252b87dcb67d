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
              chainscope quarantine export --import 3 --original --output fix.csv
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

        /// Calls `body` with the selected rows a page at a time, in listing order, and the language to write their
        /// reasons in; returns how many rows there were, and that language. Only one page is held, however large the
        /// quarantine.
        func forEachPage(
            _ body: @escaping ([QuarantinedRow], Language) throws -> Void
        ) async throws(CommandError) -> (count: Int, language: Language) {
            try await withSelection { store, _, language throws(CommandError) in
                (try await Self.forEachPage(in: store, importID: importID) { try body($0, language) }, language)
            }
        }

        /// Calls `body` with the store, the import `--import` names (refused when there is none) and the language
        /// of the command's output.
        func withSelection<Value: Sendable>(
            _ body: (any Store, RegistryImport?, Language) async throws(CommandError) -> Value
        ) async throws(CommandError) -> Value {
            let configuration = try Configuration(database: database, language: lang?.language)
            return try await configuration.withStore { store throws(CommandError) in
                var selected: RegistryImport?
                if let importID {
                    selected = try await CommandError.storing { try await store.registryImport(id: importID) }
                    if selected == nil { throw CommandError.noImport(importID) }
                }
                return try await body(store, selected, configuration.language)
            }
        }

        /// Calls `body` with the rows of `importID` (of every import when nil) a page at a time, in listing order;
        /// returns how many there were.
        static func forEachPage(
            in store: any Store, importID: Int64?, _ body: @escaping ([QuarantinedRow]) throws -> Void
        ) async throws(CommandError) -> Int {
            try await CommandError.storing {
                var count = 0
                try await store.forEachQuarantinedRow(importID: importID) { rows in
                    count += rows.count
                    try body(rows)
                }
                return count
            }
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
            var array = JSONOutput.ArrayWriter()
            let (count, language) = try await CommandError.reporting(in: selection.lang?.language) {
                () async throws(CommandError) in
                try await selection.forEachPage { rows, language in
                    if json {
                        for row in rows { array.append(row) }
                    } else {
                        for row in rows { print(QuarantineWords(language: language).line(row)) }
                    }
                }
            }
            if json {
                array.finish()
            } else {
                let words = QuarantineWords(language: language)
                print(count == 0 ? words.noRows : words.count(count))
            }
        }
    }

    struct Export: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Write quarantined rows as CSV (UTF-8 with BOM, so spreadsheet programs read the Chinese).",
            discussion:
                """
                Examples:
                  chainscope quarantine export --output quarantine.csv
                  chainscope quarantine export --import 3
                  chainscope quarantine export --import 3 --original --output fix.csv
                """
        )

        @OptionGroup var selection: Selection

        @Option(name: [.short, .long], help: "The CSV file to write (default: standard output).")
        var output: String?

        @Flag(
            name: .long,
            help: """
                Write the rows as their file had them (its header, its columns in order, no reasons), to correct \
                and import again. Needs --import.
                """)
        var original = false

        func run() async throws {
            try await CommandError.reporting(in: selection.lang?.language) { () async throws(CommandError) in
                if original { return try await writeOriginal() }
                let sink = try OutputFile(output)
                // A byte-order mark, so that spreadsheet programs read a file's Chinese as UTF-8.
                if output != nil { try sink.write(Data([0xEF, 0xBB, 0xBF])) }
                try sink.write(Data(QuarantineCSV.header.utf8))
                let (count, _) = try await selection.forEachPage { rows, language in
                    try sink.write(Data(QuarantineCSV.lines(rows, language: language).utf8))
                }
                try sink.commit()
                if let output {
                    FileHandle.standardError.write(
                        Data("Wrote \(count) row\(count == 1 ? "" : "s") to \(output)\n".utf8))
                }
            }
        }
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
