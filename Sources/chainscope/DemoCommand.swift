import ArgumentParser
import ChainscopeCore
import ChainscopeIngest
import ChainscopeReports
import ChainscopeSQLite
import Foundation

/// The `--lang` values.
enum LanguageOption: String, CaseIterable, ExpressibleByArgument {
    case ko
    case zh
    case en

    var language: Language { Language(rawValue: rawValue)! }
}

/// `chainscope demo`: load the built-in dataset and print its overview.
struct DemoCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo",
        abstract: "Load the built-in Hangzhou AI 2022 dataset into the database and print its overview.",
        discussion: """
            The overview lists every reference figure with a footnote naming its source and the \
            article it came through, then the value chain, parks, talent programme and policies. \
            Running it again replaces the dataset's earlier copy; imported data is left alone.

            Examples:
              chainscope demo
              chainscope demo --lang zh
              chainscope demo --lang en --database /tmp/demo.sqlite
              chainscope demo --dataset ./my-dataset --lang en
              chainscope demo --serve --lang en    then open http://127.0.0.1:8080/
            """
    )

    @Option(name: .long, help: "Output language: ko, zh or en (default: CHAINSCOPE_LANG, else ko).")
    var lang: LanguageOption?

    @Option(name: .long, help: ArgumentHelp(DatabaseChoice.help))
    var database: String?

    @Option(name: .long, help: "Load this dataset folder instead of the built-in one.", completion: .directory)
    var dataset: String?

    @Flag(name: .long, help: "Then serve the dashboard on the loaded data until Ctrl-C (see chainscope serve).")
    var serve = false

    @Option(name: .long, help: "With --serve: the port (default: CHAINSCOPE_PORT, else 8080).")
    var port: Int?

    func run() async throws {
        do {
            let configuration = try Configuration(database: database, language: lang?.language)
            let output = try await Demo(configuration: configuration, datasetFolder: dataset).run()
            // Written unbuffered, so that with --serve it is on the screen (or in the pipe) before serving.
            FileHandle.standardOutput.write(Data(output.utf8))
            guard serve else { return }
            try await configuration.withStore(ifMissing: .create) { store throws(CommandError) in
                try await Server(store: store, port: port, language: lang?.language).run()
            }
        } catch {
            throw error.reported(in: lang?.language)
        }
    }
}

/// The demo's work, apart from argument parsing: read, store, read back, render.
struct Demo {
    let configuration: Configuration
    let datasetFolder: String?
    static let builtinID = "hangzhou-ai-2022"

    func run() async throws(CommandError) -> String {
        let regions: RegionDirectory
        let dataset: Dataset
        do {
            regions = try RegionTableReader().readBuiltin()
            dataset =
                try datasetFolder.map { try DatasetReader().read(URL(fileURLWithPath: $0), displayRoot: $0) }
                ?? DatasetReader().readBuiltin(Self.builtinID)
        } catch {
            throw CommandError("\(error)", exitCode: 65).adding(
                ko: "\n데이터베이스는 바뀌지 않았습니다. 파일을 고친 뒤 명령을 다시 실행하세요.",
                zh: "\n数据库未作任何更改；请修正文件后重新运行命令。",
                en: "\nThe database was not changed; fix the file and run the command again.")
        }
        return try await configuration.withStore(ifMissing: .create) { store throws(CommandError) in
            try await load(regions: regions, dataset: dataset, into: store)
        }
    }

    private func load(regions: RegionDirectory, dataset: Dataset, into store: any Store) async throws(CommandError)
        -> String
    {
        do {
            try await store.install(regions)
            try await store.install(dataset)
            guard let stored = try await store.dataset(id: dataset.info.id) else {
                throw StoreError(
                    .readFailed, location: configuration.database.description,
                    detail: "the dataset just stored is missing")
            }
            let storedRegions = try await store.regionDirectory()
            let sample = try await importSample(into: store, regions: storedRegions)
            _ = try await store.refreshSearchIndex()
            let overview = Overview(dataset: stored, regions: storedRegions, language: configuration.language).render()
            return overview + "\n" + sample + "\n"
        } catch let error as CommandError {
            throw error
        } catch {
            throw CommandError("\(error)", exitCode: 74)
        }
    }
}

extension Demo {
    static let sampleRows = 2_000
    static let sampleSeed: UInt64 = 2022
    static let sampleSnapshot = CalendarDate(year: 2022, month: 10, day: 31)!

    /// Writes the deterministic synthetic registry and imports it; the same content each time, so a
    /// second run recognises it and changes nothing.
    func importSample(into store: any Store, regions: RegionDirectory) async throws -> String {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
            "chainscope-demo-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("hangzhou-sample-synthetic.csv")
        _ = try SampleWriter(generator: SampleGenerator(seed: Self.sampleSeed, regions: regions))
            .write(rows: Self.sampleRows, to: file)
        var options = RegistryImportOptions(snapshotDate: Self.sampleSnapshot)
        let chain = try TaxonomyReader().read(named: "ai")
        options.classifier = Classifier(chain)
        let (record, _) = try await RegistryImporter(regions: regions).run(file, options: options, into: store)
        let numbers = NumberFormatting(configuration.language)
        let counts = record.counts
        let language = configuration.language
        let registry =
            "■ "
            + Phrase.sampleRegistry(
                rows: numbers.number(Decimal(counts.rowsRead)),
                stored: numbers.number(Decimal(counts.stored)),
                quarantined: numbers.number(Decimal(counts.quarantined)), importID: record.id
            ).text(in: language)
        let classified = try await store.classificationCounts(taxonomy: chain.id)
        let layers = chain.layers.map {
            "\($0.labels.text(in: language)) \(numbers.number(Decimal(classified[$0.id] ?? 0)))"
        }
        let members = classified.filter { $0.key != "none" }.values.reduce(0, +)
        return registry + "\n■ "
            + Phrase.chainMembers(
                chain: chain.labels.text(in: language), members: numbers.number(Decimal(members)),
                classified: numbers.number(Decimal(classified.values.reduce(0, +))), layers: layers
            ).text(in: language)
    }
}
