import ChainscopeCore
import Foundation
import GRDB

/// Company rows are written once per imported row and read once per company classified, explained or
/// reported, so they are encoded and decoded by hand rather than through `Codable`, whose generic
/// containers dominated the import's profile and more than half of `classify --all`'s.
extension CompanyRecord {
    init(row: Row) throws {
        key = try row.decode(forColumn: "key")
        nameZh = try row.decode(forColumn: "name_zh")
        nameKo = try row.decode(forColumn: "name_ko")
        nameEn = try row.decode(forColumn: "name_en")
        creditCode = try row.decode(forColumn: "credit_code")
        registrationNumber = try row.decode(forColumn: "registration_number")
        kind = try row.decode(forColumn: "kind")
        status = try row.decode(forColumn: "status")
        founded = try row.decode(forColumn: "founded")
        capitalAmount = try row.decode(forColumn: "capital_amount")
        capitalCurrency = try row.decode(forColumn: "capital_currency")
        capitalText = try row.decode(forColumn: "capital_text")
        region = try row.decode(forColumn: "region")
        address = try row.decode(forColumn: "address")
        businessScope = try row.decode(forColumn: "business_scope")
        industryCode = try row.decode(forColumn: "industry_code")
        industryName = try row.decode(forColumn: "industry_name")
        raw = try row.decode(forColumn: "raw")
        notes = try Self.notes(fromJSON: row.decode(forColumn: "notes"))
        provenanceKind = try row.decode(forColumn: "provenance_kind")
        provenanceCollection = try row.decode(forColumn: "provenance_collection")
        provenanceFile = try row.decode(forColumn: "provenance_file")
        provenanceLine = try row.decode(forColumn: "provenance_line")
    }

    /// The notes column as `CompanyRow.notesJSON` writes it; most companies have none.
    private static func notes(fromJSON json: String) throws -> [CitedText] {
        guard json != "[]" else { return [] }
        return try JSONDecoder().decode([CitedText].self, from: Data(json.utf8))
    }

    func encode(to container: inout PersistenceContainer) throws {
        container["key"] = key
        container["name_zh"] = nameZh
        container["name_ko"] = nameKo
        container["name_en"] = nameEn
        container["credit_code"] = creditCode
        container["registration_number"] = registrationNumber
        container["kind"] = kind
        container["status"] = status
        container["founded"] = founded
        container["capital_amount"] = capitalAmount
        container["capital_currency"] = capitalCurrency
        container["capital_text"] = capitalText
        container["region"] = region
        container["address"] = address
        container["business_scope"] = businessScope
        container["industry_code"] = industryCode
        container["industry_name"] = industryName
        container["raw"] = raw
        container["notes"] = CompanyRow.notesJSON(notes)
        container["provenance_kind"] = provenanceKind
        container["provenance_collection"] = provenanceCollection
        container["provenance_file"] = provenanceFile
        container["provenance_line"] = provenanceLine
    }
}

extension CompanyRecord {
    /// The columns an import writes: a `CompanyRow`'s values, then the provenance line.
    static let columns = CompanyRow.columns + ["provenance_line"]

    /// `INSERT OR IGNORE` of every column, for a cached statement.
    static let insertOrIgnoreSQL =
        "INSERT OR IGNORE INTO company (\(columns.joined(separator: ", "))) VALUES (\(columns.map { _ in "?" }.joined(separator: ", ")))"

    /// The columns of a `CompanyRow`, in its order, of the company with a key.
    static let selectRowSQL = "SELECT \(CompanyRow.columns.joined(separator: ", ")) FROM company WHERE key = ?"

    /// `UPDATE` of every column but the key, then the key.
    static let updateSQL =
        "UPDATE company SET \(columns.dropFirst().map { "\($0) = ?" }.joined(separator: ", ")) WHERE key = ?"
}

extension DirectBinding {
    /// Binds a row's values in `CompanyRecord.columns` order, leaving out the first `skipping`.
    mutating func bind(_ row: CompanyRow, skipping: Int = 0) {
        for value in row.values.dropFirst(skipping) { bind(value) }
        bind(row.line)
    }
}
