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
            var multiple: Decimal = 1
            var currency: Currency?
            var isEmpty = true
            let isRead = RegisteredCapital.forEachToken(in: text) { token in
                isEmpty = false
                switch token {
                case .number: return false
                case .multiple(let value): multiple *= value
                case .currency(let code): currency = RegisteredCapital.preferred(currency, code)
                }
                return true
            }
            guard isRead, !isEmpty else { return nil }
            self.init(multiple: multiple, currency: currency ?? .yuan)
        }
    }

    /// The amount, nil for an empty marker, or the reason it cannot be read.
    public static func parse(
        _ text: String, bareNumbersIn unit: Unit = .tenThousandYuan
    ) -> Result<Money?, ValueProblem> {
        guard !TextFolding.isEmptyMarker(text) else { return .success(nil) }
        // Numbers, each with the multiples after it (`1亿2000万` is two groups, larger first); currency words
        // before or after. Summed as they are read, without building a list (this runs for every row).
        var sum: Decimal = 0
        var groups = 0
        var bare: Decimal?
        var previous: Decimal?
        var isOrdered = true
        var open: (amount: Decimal, multiple: Decimal?)?
        var currency: Currency?
        func close() {
            guard let group = open else { return }
            groups += 1
            if let multiple = group.multiple {
                if let previous, multiple >= previous { isOrdered = false }
                sum += group.amount * multiple
                previous = multiple
            } else {
                bare = group.amount
            }
            open = nil
        }
        let isRead = forEachToken(in: TextFolding.halfWidth(text)) { token in
            switch token {
            case .number(let amount):
                close()
                open = (amount, nil)
            case .multiple(let value):
                guard let group = open else { return false }
                open = (group.amount, (group.multiple ?? 1) * value)
            case .currency(let code): currency = preferred(currency, code)
            }
            return true
        }
        close()
        guard isRead, groups > 0 else { return .failure(problem(text)) }
        if let bare {
            // A number without 万 or 亿: in the header's unit, or in units of the currency it names (`8888元`).
            guard groups == 1 else { return .failure(problem(text)) }
            return .success(Money(bare * (currency == nil ? unit.multiple : 1), currency ?? unit.currency))
        }
        guard isOrdered else { return .failure(problem(text)) }
        return .success(Money(sum, currency ?? unit.currency))
    }

    enum Token {
        case number(Decimal)
        case multiple(Decimal)
        case currency(Currency)
    }

    /// Reads the text as numbers, multiples and currency words (ASCII ones in any case), with separators and
    /// `整` dropped, handing each to `body` until it returns false; false when anything else is in the text.
    static func forEachToken(in text: String, _ body: (Token) -> Bool) -> Bool {
        var text = text
        return text.withUTF8 { bytes in
            var index = 0
            while index < bytes.count {
                let byte = bytes[index]
                if ignored.contains(byte) {
                    index += 1
                } else if isNumeric(byte) {
                    var end = index
                    while end < bytes.count, isNumeric(bytes[end]) || bytes[end] == UInt8(ascii: ",") { end += 1 }
                    let run = UnsafeBufferPointer(rebasing: bytes[index..<end])
                    let digits =
                        run.contains(UInt8(ascii: ","))
                        ? String(decoding: run.filter { $0 != UInt8(ascii: ",") }, as: UTF8.self)
                        : String(decoding: run, as: UTF8.self)
                    guard let amount = Money.decimal(digits), body(.number(amount)) else { return false }
                    index = end
                } else if let (word, token) = words.first(where: { startsWith($0.0, bytes, at: index) }) {
                    if let token, !body(token) { return false }
                    index += word.count
                } else {
                    return false
                }
            }
            return true
        }
    }

    private static func isNumeric(_ byte: UInt8) -> Bool { (0x30...0x39).contains(byte) || byte == UInt8(ascii: ".") }

    /// Whether `bytes` from `index` begin with `word`, ASCII letters compared in capitals (the words' case).
    private static func startsWith(_ word: [UInt8], _ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Bool {
        guard bytes.count - index >= word.count else { return false }
        for offset in word.indices {
            let byte = bytes[index + offset]
            if (0x61...0x7A).contains(byte) ? byte - 0x20 != word[offset] : byte != word[offset] { return false }
        }
        return true
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
        ValueProblem(.amount(text: text))
    }
}
