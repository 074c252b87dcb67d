import ChainscopeCore
import Testing

@testable import ChainscopeServer

@Suite("Quarantine cursor")
struct QuarantineCursorTests {
    @Test(
        "A page's cursor names the place it ends at: the row, after the sheet's number for a workbook",
        arguments: [(0, 108, "108"), (2, 108, "2!108"), (12, 1, "12!1")])
    func roundTrip(sheetNumber: Int, row: Int, token: String) {
        let place = QuarantinedRow.Place(importID: 7, sheetNumber: sheetNumber, row: row)
        #expect(QuarantineCursor.token(place) == token)
        #expect(QuarantineCursor.place(token, importID: 7) == place)
    }

    @Test(
        "Text that is not a cursor names no place",
        arguments: ["", "x", "a!b", "企业名单!108", "0!5", "1!-2", "-1", "1!2!3"])
    func refused(token: String) {
        #expect(QuarantineCursor.place(token, importID: 7) == nil)
    }
}
