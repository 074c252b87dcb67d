public import Foundation

/// A statistic with its citation: what was measured, for which period and region, and who says so.
public struct Fact: Codable, Hashable, Sendable, Identifiable {
    public var id: String
    /// The reference figure it reproduces (`R3`), when it is one.
    public var reference: String?
    /// What the figure is about, such as `ai_industry` or `talent_programme`.
    public var subject: String
    /// What is measured, such as `market_size` or `new_registrations`.
    public var measure: String
    /// The overview section it belongs to.
    public var topic: Topic
    public var label: LocalizedText
    public var period: Period
    public var region: RegionCode
    public var value: FactValue
    public var unit: FactUnit
    public var qualifier: Qualifier
    public var citation: Citation
    /// Set when Chainscope computed the value from other facts rather than reading it in a source.
    public var derived: Derivation?
    public var provenance: Provenance

    public init(
        id: String, reference: String? = nil, subject: String, measure: String, topic: Topic, label: LocalizedText,
        period: Period, region: RegionCode, value: FactValue, unit: FactUnit, qualifier: Qualifier = .exact,
        citation: Citation, derived: Derivation? = nil, provenance: Provenance
    ) {
        self.id = id
        self.reference = reference
        self.subject = subject
        self.measure = measure
        self.topic = topic
        self.label = label
        self.period = period
        self.region = region
        self.value = value
        self.unit = unit
        self.qualifier = qualifier
        self.citation = citation
        self.derived = derived
        self.provenance = provenance
    }

    /// The value as money, when the unit is a currency.
    public var money: Money? {
        guard case .number(let amount) = value, let currency = unit.currency else { return nil }
        return Money(amount, currency)
    }
}

/// The value of a fact.
public enum FactValue: Codable, Hashable, Sendable {
    /// An exact decimal number in the fact's unit.
    case number(Decimal)
    /// A position in a ranking, with the regions ranked above it, best first.
    case rank(Int, after: [RegionCode])
    /// "More than in the whole of `period`" for the same subject and measure.
    case exceeds(Period)
}

/// The unit of a fact's value: a currency, a percentage, a rank, or a count of things.
public enum FactUnit: String, Codable, Hashable, Sendable, CaseIterable {
    case yuan = "CNY"
    case won = "KRW"
    case percent
    case rank
    case companies
    case patents
    case people
    case policies
    case parks
    case domains

    public var currency: Currency? {
        switch self {
        case .yuan: .yuan
        case .won: .won
        default: nil
        }
    }
}

/// How exact a source says its figure is.
public enum Qualifier: String, Codable, Hashable, Sendable, CaseIterable {
    case exact
    /// "about", "roughly"
    case about
    /// "up to", a ceiling
    case upTo = "up_to"
    /// "more than"
    case moreThan = "more_than"
}

/// How a derived fact was computed: a formula over other facts' ids, and the rounding applied.
public struct Derivation: Codable, Hashable, Sendable {
    /// An arithmetic expression over fact ids, e.g. `market-size-2021 / (1 + growth-2021 / 100)`.
    public var formula: String
    /// The stated value is the formula's result rounded to a multiple of this (1e8 for 0.1 billion).
    public var roundingUnit: Decimal?

    public init(formula: String, roundingUnit: Decimal? = nil) {
        self.formula = formula
        self.roundingUnit = roundingUnit
    }

    /// The formula's result over `values`, rounded as the stated value is.
    public func value(_ values: (String) -> Decimal?) throws(CoreError) -> Decimal {
        let exact = try Formula(formula).evaluate(values)
        guard let roundingUnit, roundingUnit > 0 else { return exact }
        return (exact / roundingUnit).rounded(scale: 0) * roundingUnit
    }
}

/// The period a figure describes.
public enum Period: Hashable, Sendable, CustomStringConvertible, CanonicalText {
    /// A calendar year.
    case year(Int)
    /// Whole months from `from` to `to`, inclusive.
    case months(from: YearMonth, to: YearMonth)
    /// A stock counted at the end of a month.
    case asOf(YearMonth)
    /// From the start of a year up to the report.
    case since(Int)
    /// The source gives no period; the figure was reported in this year.
    case reported(Int)

    /// The canonical text: `2021`, `2022-01..2022-10`, `as of 2022-10`, `since 2021`, `reported 2022`.
    public var description: String {
        switch self {
        case .year(let year): String(year)
        case .months(let from, let to): "\(from)..\(to)"
        case .asOf(let month): "as of \(month)"
        case .since(let year): "since \(year)"
        case .reported(let year): "reported \(year)"
        }
    }

    public init?(canonicalText: String) { self.init(canonicalText) }

    public var canonicalText: String { description }

    public static var expectedText: String { "a period such as 2021, 2022-01..2022-10, as of 2022-10" }

    /// Parses the canonical text written by `description`.
    public init?(_ text: String) {
        let words = text.split(separator: " ")
        switch (words.count, words.first) {
        case (1, _):
            if let year = Int(text), (1000...9999).contains(year) {
                self = .year(year)
            } else {
                let ends = text.split(separator: ".", omittingEmptySubsequences: true)
                guard text.contains(".."), ends.count == 2, let from = YearMonth(iso: ends[0]),
                    let to = YearMonth(iso: ends[1]), from <= to
                else { return nil }
                self = .months(from: from, to: to)
            }
        case (3, "as") where words[1] == "of":
            guard let month = YearMonth(iso: words[2]) else { return nil }
            self = .asOf(month)
        case (2, "since"):
            guard let year = Int(words[1]) else { return nil }
            self = .since(year)
        case (2, "reported"):
            guard let year = Int(words[1]) else { return nil }
            self = .reported(year)
        default:
            return nil
        }
    }
}
