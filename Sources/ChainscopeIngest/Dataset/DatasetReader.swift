public import ChainscopeCore
import ChainscopeResources
public import Foundation

/// Reads a dataset folder of YAML files (`dataset.yaml`, `sources.yaml`, `facts.yaml`, and optionally
/// `value-chain.yaml`, `application-domains.yaml`, `companies.yaml`, `parks.yaml`, `programmes.yaml`,
/// `policies.yaml`, `statements.yaml`) and checks it whole before anything is stored.
public struct DatasetReader: Sendable {
    public init() {}

    /// Reads the built-in dataset with this id.
    public func readBuiltin(_ id: String) throws(IngestError) -> Dataset {
        try read(BuiltinResources.dataset(id), displayRoot: "Resources/Datasets/\(id)")
    }

    /// Reads the dataset in `folder`; errors name files as `displayRoot/FILE`.
    public func read(_ folder: URL, displayRoot: String? = nil) throws(IngestError) -> Dataset {
        let root = displayRoot ?? folder.path
        var context = try DatasetContext(folder: folder, displayRoot: root)
        let dataset = try context.readAll()
        try DatasetValidator(dataset: dataset, context: context).validate()
        return dataset
    }
}

/// The state of one dataset read: where the files are, and where each item was found.
struct DatasetContext {
    let folder: URL
    let displayRoot: String
    let info: DatasetInfo
    /// The YAML node each item came from, by kind and id, for errors found after reading.
    var origins: [String: YAMLValue] = [:]

    init(folder: URL, displayRoot: String) throws(IngestError) {
        self.folder = folder
        self.displayRoot = displayRoot
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder.path, isDirectory: &isDirectory), isDirectory.boolValue
        else {
            throw IngestError(
                .unreadableFile, at: .init(file: displayRoot), expected: "a dataset folder with a dataset.yaml",
                found: "no such folder")
        }
        let document = try YAMLValue.load(
            folder.appendingPathComponent("dataset.yaml"), displayName: "\(displayRoot)/dataset.yaml")
        self.info = try Self.info(document)
    }

    private static func info(_ document: YAMLValue) throws(IngestError) -> DatasetInfo {
        let fields = try document.mapping(allowing: [
            "id", "version", "title", "region", "industry", "synthetic", "year",
        ])
        return DatasetInfo(
            id: try fields.required("id").string(), version: try fields.required("version").int(),
            title: try fields.required("title").localized(), region: try fields.required("region").regionCode(),
            industry: try fields.required("industry").string(),
            isSynthetic: try fields.optional("synthetic")?.bool() ?? false, year: try fields.required("year").int())
    }

    /// The file's document, or nil when an optional file is absent.
    func document(_ name: String, required: Bool) throws(IngestError) -> YAMLValue? {
        let url = folder.appendingPathComponent(name)
        guard FileManager.default.fileExists(atPath: url.path) else {
            guard required else { return nil }
            throw IngestError(
                .unreadableFile, at: .init(file: "\(displayRoot)/\(name)"), expected: "the file \(name)",
                found: "no such file")
        }
        return try YAMLValue.load(url, displayName: "\(displayRoot)/\(name)")
    }

    /// The items of a file that holds a list, or none when an optional file is absent.
    func items(_ name: String, required: Bool = false) throws(IngestError) -> [YAMLValue] {
        try document(name, required: required)?.list() ?? []
    }

    func provenance(_ value: YAMLValue) -> Provenance {
        let file = String(value.file.dropFirst(displayRoot.count + 1))
        return Provenance(kind: .dataset, collection: info.id, file: file, line: value.line)
    }

    mutating func remember(_ value: YAMLValue, kind: String, id: String) throws(IngestError) {
        let key = "\(kind)/\(id)"
        if let earlier = origins[key] {
            throw value.error(
                .duplicateID, expected: "a \(kind) id used once", found: "'\(id)', also at line \(earlier.line ?? 0)")
        }
        origins[key] = value
    }

    /// The location of the item of `kind` with `id`, for errors found after reading.
    func origin(_ kind: String, _ id: String) -> YAMLValue? { origins["\(kind)/\(id)"] }

    /// The `source` and `via` fields, each naming a source listed in `sources.yaml`.
    func citation(_ fields: YAMLMapping) throws(IngestError) -> Citation {
        let source = try fields.required("source")
        let via = try fields.optional("via")?.list() ?? []
        for reference in [source] + via where origin("source", try reference.string()) == nil {
            throw reference.error(
                .unknownReference, expected: "the id of a source in sources.yaml", found: "'\(try reference.string())'")
        }
        return Citation(
            source: try source.string(), via: try via.map { (item: YAMLValue) throws(IngestError) in try item.string() }
        )
    }
}
