/// Which fields a file's layouts gave, and which of its columns no field was read from: a file whose
/// founding days or capital sit under a header Chainscope does not know (`estiblishTime` in a data service's
/// JSON) imports without them, and the import says so instead of leaving every company's value unknown.
struct LayoutCoverage: Sendable {
    /// The fields indicators and classification read, each with the header a user would look for.
    static let expected: [([RegistryField], String)] = [
        ([.founded], "founding day (成立日期)"), ([.status], "registration status (登记状态)"),
        ([.capital], "registered capital (注册资本)"), ([.scope], "business scope (经营范围)"),
        ([.district, .region, .address], "district or address (所属区县/企业地址)"),
    ]

    private var found: Set<RegistryField> = []
    /// Headers read as no field, in the order first seen.
    private var unread: [String] = []

    mutating func note(_ layout: HeaderLayout, fieldOf: (String) -> RegistryField?) {
        found.formUnion(layout.fields.compactMap { $0 })
        // A repeated header is its field's second column, not an unknown one.
        for header in layout.headers where !header.isEmpty && fieldOf(header) == nil && !unread.contains(header) {
            unread.append(header)
        }
    }

    /// A warning naming the expected fields no layout gave, and the columns that might hold them; nil when
    /// every one was found.
    var warning: String? {
        let missing = Self.expected.filter { fields, _ in !fields.contains(where: found.contains) }.map(\.1)
        guard !missing.isEmpty else { return nil }
        let shown =
            unread.prefix(12).joined(separator: ", ") + (unread.count > 12 ? " and \(unread.count - 12) more" : "")
        let isScopeMissing = !found.contains(.scope)
        return "no column gives the \(missing.joined(separator: ", ")): "
            + "\(missing.count == 1 ? "it stays" : "they stay") unknown for the file's new companies "
            + "(companies stored before keep theirs)"
            + (isScopeMissing
                ? "; without a business scope, new companies are classified from their names and industry alone, "
                    + "and a stored company the file changes keeps its classification, marked stale until "
                    + "`chainscope classify` runs"
                : "")
            + (unread.isEmpty
                ? ""
                : "; columns read as no field: \(shown); if one of them holds it, name it in a mapping file (--profile)")
    }
}
