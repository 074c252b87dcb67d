import ChainscopeCore
import Foundation

/// `chainscope evaluate`'s output: Chainscope's figures beside the naive baseline's.
enum EvaluationReport {
    static func text(_ ours: Evaluation, _ baseline: Evaluation, taxonomy: Taxonomy) -> String {
        var lines = [
            "Evaluated \(ours.evaluated) labelled companies with \(taxonomy.id) v\(taxonomy.version)"
                + (ours.unmatchedLabels > 0 ? " (\(ours.unmatchedLabels) labels name no stored company)" : ""),
            "",
            pad("", 28) + pad("Chainscope", 27) + "Naive baseline",
            pad("", 28) + String(repeating: pad("precision", 10) + pad("recall", 8) + pad("F1", 9), count: 2),
            row("AI / not AI", ours.membership, baseline.membership),
        ]
        for layer in taxonomy.layers.map(\.id) {
            lines.append(row("layer \(layer)", ours.layers[layer]!, baseline.layers[layer]!))
        }
        for segment in taxonomy.segments.map(\.segment.id) where ours.segments[segment]!.support > 0 {
            lines.append(row("  segment \(segment)", ours.segments[segment]!, baseline.segments[segment]!))
        }
        lines += ["", "Confusion of main layers (rows: labels, columns: Chainscope):"]
        let classes = ["none"] + taxonomy.layers.map(\.id)
        lines.append(pad("", 14) + classes.map { pad($0, 13) }.joined())
        for actual in classes {
            lines.append(pad(actual, 14) + classes.map { pad("\(ours.confusion[actual]?[$0] ?? 0)", 13) }.joined())
        }
        lines += mistakes("False positives (most confident first)", ours.falsePositives)
        lines += mistakes("False negatives (least confident first)", ours.falseNegatives)
        return lines.joined(separator: "\n")
    }

    private static func row(_ label: String, _ ours: BinaryScores, _ baseline: BinaryScores) -> String {
        pad(label, 28)
            + [ours, baseline].map { scores in
                pad(format(scores.precision), 10) + pad(format(scores.recall), 8) + pad(format(scores.f1), 9)
            }.joined()
    }

    private static func mistakes(_ title: String, _ list: [Evaluation.Mistake]) -> [String] {
        guard !list.isEmpty else { return ["", "\(title): none"] }
        var lines = ["", "\(title):"]
        for mistake in list {
            let label = mistake.label.isMember ? "labelled \(mistake.label.layer ?? "AI")" : "labelled not AI"
            lines.append(
                "  \(mistake.creditCode) \(mistake.name) — \(label), score \(format(mistake.classification.score))")
            for item in mistake.classification.evidence where item.segment != nil {
                let outcome = item.isCounted ? "+\(format(item.weight))" : item.rule.rawValue
                lines.append("      «\(item.term)» in «\(item.clause)» → \(item.segment!) \(outcome)")
            }
        }
        return lines
    }

    static func json(_ ours: Evaluation, _ baseline: Evaluation, taxonomy: Taxonomy) -> String {
        struct Scores: Encodable {
            let precision: Double, recall: Double, f1: Double
            let truePositives: Int, falsePositives: Int, falseNegatives: Int, trueNegatives: Int
            init(_ scores: BinaryScores) {
                (precision, recall, f1) = (scores.precision, scores.recall, scores.f1)
                (truePositives, falsePositives) = (scores.truePositives, scores.falsePositives)
                (falseNegatives, trueNegatives) = (scores.falseNegatives, scores.trueNegatives)
            }
        }
        struct Mistake: Encodable {
            let creditCode: String, name: String, labelledLayer: String?, classification: Classification
        }
        struct Figures: Encodable {
            let membership: Scores, layers: [String: Scores], segments: [String: Scores]
            let confusion: [String: [String: Int]]
            init(_ evaluation: Evaluation) {
                membership = Scores(evaluation.membership)
                layers = evaluation.layers.mapValues(Scores.init)
                segments = evaluation.segments.mapValues(Scores.init)
                confusion = evaluation.confusion
            }
        }
        struct Output: Encodable {
            let taxonomy: String, version: Int, evaluated: Int, unmatchedLabels: Int
            let chainscope: Figures, baseline: Figures
            let falsePositives: [Mistake], falseNegatives: [Mistake]
        }
        let mistakes = { (list: [Evaluation.Mistake]) in
            list.map {
                Mistake(
                    creditCode: $0.creditCode, name: $0.name, labelledLayer: $0.label.layer,
                    classification: $0.classification)
            }
        }
        let output = Output(
            taxonomy: taxonomy.id, version: taxonomy.version, evaluated: ours.evaluated,
            unmatchedLabels: ours.unmatchedLabels, chainscope: Figures(ours), baseline: Figures(baseline),
            falsePositives: mistakes(ours.falsePositives), falseNegatives: mistakes(ours.falseNegatives))
        return JSONOutput.text(output, snakeCaseKeys: true)
    }

    static func format(_ value: Double) -> String { String(format: "%.3f", value) }

    private static func pad(_ text: String, _ width: Int) -> String {
        text.count >= width ? text + " " : text + String(repeating: " ", count: width - text.count)
    }
}
