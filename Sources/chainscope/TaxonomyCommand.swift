import ArgumentParser
import ChainscopeCore
import ChainscopeIngest
import ChainscopeSQLite
import Foundation

/// `chainscope taxonomy`: look at, check and compare chain definitions.
struct TaxonomyCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "taxonomy",
        abstract: "Show, validate or compare industry-chain taxonomies (YAML).",
        discussion: """
            Examples:
              chainscope taxonomy show --lang en
              chainscope taxonomy validate my-chain.yaml
              chainscope taxonomy diff ai ./ai-edited.yaml
            """,
        subcommands: [Show.self, Validate.self, Diff.self])

    struct Show: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Print a taxonomy's layers and segments with their terms.",
            discussion: "Examples:\n  chainscope taxonomy show\n  chainscope taxonomy show ic --lang zh")

        @Argument(help: "A built-in taxonomy (ai, ic) or a taxonomy YAML file.")
        var taxonomy = "ai"

        @Option(name: .long, help: "ko, zh or en (default: CHAINSCOPE_LANG, else ko).")
        var lang: LanguageOption?

        @Flag(name: .long, help: "Print layers, segments, terms and exclusions as JSON.")
        var json = false

        func run() async throws {
            try await CommandError.reporting(in: lang?.language) { () async throws(CommandError) in
                let language = try Configuration(database: nil, language: lang?.language).language
                let chain = try CommandError.loading(taxonomy: taxonomy)
                if json {
                    print(Self.json(chain))
                    return
                }
                print("\(chain.labels.text(in: language)) — \(chain.id) v\(chain.version)")
                for layer in chain.layers {
                    print("\(layer.labels.text(in: language)) [\(layer.id)]")
                    for segment in layer.segments {
                        let terms = segment.terms.map(\.text)
                        let shown = terms.prefix(8).joined(separator: ", ") + (terms.count > 8 ? ", …" : "")
                        print("  \(segment.labels.text(in: language)) [\(segment.id)]: \(terms.count) terms — \(shown)")
                    }
                }
                print(
                    "\(chain.exclusions.count) exclusion phrases, \(chain.rules.clauseExclusions.count) clause exclusions"
                )
            }
        }

        /// The taxonomy's ids, labels, terms and exclusions, for scripts (the DuckDB comparison builds its
        /// regular expressions from it).
        static func json(_ chain: Taxonomy) -> String {
            struct Segment: Encodable {
                let id: String, layer: String, labels: LocalizedText, terms: [String], genericTerms: [String]
                let exclusions: [String], countsWhenSold: Bool, patentClasses: [String]
            }
            struct Output: Encodable {
                let id: String, version: Int, labels: LocalizedText, exclusions: [String], clauseExclusions: [String]
                let segments: [Segment]
            }
            let output = Output(
                id: chain.id, version: chain.version, labels: chain.labels, exclusions: chain.exclusions,
                clauseExclusions: chain.rules.clauseExclusions,
                segments: chain.segments.map { layer, segment in
                    Segment(
                        id: segment.id, layer: layer, labels: segment.labels,
                        terms: segment.terms.filter { !$0.isGeneric }.map(\.text),
                        genericTerms: segment.terms.filter(\.isGeneric).map(\.text), exclusions: segment.exclusions,
                        countsWhenSold: segment.countsWhenSold, patentClasses: segment.patentClasses)
                })
            return JSONOutput.text(output, snakeCaseKeys: true)
        }
    }

    struct Validate: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Check taxonomy files; every problem is listed with its line.",
            discussion: "Examples:\n  chainscope taxonomy validate my-chain.yaml\n  chainscope taxonomy validate ai ic")

        @Argument(help: "Built-in taxonomies (ai, ic) or taxonomy YAML files.")
        var taxonomies: [String] = ["ai"]

        func run() async throws {
            try await CommandError.reporting(in: nil) { () async throws(CommandError) in
                var failed = false
                for name in taxonomies {
                    do {
                        let chain = try TaxonomyReader().read(named: name)
                        print("\(name): valid — \(chain.id) v\(chain.version), \(chain.segments.count) segments")
                    } catch {
                        failed = true
                        FileHandle.standardError.write(Data("chainscope: \(error)\n".utf8))
                    }
                }
                if failed {
                    throw CommandError(
                        ko: "위의 문제를 고치세요. 바뀐 것은 없습니다.", zh: "请修正以上问题；未作任何更改。",
                        en: "Fix the problems above; nothing was changed.", exitCode: 65)
                }
            }
        }
    }

    struct Diff: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "List the stored companies whose membership or segments differ between two taxonomies, and why.",
            discussion: "Examples:\n  chainscope taxonomy diff ai ./ai-edited.yaml")

        @Argument(help: "The old taxonomy (built-in id or file).")
        var old: String

        @Argument(help: "The new taxonomy (built-in id or file).")
        var new: String

        @Option(name: .long, help: ArgumentHelp(DatabaseChoice.help))
        var database: String?

        @Option(name: .long, help: "Show at most this many companies.")
        var limit = 50

        func run() async throws {
            try await CommandError.reporting(in: nil) { () async throws(CommandError) in
                let configuration = try Configuration(database: database, language: nil)
                let before = Classifier(try CommandError.loading(taxonomy: old))
                let after = Classifier(try CommandError.loading(taxonomy: new))
                let changes = TaxonomyChanges()
                try await configuration.withStore { store throws(CommandError) in
                    try await CommandError.storing {
                        try await store.forEachRegistryCompany(batchSize: 1_024) { companies in
                            for company in companies {
                                changes.compare(
                                    company, before.classification(of: company), after.classification(of: company))
                            }
                        }
                    }
                }
                print(changes.report(limit: limit))
            }
        }
    }
}

