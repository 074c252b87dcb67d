import ArgumentParser
import ChainscopeCore
import ChainscopeIngest
import Foundation

/// `chainscope scan`: classify an export straight from the file, storing nothing.
struct ScanCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "scan",
        abstract: "Classify an export without importing it and count the chain's members by month and district.",
        discussion: """
            A quick look at a file: nothing is stored and no row is quarantined; rows are counted as \
            they are. A CSV or TSV file is read in pieces on every core; a workbook (every sheet with a \
            header) or a JSON file by one thread while another classifies. The summary, and the reason a \
            file is refused, are written in the language of --lang.

            Examples:
              chainscope scan export.csv
              chainscope scan export.csv --taxonomy ic --json
              chainscope scan export.xlsx --lang en
              chainscope scan odd.csv --profile my-columns.yaml
            """)

    @Argument(help: "An export: .csv, .tsv, .xlsx, .json or .jsonl.", completion: .file())
    var file: String

    @Option(name: .long, help: "A built-in taxonomy (ai, ic) or a taxonomy YAML file.")
    var taxonomy = "ai"

    @Option(name: .long, help: "auto, utf-8, gb18030 (also gbk) or utf-16.")
    var encoding = "auto"

    @Option(name: .long, help: "auto, or a YAML file mapping headers to fields (columns: {企业名: name}).")
    var profile = "auto"

    @Option(
        name: .customLong("min-confidence"),
        help: "Read members by confidence instead: 1 strict, 0.5 one plain item, 0.25 loose.")
    var minConfidence: Double?

    @Flag(name: .long, help: "Print the counts as JSON.")
    var json = false

    @Option(
        name: .long,
        help: "The language of the summary and of refusals: ko, zh or en (default: CHAINSCOPE_LANG, else ko).")
    var lang: LanguageOption?

    func run() async throws {
        try await CommandError.reporting(in: lang?.language) { () async throws(CommandError) in
            guard let named = TextEncoding.named(encoding) else {
                throw CommandError.unknownEncoding(encoding)
            }
            let language = try Configuration(database: nil, language: lang?.language).language
            let chain = try CommandError.loading(taxonomy: taxonomy)
            var options = RegistryImportOptions(encoding: named)
            options.mapping = try CommandError.loading(profile: profile)
            let counts: RegistryScan.Counts
            do {
                var scan = RegistryScan(classifier: Classifier(chain), options: options)
                scan.minConfidence = minConfidence
                counts = try scan.run(URL(fileURLWithPath: file), displayName: file)
            } catch let error as IngestError {
                throw CommandError(error.description(in: language), exitCode: 65)
            } catch {
                throw CommandError("\(error)", exitCode: 74)
            }
            if json {
                print(JSONOutput.text(counts))
                return
            }
            for line in ScanSummary(counts: counts, taxonomy: chain, language: language).lines { print(line) }
        }
    }
}
