public import ChainscopeCore
import ChainscopeResources
public import Foundation

/// Reads a taxonomy YAML file (see `Resources/Taxonomies/README.md`) and checks it, listing every
/// problem at once: a structural error in one segment does not hide the problems of the others.
public struct TaxonomyReader {
    public init() {}

    public func read(_ url: URL, displayName: String? = nil) throws(IngestError) -> Taxonomy {
        let name = displayName ?? url.lastPathComponent
        let root = try YAMLValue.load(url, displayName: name)
        var problems = Problems()
        let taxonomy: Taxonomy
        do {
            taxonomy = try Self.taxonomy(root, file: name, problems: &problems)
        } catch {
            problems.add(error)
            throw IngestError.combining(problems.errors)!
        }
        TaxonomyValidator(taxonomy: taxonomy, root: root).check(into: &problems)
        if let error = IngestError.combining(problems.errors) { throw error }
        var result = taxonomy
        result.digest = (try? String(SHA256.file(url).prefix(16))) ?? ""
        return result
    }

    /// The built-in taxonomy with this id (`ai`, `ic`), or a taxonomy file when `name` is a path.
    public func read(named name: String) throws(IngestError) -> Taxonomy {
        if name.hasSuffix(".yaml") || name.hasSuffix(".yml") || name.contains("/") {
            return try read(URL(fileURLWithPath: name), displayName: name)
        }
        let url = BuiltinResources.taxonomy(name)
        guard FileManager.default.fileExists(atPath: url.path) else {
            let files = (try? FileManager.default.contentsOfDirectory(atPath: BuiltinResources.taxonomies.path)) ?? []
            let known = files.filter { $0.hasSuffix(".yaml") }.map { String($0.dropLast(5)) }.sorted()
            throw IngestError(
                .unreadableFile, at: .init(file: name),
                expected: "a built-in taxonomy (\(known.joined(separator: ", "))) or a .yaml file", found: "'\(name)'")
        }
        return try read(url, displayName: "\(name).yaml")
    }

    static let keys: Set<String> = ["id", "version", "labels", "definition", "rules", "exclusions", "layers"]

    private static func taxonomy(_ root: YAMLValue, file: String, problems: inout Problems) throws(IngestError)
        -> Taxonomy
    {
        let mapping = try root.mapping(allowing: keys)
        let id = try mapping.required("id").string()
        let version = try mapping.required("version").int()
        let labels = try mapping.required("labels").localized()
        var rules = Taxonomy.Rules()
        var exclusions: [String] = []
        do {
            if let value = mapping.optional("rules") { rules = try Self.rules(value) }
        } catch { problems.add(error) }
        do {
            exclusions = try mapping.optional("exclusions")?.strings() ?? []
        } catch { problems.add(error) }
        var layers: [Taxonomy.Layer] = []
        for item in try mapping.required("layers").list() {
            do {
                layers.append(try Self.layer(item, problems: &problems))
            } catch { problems.add(error) }
        }
        return Taxonomy(
            id: id, version: version, labels: labels, definition: try mapping.optional("definition")?.string(),
            layers: layers, exclusions: exclusions, rules: rules, file: file)
    }

    private static func layer(_ item: YAMLValue, problems: inout Problems) throws(IngestError) -> Taxonomy.Layer {
        let mapping = try item.mapping(allowing: ["id", "labels", "segments"])
        var segments: [Taxonomy.Segment] = []
        for segmentItem in try mapping.required("segments").list() {
            do {
                segments.append(try Self.segment(segmentItem))
            } catch { problems.add(error) }
        }
        return Taxonomy.Layer(
            id: try mapping.required("id").string(), labels: try mapping.required("labels").localized(),
            segments: segments)
    }

    static let segmentKeys: Set<String> = [
        "id", "labels", "terms", "generic_terms", "generic_weight", "exclusions", "counts_when_sold", "industries",
        "patent_classes", "weight", "priority",
    ]

