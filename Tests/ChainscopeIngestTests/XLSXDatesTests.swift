import Testing

@testable import ChainscopeIngest

@Suite("XLSX dates")
struct XLSXDatesTests {
    @Test(
        "A custom number format is a date when it shows a year or a day outside quotes and brackets",
        arguments: [
            ("yyyy/m/d;@", true), (#"yyyy"年"m"月"d"日""#, true), ("[$-804]yyyy-mm-dd", true), ("d-mmm", true),
            ("m/d/yy h:mm", true), ("h:mm", false), ("[h]:mm:ss", false), ("mm:ss.0", false), ("General", false),
            ("#,##0.00_);[Red](#,##0.00)", false), ("0.00E+00", false), (#""第"0"天""#, false), (#"0\d"#, false),
            ("@", false),
        ])
    func dateFormats(code: String, isDate: Bool) {
        #expect(XLSXDates.isDateFormat(code) == isDate)
    }

    @Test(
        "A date cell's serial is the day it shows, with its time when it has one, in either date system",
        arguments: [
            ("42416", false, "2016-02-16"), ("42416", true, "2020-02-17"),
            ("44264.604166666664", false, "2021-03-09 14:30:00"),
            ("44264.99999999", false, "2021-03-10"), ("59", false, "1900-02-28"), ("61", false, "1900-03-01"),
            ("1", true, "1904-01-02"),
        ])
    func serials(value: String, is1904: Bool, text: String) {
        #expect(XLSXDates(is1904: is1904).text(serial: value) == text)
    }

    @Test("No day: a time alone, Excel's 1900-02-29, text")
    func notDays() {
        for value in ["0.5", "60", "abc", ""] { #expect(XLSXDates().text(serial: value) == nil, "\(value)") }
        #expect(XLSXDates.text(iso: "2020-05-06T00:00:00Z") == "2020-05-06")
        #expect(XLSXDates.text(iso: "2020-05-06T14:30:00.000Z") == "2020-05-06 14:30:00")
    }
}
