import ChainscopeCore

/// Which fields a file's layouts gave, and which of its columns no field was read from: a file whose
/// founding days or capital sit under a header Chainscope does not know (`estiblishTime` in a data service's
/// JSON) imports without them, and the import says so instead of leaving every company's value unknown.
struct LayoutCoverage: Sendable {
    /// The fields indicators and classification read, each with the fields any of which gives it.
    static let expected: [([RegistryField], ImportWarning.CoveredField)] = [
        ([.founded], .founded), ([.status], .status), ([.capital], .capital), ([.scope], .scope),
        ([.district, .region, .address], .district),
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
    var warning: ImportWarning? {
        let missing = Self.expected.filter { fields, _ in !fields.contains(where: found.contains) }.map(\.1)
        guard !missing.isEmpty else { return nil }
        return ImportWarning(
            .missingFields(
                fields: missing, unreadColumns: Array(unread.prefix(12)), moreUnread: max(0, unread.count - 12)))
    }
}