    private static func segment(_ item: YAMLValue) throws(IngestError) -> Taxonomy.Segment {
        let mapping = try item.mapping(allowing: segmentKeys)
        var segment = try segmentBody(mapping)
        if let priority = mapping.optional("priority") { segment.priority = try priority.int() }
        return segment
    }

    private static func segmentBody(_ mapping: YAMLMapping) throws(IngestError) -> Taxonomy.Segment {
        let genericWeight = try mapping.optional("generic_weight")?.double() ?? 1
        let terms =
            try mapping.required("terms").strings().map { Taxonomy.Term($0) }
            + (try mapping.optional("generic_terms")?.strings() ?? []).map {
                Taxonomy.Term($0, weight: genericWeight, isGeneric: true)
            }
        let industries = try mapping.optional("industries")?.mapping(allowing: ["supports", "contradicts"])
        return Taxonomy.Segment(
            id: try mapping.required("id").string(), labels: try mapping.required("labels").localized(), terms: terms,
            exclusions: try mapping.optional("exclusions")?.strings() ?? [],
            countsWhenSold: try mapping.optional("counts_when_sold")?.bool() ?? false,
            supportingIndustries: try industries?.optional("supports")?.strings() ?? [],
            contradictingIndustries: try industries?.optional("contradicts")?.strings() ?? [],
            patentClasses: try mapping.optional("patent_classes")?.strings() ?? [],
            weight: try mapping.optional("weight")?.double() ?? 1)
    }

    static let ruleKeys: Set<String> = [
        "boilerplate", "clause_exclusions", "activity_words", "sale_words", "technology_name_words", "threshold",
        "manufacturing_words", "manufacturing_bonus",
        "strict_threshold", "name_weight", "name_only_weight", "leading_clauses", "requires_prominence",
        "industry_weight",
    ]

    private static func rules(_ value: YAMLValue) throws(IngestError) -> Taxonomy.Rules {
        let mapping = try value.mapping(allowing: ruleKeys)
        var rules = Taxonomy.Rules()
        rules.boilerplate = try mapping.optional("boilerplate")?.strings() ?? []
        rules.clauseExclusions = try mapping.optional("clause_exclusions")?.strings() ?? []
        rules.activityWords = try mapping.optional("activity_words")?.strings() ?? []
        rules.saleWords = try mapping.optional("sale_words")?.strings() ?? []
        rules.technologyNameWords = try mapping.optional("technology_name_words")?.strings() ?? []
        rules.manufacturingWords = try mapping.optional("manufacturing_words")?.strings() ?? []
        if let value = mapping.optional("manufacturing_bonus") { rules.manufacturingBonus = try value.double() }
        if let value = mapping.optional("threshold") { rules.threshold = try value.double() }
        if let value = mapping.optional("strict_threshold") { rules.strictThreshold = try value.double() }
        if let value = mapping.optional("name_weight") { rules.nameWeight = try value.double() }
        if let value = mapping.optional("name_only_weight") { rules.nameOnlyWeight = try value.double() }
        if let value = mapping.optional("leading_clauses") { rules.leadingClauses = try value.int() }
        if let value = mapping.optional("requires_prominence") { rules.requiresProminence = try value.bool() }
        if let value = mapping.optional("industry_weight") { rules.industryWeight = try value.double() }
        return rules
    }
}

/// Problems gathered while reading, so all of them can be reported together.
struct Problems {
    var errors: [IngestError] = []

    mutating func add(_ error: IngestError) { errors.append(error) }
}

extension YAMLValue {
    /// A list of non-empty texts.
    func strings() throws(IngestError) -> [String] {
        var values: [String] = []
        for item in try list() { values.append(try item.string()) }
        return values
    }

    /// A number such as 0.5 for weights and thresholds.
    func double() throws(IngestError) -> Double {
        let text = try string()
        guard let value = Double(text), value.isFinite, value >= 0 else {
            throw error(.invalidValue, expected: "a number such as 0.5 or 2", found: "'\(text)'")
        }
        return value
    }
}
