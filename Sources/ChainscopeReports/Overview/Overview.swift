public import ChainscopeCore
import Foundation

/// The overview of a dataset that `chainscope demo` prints and every report opens with: every figure
/// with a footnote, the value chain, parks, programmes and policies, then the numbered sources.
public struct Overview: Sendable {
    public let dataset: Dataset
    public let regions: RegionDirectory
    public let language: Language

    public init(dataset: Dataset, regions: RegionDirectory, language: Language) {
        self.dataset = dataset
        self.regions = regions
        self.language = language
    }

    /// The overview as plain text.
    public func render() -> String { TextRenderer().render(document()) }

    /// The overview as a document, for a renderer (a `Report` builds its own, with charts).
    public func document() -> ReportDocument {
        var writer = OverviewWriter(overview: self)
        return writer.document()
    }
}

/// Builds the overview section by section, numbering footnotes as they are used.
struct OverviewWriter {
    typealias Inline = ReportDocument.Inline
    let overview: Overview
    var footnotes: Footnotes
    /// Whether measures given for several years get a line chart.
    var drawsSeries = false
    private var blocks: [ReportDocument.Block] = []
    private let facts: FactFormatting

    init(overview: Overview) {
        self.overview = overview
        footnotes = Footnotes(dataset: overview.dataset, language: overview.language)
        facts = FactFormatting(language: overview.language, regions: overview.regions)
    }

    private var dataset: Dataset { overview.dataset }
    private var language: Language { overview.language }

    private func phrase(_ phrase: Phrase) -> String { phrase.text(in: language) }

    /// The overview's sections, then those `appending` adds with the same footnote numbering.
    mutating func document(
        appending extra: (inout Footnotes) -> [ReportDocument.Section] = { _ in [] }
    ) -> ReportDocument {
        let info = dataset.info
        var subtitle = phrase(.datasetLine(id: info.id, version: info.version))
        subtitle += " · \(overview.regions.name(of: info.region, in: language)) (\(info.region))"
        if info.isSynthetic { subtitle += " · \(phrase(.synthetic))" }
        var sections: [ReportDocument.Section] = []
        for topic in Topic.allCases {
            if let section = section(topic) { sections.append(section) }
            if topic == .standing, let chain = valueChainSection() { sections.append(chain) }
        }
        sections += extra(&footnotes)
        return ReportDocument(
            language: language, title: info.title.text(in: language), subtitle: subtitle, sections: sections,
            notes: footnotes.entries, sourcesTitle: phrase(.sources), sources: dataset.sources.map(footnotes.describe))
    }

    /// A topic's figures, statements and lists; nil when the dataset says nothing on it.
    mutating func section(_ topic: Topic) -> ReportDocument.Section? {
        blocks = []
        for fact in dataset.facts where fact.topic == topic { factBlock(fact) }
        if drawsSeries { seriesCharts(dataset.facts.filter { $0.topic == topic }) }
        for statement in dataset.statements where statement.topic == topic {
            blocks.append(
                .bullet(noted(statement.content.text.text(in: language), statement.content.citation), level: 0))
        }
        switch topic {
        case .applicationDomains: domainsBlock()
        case .companies: companiesBlock()
        case .talent: programmesBlock()
        case .parks: parksBlock()
        case .policies: policiesBlock()
        default: break
        }
        guard !blocks.isEmpty else { return nil }
        return ReportDocument.Section(title: [.text(phrase(.section(topic)))], blocks: blocks)
    }

    /// `text`, a space and the citation's footnote.
    private mutating func noted(_ text: String, _ citation: Citation, derivation: String? = nil) -> [Inline] {
        [.text(text + " "), .note(footnotes.number(citation, derivation: derivation))]
    }

    mutating func factBlock(_ fact: Fact) {
        let period = DateFormatting(language).period(fact.period)
        let colon = language == .zh ? "：" : ": "
        let text = "\(fact.label.text(in: language)) (\(period))\(colon)\(facts.value(of: fact))"
        blocks.append(
            .fact(
                reference: fact.reference ?? "",
                noted(text, fact.citation, derivation: facts.derivation(of: fact, in: dataset))))
    }

    /// A line chart for each measure in yuan given for two or more years (the market size, 2020 derived).
    private mutating func seriesCharts(_ facts: [Fact]) {
        let yearly = facts.filter { fact in
            guard case .year = fact.period, case .number = fact.value else { return false }
            return fact.unit.currency == .yuan
        }
        for (_, group) in Dictionary(grouping: yearly, by: { [$0.subject, $0.measure, $0.region.rawValue] })
            .sorted(by: { $0.key.joined() < $1.key.joined() })
        where group.count >= 2 {
            blocks.append(.chart(seriesChart(group.sorted { $0.period.description < $1.period.description })))
        }
    }

