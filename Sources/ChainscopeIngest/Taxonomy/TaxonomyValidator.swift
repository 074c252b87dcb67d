import ChainscopeCore

/// The checks across a taxonomy's entries: unique ids, labels in every language, terms that are not
/// also exclusions, sensible thresholds. Each problem names its file, line and field.
struct TaxonomyValidator {
    let taxonomy: Taxonomy
    let root: YAMLValue

    func check(into problems: inout Problems) {
        if taxonomy.version < 1 {
            problems.add(
                node("version").error(.invalidValue, expected: "a version of 1 or more", found: "\(taxonomy.version)"))
        }
        if taxonomy.rules.strictThreshold < taxonomy.rules.threshold {
            problems.add(
                node("rules").error(
                    .invalidValue, expected: "strict_threshold at least threshold (\(taxonomy.rules.threshold))",
                    found: "\(taxonomy.rules.strictThreshold)"))
        }
        var seen: [String: String] = [:]
        for (layerIndex, layer) in taxonomy.layers.enumerated() {
            let layerNode = Self.child(root, "layers", layerIndex)
            checkID(layer.id, at: layerNode, seen: &seen, into: &problems)
            checkLabels(layer.labels, at: layerNode, into: &problems)
            for (segmentIndex, segment) in layer.segments.enumerated() {
                let segmentNode = layerNode.flatMap { Self.child($0, "segments", segmentIndex) }
                checkID(segment.id, at: segmentNode, seen: &seen, into: &problems)
                checkLabels(segment.labels, at: segmentNode, into: &problems)
                checkTerms(segment, at: segmentNode, into: &problems)
            }
        }
        if taxonomy.segments.isEmpty {
            problems.add(root.error(.missingField, expected: "at least one layer with one segment"))
        }
    }

    private func checkID(_ id: String, at item: YAMLValue?, seen: inout [String: String], into problems: inout Problems)
    {
        let here = item.flatMap { Self.child($0, "id") } ?? root
        if let earlier = seen[id] {
            problems.add(
                here.error(.duplicateID, expected: "an id not used before", found: "'\(id)', also at \(earlier)"))
        }
        seen[id] = seen[id] ?? here.line.map { "line \($0)" } ?? here.field
    }

    private func checkLabels(_ labels: LocalizedText, at item: YAMLValue?, into problems: inout Problems) {
        let missing = Language.allCases.filter { (labels[$0] ?? "").trimmed.isEmpty }
        guard !missing.isEmpty else { return }
        let here = item.flatMap { Self.child($0, "labels") } ?? root
        problems.add(
            here.error(
                .missingField, expected: "a label in zh, ko and en",
                found: "none in \(missing.map(\.rawValue).joined(separator: ", "))"))
    }

    private func checkTerms(_ segment: Taxonomy.Segment, at item: YAMLValue?, into problems: inout Problems) {
        let exclusions = Set((segment.exclusions + taxonomy.exclusions).map(ScopeFolding.fold))
        var terms: Set<String> = []
        for term in segment.terms {
            let folded = ScopeFolding.fold(term.text)
            let here = item.flatMap { Self.child($0, term.isGeneric ? "generic_terms" : "terms") } ?? root
            if exclusions.contains(folded) {
                problems.add(
                    here.error(
                        .invalidValue, expected: "a term that is not also an exclusion",
                        found: "'\(term.text)' in segment '\(segment.id)'"))
            }
            if !terms.insert(folded).inserted {
                problems.add(
                    here.error(
                        .duplicateID, expected: "each term once", found: "'\(term.text)' twice in '\(segment.id)'"))
            }
        }
    }

    private func node(_ key: String, _ index: Int? = nil) -> YAMLValue {
        Self.child(root, key, index) ?? root
    }

    /// A child of a mapping (and an item of a list), when the file has it.
    static func child(_ value: YAMLValue, _ key: String, _ index: Int? = nil) -> YAMLValue? {
        guard let mapping = try? value.mapping(allowing: Set(value.keys)), let child = mapping.optional(key) else {
            return nil
        }
        guard let index else { return child }
        guard let items = try? child.list(), items.indices.contains(index) else { return nil }
        return items[index]
    }
}
