import Foundation

/// A registry company as the text of its stored columns, with the row it came from and its classification.
/// Rows are encoded where they are read, so that the one database writer of an import only binds values:
/// encoding them there (a boxed value per column, a decimal's text) took a third of its time.
public struct CompanyRow: Sendable {
    /// The stored columns, in the order of `values`; the provenance line is `line`.
    public static let columns = [
        "key", "name_zh", "name_ko", "name_en", "credit_code", "registration_number", "kind", "status", "founded",
        "capital_amount", "capital_currency", "capital_text", "region", "address", "business_scope", "industry_code",
        "industry_name", "raw", "notes", "provenance_kind", "provenance_collection", "provenance_file",
    ]
    /// Where the counting facts (founded, region, status, capital amount and currency) are in `values`.
    public static let factColumns = ["founded", "region", "status", "capital_amount", "capital_currency"].map(index)
    /// Where the raw row is in `values`.
    static let rawColumn = index("raw")
    /// The columns of `sharedColumns(of:)`.
    static let sharedColumnIndexes = ["name_zh", "credit_code", "capital_text", "address", "business_scope"].map(index)

    static func index(_ column: String) -> Int { columns.firstIndex(of: column)! }

    /// Columns whose text a raw cell often repeats, so `RawFields` keeps the cell as the column's number:
    /// each with its text, when it is long enough for a number to be shorter. Every write of a company
    /// writes its raw row and these columns together, so the number always means the text of the cell.
    public static func sharedColumns(of company: Company) -> [(column: Int, text: String)] {
        let texts = [
            company.names.zh, company.creditCode, company.registeredCapitalText, company.address, company.businessScope,
        ]
        return zip(sharedColumnIndexes, texts).compactMap { column, text in
            text.flatMap { $0.utf8.count > 4 ? (column, $0) : nil }
        }
    }

    /// Text of each column in `columns`; nil for NULL.
    public internal(set) var values: [String?]
    /// The provenance line, an integer column.
    public let line: Int?
    /// The header of the raw row, which the store keeps once for all the rows read under it.
    public let rawHeader: RawHeader?
    public private(set) var classification: ClassificationRow?
    /// What the headers of raw rows stand for, to compare this row's cells with a row stored under another
    /// spelling of its header; nil compares them by header.
    public var headerFields: HeaderFields?
    /// The columns (indexes of `columns`) no column of the export gave, such as `founded` when the export has
    /// no founding day: an export that says nothing of them leaves a stored company's as they are.
    public var absentColumns: [Int] = []

    public init(_ company: Company, raw: RawFields?, classification: Classification?) {
        line = company.provenance.line
        let capital = company.registeredCapital
        values = [
            company.key.description, company.names.zh, company.names.ko, company.names.en, company.creditCode,
            company.registrationNumber, company.kind.rawValue, company.status?.rawValue, company.founded?.description,
            capital.map { Self.text($0.amount) }, capital?.currency.rawValue, company.registeredCapitalText,
            company.region?.rawValue, company.address, company.businessScope, company.industryCode,
            company.industryName, raw?.json, Self.notesJSON(company.notes),
            company.provenance.kind.rawValue, company.provenance.collection, company.provenance.file,
        ]
        rawHeader = raw?.header
        self.classification = classification.map(ClassificationRow.init)
    }

    /// The key's text, as stored.
    public var key: String { values[0]! }

    /// The raw cells, with cells kept as column numbers resolved.
    public var raw: [String: String]? { Self.raw(values: values) { rawHeader?.keys(named: $0) } }

    /// The counting facts of `factColumns`.
    public var facts: [String?] { Self.factColumns.map { values[$0] } }

    /// This row as it updates a stored company whose columns are `old`: the columns the export did not give
    /// keep their stored text. A classification made without a scope or industry the company has stored is
    /// dropped, so that the stored one stays (marked stale when the company changed, for `classify` to take
    /// up from the kept texts).
    public func keepingStored(_ old: [String?]) -> CompanyRow {
        guard keepsAny(of: old) else { return self }
        var row = self
        for column in absentColumns { row.values[column] = old[column] }
        if Self.classifierColumns.contains(where: { absentColumns.contains($0) && old[$0] != nil }) {
            row.classification = nil
        }
        return row
    }

    /// Whether a stored company with columns `old` has text in a column this row's export did not give.
    public func keepsAny(of old: [String?]) -> Bool { absentColumns.contains { old[$0] != nil } }

    /// The columns the classifier reads besides the name.
    static let classifierColumns = ["business_scope", "industry_name"].map(index)

    /// An exact decimal as a column keeps it.
    static func text(_ amount: Decimal) -> String { amount.description }

    /// Notes as JSON with sorted keys, the way every JSON column is written.
    public static func notesJSON(_ notes: [CitedText]) -> String {
        guard !notes.isEmpty else { return "[]" }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return (try? encoder.encode(notes)).map { String(decoding: $0, as: UTF8.self) } ?? "[]"
    }
}

/// A classification with its segments and evidence as JSON text.
public struct ClassificationRow: Sendable {
    public let classification: Classification
    public let segments: String
    public let evidence: String

    public init(_ classification: Classification) {
        self.classification = classification
        segments = ClassificationJSON.segments(classification.segments)
        evidence = ClassificationJSON.evidence(classification.evidence)
    }
}
