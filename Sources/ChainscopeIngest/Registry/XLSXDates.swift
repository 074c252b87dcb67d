import ChainscopeCore

/// What a workbook says about dates: which cell styles show a number as a date, and whether its serials count
/// from 1904 (Excel for Mac before 2011, kept by every later save) rather than from 1900. A date cell is read
/// as the day it shows (`2016-02-16`), so that neither the date system nor the column decides what it means.
struct XLSXDates: Sendable {
    /// Indexes into the workbook's cell formats (`cellXfs`) whose number format is a date.
    var dateStyles: Set<Int> = []
    var is1904 = false

    /// Built-in number formats that show a date (the times among 18–58 are left out): 14–17 and 22 everywhere,
    /// 27–31, 36, 50–54, 57 and 58 in Chinese, Japanese and Korean Excel (`yyyy"年"m"月"d"日"` …).
    static let builtinDateFormats: Set<Int> = Set([14, 15, 16, 17, 22, 27, 28, 29, 30, 31, 36, 57, 58]).union(50...54)

    /// True for a custom format code that shows a year or a day: `yyyy/m/d;@`, `yyyy"年"m"月"d"日"`,
    /// `[$-804]yyyy-mm-dd`; false for numbers, text and times (`h:mm`, where `m` is minutes).
    static func isDateFormat(_ code: String) -> Bool {
        var isQuoted = false
        var isBracketed = false
        var skipsNext = false
        for character in code.lowercased() {
            if skipsNext {
                skipsNext = false
            } else if isQuoted {
                isQuoted = character != "\""
            } else if isBracketed {
                isBracketed = character != "]"
            } else {
                switch character {
                case "\"": isQuoted = true
                case "[": isBracketed = true
                case "\\", "_", "*": skipsNext = true
                case "y", "d": return true
                default: break
                }
            }
        }
        return false
    }

    /// The text of a date cell's serial: the day, with the time of day when it has one (`2021-03-09 14:30:00`);
    /// nil for a value that is no day (a time alone, Excel's non-existent 1900-02-29, not a number).
    func text(serial value: String) -> String? {
        guard let serial = Double(value), serial >= 1, serial < 2_958_466 else { return nil }
        var day = Int(serial)
        var seconds = Int(((serial - Double(day)) * 86_400).rounded())
        if seconds == 86_400 {
            day += 1
            seconds = 0
        }
        if is1904 {
            day += 1_462
        } else if day == 60 {
            return nil
        } else if day < 60 {
            day += 1
        }
        guard let date = CalendarDate(daysSince1899December30: day) else { return nil }
        guard seconds > 0 else { return date.description }
        return date.description + " " + Self.clock(seconds)
    }

    /// A `t="d"` cell's ISO 8601 text (`2016-02-16T00:00:00Z`) as the day, with the time when it has one.
    static func text(iso value: String) -> String {
        let parts = value.split(separator: "T", maxSplits: 1)
        guard parts.count == 2 else { return value }
        let time = parts[1].prefix { $0.isNumber || $0 == ":" }
        return time.allSatisfy { $0 == "0" || $0 == ":" } ? String(parts[0]) : "\(parts[0]) \(time)"
    }

    private static func clock(_ seconds: Int) -> String {
        [seconds / 3_600, seconds / 60 % 60, seconds % 60].map { $0 < 10 ? "0\($0)" : "\($0)" }.joined(separator: ":")
    }
}
