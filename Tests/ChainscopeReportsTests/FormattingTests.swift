import ChainscopeCore
import ChainscopeReports
import Foundation
import Testing

@Suite("Numbers, money and dates per language")
struct FormattingTests {
    @Test(
        "Money",
        arguments: [
            ("207200000000", "CNY", Language.ko, "2,072억 위안"),
            ("207200000000", "CNY", .zh, "2072亿元"),
            ("207200000000", "CNY", .en, "207.2 billion yuan"),
            ("190600000000", "CNY", .ko, "1,906억 위안"),
            ("190600000000", "CNY", .en, "190.6 billion yuan"),
            ("39000000000000", "KRW", .ko, "39조 원"),
            ("39000000000000", "KRW", .zh, "39万亿韩元"),
            ("39000000000000", "KRW", .en, "39 trillion won"),
            ("5000000", "CNY", .ko, "500만 위안"),
            ("5000000", "CNY", .zh, "500万元"),
            ("5000000", "CNY", .en, "5 million yuan"),
            ("12345678", "USD", .ko, "1,234만 5,678 달러"),
            ("950", "CNY", .en, "950 yuan"),
            ("1500", "EUR", .zh, "1500欧元"),
        ])
    func money(amount: String, currency: String, language: Language, expected: String) {
        let money = Money(Decimal(string: amount)!, Currency(rawValue: currency))
        #expect(NumberFormatting(language).money(money) == expected)
    }

    @Test(
        "Counts",
        arguments: [
            (10_320, FactUnit.companies, Language.ko, "1만 320개"),
            (10_320, .companies, .zh, "10,320家"),
            (10_320, .companies, .en, "10,320 companies"),
            (25_906, .patents, .ko, "2만 5,906건"),
            (7_000, .people, .ko, "7,000명"),
            (100_000, .companies, .ko, "10만개"),
            (36, .domains, .en, "36 domains"),
        ])
    func counts(value: Int, unit: FactUnit, language: Language, expected: String) {
        #expect(NumberFormatting(language).count(Decimal(value), of: unit) == expected)
    }

    @Test("Ranks and percentages")
    func ranks() {
        #expect(NumberFormatting(.en).rank(4) == "4th")
        #expect(NumberFormatting(.en).rank(21) == "21st")
        #expect(NumberFormatting(.en).rank(12) == "12th")
        #expect(NumberFormatting(.ko).rank(4) == "4위")
        #expect(NumberFormatting(.zh).rank(4) == "第4位")
        #expect(NumberFormatting(.en).percent(Decimal(string: "8.7")!) == "8.7%")
    }

    @Test(
        "Dates and periods",
        arguments: [
            ("2022-10-31", Language.ko, "2022년 10월 31일"),
            ("2022-10-31", .zh, "2022年10月31日"),
            ("2022-10-31", .en, "31 October 2022"),
            ("2024-02-29", .en, "29 February 2024"),
        ])
    func dates(text: String, language: Language, expected: String) {
        #expect(DateFormatting(language).date(CalendarDate(iso: text)!) == expected)
    }

    @Test(
        "Periods",
        arguments: [
            ("2022-01..2022-10", Language.ko, "2022년 1~10월"),
            ("2022-01..2022-10", .zh, "2022年1—10月"),
            ("2022-01..2022-10", .en, "Jan–Oct 2022"),
            ("2021-11..2022-02", .en, "November 2021 – February 2022"),
            ("as of 2022-10", .ko, "2022년 10월 기준"),
            ("as of 2022-10", .zh, "截至2022年10月"),
            ("2021", .ko, "2021년"),
            ("since 2021", .en, "since 2021"),
        ])
    func periods(text: String, language: Language, expected: String) {
        #expect(DateFormatting(language).period(Period(text)!) == expected)
    }
}
