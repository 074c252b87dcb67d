import ArgumentParser
import ChainscopeCore
import ChainscopeReports

/// `chainscope changes`: the companies an import of a newer export changed, and what changed in each.
struct ChangesCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "changes",
        abstract: "List the companies an import changed (a newer export), in row order, with what changed in each.",
        discussion: """
            With --not-applied, the rows of an export taken before one already imported (counted as older)
            instead, with what they said that the stored facts, which were kept, do not.

            Examples:
              chainscope changes
              chainscope changes --import 2 --lang zh
              chainscope changes --import 2 --json
              chainscope changes --import 3 --not-applied
            """)

    @Option(name: .customLong("import"), help: "The import's number (from `chainscope import`; default: the latest).")
    var importID: Int64?

    @Option(name: .long, help: "At most this many companies (default 1000).")
    var limit = 1000

    @Option(name: .long, help: "ko, zh or en (default: CHAINSCOPE_LANG, else ko).")
    var lang: LanguageOption?

    @Option(name: .long, help: ArgumentHelp(DatabaseChoice.help))
    var database: String?

    @Flag(name: .long, help: "List the rows the import did not apply, older than the stored facts.")
    var notApplied = false

    @Flag(name: .long, help: "Print JSON.")
    var json = false

    func validate() throws {
        guard limit > 0 else { throw ValidationError("--limit must be at least 1.") }
    }

    func run() async throws {
        try await CommandError.reporting(in: lang?.language) { () async throws(CommandError) in
            let configuration = try Configuration(database: database, language: lang?.language)
            let (record, changes, regions) = try await configuration.withStore { store throws(CommandError) in
                let record = try await CommandError.storing {
                    if let importID {
                        try await store.registryImport(id: importID)
                    } else {
                        try await store.imports().last
                    }
                }
                guard let record else {
                    throw importID.map(CommandError.noImport)
                        ?? CommandError(
                            ko: "아직 가져온 것이 없습니다.", zh: "尚未导入任何数据。", en: "Nothing has been imported yet.",
                            exitCode: 65)
                }
                return try await CommandError.storing {
                    let changes = try await store.changes(ofImport: record.id, limit: limit, isApplied: !notApplied)
                    let isDistrictChanged = changes.contains(where: \.change.changesDistrict)
                    return (record, changes, isDistrictChanged && !json ? try await store.regionDirectory() : nil)
                }
            }
            if json {
                print(JSONOutput.text(changes))
                return
            }
            print(
                Self.text(
                    record, changes, isApplied: !notApplied,
                    words: ChangeWords(language: configuration.language, regions: regions)))
        }
    }

    /// The import, how many companies it changed (or rows it did not apply), then each company (row, name, key)
    /// with its changed fields, in `words`' language (districts by name when it has the divisions).
    static func text(
        _ record: RegistryImport, _ changes: [ImportedChange], isApplied: Bool, words: ChangeWords
    ) -> String {
        let count = isApplied ? record.counts.updated : record.counts.older
        var lines = [
            "import #\(record.id) · \(record.file) (\(record.snapshotDate)): "
                + "\(isApplied ? words.changedByImport : words.unappliedByImport) (\(count))"
        ]
        if changes.count < count, !changes.isEmpty { lines.append(words.firstShown(changes.count)) }
        for change in changes {
            lines.append(
                "  " + (change.change.row.map { "\(words.row) \($0) · " } ?? "") + (change.name ?? "")
                    + " (\(change.key))")
            for field in change.change.shownFields {
                lines.append("    " + (isApplied ? words.line(field) : words.unappliedLine(field)))
            }
        }
        return lines.joined(separator: "\n")
    }
}
