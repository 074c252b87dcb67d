import ChainscopeCore
import Foundation

/// Where a page of an import's quarantined rows ends, as a query value: the row (`108`), after its sheet for a
/// workbook (`企业名单!108`), percent-encoded.
enum QuarantineCursor {
    static func token(_ place: QuarantinedRow.Place) -> String {
        let text = (place.sheet.map { $0 + "!" } ?? "") + "\(place.row)"
        return text.addingPercentEncoding(withAllowedCharacters: unreserved) ?? text
    }

    /// ASCII letters and digits: everything else, a sheet's Chinese name too, is percent-encoded.
    private static let unreserved = CharacterSet(
        charactersIn: "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789")

    /// The place a cursor names in import `importID`; nil for text that is not a cursor.
    static func place(_ token: String, importID: Int64) -> QuarantinedRow.Place? {
        // A sheet's name may itself hold '!': the row is after the last one.
        let separator = token.lastIndex(of: "!")
        let rowText = separator.map { token[token.index(after: $0)...] } ?? token[...]
        guard let row = Int(rowText), row >= 0 else { return nil }
        return QuarantinedRow.Place(importID: importID, sheet: separator.map { String(token[..<$0]) }, row: row)
    }
}
