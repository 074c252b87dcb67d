import ChainscopeCore
import Foundation
import Testing

@Suite("Calendar dates and periods")
struct CalendarTests {
    @Test(
        "Dates exist only when the calendar has them",
        arguments: [
            ("2024-02-29", true), ("2023-02-29", false), ("1900-02-29", false), ("2000-02-29", true),
            ("2022-04-31", false), ("2022-12-31", true), ("2022-1-05", false), ("20220105", false),
        ])
    func dateValidity(text: String, exists: Bool) {
        #expect((CalendarDate(iso: text) != nil) == exists)
    }

    @Test("The day before wraps months, years and leap days")
    func previousDay() throws {
        let cases = [
            ("2021-04-09", "2021-04-08"), ("2021-03-01", "2021-02-28"), ("2024-03-01", "2024-02-29"),
            ("2022-01-01", "2021-12-31"),
        ]
        for (day, before) in cases {
            #expect(try #require(CalendarDate(iso: day)).previousDay.description == before)
        }
    }

    @Test(
        "Periods read back what they write",
        arguments: ["2021", "2022-01..2022-10", "as of 2022-10", "since 2021", "reported 2022"])
    func periodRoundTrip(text: String) throws {
        #expect(try #require(Period(text)).description == text)
    }

    @Test("Stored texts that are not dates, periods or codes fail to decode, saying what was expected")
    func canonicalTextDecoding() throws {
        let decoder = JSONDecoder()
        #expect(try decoder.decode([CalendarDate].self, from: Data(#"["2024-02-29"]"#.utf8)).first?.day == 29)
        #expect(
            try decoder.decode(Period.self, from: Data(#""as of 2022-10""#.utf8))
                == .asOf(YearMonth(year: 2022, month: 10)!))
        #expect(throws: DecodingError.self) { try decoder.decode(CalendarDate.self, from: Data(#""2023-02-29""#.utf8)) }
        #expect(throws: DecodingError.self) { try decoder.decode(Period.self, from: Data(#""sometime""#.utf8)) }
        #expect(throws: DecodingError.self) { try decoder.decode(RegionCode.self, from: Data(#""3301x""#.utf8)) }
        #expect(throws: DecodingError.self) { try decoder.decode(CompanyKey.self, from: Data(#""id:1""#.utf8)) }
    }

    @Test("Malformed periods are refused", arguments: ["2022-10..2022-01", "as 2022-10", "21", "2022-13..2022-14", ""])
    func badPeriods(text: String) {
        #expect(Period(text) == nil)
    }
}

@Suite("Identifiers")
struct IdentifierTests {
    @Test("Region codes are padded to six digits and know their level")
    func regionCodes() throws {
        #expect(RegionCode(rawValue: "33")?.rawValue == "330000")
        #expect(RegionCode(rawValue: "3301")?.level == .prefecture)
        let district = try #require(RegionCode(rawValue: "330114"))
        #expect(district.level == .county)
        #expect(district.prefecture == .hangzhou)
        #expect(district.province == .zhejiang)
        #expect(RegionCode(rawValue: "33011") == nil)
        #expect(RegionCode(rawValue: "33010a") == nil)
    }

    @Test("Company keys read back what they write")
    func companyKeys() {
        let keys: [CompanyKey] = [
            .creditCode("91330100799655058B"), .registrationNumber("330100000123456"),
            .name("阿里巴巴", region: .hangzhou),
        ]
        for key in keys { #expect(CompanyKey(key.description) == key) }
        #expect(CompanyKey("name:33:x") == nil)
    }
}
