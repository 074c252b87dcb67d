import ChainscopeCore

/// Where a page of an import's quarantined rows ends, as a query value: the row (`108`), after its sheet's number
/// in the workbook and `!` for a workbook's rows (`2!108`).
enum QuarantineCursor {
    static func token(_ place: QuarantinedRow.Place) -> String {
        (place.sheetNumber == 0 ? "" : "\(place.sheetNumber)!") + "\(place.row)"
    }

    /// The place a cursor names in import `importID`; nil for text that is not a cursor.
    static func place(_ token: String, importID: Int64) -> QuarantinedRow.Place? {
        let parts = token.split(separator: "!", omittingEmptySubsequences: false)
        guard parts.count <= 2, let row = Int(parts[parts.count - 1]), row >= 0 else { return nil }
        guard parts.count == 2 else { return QuarantinedRow.Place(importID: importID, sheetNumber: 0, row: row) }
        guard let sheetNumber = Int(parts[0]), sheetNumber > 0 else { return nil }
        return QuarantinedRow.Place(importID: importID, sheetNumber: sheetNumber, row: row)
    }
}
