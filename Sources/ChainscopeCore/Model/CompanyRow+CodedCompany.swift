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

    /// The row's name as written and its other spellings (`TextFolding.otherSpellings`), which a stored company's
    /// name must be one of.
    public var nameSpellings: [String] {
        guard let name = values[Self.nameColumn] else { return [] }
        return [name] + TextFolding.otherSpellings(of: name)
    }

    /// Texts of three or more characters that the row's name contains however it is spelt, for a store to find
    /// the companies that may be the row's (`isSameCompany`) through a trigram index: three Chinese characters,
    /// after the place names most names begin with (杭州, 杭州市余杭区) and before 有限公司, so that the one trigram is
    /// rare (a whole name's phrase also reads the long lists of 杭州 and 有限公司: 2 ms a name among 300,000
    /// companies, against 0.1 ms); else `nameSpellings`.
    public var nameProbes: [String] {
        guard let name = values[Self.nameColumn] else { return [] }
        var characters = Array(name.unicodeScalars)
        for suffix in ["有限责任公司", "有限公司"] where name.hasSuffix(suffix) {
            characters.removeLast(suffix.unicodeScalars.count)
            break
        }
        func isIdeograph(_ scalar: Unicode.Scalar) -> Bool {
            (0x4E00...0x9FFF).contains(scalar.value) || (0x3400...0x4DBF).contains(scalar.value)
        }
        // Places first: up to three of two characters and 省, 市, 区 or 县 (杭州市余杭区), else a bare city (杭州).
        var place = 0
        while place < 9, characters.count >= place + 6, "省市区县".unicodeScalars.contains(characters[place + 2]) {
            place += 3
        }
        if place == 0, characters.count >= 5 { place = 2 }
        for start in [place, 0] where characters.count >= start + 3 {
            for offset in start...(characters.count - 3) where characters[offset..<offset + 3].allSatisfy(isIdeograph) {
                return [String(String.UnicodeScalarView(characters[offset..<offset + 3]))]
            }
        }
        return nameSpellings.filter { $0.unicodeScalars.count >= 3 }
    }

    /// Whether a stored company with a credit code, whose name, region and registration number are these, is
    /// this row's company, which has no code: the same name but for full-width forms (`nameSpellings`), in the
    /// row's region or within it when the row names only the city or province (a typed list often does), and no
    /// other registration number. A name is unique within the authority that registers it.
    public func isSameCompany(name: String?, region: String?, registrationNumber: String?) -> Bool {
        guard let name, nameSpellings.contains(name), let rowRegion = values[Self.regionColumn], let region
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
