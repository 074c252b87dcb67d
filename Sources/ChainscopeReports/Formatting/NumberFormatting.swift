public import ChainscopeCore
public import Foundation

/// Numbers, money, counts, dates and periods written the way each language writes them:
/// Korean groups by 만/억/조 (`2,072억 위안`, `1만 320개`), Chinese by 万/亿 (`2072亿元`),
/// English by thousand/million/billion (`207.2 billion yuan`, `10,320`).
public struct NumberFormatting: Sendable {
    public let language: Language

    public init(_ language: Language) { self.language = language }

    /// An integer with thousands separators (`10,320`).
    public func grouped(_ value: Decimal) -> String {
        let negative = value < 0
        let text = (negative ? -value : value).plainText
        let parts = text.split(separator: ".", maxSplits: 1)
        var digits = Array(parts[0])
        var result = ""
        while digits.count > 3 {
            result = "," + String(digits.suffix(3)) + result
            digits.removeLast(3)
        }
        result = String(digits) + result
        if parts.count == 2 { result += "." + parts[1] }
        return (negative ? "-" : "") + result
    }

    /// A whole number in Korean myriad groups: `1만 320`, `2만 5,906`, `7,000`, `2,072억`, `39조`.
    public func koreanMyriads(_ value: Decimal) -> String {
        let whole = value.rounded(scale: 0)
        guard whole >= 10_000 else { return grouped(whole) }
        let units: [(Decimal, String)] = [(1_000_000_000_000, "조"), (100_000_000, "억"), (10_000, "만"), (1, "")]
        var rest = whole
        var pieces: [String] = []
        for (size, name) in units {
            let count = (rest / size).rounded(scale: 0, mode: .down)
            if count > 0 { pieces.append(grouped(count) + name) }
            rest -= count * size
        }
        return pieces.joined(separator: " ")
    }

    /// An amount scaled to the largest unit it fills, with at most `digits` decimals and no trailing zeros.
    func scaled(_ value: Decimal, by size: Decimal, digits: Int = 1) -> String {
        let scaled = (value / size).rounded(scale: digits)
        return language == .zh ? scaled.plainText : grouped(scaled)
    }

    /// Money in the language's units: `2,072억 위안`, `2072亿元`, `207.2 billion yuan`.
    public func money(_ money: Money) -> String {
        let amount = money.amount
        switch language {
        case .ko:
            return "\(koreanMyriads(amount)) \(currencyName(money.currency))"
        case .zh:
            let (size, unit): (Decimal, String) =
                amount >= 1_000_000_000_000
                ? (1_000_000_000_000, "万亿")
                : amount >= 100_000_000 ? (100_000_000, "亿") : amount >= 10_000 ? (10_000, "万") : (1, "")
            return "\(scaled(amount, by: size, digits: 2))\(unit)\(currencyName(money.currency))"
        case .en:
            let (size, unit): (Decimal, String) =
                amount >= 1_000_000_000_000
                ? (1_000_000_000_000, " trillion")
                : amount >= 1_000_000_000
                    ? (1_000_000_000, " billion")
                    : amount >= 1_000_000 ? (1_000_000, " million") : (1, "")
            return "\(scaled(amount, by: size, digits: 2))\(unit) \(currencyName(money.currency))"
        }
    }

    /// The currency's name in the language; an unknown currency is shown by its code.
    public func currencyName(_ currency: Currency) -> String {
        let names: [Currency: [Language: String]] = [
            .yuan: [.ko: "위안", .zh: "元", .en: "yuan"],
            .won: [.ko: "원", .zh: "韩元", .en: "won"],
            .dollar: [.ko: "달러", .zh: "美元", .en: "US dollars"],
            .euro: [.ko: "유로", .zh: "欧元", .en: "euros"],
            .yen: [.ko: "엔", .zh: "日元", .en: "yen"],
            .hongKongDollar: [.ko: "홍콩달러", .zh: "港元", .en: "Hong Kong dollars"],
        ]
        return names[currency]?[language] ?? currency.rawValue
    }

    /// A bare count: `1만 320` in Korean, `10,320` otherwise.
    public func number(_ value: Decimal) -> String { language == .ko ? koreanMyriads(value) : grouped(value) }

    /// A count with the language's counter: `1만 320개`, `10,320家`, `10,320 companies`.
    public func count(_ value: Decimal, of unit: FactUnit) -> String {
        let counters: [FactUnit: [Language: String]] = [
            .companies: [.ko: "개", .zh: "家", .en: "companies"],
            .patents: [.ko: "건", .zh: "件", .en: "patents"],
            .people: [.ko: "명", .zh: "人", .en: "people"],
            .policies: [.ko: "건", .zh: "项", .en: "policies"],
            .parks: [.ko: "곳", .zh: "个", .en: "parks"],
            .domains: [.ko: "개 분야", .zh: "个领域", .en: "domains"],
        ]
        let counter = counters[unit]?[language] ?? ""
        switch language {
        case .ko, .zh: return number(value) + counter
        case .en: return counter.isEmpty ? grouped(value) : "\(grouped(value)) \(counter)"
        }
    }

    /// A percentage: `8.7%`.
    public func percent(_ value: Decimal) -> String { "\(value.plainText)%" }

    /// An ordinal rank: `4위`, `第4位`, `4th`.
    public func rank(_ position: Int) -> String {
        switch language {
        case .ko: return "\(position)위"
        case .zh: return "第\(position)位"
        case .en:
            let suffix: String
            switch (position % 10, position % 100) {
            case (1, let tens) where tens != 11: suffix = "st"
            case (2, let tens) where tens != 12: suffix = "nd"
            case (3, let tens) where tens != 13: suffix = "rd"
            default: suffix = "th"
            }
            return "\(position)\(suffix)"
        }
    }
}

extension Decimal {
    func rounded(scale: Int, mode: NSDecimalNumber.RoundingMode) -> Decimal {
        var input = self
        var output = Decimal()
        NSDecimalRound(&output, &input, scale, mode)
        return output
    }
}
