public import ChainscopeCore

/// Which column holds which field, found from a header row; columns Chainscope does not know are
/// kept as extras under their own header.
public struct HeaderLayout: Sendable, Hashable {
    /// The header row as found.
    public let headers: [String]
    /// The field of each column, nil for an extra column.
    public let fields: [RegistryField?]
    /// The row number of the header (0 for sources whose rows name their own fields).
    public let headerRow: Int
    /// Things a user should know, such as a repeated header.
    public let warnings: [ImportWarning]
    /// What a bare number in the capital column counts, as its header says (`注册资本(元)`); 万元人民币 by default.
    public let capitalUnit: RegisteredCapital.Unit

    /// The column of `field`, if the layout has it.
    public func column(of field: RegistryField) -> Int? { fields.firstIndex(of: field) }

    /// Maps a header row; a user mapping (header → field) is consulted before the synonyms.
    public init(headers: [String], headerRow: Int, mapping: [String: RegistryField] = [:]) {
        self.headers = headers
        self.headerRow = headerRow
        var seen: [RegistryField: Int] = [:]
        var fields: [RegistryField?] = []
        var warnings: [ImportWarning] = []
        let fieldOf = Self.field(mapping: mapping)
        let isQichachaService = headers.contains { RegistryField.fold($0) == "keyno" }
        for (index, header) in headers.enumerated() {
            // Qichacha's data service (its records carry `KeyNo`) names the registration number `No`, which elsewhere
            // heads a column of serial numbers.
            let serviceField: RegistryField? =
                isQichachaService && RegistryField.fold(header) == "no" ? .registrationNumber : nil
            guard let field = fieldOf(header) ?? serviceField else {
                fields.append(nil)
                continue
            }
            if let first = seen[field] {
                warnings.append(
                    ImportWarning(
                        .repeatedHeader(
                            column: index + 1, header: header, field: field.rawValue, firstColumn: first + 1,
                            firstHeader: headers[first])))
                fields.append(nil)
            } else {
                seen[field] = index
                fields.append(field)
            }
        }
        self.fields = fields
        (self.capitalUnit, self.warnings) = Self.capitalUnit(headers: headers, fields: fields, warnings: warnings)
    }

    /// The unit a capital header's qualifier names, or the default with a warning when it names none.
    private static func capitalUnit(
        headers: [String], fields: [RegistryField?], warnings: [ImportWarning]
    ) -> (RegisteredCapital.Unit, [ImportWarning]) {
        guard let column = fields.firstIndex(of: .capital),
            let (_, qualifier) = RegistryField.qualified(headers[column])
        else { return (.tenThousandYuan, warnings) }
        if let unit = RegisteredCapital.Unit(qualifier: qualifier) { return (unit, warnings) }
        let warning = ImportWarning(
            .unknownCapitalUnit(column: column + 1, header: headers[column], qualifier: String(qualifier)))
        return (.tenThousandYuan, warnings + [warning])
    }

    /// The field a header names: through the user's mapping (header → field) first, then the synonyms.
    static func field(mapping: [String: RegistryField]) -> @Sendable (String) -> RegistryField? {
        let folded = Dictionary(mapping.map { (RegistryField.fold($0.key), $0.value) }, uniquingKeysWith: { $1 })
        let known: @Sendable (String) -> RegistryField? = { header in
            let key = RegistryField.fold(header)
            return folded[key] ?? RegistryField.byFoldedSynonym[key]
        }
        // A header with a unit or note in brackets (`注册资本(万元)`, `参保人数(人)`) is its name's field.
        return { header in known(header) ?? RegistryField.qualified(header).flatMap { known($0.name) } }
    }

    /// How many known fields the row names.
    var knownCount: Int { fields.compactMap { $0 }.count }

    /// The required field groups this layout lacks.
    var missingGroups: [[RegistryField]] {
        RegistryField.requiredGroups.filter { group in !group.contains { column(of: $0) != nil } }
    }

    /// How many of a table's first rows a header is looked for among.
    static let searchRows = 10

    /// The best header among the first rows of a table: the one naming the most known fields.
    static func detect(
        in rows: [RawRow], file: String, mapping: [String: RegistryField]
    ) throws(IngestError) -> HeaderLayout {
        let candidates = rows.prefix(10).map { HeaderLayout(headers: $0.cells, headerRow: $0.number, mapping: mapping) }
        guard
            let best = candidates.max(by: {
                $0.knownCount < $1.knownCount || ($0.knownCount == $1.knownCount && $0.headerRow > $1.headerRow)
            }),
            best.knownCount >= 2, best.missingGroups.isEmpty
        else {
            let shown = candidates.max { $0.knownCount < $1.knownCount }
            throw layoutError(shown, file: file, line: shown?.headerRow)
        }
        return best
    }

    static func layoutError(_ layout: HeaderLayout?, file: String, line: Int?) -> IngestError {
        let needed = (layout?.missingGroups ?? RegistryField.requiredGroups).map { group in
            group.map { "\($0.rawValue) (\($0.synonyms.prefix(3).joined(separator: "/")))" }
        }
        let found = layout.map { $0.headers.filter { !$0.isEmpty } } ?? []
        return IngestError(.unknownLayout(needed: needed, found: found), at: .init(file: file, line: line))
    }
}
