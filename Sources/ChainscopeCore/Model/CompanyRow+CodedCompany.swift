extension CompanyRow {
    /// SQL for "a registry import stored a company whose key begins with one of `prefixes`" (`uscc`, `regno`,
    /// `name`), over a company table with `key` and `provenance_kind`, the kind bound as parameter `kind`: a
    /// range of the key's index per prefix.
    public static func registryKeyCondition(prefixes: [String], kind: String) -> String {
        let ranges = prefixes.map { "key >= '\($0):' AND key < '\($0);'" }.joined(separator: " OR ")
        return "SELECT EXISTS (SELECT 1 FROM company WHERE (\(ranges)) AND provenance_kind = \(kind))"
    }

    /// Whether the row has no credit code, so that it is keyed on its registration number or its name.
    public var isKeyedWithoutCode: Bool { !key.hasPrefix("uscc:") }

    /// The row's name as written and its other spellings (`TextFolding.otherSpellings`), under which a store
    /// looks for a company an earlier export gave with its credit code (`isSameCompany`).
    public var nameSpellings: [String] {
        guard let name = values[Self.nameColumn] else { return [] }
        return [name] + TextFolding.otherSpellings(of: name)
    }

    /// Whether a stored company with a credit code, whose name, region and registration number are these, is this
    /// row's company, which has no code: the same name but for full-width forms and spaces, in the row's region or
    /// within it when the row names only the city or province (a typed list often does), and no other
    /// registration number. A name is unique within the authority that registers it.
    public func isSameCompany(name: String?, region: String?, registrationNumber: String?) -> Bool {
        guard let rowName = values[Self.nameColumn], let name, TextFolding.isRespelling(name, of: rowName),
            let rowRegion = values[Self.regionColumn], let region
        else { return false }
        if let number = values[Self.registrationNumberColumn], let registrationNumber,
            TextFolding.halfWidth(number) != TextFolding.halfWidth(registrationNumber)
        {
            return false
        }
        let shared = rowRegion.hasSuffix("0000") ? 2 : rowRegion.hasSuffix("00") ? 4 : 6
        return region.prefix(shared) == rowRegion.prefix(shared)
    }

    /// This row as a row of the company stored with credit code `code` in `region` (`isSameCompany`): keyed on the
    /// code, which it records; in the stored district when the row names only its city or province, which is no
    /// move; and an individual business when the code says so (credit codes beginning `92`).
    public func identified(byCreditCode code: String, storedRegion region: String?) -> CompanyRow {
        var row = self
        row.values[0] = CompanyKey.creditCode(code).description
        row.values[Self.creditCodeColumn] = code
        row.absentColumns.removeAll { $0 == Self.creditCodeColumn }
        if let rowRegion = values[Self.regionColumn], rowRegion.hasSuffix("00"), rowRegion != region {
            row.values[Self.regionColumn] = region
        }
        if code.hasPrefix("92") { row.values[Self.kindColumn] = EntityKind.individualBusiness.rawValue }
        return row
    }

    static let creditCodeColumn = index("credit_code")
    static let kindColumn = index("kind")
}
