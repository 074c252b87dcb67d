import Foundation

/// Registered capital as exports write it (`1000万元人民币`, `500万美元`, `1.2亿元`, `100万(元)`,
/// `13,400万元`) read to an exact amount and currency. A bare number is in 万元人民币, the unit the
/// registry records capital in.
public enum RegisteredCapital {
    static let currencies: [(String, Currency)] = [
        ("人民币", .yuan), ("美元", .dollar), ("港元", .hongKongDollar), ("港币", .hongKongDollar), ("欧元", .euro),
        ("日元", .yen), ("韩元", .won), ("英镑", Currency(rawValue: "GBP")), ("新台币", Currency(rawValue: "TWD")),
        ("台币", Currency(rawValue: "TWD")), ("澳元", Currency(rawValue: "AUD")), ("加元", Currency(rawValue: "CAD")),
        ("新加坡元", Currency(rawValue: "SGD")), ("瑞士法郎", Currency(rawValue: "CHF")), ("元", .yuan),
    ]

    /// The amount, nil for an empty marker, or the reason it cannot be read.
    public static func parse(_ text: String) -> Result<Money?, ValueProblem> {
        guard !TextFolding.isEmptyMarker(text) else { return .success(nil) }
        var rest = TextFolding.halfWidth(text).removing([",", " ", "(", ")"])
        let number = String(rest.prefix { $0.isASCIIDigit || $0 == "." })
        rest.removeFirst(number.count)
        guard let amount = Money.decimal(number) else { return .failure(problem(text)) }
        var multiplier: Decimal = 10_000
        if rest.hasPrefix("亿") {
            multiplier = 100_000_000
            rest.removeFirst()
        } else if rest.hasPrefix("万") {
            rest.removeFirst()
        } else if !rest.isEmpty {
            multiplier = 1
        }
        // What follows the number is nothing, or currency words only (`元人民币`, `美元`).
        var currency: Currency?
        var words = Substring(rest)
        while !words.isEmpty {
            guard let (word, code) = currencies.first(where: { words.hasPrefix($0.0) }) else {
                return .failure(problem(text))
            }
            if currency == nil || currency == .yuan { currency = code }
            words = words.dropFirst(word.count)
        }
        return .success(Money(amount * multiplier, currency ?? .yuan))
    }

    private static func problem(_ text: String) -> ValueProblem {
        ValueProblem("'\(text)' is not an amount; write it as 1000万元人民币, 500万美元 or 1.2亿元")
    }
}
