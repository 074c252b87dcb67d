public import ChainscopeCore
import Foundation

/// The plain-text overview of a dataset that `chainscope demo` prints: every figure with a footnote
/// marker, the value chain, parks, programmes and policies, then the numbered sources.
public struct Overview: Sendable {
    public let dataset: Dataset
    public let regions: RegionDirectory
    public let language: Language

    public init(dataset: Dataset, regions: RegionDirectory, language: Language) {
        self.dataset = dataset
        self.regions = regions
        self.language = language
    }

    public func render() -> String {
        var writer = OverviewWriter(overview: self)
        writer.header()
        for topic in Topic.allCases {
            writer.section(topic)
            if topic == .standing { writer.valueChainSection() }
        }
        writer.sources()
        return writer.lines.joined(separator: "\n") + "\n"
    }
}

/// Builds the overview line by line, numbering footnotes as they are used.
struct OverviewWriter {
    let overview: Overview
    var footnotes: Footnotes
    var lines: [String] = []
    private let facts: FactFormatting

    init(overview: Overview) {
        self.overview = overview
        footnotes = Footnotes(dataset: overview.dataset, language: overview.language)
        facts = FactFormatting(language: overview.language, regions: overview.regions)
    }

    private var dataset: Dataset { overview.dataset }
    private var language: Language { overview.language }

    private func phrase(_ phrase: Phrase) -> String { phrase.text(in: language) }

    mutating func header() {
        let info = dataset.info
        lines.append(info.title.text(in: language))
        var subtitle = phrase(.datasetLine(id: info.id, version: info.version))
        subtitle += " · \(overview.regions.name(of: info.region, in: language)) (\(info.region))"
        if info.isSynthetic { subtitle += " · \(phrase(.synthetic))" }
        lines.append(subtitle)
    }

    mutating func section(_ topic: Topic) {
        let topicFacts = dataset.facts.filter { $0.topic == topic }
        let statements = dataset.statements.filter { $0.topic == topic }
        let before = lines.count
        heading(phrase(.section(topic)))
        for fact in topicFacts { factLine(fact) }
        for statement in statements { bullet(statement.content.text.text(in: language), statement.content.citation) }
        switch topic {
        case .applicationDomains: domainsBlock()
        case .companies: companiesBlock()
        case .talent: programmesBlock()
        case .parks: parksBlock()
        case .policies: policiesBlock()
        default: break
        }
        if lines.count == before + 2 { lines.removeLast(2) }
    }

    private mutating func heading(_ title: String) {
        lines.append("")
        lines.append("■ \(title)")
    }

    private mutating func bullet(_ text: String, _ citation: Citation, indent: String = "  ") {
        lines.append("\(indent)· \(text) \(footnotes.mark(citation))")
    }

    mutating func factLine(_ fact: Fact) {
        let reference = (fact.reference ?? "").padding(toLength: 4, withPad: " ", startingAt: 0)
        let period = DateFormatting(language).period(fact.period)
        let marker = footnotes.mark(fact.citation, derivation: facts.derivation(of: fact, in: dataset))
        let colon = language == .zh ? "：" : ": "
        lines.append(
            "  \(reference)\(fact.label.text(in: language)) (\(period))\(colon)\(facts.value(of: fact)) \(marker)")
    }

    mutating func valueChainSection() {
        guard let chain = dataset.valueChain else { return }
        heading("\(phrase(.valueChain)) \(footnotes.mark(chain.citation))")
        let separator = language == .zh ? "、" : ", "
        for layer in chain.layers {
            let segments = layer.segments.map { $0.names.text(in: language) }.joined(separator: separator)
            lines.append("  \(layer.names.text(in: language)): \(segments)")
        }
    }

    private mutating func domainsBlock() {
        guard let domains = dataset.applicationDomains else { return }
        let separator = language == .zh ? "、" : ", "
        let names = domains.named.map { $0.text(in: language) }.joined(separator: separator)
        lines.append(
            "      \(phrase(.namedDomains)) (\(domains.named.count)): \(names) \(footnotes.mark(domains.citation))")
    }

    private mutating func companiesBlock() {
        guard !dataset.companies.isEmpty else { return }
        lines.append("  \(phrase(.majorCompanies))")
        for company in dataset.companies {
            let notes = company.notes.map { "\($0.text.text(in: language)) \(footnotes.mark($0.citation))" }
            lines.append(
                "    - \(withChinese(company.names))" + (notes.isEmpty ? "" : " — " + notes.joined(separator: " ")))
        }
    }

    private mutating func programmesBlock() {
        for programme in dataset.programmes {
            var text = "\(phrase(.programme)): \(withChinese(programme.names))"
            if let funding = programme.funding {
                let amount = Phrase.qualified(programme.fundingQualifier, NumberFormatting(language).money(funding))
                text += " — \(phrase(.perTeam(amount.text(in: language))))"
            }
            text += " (\(programme.beneficiary.text(in: language)))"
            lines.append("  \(text) \(footnotes.mark(programme.citation))")
        }
    }

    private mutating func parksBlock() {
        for park in dataset.parks {
            let district = park.region.map { " (\(overview.regions.name(of: $0, in: language)))" } ?? ""
            lines.append("    - \(withChinese(park.names))\(district) \(footnotes.mark(park.citation))")
        }
        let benefits = Set(dataset.parks.map(\.benefits)).count == 1 ? dataset.parks.first?.benefits ?? [] : []
        if !benefits.isEmpty {
            let separator = language == .zh ? "、" : ", "
            lines.append(
                "  \(phrase(.benefits)): " + benefits.map { $0.text(in: language) }.joined(separator: separator))
        }
    }

    private mutating func policiesBlock() {
        for policy in dataset.policies {
            var title = policy.titles.text(in: language)
            var originals = [policy.titles.zh, policy.titles.ko].compactMap { $0 }.filter { $0 != title }
            if language == .zh, policy.titles.zh == nil { originals.append(phrase(.noChineseTitle)) }
            if !originals.isEmpty { title += " (\(originals.joined(separator: "; ")))" }
            lines.append("    - \(title) \(footnotes.mark(policy.citation))")
        }
    }

    /// A name in the output language with its Chinese original in brackets where it differs.
    private func withChinese(_ names: LocalizedText) -> String {
        let shown = names.text(in: language)
        guard let zh = names.zh, zh != shown else { return shown }
        return "\(shown) (\(zh))"
    }

    mutating func sources() {
        heading(phrase(.sources))
        for (index, entry) in footnotes.entries.enumerated() { lines.append("  [\(index + 1)] \(entry)") }
        lines.append("")
        for source in dataset.sources { lines.append("  · \(footnotes.describe(source))") }
    }
}
