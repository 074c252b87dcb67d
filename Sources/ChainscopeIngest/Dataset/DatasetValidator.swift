import ChainscopeCore
import Foundation

/// The checks that span files: facts that other items name exist, and derived values match their formulas.
struct DatasetValidator {
    let dataset: Dataset
    let context: DatasetContext

    func validate() throws(IngestError) {
        for programme in dataset.programmes {
            if let fact = programme.fact { try requireFact(fact, namedBy: context.origin("programme", programme.id)) }
        }
        if let domains = dataset.applicationDomains {
            try requireFact(domains.fact, namedBy: nil, file: "application-domains.yaml")
        }
        for fact in dataset.facts {
            if let derivation = fact.derived { try check(derivation, of: fact) }
        }
    }

    private func requireFact(_ id: String, namedBy item: YAMLValue?, file: String? = nil) throws(IngestError) {
        guard dataset.fact(id) == nil else { return }
        let location =
            item?.location ?? IngestError.Location(file: "\(context.displayRoot)/\(file ?? "")", field: "fact")
        throw IngestError(.unknownReference, at: location, expected: "the id of a fact in facts.yaml", found: "'\(id)'")
    }

    /// Recomputes a derived fact from its inputs; the stated value must equal the rounded result.
    private func check(_ derivation: Derivation, of fact: Fact) throws(IngestError) {
        let item = context.origin("fact", fact.id)
        let location = item?.location ?? IngestError.Location(file: "\(context.displayRoot)/facts.yaml")
        let computed: Decimal
        do {
            computed = try derivation.value { id in
                guard let input = dataset.fact(id), input.id != fact.id, case .number(let value) = input.value
                else { return nil }
                return value
            }
        } catch {
            throw IngestError(
                .invalidValue, at: location, expected: "a formula over other numeric facts", found: error.message)
        }
        guard case .number(let stated) = fact.value, stated == computed else {
            throw IngestError(
                .derivationMismatch, at: location,
                expected: "value \(computed.plainText) (\(derivation.formula), rounded)",
                found: "\(fact.value)")
        }
    }
}
