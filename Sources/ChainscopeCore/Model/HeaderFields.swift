/// The field a header of a registry export stands for (企业名称 and 公司名称 both the name), from the
/// importer's synonym table and mapping file: a newer export whose headers are spelled another way is
/// compared with the stored row field by field, not header by header.
public struct HeaderFields: Sendable {
    /// The field a header stands for (a `RegistryField`'s raw value), nil for a header no field is read from.
    let field: @Sendable (String) -> String?

    public init(_ field: @escaping @Sendable (String) -> String?) { self.field = field }

    /// The cells by what they stand for, each with its header: a header's field where it names one that no
    /// other header of the row names too, else the header itself.
    func byField(_ cells: [String: String]) -> [String: (header: String, text: String)] {
        let fields = cells.keys.map { ($0, field($0)) }
        let counts = Dictionary(fields.compactMap { $0.1 }.map { ($0, 1) }, uniquingKeysWith: +)
        var result: [String: (header: String, text: String)] = [:]
        for (header, field) in fields {
            let key = field.flatMap { counts[$0] == 1 ? "field " + $0 : nil } ?? "header " + header
            result[key] = (header, cells[header]!)
        }
        return result
    }
}
