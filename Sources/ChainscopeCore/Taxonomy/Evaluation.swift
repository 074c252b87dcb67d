/// A company's true place in the chain, from a label file.
public struct ChainLabel: Sendable, Hashable {
    public var creditCode: String
    public var isMember: Bool
    /// The main layer, when the file says.
    public var layer: String?
    /// The segment ids, when the file says.
    public var segments: [String]?

    public init(creditCode: String, isMember: Bool, layer: String? = nil, segments: [String]? = nil) {
        self.creditCode = creditCode
        self.isMember = isMember
        self.layer = layer
        self.segments = segments
    }
}

/// Precision, recall and F1 of one yes/no question.
public struct BinaryScores: Sendable, Hashable, Codable {
    public var truePositives = 0
    public var falsePositives = 0
    public var falseNegatives = 0
    public var trueNegatives = 0

    public init() {}

    mutating func add(actual: Bool, predicted: Bool) {
        switch (actual, predicted) {
        case (true, true): truePositives += 1
        case (false, true): falsePositives += 1
        case (true, false): falseNegatives += 1
        case (false, false): trueNegatives += 1
        }
    }

    public var precision: Double { ratio(truePositives, truePositives + falsePositives) }
    public var recall: Double { ratio(truePositives, truePositives + falseNegatives) }
    public var f1: Double {
        precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall)
    }
    /// Companies that are members by the labels.
    public var support: Int { truePositives + falseNegatives }

    private func ratio(_ part: Int, _ whole: Int) -> Double { whole == 0 ? 1 : Double(part) / Double(whole) }
}

/// How a classifier's readings compare with labels.
public struct Evaluation: Sendable, Hashable {
    /// A company the classifier got wrong, with what it saw.
    public struct Mistake: Sendable, Hashable {
        public var creditCode: String
        public var name: String
        public var label: ChainLabel
        public var classification: Classification
    }

    public var membership = BinaryScores()
    /// Per layer: labelled with that main layer against classified with it.
    public var layers: [String: BinaryScores] = [:]
    /// Per segment, for labels that list segments.
    public var segments: [String: BinaryScores] = [:]
    /// Counts by (labelled main layer or "none", classified main layer or "none").
    public var confusion: [String: [String: Int]] = [:]
    public var falsePositives: [Mistake] = []
    public var falseNegatives: [Mistake] = []
    /// Labels whose credit code is not among the stored companies.
    public var unmatchedLabels = 0
    public var evaluated: Int {
        membership.truePositives + membership.falsePositives + membership.falseNegatives
            + membership.trueNegatives
    }
    /// How many mistakes of each kind are kept, most confident first.
    public var mistakesKept = 10

    public init(layers: [String], segments: [String]) {
        for layer in layers { self.layers[layer] = BinaryScores() }
        for segment in segments { self.segments[segment] = BinaryScores() }
    }

    /// Counts one labelled company.
    public mutating func add(_ label: ChainLabel, _ classification: Classification, name: String) {
        let predicted = classification.isMember
        membership.add(actual: label.isMember, predicted: predicted)
        let actualLayer = label.isMember ? label.layer : nil
        let predictedLayer = predicted ? classification.mainLayer : nil
        for layer in layers.keys {
            layers[layer]!.add(actual: actualLayer == layer, predicted: predictedLayer == layer)
        }
        confusion[actualLayer ?? "none", default: [:]][predictedLayer ?? "none", default: 0] += 1
        if let labelled = label.segments {
            let actual = Set(label.isMember ? labelled : [])
            let found = Set(classification.memberSegments)
            for segment in segments.keys {
                segments[segment]!.add(actual: actual.contains(segment), predicted: found.contains(segment))
            }
        }
        let mistake = Mistake(creditCode: label.creditCode, name: name, label: label, classification: classification)
        if predicted && !label.isMember {
            keep(mistake, in: &falsePositives) { $0.classification.score > $1.classification.score }
        } else if !predicted && label.isMember {
            keep(mistake, in: &falseNegatives) { $0.classification.score < $1.classification.score }
        }
    }

    private func keep(_ mistake: Mistake, in list: inout [Mistake], by isWorse: (Mistake, Mistake) -> Bool) {
        list.append(mistake)
        list.sort { isWorse($0, $1) || (!isWorse($1, $0) && $0.creditCode < $1.creditCode) }
        if list.count > mistakesKept { list.removeLast() }
    }
}
