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
        container["raw"] = raw.map(JSONText.object)
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
            raw.map(JSONText.object), notes.isEmpty ? "[]" : try JSONText.encode(notes), provenanceKind,
            provenanceCollection, provenanceFile, provenanceLine,
        ]
        return StatementArguments(values)
    }
}

/// Small JSON writers for the hot path.
enum JSONText {
    /// A JSON object, keys in UTF-8 byte order (comparing bytes avoids Unicode-aware string comparison).
    static func object(_ values: [String: String]) -> String {
        var text = "{"
        let keys = values.keys.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
        for (index, key) in keys.enumerated() {
            if index > 0 { text += "," }
            text += string(key) + ":" + string(values[key]!)
        }
        return text + "}"
    }

    static func string(_ value: String) -> String {
        var bytes: [UInt8] = [0x22]
        bytes.reserveCapacity(value.utf8.count + 8)
        for byte in value.utf8 {
            switch byte {
            case 0x22: bytes += [0x5C, 0x22]
            case 0x5C: bytes += [0x5C, 0x5C]
            case 0x0A: bytes += [0x5C, 0x6E]
            case 0x0D: bytes += [0x5C, 0x72]
            case 0x09: bytes += [0x5C, 0x74]
            case 0..<0x20:
                let hex = Array("0123456789abcdef".utf8)
                bytes += [0x5C, 0x75, 0x30, 0x30, hex[Int(byte >> 4)], hex[Int(byte & 0xF)]]
            default: bytes.append(byte)
            }
        }
        bytes.append(0x22)
        return String(decoding: bytes, as: UTF8.self)
    }

    static func encode(_ value: some Encodable) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }
}
