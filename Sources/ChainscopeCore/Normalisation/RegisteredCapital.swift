public import Foundation

/// Registered capital as exports write it (`1000万元人民币`, `500万美元`, `1.2亿元`, `100万(元)`,
/// `13,400万元`, `人民币100万元`, `1亿2000万元`, `USD 1,000,000`) read to an exact amount and currency.
/// A bare number is in the unit its column's header names (`注册资本(万元)`, `注册资本(元)`), else in
/// 万元人民币, the unit the registry records capital in.
public enum RegisteredCapital {
    /// What a bare number counts: a multiple of a currency.
    public struct Unit: Hashable, Sendable {
        public let multiple: Decimal
        public let currency: Currency

        public init(multiple: Decimal, currency: Currency) {
            self.multiple = multiple
            self.currency = currency
        }

        /// 万元人民币, the unit the registry records capital in.
        public static let tenThousandYuan = Unit(multiple: 10_000, currency: .yuan)

        /// The unit a header's bracketed qualifier names (`万元`, `元`, `万美元`, `单位：万元人民币`), or nil when
        /// it names none (`注册资本(原币)`).
        public init?(qualifier: String) {
            var text = TextFolding.halfWidth(qualifier).trimmed
            for prefix in ["单位:", "单位"] where text.hasPrefix(prefix) { text = String(text.dropFirst(prefix.count)) }
            guard let tokens = RegisteredCapital.tokens(text), !tokens.isEmpty else { return nil }
            var multiple: Decimal = 1
            var currency: Currency?
            for token in tokens {
                switch token {
                case .number: return nil
                case .multiple(let value): multiple *= value
                case .currency(let code): currency = RegisteredCapital.preferred(currency, code)
                }
            }
            self.init(multiple: multiple, currency: currency ?? .yuan)
        }
    }

    /// The amount, nil for an empty marker, or the reason it cannot be read.
    public static func parse(
        _ text: String, bareNumbersIn unit: Unit = .tenThousandYuan
    ) -> Result<Money?, ValueProblem> {
        guard !TextFolding.isEmptyMarker(text) else { return .success(nil) }
        guard let tokens = tokens(TextFolding.halfWidth(text)) else { return .failure(problem(text)) }
        // Numbers, each with the multiples after it (`1亿2000万` is two); currency words before or after.
        var groups: [(amount: Decimal, multiple: Decimal?)] = []
        var currency: Currency?
        for token in tokens {
            switch token {
            case .number(let amount): groups.append((amount, nil))
            case .multiple(let value):
                guard let last = groups.indices.last else { return .failure(problem(text)) }
                groups[last].multiple = (groups[last].multiple ?? 1) * value
            case .currency(let code): currency = preferred(currency, code)
            }
        }
        guard let amount = total(groups, bare: currency == nil ? unit.multiple : 1) else {
            return .failure(problem(text))
        }
        return .success(Money(amount, currency ?? unit.currency))
    }

    /// The groups' sum; several must each have a multiple, larger first (`1亿2000万`, not `2000万1亿` or `1亿2000`).
    private static func total(_ groups: [(amount: Decimal, multiple: Decimal?)], bare: Decimal) -> Decimal? {
        guard let first = groups.first else { return nil }
        guard groups.count > 1 else { return first.amount * (first.multiple ?? bare) }
        var sum: Decimal = 0
        var previous: Decimal?
        for group in groups {
            guard let multiple = group.multiple, previous.map({ multiple < $0 }) ?? true else { return nil }
            sum += group.amount * multiple
            previous = multiple
        }
        return sum
    }

    enum Token {
        case number(Decimal)
        case multiple(Decimal)
        case currency(Currency)
    }

    /// The text as numbers, multiples and currency words (ASCII ones in any case), with separators and `整`
    /// dropped; nil when anything else is in it.
    static func tokens(_ text: String) -> [Token]? {
        let bytes = text.utf8.map { (0x61...0x7A).contains($0) ? $0 - 0x20 : $0 }
        var tokens: [Token] = []
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            if ignored.contains(byte) {
                index += 1
            } else if (0x30...0x39).contains(byte) || byte == UInt8(ascii: ".") {
                var end = index
                while end < bytes.count,
                    (0x30...0x39).contains(bytes[end]) || bytes[end] == UInt8(ascii: ".")
                        || bytes[end] == UInt8(ascii: ",")
                {
                    end += 1
                }
                let digits = bytes[index..<end].filter { $0 != UInt8(ascii: ",") }
                guard let amount = Money.decimal(String(decoding: digits, as: UTF8.self)) else { return nil }
                tokens.append(.number(amount))
                index = end
            } else if let (word, token) = words.first(where: { bytes[index...].starts(with: $0.0) }) {
                if let token { tokens.append(token) }
                index += word.count
            } else {
                return nil
            }
        }
        return tokens
    }

    /// Spaces, brackets, commas and `:` say nothing about the amount (full-width forms are folded before).
    private static let ignored: Set<UInt8> = Set(" (),:".utf8)

    /// A named currency wins over `元`, which follows most of them (`万元人民币`, `元美元`).
    static func preferred(_ current: Currency?, _ next: Currency) -> Currency {
        guard let current, current != .yuan else { return next }
        return current
    }

    /// Multiples, currency words and `整` (exactly, read as nothing), longest first so that `新台币` is not read
    /// as `新` and `台币`.
    static let words: [([UInt8], Token?)] = {
        let multiples: [(String, Decimal)] = [("亿", 100_000_000), ("万", 10_000), ("千", 1_000), ("百", 100)]
        let currencies: [(String, String)] = [
            ("人民币", "CNY"), ("RMB", "CNY"), ("CNY", "CNY"), ("元", "CNY"), ("￥", "CNY"), ("¥", "CNY"),
            ("美元", "USD"), ("美金", "USD"), ("USD", "USD"), ("US$", "USD"), ("$", "USD"),
            ("港元", "HKD"), ("港币", "HKD"), ("HKD", "HKD"), ("欧元", "EUR"), ("EUR", "EUR"),
            ("日元", "JPY"), ("JPY", "JPY"), ("韩元", "KRW"), ("韩币", "KRW"), ("KRW", "KRW"),
            ("英镑", "GBP"), ("GBP", "GBP"), ("新台币", "TWD"), ("台币", "TWD"), ("TWD", "TWD"),
            ("澳大利亚元", "AUD"), ("澳元", "AUD"), ("AUD", "AUD"), ("加拿大元", "CAD"), ("加元", "CAD"),
            ("CAD", "CAD"), ("新加坡元", "SGD"), ("SGD", "SGD"), ("瑞士法郎", "CHF"), ("CHF", "CHF"),
            ("新西兰元", "NZD"), ("澳门元", "MOP"), ("澳门币", "MOP"), ("泰铢", "THB"), ("卢布", "RUB"),
            ("瑞典克朗", "SEK"), ("丹麦克朗", "DKK"), ("挪威克朗", "NOK"), ("林吉特", "MYR"), ("马来西亚林吉特", "MYR"),
        ]
        let all: [([UInt8], Token?)] =
            multiples.map { (Array($0.0.utf8), Token.multiple($0.1)) }
            + currencies.map { (Array($0.0.utf8), Token.currency(Currency(rawValue: $0.1))) }
            + [(Array("整".utf8), nil)]
        return all.sorted { $0.0.count > $1.0.count }
    }()

    private static func problem(_ text: String) -> ValueProblem {
        ValueProblem("'\(text)' is not an amount; write it as 1000万元人民币, 500万美元 or 1.2亿元")
    }
}
