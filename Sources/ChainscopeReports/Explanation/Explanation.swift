public import ChainscopeCore

/// A classification told in words: the verdict, the segments, and each piece of evidence with the
/// rule that decided it, in Korean, Chinese or English.
public struct Explanation: Sendable {
    public let company: Company
    public let classification: Classification
    public let taxonomy: Taxonomy
    public let language: Language
    /// Whether the stored classification came from another content of the taxonomy file, so this one
    /// was made afresh and differs from what the database holds until `classify` runs.
    public var isStoredStale = false

    public init(company: Company, classification: Classification, taxonomy: Taxonomy, language: Language) {
        self.company = company
        self.classification = classification
        self.taxonomy = taxonomy
        self.language = language
    }

    /// The explanation as lines of text.
    public var text: String {
        var lines: [String] = []
        let name = company.names.text(in: language)
        let chinese = company.names.zh.flatMap { $0 == name ? nil : " (\($0))" } ?? ""
        lines.append("\(name)\(chinese) — \(company.creditCode ?? company.key.description)")
        lines.append(verdict)
        for score in classification.segments {
            let layer = taxonomy.layer(score.layer)?.labels.text(in: language) ?? score.layer
            let segment = taxonomy.segment(score.segment)?.segment.labels.text(in: language) ?? score.segment
            lines.append("  \(layer) › \(segment) [\(score.segment)]: \(Self.number(score.score))")
        }
        lines.append(words.evidence)
        if classification.evidence.isEmpty { lines.append("  " + words.noEvidence) }
        for item in classification.evidence { lines.append("  " + line(item)) }
        lines.append(words.taxonomy(taxonomy.id, classification.taxonomyVersion))
        if isStoredStale { lines.append(words.stale(taxonomy.id)) }
        return lines.joined(separator: "\n")
    }

    private var words: EvidenceWords { EvidenceWords(language: language) }

    private var verdict: String {
        let layer = classification.mainLayer.flatMap { taxonomy.layer($0)?.labels.text(in: language) }
        let chain = taxonomy.labels.text(in: language)
        return words.verdict(
            isMember: classification.isMember, chain: chain, layer: layer,
            confidence: Self.number(classification.confidence), score: Self.number(classification.score),
            threshold: Self.number(taxonomy.rules.threshold))
    }

    private func line(_ item: Evidence) -> String {
        // An empty scope has no item to quote: the finding is about the scope as a whole.
        if item.rule == .emptyScope {
            return words.place(item.field, clause: nil) + ": " + words.rule(item.rule, trigger: nil)
        }
        let place = words.place(item.field, clause: item.clauseIndex)
        let segment = item.segment.map { taxonomy.segment($0)?.segment.labels.text(in: language) ?? $0 } ?? ""
        let weight = item.weight == 0 ? "±0" : (item.weight > 0 ? "+" : "") + Self.number(item.weight)
        var text = "\(place) «\(item.clause)»"
        if !item.term.isEmpty { text += " — \(words.term) «\(item.term)» @\(item.offset)" }
        if !segment.isEmpty { text += " → \(segment) \(weight)" }
        return text + ": " + words.rule(item.rule, trigger: item.trigger)
    }

    static func number(_ value: Double) -> String {
        let rounded = (value * 100).rounded() / 100
        return rounded == rounded.rounded() ? String(Int(rounded)) : String(rounded)
    }
}