    private mutating func seriesChart(_ facts: [Fact]) -> Chart {
        // Yuan amounts are drawn in 亿 (10^8) for Chinese and Korean readers, in billions for English.
        let scale: Decimal = language == .en ? 1_000_000_000 : 100_000_000
        let bars = facts.map { fact -> Chart.Bar in
            guard case .number(let amount) = fact.value, case .year(let year) = fact.period else {
                return Chart.Bar(label: "", value: 0, valueText: "")
            }
            var bar = Chart.Bar(
                label: String(year), value: NSDecimalNumber(decimal: amount / scale).doubleValue,
                valueText: Phrase.qualified(fact.qualifier, NumberFormatting(language).money(Money(amount, .yuan)))
                    .text(in: language))
            bar.isDerived = fact.derived != nil
            return bar
        }
        let notes = facts.map { footnotes.number($0.citation, derivation: derivation(of: $0)) }
        let unique = notes.reduce(into: [Int]()) { if !$0.contains($1) { $0.append($1) } }
        let last = facts.last!
        let years = "\(bars.first!.label)–\(bars.last!.label)"
        var chart = Chart(
            kind: .line, title: "\(last.label.text(in: language)) (\(years))", unit: phrase(.yuanAxis),
            axis: phrase(.year), bars: bars,
            source: unique.flatMap { [ReportDocument.Inline.note($0), .text(" ")] },
            sourceText: unique.map { "[\($0)] \(footnotes.entries[$0 - 1])" }.joined(separator: " "))
        chart.series = [phrase(.derivedPoint)]
        return chart
    }

    private func derivation(of fact: Fact) -> String? { facts.derivation(of: fact, in: dataset) }

    mutating func valueChainSection() -> ReportDocument.Section? {
        guard let chain = dataset.valueChain else { return nil }
        let title = noted(phrase(.valueChain), chain.citation)
        let separator = language == .zh ? "、" : ", "
        let lines = chain.layers.map { layer -> ReportDocument.Block in
            let segments = layer.segments.map { $0.names.text(in: language) }.joined(separator: separator)
            return .line([.text("\(layer.names.text(in: language)): \(segments)")], indent: 2)
        }
        return ReportDocument.Section(title: title, blocks: lines)
    }

    private mutating func domainsBlock() {
        guard let domains = dataset.applicationDomains else { return }
        let separator = language == .zh ? "、" : ", "
        let names = domains.named.map { $0.text(in: language) }.joined(separator: separator)
        blocks.append(
            .line(noted("\(phrase(.namedDomains)) (\(domains.named.count)): \(names)", domains.citation), indent: 6))
    }

    private mutating func companiesBlock() {
        guard !dataset.companies.isEmpty else { return }
        blocks.append(.line([.text(phrase(.majorCompanies))], indent: 2))
        for company in dataset.companies {
            var inlines: [Inline] = [.text(withChinese(company.names))]
            for (index, note) in company.notes.enumerated() {
                inlines.append(.text((index == 0 ? " — " : " ") + note.text.text(in: language) + " "))
                inlines.append(.note(footnotes.number(note.citation)))
            }
            blocks.append(.bullet(inlines, level: 1))
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
            blocks.append(.line(noted(text, programme.citation), indent: 2))
        }
    }

    private mutating func parksBlock() {
        for park in dataset.parks {
            let district = park.region.map { " (\(overview.regions.name(of: $0, in: language)))" } ?? ""
            blocks.append(.bullet(noted("\(withChinese(park.names))\(district)", park.citation), level: 1))
        }
        let benefits = Set(dataset.parks.map(\.benefits)).count == 1 ? dataset.parks.first?.benefits ?? [] : []
        if !benefits.isEmpty {
            let separator = language == .zh ? "、" : ", "
            let text = "\(phrase(.benefits)): " + benefits.map { $0.text(in: language) }.joined(separator: separator)
            blocks.append(.line([.text(text)], indent: 2))
        }
    }

    private mutating func policiesBlock() {
        for policy in dataset.policies {
            var title = policy.titles.text(in: language)
            var originals = [policy.titles.zh, policy.titles.ko].compactMap { $0 }.filter { $0 != title }
            if language == .zh, policy.titles.zh == nil { originals.append(phrase(.noChineseTitle)) }
            if !originals.isEmpty { title += " (\(originals.joined(separator: "; ")))" }
            blocks.append(.bullet(noted(title, policy.citation), level: 1))
        }
    }

    /// A name in the output language with its Chinese original in brackets where it differs.
    private func withChinese(_ names: LocalizedText) -> String {
        let shown = names.text(in: language)
        guard let zh = names.zh, zh != shown else { return shown }
        return "\(shown) (\(zh))"
    }
}
