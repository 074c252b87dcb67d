import Testing

@testable import ChainscopeReports

@Suite("The report's English phrases")
struct ReportPhraseTests {
    @Test(
        "One company is a company; any other count, companies",
        arguments: [("1", "company"), ("0", "companies"), ("1,989", "companies")])
    func companyCounts(count: String, noun: String) {
        #expect(
            ReportPhrase.segmentLine(segment: "Chips", count: count, share: "5%").english
                == "Chips: \(count) \(noun) (5%)")
        #expect(
            ReportPhrase.importLine(id: 1, file: "a.csv", snapshot: "31 October 2022", stored: count).english
                == "import #1 a.csv (snapshot 31 October 2022, \(count) \(noun))")
        #expect(
            ReportPhrase.wholeYear(year: "2021", count: count, exceededBy: nil).english
                == "All of 2021: \(count) new \(noun)")
    }
}