/// The companies two classifiers disagree on (collected from the store's reading thread).
final class TaxonomyChanges: @unchecked Sendable {
    private let lock = NSLock()
    private var compared = 0
    private var lines: [String] = []
    private var changed = 0

    func compare(_ company: Company, _ old: Classification, _ new: Classification) {
        lock.lock()
        defer { lock.unlock() }
        compared += 1
        let oldSegments = old.memberSegments
        let newSegments = new.memberSegments
        guard old.isMember != new.isMember || oldSegments != newSegments || old.mainLayer != new.mainLayer else {
            return
        }
        changed += 1
        let name = company.names.zh ?? company.key.description
        let describe = { (classification: Classification, segments: [String]) in
            classification.isMember
                ? "\(classification.mainLayer ?? "-") [\(segments.joined(separator: ", "))]" : "not a member"
        }
        var line =
            "\(company.creditCode ?? company.key.description) \(name): \(describe(old, oldSegments)) → \(describe(new, newSegments))"
        let oldCounted = Set(old.evidence.filter(\.isCounted).map { "\($0.term)→\($0.segment ?? "")" })
        let newCounted = Set(new.evidence.filter(\.isCounted).map { "\($0.term)→\($0.segment ?? "")" })
        let gained = newCounted.subtracting(oldCounted).sorted()
        let lost = oldCounted.subtracting(newCounted).sorted()
        if !gained.isEmpty { line += "\n    now counted: \(gained.joined(separator: ", "))" }
        if !lost.isEmpty {
            // Why each lost match no longer counts: the rule that set it aside now, or no match at all.
            let reasons = lost.map { key in
                let setAside = new.evidence.first { !$0.isCounted && "\($0.term)→\($0.segment ?? "")" == key }
                return setAside.map { "\(key) (\($0.rule.rawValue)\($0.trigger.map { ": \($0)" } ?? ""))" }
                    ?? "\(key) (no longer a term, or a longer term now covers it)"
            }
            line += "\n    no longer counted: \(reasons.joined(separator: ", "))"
        }
        lines.append(line)
    }

    func report(limit: Int) -> String {
        lock.lock()
        defer { lock.unlock() }
        var text = lines.prefix(limit).joined(separator: "\n")
        if lines.count > limit { text += "\n… and \(lines.count - limit) more" }
        return (text.isEmpty ? "" : text + "\n") + "\(changed) of \(compared) companies change."
    }
}
