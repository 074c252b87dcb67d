import Foundation

/// A value that does not follow its rule, with a reason a person can act on.
public struct ValueProblem: Error, Hashable, Sendable, CustomStringConvertible {
    public let reason: QuarantineReason

    public init(_ reason: QuarantineReason) { self.reason = reason }

    /// The reason in English.
    public var description: String { reason.description }
}

/// Dates as registry exports write them: `2022-01-05`, `2022/1/5`, `2022.01.05`, `2022年1月5日`,
/// `20220105`, an Excel serial (`44566`), a Unix time (`1423065600000`), with or without a time; empty
/// markers are unknown.
public enum RegistryDate {
    /// The date, nil for an empty marker, or the reason it cannot be read.
    public static func parse(_ text: String) -> Result<CalendarDate?, ValueProblem> {
        guard !TextFolding.isEmptyMarker(text) else { return .success(nil) }
        var trimmed = TextFolding.halfWidth(text).trimmed
        if let space = trimmed.utf8.firstIndex(where: { $0 == 0x20 || $0 == UInt8(ascii: "T") }),
            trimmed.utf8.contains(UInt8(ascii: ":"))
        {
            trimmed = String(trimmed[..<space])
        }
        if let date = separated(trimmed) ?? compact(trimmed) ?? excelSerial(trimmed) ?? unixTime(trimmed) {
            return .success(date)
        }
        return .failure(ValueProblem(.date(text: text)))
    }

    /// `2022-01-05`, `2022/1/5`, `2022.01.05`, `2022年1月5日`, `2022 年 1 月 5 日`.
    /// Runs of digits between separators (`日` is dropped), read scalar by scalar; spaces may stand around a
    /// separator, not between digits.
    static func separated(_ text: String) -> CalendarDate? {
        var parts: [(value: Int, digits: Int)] = []
        var value = 0
        var digits = 0
        var isAfterSpace = false
        for scalar in text.unicodeScalars {
            switch scalar {
            case "0"..."9":
                guard digits < 4, !(isAfterSpace && digits > 0) else { return nil }
                value = value * 10 + Int(scalar.value - 48)
                digits += 1
                isAfterSpace = false
            case " ": isAfterSpace = true
            case "日": continue
            case "-", "/", ".", "年", "月":
                if digits > 0 { parts.append((value, digits)) }
                (value, digits, isAfterSpace) = (0, 0, false)
            default: return nil
            }
        }
        if digits > 0 { parts.append((value, digits)) }
        guard parts.count == 3, parts[0].digits == 4, parts[1].digits <= 2, parts[2].digits <= 2 else { return nil }
        return CalendarDate(year: parts[0].value, month: parts[1].value, day: parts[2].value)
    }

    /// `20220105`.
    static func compact(_ text: String) -> CalendarDate? {
        guard text.utf8.count == 8, text.utf8.allSatisfy({ (0x30...0x39).contains($0) }), let value = Int(text)
        else { return nil }
        return CalendarDate(year: value / 10_000, month: value / 100 % 100, day: value % 100)
    }

    /// A Unix time in milliseconds (11–13 digits, as Tianyancha's data writes `estiblishTime`: 1423065600000)
    /// or seconds (9–10 digits), negative before 1970: the day it falls on in China (UTC+8), from 1900 to 2099.
    /// An hour's slack takes the midnights of China's summers of 1986–1991 (UTC+9) to their day too; registry
    /// times are midnights.
    static func unixTime(_ text: String) -> CalendarDate? {
        let digits = text.hasPrefix("-") ? text.dropFirst() : Substring(text)
        guard (9...13).contains(digits.count), digits.allSatisfy(\.isASCIIDigit), let value = Int(text) else {
            return nil
        }
        let seconds = digits.count >= 11 ? value / 1_000 : value
        let day = Int((Double(seconds + 9 * 3_600) / 86_400).rounded(.down))
        guard let date = CalendarDate(daysSince1899December30: day + 25_569), (1900...2099).contains(date.year)
        else { return nil }
        return date
    }

    /// Excel's 1900 date system: serial 1 is 1900-01-01, and 60 is the non-existent 1900-02-29 that
    /// Excel keeps for Lotus compatibility. Accepts serials from 1900 to 2099 with an optional `.0`; from
    /// 1927-05-18 (five digits) on, any fraction, the time of day (`44264.604166666664` is 2021-03-09 14:30),
    /// which a registry date does not keep. A shorter one is more likely a year and month (`2022.01`).
    public static func excelSerial(_ text: String) -> CalendarDate? {
        var body = Substring(text)
        if let point = body.firstIndex(of: ".") {
            let fraction = body[body.index(after: point)...]
            guard !fraction.isEmpty, fraction.allSatisfy(\.isASCIIDigit),
                fraction.allSatisfy({ $0 == "0" }) || body.distance(from: body.startIndex, to: point) == 5
            else { return nil }
            body = body[..<point]
        }
        guard !body.isEmpty, body.count <= 5, body.allSatisfy(\.isASCIIDigit), let serial = Int(body),
            (1...73_050).contains(serial), serial != 60
        else { return nil }
        return CalendarDate(daysSince1899December30: serial < 60 ? serial + 1 : serial)
    }
}

extension CalendarDate {
    /// The date `days` days after 1899-12-30 (Excel's day zero once its 1900 leap-day bug is skipped).
    public init?(daysSince1899December30 days: Int) {
        // Civil-from-days (Howard Hinnant), with day 0 = 1899-12-30 = 25,569 days before 1970-01-01.
        let z = days - 25_569 + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1_460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let shiftedMonth = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * shiftedMonth + 2) / 5 + 1
        let month = shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9
        self.init(year: yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month: month, day: day)
    }

    /// Days since 1899-12-30, the inverse of `init(daysSince1899December30:)`.
    public var daysSince1899December30: Int {
        let shiftedYear = month <= 2 ? year - 1 : year
        let era = (shiftedYear >= 0 ? shiftedYear : shiftedYear - 399) / 400
        let yearOfEra = shiftedYear - era * 400
        let dayOfYear = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468 + 25_569
    }
}
