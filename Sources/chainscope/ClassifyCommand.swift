import ArgumentParser
import ChainscopeCore
import ChainscopeIngest
import ChainscopeReports
import ChainscopeSQLite
import Foundation

/// `chainscope classify`: place stored companies in a chain.
struct ClassifyCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "classify",
        abstract: "Classify stored companies into an industry chain, keeping the evidence for each.",
        discussion: """
            Incremental: only companies not yet classified with this content of the taxonomy are \
            classified (new or changed companies, or all of them after the taxonomy file changed). \
            Imports classify with the AI taxonomy as they store, so this is needed for other taxonomies \
            or after editing one. The run is one transaction.

            Examples:
              chainscope classify
              chainscope classify --taxonomy ic
              chainscope classify --taxonomy my-chain.yaml --all
            """)

    @Option(name: .long, help: "A built-in taxonomy (ai, ic) or a taxonomy YAML file.")
    var taxonomy = "ai"

    @Flag(name: .long, help: "Classify every company, not only the new or changed ones.")
    var all = false

    @Option(name: .long, help: ArgumentHelp(DatabaseChoice.help))
    var database: String?

    func run() async throws {
        try await CommandError.reporting(in: nil) { () async throws(CommandError) in
            let configuration = try Configuration(database: database, language: nil)
            let chain = try CommandError.loading(taxonomy: taxonomy)
            let classifier = Classifier(chain)
            let count = try await configuration.withStore { store throws(CommandError) in
                try await CommandError.storing {
                    try await store.classifyCompanies(taxonomy: chain, all: all) { companies in
                        companies.map(classifier.classification(of:))
                    }
                }
            }
            print("Classified \(count) compan\(count == 1 ? "y" : "ies") with \(chain.id) v\(chain.version).")
        }
    }
}

/// `chainscope explain`: why a company is, or is not, in a chain.
struct ExplainCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "explain",
        abstract:
            "Show why a company is or is not in a chain: segments, scores and every piece of evidence; then what newer exports changed.",
        discussion: """
            Examples:
              chainscope explain 91330100799655058B
              chainscope explain 91330100799655058B --lang en --taxonomy ic
              chainscope explain 330106000012345
              chainscope explain 杭州某某科技有限公司
            """)

    @Argument(
        help: ArgumentHelp(
            "The company: its credit code, its registration number (注册号), its key or its name.",
            discussion:
                "A company without a credit code is keyed on its registration number, else on its name and district, "
                + "as `changes` and the dashboard show the key, such as\n  name:330106:杭州某某科技有限公司\nA name must "
                + "name one company; otherwise the companies whose names contain it are listed with their keys.",
            valueName: "company"))
    var company: String

    @Option(name: .long, help: "A built-in taxonomy (ai, ic) or a taxonomy YAML file.")
    var taxonomy = "ai"

    @Option(name: .long, help: "ko, zh or en (default: CHAINSCOPE_LANG, else ko).")
    var lang: LanguageOption?

    @Option(name: .long, help: ArgumentHelp(DatabaseChoice.help))
    var database: String?

    @Flag(name: .long, help: "Print the company, its classification and what newer exports changed as JSON.")
    var json = false

    /// What `--json` prints.
    struct Explained: Encodable {
        var company: Company
        /// The classification explained: the stored one, or one made now when that came from another taxonomy file.
        var classification: Classification
        /// Whether the stored classification came from another content of the taxonomy (`classify` redoes it).
        var isStoredStale: Bool
        /// What newer exports changed, oldest first.
        var history: [CompanyChange]
        /// What rows of earlier exports imported after a newer one said, which was not applied.
        var unappliedChanges: [CompanyChange]
    }

    func run() async throws {
        try await CommandError.reporting(in: lang?.language) { () async throws(CommandError) in
            let configuration = try Configuration(database: database, language: lang?.language)
            let reference = try CompanyReference(company)
            let chain = try CommandError.loading(taxonomy: taxonomy)
            let (company, stored, (history, unapplied, regions), source) = try await configuration.withStore {
                store throws(CommandError) in
                let company = try await reference.company(in: store)
                return try await CommandError.storing {
                    (
                        company, try await store.classification(of: company.key, taxonomy: chain.id),
                        try await Self.changes(of: company, in: store), try await store.sourceImport(of: company)
                    )
                }
            }
            // A stored classification from another content of the taxonomy is stale: explain the current one.
            let classification =
                stored.flatMap { $0.taxonomyDigest == chain.digest ? $0 : nil }
                ?? Classifier(chain).classification(of: company)
            let isStoredStale = stored.map { $0.taxonomyDigest != chain.digest } ?? false
            if json {
                print(
                    JSONOutput.text(
                        Explained(
                            company: company, classification: classification, isStoredStale: isStoredStale,
                            history: history, unappliedChanges: unapplied)))
                return
            }
            var explanation = Explanation(
                company: company, classification: classification, taxonomy: chain, language: configuration.language)
            explanation.isStoredStale = isStoredStale
            print(explanation.text)
            let words = ChangeWords(language: configuration.language)
            print(words.source(of: company, importedBy: source))
            for (changes, isApplied) in [(history, true), (unapplied, false)] {
                let text = ChangeHistory(
                    changes, language: configuration.language, isApplied: isApplied, regions: regions
                ).text
                if !text.isEmpty { print(text) }
            }
        }
    }
}

extension ExplainCommand {
    /// What newer exports changed in the company and what rows of older ones said, with the divisions that name
    /// a changed district (read only when a district changed).
    static func changes(of company: Company, in store: any Store) async throws
        -> ([CompanyChange], [CompanyChange], RegionDirectory?)
    {
        let history = try await store.companyHistory(key: company.key)
        let unapplied = try await store.unappliedChanges(key: company.key)
        let isDistrictChanged = (history + unapplied).contains(where: \.changesDistrict)
        return (history, unapplied, isDistrictChanged ? try await store.regionDirectory() : nil)
    }
}

extension CommandError {
    /// A built-in taxonomy or a taxonomy file; a bad one is a data error listing every problem.
    static func loading(taxonomy name: String) throws(CommandError) -> Taxonomy {
        do {
            return try TaxonomyReader().read(named: name)
        } catch {
            throw CommandError("\(error)", exitCode: 65)
        }
    }

    /// The header mapping `--profile` names: none for `auto`, else the YAML file's.
    static func loading(profile: String) throws(CommandError) -> [String: RegistryField] {
        guard profile != "auto" else { return [:] }
        do {
            return try MappingReader().read(URL(fileURLWithPath: profile))
        } catch {
            throw CommandError("\(error)", exitCode: 65)
        }
    }
}
