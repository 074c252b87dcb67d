import ChainscopeCore
import Foundation
import GRDB

/// Company rows are written once per imported row, so they are encoded by hand rather than through
/// `Codable`, whose generic encoding dominated the import's profile.
extension CompanyRecord {
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
        container["notes"] = notes.isEmpty ? "[]" : try JSONText.encode(notes)
        container["provenance_kind"] = provenanceKind
        container["provenance_collection"] = provenanceCollection
        container["provenance_file"] = provenanceFile
        container["provenance_line"] = provenanceLine
    }
}

extension CompanyRecord {
    static let columns = [
        "key", "name_zh", "name_ko", "name_en", "credit_code", "registration_number", "kind", "status", "founded",
        "capital_amount", "capital_currency", "capital_text", "region", "address", "business_scope", "industry_code",
        "industry_name", "raw", "notes", "provenance_kind", "provenance_collection", "provenance_file",
        "provenance_line",
    ]

    /// `INSERT OR IGNORE` of every column, for a cached statement.
    static let insertOrIgnoreSQL =
        "INSERT OR IGNORE INTO company (\(columns.joined(separator: ", "))) VALUES (\(columns.map { _ in "?" }.joined(separator: ", ")))"

    /// The values in `columns` order.
    func arguments() throws -> StatementArguments {
        let values: [(any DatabaseValueConvertible)?] = [
            key, nameZh, nameKo, nameEn, creditCode, registrationNumber, kind, status, founded, capitalAmount,
            capitalCurrency, capitalText, region, address, businessScope, industryCode, industryName,
            raw, notes.isEmpty ? "[]" : try JSONText.encode(notes), provenanceKind,
            provenanceCollection, provenanceFile, provenanceLine,
        ]
        return StatementArguments(values)
    }
}

/// JSON text for columns.
enum JSONText {
    static func encode(_ value: some Encodable) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }
}
