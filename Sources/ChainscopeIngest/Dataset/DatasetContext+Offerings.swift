import ChainscopeCore
import Foundation

extension DatasetContext {
    mutating func readCompanies() throws(IngestError) -> [Company] {
        var companies: [Company] = []
        for item in try items("companies.yaml") {
            let fields = try item.mapping(allowing: ["names", "kind", "region", "credit-code", "notes"])
            let names = try fields.required("names").localized()
            let region = try fields.required("region").regionCode()
            let creditCode = try fields.optional("credit-code")?.string()
            let key = creditCode.map(CompanyKey.creditCode) ?? .name(names.zh ?? names.text(in: .en), region: region)
            try remember(item, kind: "company", id: key.description)
            let notes = try fields.optional("notes")?.list().map { (note: YAMLValue) throws(IngestError) in
                let entry = try note.mapping(allowing: ["text", "source", "via"])
                return CitedText(text: try entry.required("text").localized(), citation: try citation(entry))
            }
            companies.append(
                Company(
                    key: key, names: names, creditCode: creditCode,
                    kind: try fields.optional("kind")?.oneOf(EntityKind.self) ?? .company, region: region,
                    notes: notes ?? [], provenance: provenance(item)))
        }
        return companies
    }

    /// Parks; `benefits` given once at the top of the file apply to every park listed there.
    mutating func readParks() throws(IngestError) -> [Park] {
        guard let document = try document("parks.yaml", required: false) else { return [] }
        let file = try document.mapping(allowing: ["benefits", "parks"])
        let benefits = try file.optional("benefits")?.list().map { (item: YAMLValue) throws(IngestError) in
            try item.localized()
        }
        var parks: [Park] = []
        for item in try file.required("parks").list() {
            let fields = try item.mapping(allowing: ["id", "names", "region", "source", "via"])
            let id = try fields.required("id").string()
            try remember(item, kind: "park", id: id)
            parks.append(
                Park(
                    id: id, names: try fields.required("names").localized(),
                    region: try fields.optional("region")?.regionCode(), benefits: benefits ?? [],
                    citation: try citation(fields), provenance: provenance(item)))
        }
        return parks
    }

    mutating func readProgrammes() throws(IngestError) -> [Programme] {
        var programmes: [Programme] = []
        for item in try items("programmes.yaml") {
            let fields = try item.mapping(allowing: [
                "id", "names", "region", "beneficiary", "funding", "currency", "qualifier", "fact", "source", "via",
            ])
            let id = try fields.required("id").string()
            try remember(item, kind: "programme", id: id)
            let funding = try fields.optional("funding")?.decimal()
            let currency = try fields.optional("currency")?.string()
            programmes.append(
                Programme(
                    id: id, names: try fields.required("names").localized(),
                    region: try fields.required("region").regionCode(),
                    beneficiary: try fields.required("beneficiary").localized(),
                    funding: funding.map { Money($0, Currency(rawValue: currency ?? "CNY")) },
                    fundingQualifier: try fields.optional("qualifier")?.oneOf(Qualifier.self) ?? .exact,
                    fact: try fields.optional("fact")?.string(), citation: try citation(fields),
                    provenance: provenance(item)))
        }
        return programmes
    }

    mutating func readPolicies() throws(IngestError) -> [Policy] {
        var policies: [Policy] = []
        for item in try items("policies.yaml") {
            let fields = try item.mapping(allowing: ["id", "titles", "issuer", "region", "issued", "source", "via"])
            let id = try fields.required("id").string()
            try remember(item, kind: "policy", id: id)
            policies.append(
                Policy(
                    id: id, titles: try fields.required("titles").localized(),
                    issuer: try fields.required("issuer").localized(),
                    region: try fields.required("region").regionCode(),
                    issued: try fields.optional("issued")?.period(), citation: try citation(fields),
                    provenance: provenance(item)))
        }
        return policies
    }
}
