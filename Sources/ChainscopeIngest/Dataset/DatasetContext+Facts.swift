import ChainscopeCore
import Foundation

extension DatasetContext {
    mutating func readAll() throws(IngestError) -> Dataset {
        Dataset(
            info: info, sources: try readSources(), facts: try readFacts(), valueChain: try readValueChain(),
            applicationDomains: try readApplicationDomains(), companies: try readCompanies(), parks: try readParks(),
            programmes: try readProgrammes(), policies: try readPolicies(), statements: try readStatements(),
            provenance: Provenance(kind: .dataset, collection: info.id, file: "dataset.yaml", line: 1))
    }

    mutating func readSources() throws(IngestError) -> [Source] {
        var sources: [Source] = []
        for item in try items("sources.yaml", required: true) {
            let fields = try item.mapping(allowing: [
                "id", "publisher", "author", "title", "url", "date", "language", "note",
            ])
            let id = try fields.required("id").string()
            try remember(item, kind: "source", id: id)
            sources.append(
                Source(
                    id: id, publisher: try fields.required("publisher").localized(),
                    author: try fields.optional("author")?.string(), title: try fields.optional("title")?.string(),
                    url: try fields.optional("url")?.string(), date: try fields.optional("date")?.date(),
                    language: try fields.optional("language")?.oneOf(Language.self),
                    note: try fields.optional("note")?.localized(), provenance: provenance(item)))
        }
        return sources
    }

    mutating func readFacts() throws(IngestError) -> [Fact] {
        var facts: [Fact] = []
        for item in try items("facts.yaml", required: true) {
            let fields = try item.mapping(allowing: [
                "id", "reference", "subject", "measure", "topic", "label", "period", "region", "value", "rank", "after",
                "exceeds", "unit", "qualifier", "source", "via", "derived",
            ])
            let id = try fields.required("id").string()
            try remember(item, kind: "fact", id: id)
            facts.append(
                Fact(
                    id: id, reference: try fields.optional("reference")?.string(),
                    subject: try fields.required("subject").string(), measure: try fields.required("measure").string(),
                    topic: try fields.required("topic").oneOf(Topic.self),
                    label: try fields.required("label").localized(), period: try fields.required("period").period(),
                    region: try fields.required("region").regionCode(), value: try factValue(fields, item),
                    unit: try fields.required("unit").oneOf(FactUnit.self),
                    qualifier: try fields.optional("qualifier")?.oneOf(Qualifier.self) ?? .exact,
                    citation: try citation(fields), derived: try derivation(fields.optional("derived")),
                    provenance: provenance(item)))
        }
        return facts
    }

    /// Exactly one of `value`, `rank` (with optional `after`) or `exceeds`.
    private func factValue(_ fields: YAMLMapping, _ item: YAMLValue) throws(IngestError) -> FactValue {
        let given = ["value", "rank", "exceeds"].filter { fields.optional($0) != nil }
        guard given.count == 1 else {
            throw item.error(
                .missingField, expected: "exactly one of value, rank or exceeds",
                found: given.isEmpty ? "none" : given.joined(separator: " and "))
        }
        if let value = fields.optional("value") { return .number(try value.decimal()) }
        if let period = fields.optional("exceeds") { return .exceeds(try period.period()) }
        let after = try fields.optional("after")?.list().map { (code: YAMLValue) throws(IngestError) in
            try code.regionCode()
        }
        return .rank(try fields.required("rank").int(), after: after ?? [])
    }

    private func derivation(_ value: YAMLValue?) throws(IngestError) -> Derivation? {
        guard let value else { return nil }
        let fields = try value.mapping(allowing: ["formula", "round-to"])
        let formula = try fields.required("formula")
        let text = try formula.string()
        do {
            _ = try Formula(text)
        } catch {
            throw formula.error(.invalidValue, expected: "an arithmetic formula over fact ids", found: error.message)
        }
        return Derivation(formula: text, roundingUnit: try fields.optional("round-to")?.decimal())
    }

    mutating func readStatements() throws(IngestError) -> [Statement] {
        try items("statements.yaml").map { (item: YAMLValue) throws(IngestError) in
            let fields = try item.mapping(allowing: ["topic", "text", "source", "via"])
            return Statement(
                topic: try fields.required("topic").oneOf(Topic.self),
                content: CitedText(text: try fields.required("text").localized(), citation: try citation(fields)),
                provenance: provenance(item))
        }
    }

    mutating func readValueChain() throws(IngestError) -> ValueChain? {
        guard let document = try document("value-chain.yaml", required: false) else { return nil }
        let fields = try document.mapping(allowing: ["layers", "source", "via"])
        let layers = try fields.required("layers").list().map { (item: YAMLValue) throws(IngestError) in
            let layer = try item.mapping(allowing: ["id", "names", "segments"])
            let segments = try layer.required("segments").list().map { (segment: YAMLValue) throws(IngestError) in
                let entry = try segment.mapping(allowing: ["names", "taxonomy-segment"])
                return ChainSegment(
                    names: try entry.required("names").localized(),
                    taxonomySegment: try entry.optional("taxonomy-segment")?.string())
            }
            return ChainLayer(
                id: try layer.required("id").string(), names: try layer.required("names").localized(),
                segments: segments)
        }
        return ValueChain(layers: layers, citation: try citation(fields))
    }

    mutating func readApplicationDomains() throws(IngestError) -> ApplicationDomains? {
        guard let document = try document("application-domains.yaml", required: false) else { return nil }
        let fields = try document.mapping(allowing: ["fact", "named", "source", "via"])
        return ApplicationDomains(
            fact: try fields.required("fact").string(),
            named: try fields.required("named").list().map { (item: YAMLValue) throws(IngestError) in
                try item.localized()
            },
            citation: try citation(fields))
    }
}
