import ArgumentParser
import ChainscopeCore
import ChainscopeIngest
import ChainscopeSQLite
import Foundation

/// `chainscope evaluate`: measure a taxonomy against labelled companies.
struct EvaluateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "evaluate",
        abstract: "Measure classification accuracy against a label file, beside a naive keyword baseline.",
        discussion: """
            The label file is CSV with credit_code and is_ai columns, and optional layer (the main \
            layer) and segments (ids separated by ;); other columns are ignored. The stored companies \
            with those credit codes are classified with the taxonomy as it is now (so an edited file \
            can be measured before re-classifying), and with the naive baseline: any include term \
            anywhere, no exclusions and no rules.

            Examples:
              chainscope sample --rows 100000 --seed 1 --output s.csv --labels labels.csv
              chainscope import s.csv && chainscope evaluate --labels labels.csv
              chainscope evaluate --labels labels.csv --taxonomy ./ai-edited.yaml --json
            """)

    @Option(name: .long, help: "The label file (CSV: credit_code,is_ai[,layer][,segments]).", completion: .file())
    var labels: String

    @Option(name: .long, help: "A built-in taxonomy (ai, ic) or a taxonomy YAML file.")
    var taxonomy = "ai"

    @Option(name: .long, help: ArgumentHelp(DatabaseChoice.help))
    var database: String?

    @Option(
        name: .customLong("min-confidence"),
        help: "Read members by confidence instead: 1 strict, 0.5 one plain item, 0.25 loose.")
    var minConfidence: Double?

    @Flag(name: .long, help: "Print the figures as JSON.")
    var json = false

    func run() async throws {
        try await CommandError.reporting(in: nil) { () async throws(CommandError) in
            let configuration = try Configuration(database: database, language: nil)
            let chain = try CommandError.loading(taxonomy: taxonomy)
            let labelled: [ChainLabel]
            do {
                labelled = try LabelFileReader().read(URL(fileURLWithPath: labels), displayName: labels)
            } catch {
                throw CommandError("\(error)", exitCode: 65)
            }
            let run = EvaluationRun(taxonomy: chain, labels: labelled, minConfidence: minConfidence)
            try await configuration.withStore { store throws(CommandError) in
                try await CommandError.storing {
                    try await store.forEachRegistryCompany(batchSize: 1_024) { companies in run.add(companies) }
                }
            }
            let (ours, baseline) = run.results()
            if json {
                print(EvaluationReport.json(ours, baseline, taxonomy: chain))
            } else {
                print(EvaluationReport.text(ours, baseline, taxonomy: chain))
            }
        }
    }
}

/// Both evaluations, filled from the store's reading thread.
final class EvaluationRun: @unchecked Sendable {
    private let lock = NSLock()
    private let classifier: Classifier
    private let labels: [String: ChainLabel]
    private var seen: Set<String> = []
    private var ours: Evaluation
    private var baseline: Evaluation
    private let minConfidence: Double?

    init(taxonomy: Taxonomy, labels: [ChainLabel], minConfidence: Double?) {
        self.minConfidence = minConfidence
        classifier = Classifier(taxonomy)
        self.labels = Dictionary(labels.map { ($0.creditCode, $0) }, uniquingKeysWith: { _, last in last })
        ours = Evaluation(layers: taxonomy.layers.map(\.id), segments: taxonomy.segments.map(\.segment.id))
        baseline = ours
    }

    func add(_ companies: [Company]) {
        let results = companies.compactMap { company -> (ChainLabel, Classification, Classification, String)? in
            guard let code = company.creditCode, let label = labels[code] else { return nil }
            let name = company.names.zh ?? ""
            return (
                label, classifier.classification(of: company).reading(minConfidence: minConfidence),
                classifier.baseline(name: name, scope: company.businessScope, industry: company.industryName), name
            )
        }
        lock.lock()
        defer { lock.unlock() }
        for (label, classification, naive, name) in results {
            seen.insert(label.creditCode)
            ours.add(label, classification, name: name)
            baseline.add(label, naive, name: name)
        }
    }

    func results() -> (Evaluation, Evaluation) {
        lock.lock()
        defer { lock.unlock() }
        ours.unmatchedLabels = labels.count - seen.count
        baseline.unmatchedLabels = ours.unmatchedLabels
        return (ours, baseline)
    }
}
