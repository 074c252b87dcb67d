/// Counts per month, quarter or year over a window, with what they were counted over.
public struct Series: Sendable, Hashable {
    public enum Unit: String, Sendable, CaseIterable {
        case month, quarter, year
    }

    /// A month, a quarter or a year.
    public enum Period: Sendable, Hashable, Comparable, CustomStringConvertible {
        case month(YearMonth)
        case quarter(year: Int, quarter: Int)
        case year(Int)

        /// The period of `unit` that holds `month`.
        public init(_ month: YearMonth, _ unit: Unit) {
            switch unit {
            case .month: self = .month(month)
            case .quarter: self = .quarter(year: month.year, quarter: month.quarter)
            case .year: self = .year(month.year)
            }
        }

        /// `2022-03`, `2022-Q1`, `2022`.
        public var description: String {
            switch self {
            case .month(let month): month.description
            case .quarter(let year, let quarter): "\(year)-Q\(quarter)"
            case .year(let year): String(year)
            }
        }

        private var sortKey: (Int, Int) {
            switch self {
            case .month(let month): (month.year, month.month)
            case .quarter(let year, let quarter): (year, quarter * 3)
            case .year(let year): (year, 12)
            }
        }

        public static func < (lhs: Period, rhs: Period) -> Bool { lhs.sortKey < rhs.sortKey }
    }

    public struct Point: Sendable, Hashable {
        public var period: Period
        public var value: Int
    }

    public var unit: Unit
    public var points: [Point]
    public var selection: Indicators.Selection
    /// The founding months counted (a partial first or last period is counted only within it).
    public var window: ClosedRange<YearMonth>
    public var provenance: CountProvenance

    public var total: Int { points.reduce(0) { $0 + $1.value } }
}
