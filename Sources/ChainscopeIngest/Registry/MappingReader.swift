public import Foundation

/// Reads a user's header mapping: a YAML file whose `columns` map header texts to field names.
///
///     columns:
///       企业名: name
///       代码: credit_code
public struct MappingReader: Sendable {
    public init() {}

    public func read(_ url: URL) throws(IngestError) -> [String: RegistryField] {
        let document = try YAMLValue.load(url, displayName: url.lastPathComponent)
        let columns = try document.mapping(allowing: ["columns"]).required("columns")
        var mapping: [String: RegistryField] = [:]
        for (header, value) in try columns.entries() {
            mapping[header] = try value.oneOf(RegistryField.self)
        }
        return mapping
    }
}
