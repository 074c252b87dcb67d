import ChainscopeCore
import Foundation
import Testing

@Suite("Quarantine reasons in three languages")
struct QuarantineReasonTests {
    static let reasons: [QuarantineReason] = [
        .date(text: "2019-02-30"), .amount(text: "很多"), .status(text: "很好"),
        .scientificRegistrationNumber(text: "3.301E+14"),
        .creditCode(text: "9133010", problem: .length(7)), .creditCode(text: "9.13301E+17", problem: .scientific),
        .creditCode(text: "91330108MA2AYNJ0IX", problem: .character("I", position: 17)),
        .creditCode(text: "91330108JHCEP6Y557", problem: .organisationCheck(expected: "X", found: "Y")),
        .creditCode(text: "91330108JHCEP6Y550", problem: .check(expected: "7", found: "0")),
        .foundedAfterSnapshot(
            founded: CalendarDate(iso: "2023-01-02")!, snapshot: CalendarDate(iso: "2022-10-31")!),
        .emptyName, .noNameKey(keys: "企业名称, 公司名称, 名称"), .unmatchedQuery, .noIdentifier, .nulCharacter,
        .oneText(text: "数据来源：企查查", columns: 12), .beyondLastColumn(column: "F", lastColumn: "D"),
        .width(cells: 1, columns: 3), .width(cells: 5, columns: 3),
    ]

    @Test("Every reason is stored as its code and values and read back the same", arguments: reasons)
    func storage(reason: QuarantineReason) throws {
        #expect(QuarantineReason(storageText: reason.storageText) == reason, "\(reason.storageText)")
        #expect(reason.storageText.hasPrefix("[\"\(reason.code)\""))
        let json = try JSONEncoder().encode(reason)
        #expect(try JSONDecoder().decode(QuarantineReason.self, from: json) == reason)
    }

    @Test("Every reason reads in Korean, Chinese and English, each naming the value at fault", arguments: reasons)
    func languages(reason: QuarantineReason) {
        let texts = Language.allCases.map { reason.text(in: $0) }
        #expect(Set(texts).count == 3, "\(texts)")
        #expect(reason.text(in: .ko).unicodeScalars.contains { (0xAC00...0xD7A3).contains($0.value) })
        #expect(!reason.text(in: .en).unicodeScalars.contains { (0xAC00...0xD7A3).contains($0.value) })
        let values = Array(reason.parts.dropFirst())
        for text in texts {
            #expect(values.allSatisfy { text.contains($0) }, "\(text) leaves out one of \(values)")
        }
    }

    @Test("Every reason's code has a short title in each language, for tables that count rows by kind")
    func titles() {
        for code in Set(Self.reasons.map(\.code)) {
            let titles = Language.allCases.compactMap { QuarantineReason.title(ofCode: code, in: $0) }
            #expect(Set(titles).count == 3, "\(code): \(titles)")
            #expect(titles[0].unicodeScalars.contains { (0xAC00...0xD7A3).contains($0.value) }, "\(code)")
        }
        #expect(QuarantineReason.title(ofCode: "someday", in: .ko) == nil)
    }

    @Test(
        "A code or values this version does not know read as no reason, so the stored English is shown",
        arguments: [
            "", "[]", "not json", "[\"date\"]", "[\"someday\",\"x\"]", "[\"row.width\",\"a\",\"3\"]",
            "[\"creditCode.check\",\"9133\",\"77\",\"0\"]", "[\"founded.afterSnapshot\",\"2023\",\"2022-10-31\"]",
        ])
    func unknown(text: String) {
        #expect(QuarantineReason(storageText: text) == nil)
    }

    @Test("A row's reason is in the language asked for, or in English when only its English text was stored")
    func rowReason() {
        let coded = QuarantinedRow(
            importID: 1, row: 2, column: "成立日期", value: "2019-02-30", reason: .date(text: "2019-02-30"), raw: [:])
        #expect(coded.reason == QuarantineReason.date(text: "2019-02-30").text(in: .en))
        #expect(coded.reason(in: .zh) == "“2019-02-30”不是日期；请写成 2022-01-05、2022/1/5、2022年1月5日、20220105 或 Excel 日期")
        let old = QuarantinedRow(
            importID: 1, row: 2, column: "成立日期", value: "2019-02-30", reason: "'2019-02-30' is not a date",
            raw: [:])
        #expect(old.reason(in: .ko) == "'2019-02-30' is not a date")
    }
}
