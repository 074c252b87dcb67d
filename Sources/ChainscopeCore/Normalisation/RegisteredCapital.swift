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
    static let currencyWords = currencies.map { (Array($0.0.utf8), $0.1) }

    public static func parse(_ text: String) -> Result<Money?, ValueProblem> {
        guard !TextFolding.isEmptyMarker(text) else { return .success(nil) }
        // The number, then the rest without separators, read on bytes (all markers are ASCII).
        var number: [UInt8] = []
        var rest: [UInt8] = []
        for byte in TextFolding.halfWidth(text).utf8 where !", ()".utf8.contains(byte) {
            if rest.isEmpty && ((0x30...0x39).contains(byte) || byte == UInt8(ascii: ".")) {
                number.append(byte)
            } else {
                rest.append(byte)
            }
        }
        guard let amount = Money.decimal(String(decoding: number, as: UTF8.self)) else {
            return .failure(problem(text))
        }
        var words = rest[...]
        var multiplier: Decimal = 10_000
        if words.starts(with: "亿".utf8) {
            multiplier = 100_000_000
            words = words.dropFirst(3)
        } else if words.starts(with: "万".utf8) {
            words = words.dropFirst(3)
        } else if !words.isEmpty {
            multiplier = 1
        }
        // What follows the number is nothing, or currency words only (`元人民币`, `美元`).
        var currency: Currency?
        while !words.isEmpty {
            guard let (word, code) = currencyWords.first(where: { words.starts(with: $0.0) }) else {
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
