import ChainscopeCore

extension CompanyKey {
    /// The registering province, the partition key of the company tables: characters 3–4 of a credit
    /// code (the registering authority's division, which never changes when a company moves), the first
    /// two digits of a registration number, or of the region of a name-keyed company. Anything that is
    /// not two ASCII digits or capitals becomes `00`, which the default partition holds.
    var province: String { Self.province(ofKey: description) }

    /// The province of a key in its text form (`uscc:…`, `regno:…`, `name:REGION:…`).
    static func province(ofKey key: String) -> String {
        let utf8 = Array(key.utf8)
        let start: Int
        if key.hasPrefix("uscc:") {
            start = 7
        } else if key.hasPrefix("regno:") {
            start = 6
        } else if key.hasPrefix("name:") {
            start = 5
        } else {
            return "00"
        }
        guard utf8.count >= start + 2 else { return "00" }
        let pair = utf8[start..<start + 2]
        guard pair.allSatisfy({ (48...57).contains($0) || (65...90).contains($0) }) else { return "00" }
        return String(decoding: pair, as: UTF8.self)
    }
}
