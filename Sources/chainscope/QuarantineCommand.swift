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
            Examples:
              chainscope quarantine list
              chainscope quarantine list --import 3 --json
              chainscope quarantine export --output quarantine.csv
            """,
        subcommands: [List.self, Export.self]
    )

    struct Selection: ParsableArguments {
        @Option(name: .customLong("import"), help: "Only this import's rows (its number from `chainscope import`).")
        var importID: Int64?

        @Option(name: .long, help: ArgumentHelp(DatabaseChoice.help))
        var database: String?

        func rows() async throws(CommandError) -> [QuarantinedRow] {
            let configuration = try Configuration(database: database, language: nil)
            return try await configuration.withStore { store throws(CommandError) in
                try await CommandError.storing { try await store.quarantinedRows(importID: importID) }
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
            let rows = try await CommandError.reporting { () async throws(CommandError) in try await selection.rows() }
            if json {
                print(JSONOutput.text(rows))
                return
            }
            guard !rows.isEmpty else {
                print("No quarantined rows.")
                return
            }
            for row in rows {
                // The line too when it is not the row's number (a JSON object, a CSV record after a multi-line one).
                let line = row.line.flatMap { $0 == row.row ? nil : " (line \($0))" } ?? ""
                let place = ["import #\(row.importID)", row.sheet.map { "sheet \($0)" }, "row \(row.row)\(line)"]
                    .compactMap { $0 }.joined(separator: ", ")
                let column = row.column.map { " column \($0)" } ?? ""
                let value = row.value.flatMap { row.reason.contains($0) ? nil : " value '\($0)'" } ?? ""
                print("\(place)\(column)\(value): \(row.reason)")
            }
            print("\(rows.count) quarantined row\(rows.count == 1 ? "" : "s")")
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
            let rows = try await CommandError.reporting { () async throws(CommandError) in try await selection.rows() }
            let text = QuarantineCSV.text(rows)
            if let output {
                try Data(([0xEF, 0xBB, 0xBF] as [UInt8]) + Array(text.utf8)).write(to: URL(fileURLWithPath: output))
                FileHandle.standardError.write(Data("Wrote \(rows.count) rows to \(output)\n".utf8))
            } else {
                print(text, terminator: "")
            }
        }
    }
}

/// Quarantined rows as RFC 4180 CSV, the raw row as JSON in the last column.
enum QuarantineCSV {
    static func text(_ rows: [QuarantinedRow]) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        var text = CSVRecord.line(["import", "row", "line", "sheet", "column", "value", "reason", "raw"])
        for row in rows {
            let raw = (try? encoder.encode(row.raw)).map { String(decoding: $0, as: UTF8.self) } ?? ""
            let fields = [
                String(row.importID), String(row.row), row.line.map(String.init) ?? "", row.sheet ?? "",
                row.column ?? "",
                row.value ?? "", row.reason, raw,
            ]
            text += CSVRecord.line(fields)
        }
        return text
    }
}
