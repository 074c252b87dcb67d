import ArgumentParser
import ChainscopeCore
import ChainscopeIngest
import ChainscopeReports
import ChainscopeSQLite
import Foundation

/// `chainscope report`: the cited report of a region's chain, as Markdown, HTML or PDF.
struct ReportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Write the cited report of a region's industry chain as Markdown, HTML or PDF.",
        discussion: """
            The report opens with the dataset's figures, each with a footnote naming its publisher and \
            the article it came through, then adds sections counted from the stored registry: new \
            registrations by month (a chart), year to date against the year before, layers and \
            segments, districts and data quality, each with a footnote naming the imports, taxonomy \
            and window counted. --as-of counts only companies founded by that day from imports taken \
            by then, so a report can be re-run as it was. PDF needs Chromium (apt-get install -y \
            chromium fonts-noto-cjk).

            Examples:
              chainscope report --lang en --format html --output report.html
              chainscope report --lang ko --format pdf --as-of 2022-10-31 --output ko.pdf
              chainscope report --format md
            """)

    enum Format: String, CaseIterable, ExpressibleByArgument {
        case md, html, pdf
    }

    @Option(name: .long, help: "ko, zh or en (default: CHAINSCOPE_LANG, else ko).")
    var lang: LanguageOption?

    @Option(name: .long, help: "md, html or pdf.")
    var format: Format = .md

    @Option(name: .long, help: "The region's code (default: 330100, Hangzhou).")
    var region = "330100"

    @Option(name: .long, help: "A built-in taxonomy (ai, ic) or a taxonomy YAML file.")
    var taxonomy = "ai"

    @Option(name: .long, help: "Count companies founded by this day (YYYY-MM-DD) from imports taken by then.")
    var asOf: String?

    @Option(name: [.short, .long], help: "Write the report here (default: standard output; required for pdf).")
    var output: String?

    @Option(name: .long, help: ArgumentHelp(DatabaseChoice.help))
    var database: String?

    func run() async throws {
        try await CommandError.reporting(in: lang?.language) { () async throws(CommandError) in
            let configuration = try Configuration(database: database, language: lang?.language)
            let day = try asOf.map { text throws(CommandError) in
                guard let day = CalendarDate(iso: text) else {
                    throw CommandError.notADate("--as-of", text)
                }
                return day
            }
            guard format != .pdf || output != nil else {
                throw CommandError(
                    ko: "PDF는 파일로만 씁니다. --output report.pdf를 붙이세요.",
                    zh: "PDF 需要写入文件：请加上 --output report.pdf。",
                    en: "A PDF needs a file: add --output report.pdf.", exitCode: 64)
            }
            let chain = try CommandError.loading(taxonomy: taxonomy)
            if let path = configuration.missingSQLitePath {
                FileHandle.standardError.write(Data(configuration.language.noDatabaseNote(path).utf8))
            }
            let report = try await configuration.withStore(ifMissing: .readEmpty) { store throws(CommandError) in
                try await ReportInputs(store: store, region: region).report(
                    language: configuration.language, taxonomy: chain, asOf: day)
            }
            try write(report)
        }
    }

    private func write(_ report: Report) throws(CommandError) {
        switch format {
        case .md: try emit(report.markdown())
        case .html: try emit(report.html())
        case .pdf:
            let pdf: Data
            do {
                pdf = try PDFPrinter().pdf(html: report.html())
            } catch {
                let exitCode: Int32 =
                    switch error.code {
                    case .chromiumMissing: 69
                    case .printFailed: 70
                    default: 74
                    }
                throw CommandError(error.description, exitCode: exitCode)
            }
            // A PDF needs a file (checked above).
            try OutputFile.replace(output ?? "report.pdf", with: pdf)
        }
    }

    private func emit(_ text: String) throws(CommandError) {
        guard let output else {
            print(text, terminator: "")
            return
        }
        try OutputFile.replace(output, with: Data(text.utf8))
    }
}

/// What a report reads from the store: the region's dataset (stored, else built in), the division
/// table, the member counts and the quarantined rows.
struct ReportInputs {
    let store: any Store
    let region: String

    func report(language: Language, taxonomy: Taxonomy, asOf: CalendarDate?) async throws(CommandError) -> Report {
        let (dataset, regions) = try await datasetAndRegions()
        let overview = Overview(dataset: dataset, regions: regions, language: language)
        return try await CommandError.storing {
            try await Report.load(from: store, overview: overview, taxonomy: taxonomy, asOf: asOf)
        }
    }

    private func datasetAndRegions() async throws(CommandError) -> (Dataset, RegionDirectory) {
        let (stored, storedRegions) = try await CommandError.storing {
            (try await store.datasets(), try await store.regionDirectory())
        }
        // The built-in tables are read only when the database lacks them.
        let regions =
            try storedRegions.isEmpty
            ? CommandError.readingBuiltin { try RegionTableReader().readBuiltin() } : storedRegions
        if let info = stored.first(where: { $0.region.rawValue == region }),
            let dataset = try await CommandError.storing({ try await store.dataset(id: info.id) })
        {
            return (dataset, regions)
        }
        let builtin = try CommandError.readingBuiltin { try DatasetReader().readBuiltin(Demo.builtinID) }
        guard builtin.info.region.rawValue == region else {
            let known = Set(stored.map(\.region.rawValue) + [builtin.info.region.rawValue]).sorted()
            throw CommandError(
                ko: "지역 '\(region)'의 데이터셋이 없습니다. 데이터셋이 있는 지역: \(known.joined(separator: ", ")).",
                zh: "没有覆盖地区“\(region)”的数据集；有数据集的地区：\(known.joined(separator: "、"))。",
                en: "No dataset covers region '\(region)'; regions with a dataset: \(known.joined(separator: ", ")).",
                exitCode: 64)
        }
        return (builtin, regions)
    }
}

extension CommandError {
    /// Built-in data that does not read is a broken installation: a data error.
    static func readingBuiltin<T>(_ body: () throws -> T) throws(CommandError) -> T {
        do {
            return try body()
        } catch {
            throw CommandError("\(error)", exitCode: 65)
        }
    }
}
