import ArgumentParser
import ChainscopeCore
import ChainscopeIngest
import ChainscopeSQLite
import Foundation

/// `chainscope import`: read registry exports into the database.
struct ImportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Import Qichacha/Tianyancha-style registry exports (CSV, XLSX, JSON).",
        discussion: """
            Every data row is stored as a company or quarantined with its row, column, value and a \
            reason; each file is imported in one transaction, so a failed or interrupted import leaves \
            the database as it was and can simply be run again. Re-importing a file changes nothing; a \
            newer export updates companies by credit code and records what changed. The database is a \
            SQLite file or, with a postgres:// URL, a PostgreSQL database.

            The summary, its warnings and the reason a file is refused are written in the language of \
            --lang.

            Examples:
              chainscope import companies.csv
              chainscope import companies.csv --lang en
              chainscope import export.xlsx --snapshot-date 2022-10-31
              chainscope import old.csv --encoding gb18030 --json
              chainscope import odd.csv --profile my-columns.yaml
              chainscope import export.csv --taxonomy ic
              chainscope import export.csv --database postgres://analyst@dbhost/chainscope
            """
    )

    @Argument(help: "Export files: .csv, .tsv, .xlsx, .json or .jsonl.", completion: .file())
    var files: [String]

    @Option(name: .long, help: "auto, or a YAML file mapping headers to fields (columns: {企业名: name}).")
    var profile: String = "auto"

    @Option(name: .long, help: "auto, utf-8, gb18030 (also gbk) or utf-16.")
    var encoding: String = "auto"

    @Option(
        name: .customLong("snapshot-date"), help: "The day the export was taken (YYYY-MM-DD); default: the file's date."
    )
    var snapshotDate: String?

    @Option(
        name: .long,
        help: "Classify stored companies with this taxonomy (built-in ai or ic, or a YAML file); none to skip.")
    var taxonomy = "ai"

    @Option(
        name: .long,
        help: "The language of the summary and of refusals: ko, zh or en (default: CHAINSCOPE_LANG, else ko).")
    var lang: LanguageOption?

    @Option(name: .long, help: ArgumentHelp(DatabaseChoice.help))
    var database: String?

    @Flag(
        name: .long,
        help: """
            Print a JSON array with an object per file: its summary, or for a refused file \
            {"file", "refused": {"code", "line", "column", "text"}}.
            """)
    var json = false

    func run() async throws {
        do {
            let configuration = try Configuration(database: database, language: lang?.language)
            let options = try importOptions()
            if case .postgres = configuration.database { MallocArenas.limitForPostgresImport() }
            // Files that are all missing, folders or empty are refused without creating a database for nothing.
            let isNothingToRead = files.allSatisfy { file in
                (try? RegistryImporter.attributes(of: URL(fileURLWithPath: file), name: file)) == nil
            }
            let failures = try await configuration.withStore(
                ifMissing: isNothingToRead ? .readEmpty : .create, importingAlone: true
            ) { store throws(CommandError) in
                try await importFiles(options: options, into: store, language: configuration.language)
            }
            if failures > 0 { throw ExitCode(65) }
        } catch let error as CommandError {
            throw error.reported(in: lang?.language)
        }
    }

    /// Imports each file, then brings the search index up to date; returns how many files were refused.
    private func importFiles(
        options: RegistryImportOptions, into store: any Store, language: Language
    ) async throws(CommandError) -> Int {
        let regions = try await CommandError.storing { try await Self.regions(in: store) }
        var outcomes: [FileOutcome] = []
        let words = ImportSummaryWords(language: language)
        var failures = 0
        for file in files {
            do {
                var fileOptions = options
                let bar = json ? nil : ProgressBar(label: (file as NSString).lastPathComponent)
                if let bar {
                    fileOptions.progress = { @Sendable progress in bar.update(progress) }
                }
                defer { bar?.finish() }
                let (record, isNew) = try await RegistryImporter(regions: regions)
                    .run(URL(fileURLWithPath: file), displayName: file, options: fileOptions, into: store)
                let summary = ImportSummary(file: file, record: record, isNew: isNew)
                outcomes.append(.imported(summary))
                if !json { print(summary.text(in: language)) }
            } catch let error as IngestError {
                failures += 1
                outcomes.append(.refused(ImportRefusal(file: file, error: error)))
                let text = "\(error.description(in: language))\n\(words.nothingStored(from: nil))"
                FileHandle.standardError.write(Data("chainscope: \(text)\n".utf8))
            } catch {
                throw CommandError("\(error)\n\(words.nothingStored(from: file))", exitCode: 74)
            }
        }
        if json { print(ImportSummary.json(outcomes)) }
        try await Self.refreshSearchIndex(store, quiet: json, language: language)
        return failures
    }

    private func importOptions() throws(CommandError) -> RegistryImportOptions {
        guard let named = TextEncoding.named(encoding) else {
            throw CommandError.unknownEncoding(encoding)
        }
        var options = RegistryImportOptions(encoding: named)
        if taxonomy != "none" { options.classifier = Classifier(try CommandError.loading(taxonomy: taxonomy)) }
        if let snapshotDate {
            guard let date = CalendarDate(iso: snapshotDate) else {
                throw CommandError.notADate("--snapshot-date", snapshotDate)
            }
            guard date <= RegistryImportOptions.latestSnapshotDate() else {
                // A later day would make this export the newest for good: the exports that follow it would not
                // update what it stored.
                throw CommandError(
                    ko: "--snapshot-date \(snapshotDate)은(는) 오늘 이후입니다. 파일을 내보낸 날짜를 쓰세요.",
                    zh: "--snapshot-date \(snapshotDate) 晚于今天；请填写文件导出的日期。",
                    en: "--snapshot-date \(snapshotDate) is after today; give the day the file was exported.",
                    exitCode: 64)
            }
            options.snapshotDate = date
        }
        options.mapping = try CommandError.loading(profile: profile)
        return options
    }

    /// Brings the name search up to date after imports, timed apart from them (it is not part of an
    /// import's transaction: an interrupted refresh is finished by the next one).
    static func refreshSearchIndex(_ store: any Store, quiet: Bool, language: Language) async throws(CommandError) {
        let clock = ContinuousClock()
        let start = clock.now
        let indexed = try await CommandError.storing { try await store.refreshSearchIndex() }
        guard !quiet, indexed > 0 else { return }
        let elapsed = (clock.now - start).components
        let seconds = Double(elapsed.seconds) + Double(elapsed.attoseconds) / 1e18
        print(ImportSummaryWords(language: language).searchIndex(indexed, seconds: seconds))
    }

    /// The division table, installed from the built-in tables when the database has none yet.
    static func regions(in store: any Store) async throws -> RegionDirectory {
        let stored = try await store.regionDirectory()
        guard stored.isEmpty else { return stored }
        let builtin = try RegionTableReader().readBuiltin()
        try await store.install(builtin)
        return builtin
    }
}
