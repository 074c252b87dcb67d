public import Foundation

/// An ISO 4217 currency that registry data and the reference facts use.
public struct Currency: RawRepresentable, Hashable, Codable, Sendable, CustomStringConvertible {
    public let rawValue: String

    public init(rawValue: String) { self.rawValue = rawValue }

    public static let yuan = Currency(rawValue: "CNY")
    public static let won = Currency(rawValue: "KRW")
    public static let dollar = Currency(rawValue: "USD")
    public static let euro = Currency(rawValue: "EUR")
    public static let yen = Currency(rawValue: "JPY")
    public static let hongKongDollar = Currency(rawValue: "HKD")

    public var description: String { rawValue }
}

/// An exact amount of money: a decimal, never a binary floating-point number.
public struct Money: Hashable, Codable, Sendable {
    public var amount: Decimal
    public var currency: Currency

    public init(_ amount: Decimal, _ currency: Currency) {
        self.amount = amount
        self.currency = currency
    }

    /// Parses an exact decimal written with digits, an optional sign and an optional point.
    public static func decimal(_ text: String) -> Decimal? {
        if let value = plainDecimal(text) { return value }
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        var body = Substring(trimmed)
        if body.first == "-" || body.first == "+" { body = body.dropFirst() }
        let pieces = body.split(separator: ".", omittingEmptySubsequences: false)
        guard !body.isEmpty, pieces.count <= 2, !pieces[0].isEmpty,
            pieces.allSatisfy({ $0.allSatisfy(\.isASCIIDigit) }), pieces.count == 1 || !pieces[1].isEmpty
        else { return nil }
        // Up to 18 digits fit a UInt64 exactly: build the value from its digits rather than parse text.
        let digits = pieces.joined()
        if digits.count <= 18, let significand = UInt64(digits) {
            let fractionDigits = pieces.count == 2 ? pieces[1].count : 0
            let value = Decimal(sign: .plus, exponent: -fractionDigits, significand: Decimal(significand))
            return trimmed.first == "-" ? -value : value
        }
        return Decimal(string: trimmed, locale: Locale(identifier: "en_US_POSIX"))
    }
}

extension Money {
    /// Unsigned `123` or `12.5` with up to 18 digits, read from the bytes; nil for anything else.
    static func plainDecimal(_ text: String) -> Decimal? {
        var significand: UInt64 = 0
        var digits = 0
        var fractionDigits: Int?
        for byte in text.utf8 {
            switch byte {
            case 0x30...0x39:
                guard digits < 18 else { return nil }
                significand = significand * 10 + UInt64(byte - 0x30)
                digits += 1
                if let count = fractionDigits { fractionDigits = count + 1 }
            case UInt8(ascii: "."):
                guard fractionDigits == nil, digits > 0 else { return nil }
                fractionDigits = 0
            default: return nil
            }
        }
        guard digits > 0, fractionDigits != 0 else { return nil }
        return Decimal(sign: .plus, exponent: -(fractionDigits ?? 0), significand: Decimal(significand))
    }
}

extension Character {
    var isASCIIDigit: Bool { isASCII && isNumber }
}

extension Decimal {
    /// The plain decimal text (`207200000000`, `8.7`), independent of locale.
    public var plainText: String {
        NSDecimalNumber(decimal: self).description(withLocale: Locale(identifier: "en_US_POSIX"))
    }

    /// This value rounded to `scale` digits after the point, halves away from zero.
    public func rounded(scale: Int) -> Decimal {
        var input = self
        var output = Decimal()
        NSDecimalRound(&output, &input, scale, .plain)
        return output
    }
}
