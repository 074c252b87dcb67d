import ChainscopeCore
import ChainscopeIngest
import Foundation
import Testing
import Yams

/// The hand-written scopes of `Fixtures/labelled-scopes.yaml`, labelled by the chain definition.
struct LabelledScope: Decodable {
    let name: String
    let ai: Bool
    let layer: String?
    let segments: [String]?
    let scope: String
}

@Suite("Accuracy on hand-written business scopes")
struct LabelledScopesTests {
    static func cases() throws -> [LabelledScope] {
        let url = try #require(Bundle.module.url(forResource: "Fixtures/labelled-scopes", withExtension: "yaml"))
        return try YAMLDecoder().decode([LabelledScope].self, from: String(contentsOf: url, encoding: .utf8))
    }

    static func evaluate(_ classify: (LabelledScope) -> Classification) throws -> Evaluation {
        let taxonomy = try TaxonomyReader().read(named: "ai")
        var evaluation = Evaluation(layers: taxonomy.layers.map(\.id), segments: taxonomy.segments.map(\.segment.id))
        evaluation.mistakesKept = 50
        for (index, item) in try cases().enumerated() {
            let label = ChainLabel(
                creditCode: String(index), isMember: item.ai, layer: item.layer, segments: item.segments ?? [])
            evaluation.add(label, classify(item), name: item.name)
        }
        return evaluation
    }

    @Test("There are at least 200 cases, each AI case with a layer and segments")
    func fixture() throws {
        let cases = try Self.cases()
        #expect(cases.count >= 200)
        #expect(cases.filter(\.ai).count >= 100 && cases.filter { !$0.ai }.count >= 90)
        for item in cases where item.ai {
            #expect(item.layer != nil && !(item.segments ?? []).isEmpty, "\(item.name)")
        }
    }

    @Test("The AI taxonomy meets the accuracy goals; the naive baseline's precision is visibly lower")
    func accuracy() throws {
        let classifier = Classifier(try TaxonomyReader().read(named: "ai"))
        let ours = try Self.evaluate { classifier.classify(name: $0.name, scope: $0.scope, industry: nil) }
        let naive = try Self.evaluate { classifier.baseline(name: $0.name, scope: $0.scope, industry: nil) }
        let mistakes = (ours.falsePositives + ours.falseNegatives).map { mistake in
            "\(mistake.name): labelled \(mistake.label.isMember), got \(mistake.classification.isMember) "
                + mistake.classification.evidence.map { "\($0.term)/\($0.rule.rawValue)" }.joined(separator: " ")
        }
        print(
            "Labelled scopes: \(ours.evaluated) cases; AI precision \(ours.membership.precision), recall "
                + "\(ours.membership.recall), F1 \(ours.membership.f1); layer F1 "
                + ours.layers.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value.f1)" }.joined(separator: ", ")
                + "; baseline precision \(naive.membership.precision), F1 \(naive.membership.f1)")
        #expect(ours.membership.f1 >= 0.97, "\(mistakes.joined(separator: "\n"))")
        #expect(ours.membership.precision >= 0.97, "\(mistakes.joined(separator: "\n"))")
        for (layer, scores) in ours.layers {
            #expect(scores.f1 >= 0.93, "layer \(layer): \(scores)")
        }
        #expect(naive.membership.precision < ours.membership.precision - 0.2)
    }

    @Test("Main layers and segments agree with the labels")
    func layersAndSegments() throws {
        let classifier = Classifier(try TaxonomyReader().read(named: "ai"))
        var wrong: [String] = []
        for item in try Self.cases() where item.ai {
            let result = classifier.classify(name: item.name, scope: item.scope, industry: nil)
            if result.isMember
                && (result.mainLayer != item.layer || Set(result.memberSegments) != Set(item.segments ?? []))
            {
                wrong.append(
                    "\(item.name): \(result.mainLayer ?? "-") \(result.memberSegments), labelled \(item.layer ?? "-") \(item.segments ?? [])"
                )
            }
        }
        #expect(wrong.count <= 5, "\(wrong.joined(separator: "\n"))")
    }

    @Test("Every piece of evidence points at its term in the field as written, at its offset, inside its clause")
    func evidenceOffsets() throws {
        let classifier = Classifier(try TaxonomyReader().read(named: "ai"))
        let generator = SampleGenerator(seed: 9, regions: try RegistryImportTests.regions.get())
        let samples = (0..<500).map { generator.row($0).cells }.map { (name: $0[0], scope: $0[15]) }
        let cases = try Self.cases().map { (name: $0.name, scope: $0.scope) } + samples
        var checked = 0
        for item in cases {
            let result = classifier.classify(name: item.name, scope: item.scope, industry: nil)
            for evidence in result.evidence where !evidence.term.isEmpty && evidence.field != .industry {
                let field = Array((evidence.field == .name ? item.name : item.scope).unicodeScalars)
                let length = evidence.term.unicodeScalars.count
                let found = String(String.UnicodeScalarView(field[evidence.offset..<(evidence.offset + length)]))
                #expect(ScopeFolding.fold(found) == ScopeFolding.fold(evidence.term), "\(item.scope)")
                #expect(evidence.clause.contains(found) || evidence.field == .name, "\(evidence)")
                checked += 1
            }
        }
        #expect(checked > 500)
    }

    @Test("A counting read from bytes decides exactly as a full read: membership, layer, segments, confidence")
    func countingAgrees() throws {
        let classifier = Classifier(try TaxonomyReader().read(named: "ai"))
        let generator = SampleGenerator(seed: 11, regions: try RegistryImportTests.regions.get())
        let samples = (0..<3_000).map { generator.row($0).cells }.map { (name: $0[0], scope: $0[15], industry: $0[11]) }
        // Terms written in full-width or capital letters: counting searches them before folding a copy.
        let folding = [
            (name: "杭州某某科技有限公司", scope: "ＭＡＣＨＩＮＥ ＬＥＡＲＮＩＮＧ软件开发；技术服务", industry: ""),
            (name: "Hangzhou Deep Learning Co., Ltd.", scope: "", industry: ""),
            (name: "杭州某某公司", scope: "DEEP LEARNING platform development", industry: ""),
        ]
        let cases = try Self.cases().map { (name: $0.name, scope: $0.scope, industry: "") } + folding + samples
        var members = 0
        for item in cases {
            let full = classifier.classify(name: item.name, scope: item.scope, industry: item.industry)
            var (name, scope, industry) = (item.name, item.scope, item.industry)
            let counting = name.withUTF8 { name in
                scope.withUTF8 { scope in
                    industry.withUTF8 { classifier.classifyForCounting(name: name, scope: scope, industry: $0) }
                }
            }
            #expect(counting.isMember == full.isMember && counting.mainLayer == full.mainLayer, "\(item.scope)")
            #expect(counting.segments == full.segments && counting.confidence == full.confidence, "\(item.scope)")
            #expect(counting.evidence.isEmpty)
            if full.isMember { members += 1 }
        }
        #expect(members > 1_000)
        #expect(folding.allSatisfy { classifier.classify(name: $0.name, scope: $0.scope, industry: nil).isMember })
    }
}
