import Foundation

extension CompanyRow {
    /// The company stored as `values` (the text of each column of `columns`, nil for NULL) with its
    /// provenance line: the inverse of `init(_:raw:classification:)`, for backends that read rows back
    /// as text. Throws a `StoreError` naming the column when a stored value does not parse.
    public static func company(values: [String?], line: Int?, location: String) throws(StoreError) -> Company {
        guard values.count == columns.count else {
            throw StoreError(
                .corruptRow, location: location, detail: "\(values.count) columns where \(columns.count) were expected")
        }
        func text(_ column: String) -> String? { values[columns.firstIndex(of: column)!] }
        func parsed<Value>(_ column: String, _ parse: (String) -> Value?) throws(StoreError) -> Value? {
            guard let raw = text(column) else { return nil }
            guard let value = parse(raw) else {
                throw StoreError(.corruptRow, location: location, detail: "column \(column) holds '\(raw)'")
            }
            return value
        }
        func required<Value>(_ column: String, _ parse: (String) -> Value?) throws(StoreError) -> Value {
            guard let value = try parsed(column, parse) else {
                throw StoreError(.corruptRow, location: location, detail: "column \(column) is NULL")
            }
            return value
        }
        let amount = try parsed("capital_amount", Money.decimal)
        let currency = try parsed("capital_currency") { Currency(rawValue: $0) }
        let notes = try parsed("notes") { json in
            json == "[]" ? [] : try? JSONDecoder().decode([CitedText].self, from: Data(json.utf8))
        }
        return Company(
            key: try required("key") { CompanyKey($0) },
            names: LocalizedText(zh: text("name_zh"), ko: text("name_ko"), en: text("name_en")),
            creditCode: text("credit_code"), registrationNumber: text("registration_number"),
            kind: try required("kind") { EntityKind(rawValue: $0) },
            status: try parsed("status") { RegistrationStatus(rawValue: $0) },
            founded: try parsed("founded") { CalendarDate(iso: $0) },
            registeredCapital: try amount.map { amount throws(StoreError) in
                guard let currency else {
                    throw StoreError(.corruptRow, location: location, detail: "capital_amount without a currency")
                }
                return Money(amount, currency)
            },
            registeredCapitalText: text("capital_text"), region: try parsed("region") { RegionCode(rawValue: $0) },
            address: text("address"), businessScope: text("business_scope"), industryCode: text("industry_code"),
            industryName: text("industry_name"), notes: notes ?? [],
            provenance: Provenance(
                kind: try required("provenance_kind") { Provenance.Kind(rawValue: $0) },
                collection: try required("provenance_collection") { $0 },
                file: try required("provenance_file") { $0 }, line: line))
    }

    /// The raw cells of a row stored as `values`, cells kept as column numbers resolved and the keys of
    /// its header found by the header's digest through `headers`.
    public static func raw(values: [String?], headers: (String) -> [String]?) -> [String: String]? {
        values[rawColumn].map {
            RawFields(json: $0).values(headers: headers) { values.indices.contains($0) ? values[$0] : nil }
        }
    }
}
