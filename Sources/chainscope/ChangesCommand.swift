import ArgumentParser
import ChainscopeCore
import ChainscopeReports

/// `chainscope changes`: the companies an import of a newer export changed, and what changed in each.
struct ChangesCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "changes",
        abstract: "List the companies an import changed (a newer export), in row order, with what changed in each.",
        discussion: """
            Examples:
              chainscope changes
              chainscope changes --import 2 --lang zh
              chainscope changes --import 2 --json
            """)

    @Option(name: .customLong("import"), help: "The import's number (from `chainscope import`; default: the latest).")
    var importID: Int64?

    @Option(name: .long, help: "At most this many companies (default 1000).")
    var limit = 1000

    @Option(name: .long, help: "ko, zh or en (default: CHAINSCOPE_LANG, else ko).")
    var lang: LanguageOption?

    @Option(name: .long, help: ArgumentHelp(DatabaseChoice.help))
    var database: String?

    @Flag(name: .long, help: "Print JSON.")
    var json = false

    func validate() throws {
        guard limit > 0 else { throw ValidationError("--limit must be at least 1.") }
    }

    func run() async throws {
        try await CommandError.reporting { () async throws(CommandError) in
            let configuration = try Configuration(database: database, language: lang?.language)
            let (record, changes) = try await configuration.withStore { store throws(CommandError) in
                let record = try await CommandError.storing {
                    if let importID {
                        try await store.registryImport(id: importID)
                    } else {
                        try await store.imports().last
                    }
                }
                guard let record else {
                    throw importID.map(CommandError.noImport)
                        ?? CommandError("Nothing has been imported yet.", exitCode: 65)
                }
                return (
                    record,
                    try await CommandError.storing { try await store.changes(ofImport: record.id, limit: limit) }
                )
            }
            if json {
                print(JSONOutput.text(changes))
                return
            }
            print(Self.text(record, changes, language: configuration.language))
        }
    }

    /// The import, how many companies it changed, then each company (row, name, key) with its changed fields.
    static func text(_ record: RegistryImport, _ changes: [ImportedChange], language: Language) -> String {
        let words = ChangeWords(language: language)
        var lines = [
            "import #\(record.id) · \(record.file) (\(record.snapshotDate)): \(words.changedByImport) "
                + "(\(record.counts.updated))"
        ]
        if changes.count < record.counts.updated { lines.append(words.firstShown(changes.count)) }
        for change in changes {
            lines.append(
                "  " + (change.change.row.map { "\(words.row) \($0) · " } ?? "") + (change.name ?? "")
                    + " (\(change.key))")
            for field in change.change.shownFields { lines.append("    " + words.line(field)) }
        }
        return lines.joined(separator: "\n")
    }
}
