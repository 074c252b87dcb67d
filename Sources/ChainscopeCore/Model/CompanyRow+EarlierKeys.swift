extension CompanyRow {
    /// The keys an earlier import may have stored this company under, before an export gave what keys it
    /// now, in the order to try them: for a row keyed on its credit code, its registration number; then its name
    /// in its region, as written and with brackets and other full-width forms written the other way
    /// (`（中国）`, `(中国)`), which typed lists and registry exports write differently. A store that holds no
    /// company under the row's own key moves the first of these it holds from an earlier import to the row's
    /// key, so that a newer export that adds a company's credit code updates the company instead of adding it
    /// again.
    public var earlierKeys: [String] {
        let key = self.key
        var keys: [String] = []
        if key.hasPrefix("uscc:"), let number = values[Self.registrationNumberColumn] {
            keys.append(CompanyKey.registrationNumber(TextFolding.halfWidth(number)).description)
        }
        if let name = values[Self.nameColumn],
            let region = values[Self.regionColumn].flatMap({ RegionCode(rawValue: $0) })
        {
            for spelling in [name] + TextFolding.otherSpellings(of: name) {
                let earlier = CompanyKey.name(spelling, region: region).description
                if earlier != key, !keys.contains(earlier) { keys.append(earlier) }
            }
        }
        return keys
    }

    static let registrationNumberColumn = index("registration_number")
    static let nameColumn = index("name_zh")
    static let regionColumn = index("region")
}
