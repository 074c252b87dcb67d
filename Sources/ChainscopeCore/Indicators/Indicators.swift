import Foundation

/// The registry figures of a chain, computed from a store's `MemberCounts`: registrations by month,
/// quarter and year, year to date against the year before, growth, shares and rankings. Every result
/// keeps the counts' provenance and the window it covered.
public struct Indicators: Sendable {
    public let counts: MemberCounts

    public init(_ counts: MemberCounts) { self.counts = counts }

    /// Which members to count: all, or those of one layer or one segment, in all districts or one.
    public struct Selection: Sendable, Hashable {
        public var layer: String?
        public var segment: String?
        public var district: RegionCode?

        public init(layer: String? = nil, segment: String? = nil, district: RegionCode? = nil) {
            self.layer = layer
            self.segment = segment
            self.district = district
        }

        public static let all = Selection()
    }

    /// Members founded in each month of the selection, with unknown founding dates left out.
    func monthlyCounts(_ selection: Selection) -> [YearMonth: Int] {
        var months: [YearMonth: Int] = [:]
        if let segment = selection.segment {
            // A segment lies in one layer, so a layer beside it changes nothing.
            for cell in counts.segmentCells where cell.segment == segment {
                guard let month = cell.month, selection.district == nil || cell.district == selection.district
                else { continue }
                months[month, default: 0] += cell.count
            }
            return months
        }
        for cell in counts.cells {
            guard let month = cell.month, selection.layer == nil || cell.layer == selection.layer,
                selection.district == nil || cell.district == selection.district
            else { continue }
            months[month, default: 0] += cell.count
        }
        return months
    }

    /// New registrations per period from `start` through `end`, every period present (empty ones as 0).
    public func registrations(
        per unit: Series.Unit, from start: YearMonth, through end: YearMonth, _ selection: Selection = .all
    ) -> Series {
        let months = monthlyCounts(selection)
        var points: [Series.Point] = []
        var month = start
        while month <= end {
            let period = Series.Period(month, unit)
            let value = months[month] ?? 0
            if points.last?.period == period {
                points[points.count - 1].value += value
            } else {
                points.append(Series.Point(period: period, value: value))
            }
            month = month.next
        }
        return Series(
            unit: unit, points: points, selection: selection, window: start...end, provenance: counts.provenance)
    }

    /// Registrations from January through `month` against the same months and the whole of the year before.
    public func yearToDate(through month: YearMonth, _ selection: Selection = .all) -> YearToDate {
        let months = monthlyCounts(selection)
        func sum(_ year: Int, through last: Int) -> Int {
            (1...last).reduce(0) { $0 + (months[YearMonth(year: year, month: $1)!] ?? 0) }
        }
        return YearToDate(
            through: month, current: sum(month.year, through: month.month),
            samePeriodBefore: sum(month.year - 1, through: month.month),
            wholeYearBefore: sum(month.year - 1, through: 12),
            provenance: counts.provenance)
    }

    /// Shares of members by district, main layer or segment, founded within `window` (all when nil),
    /// largest first, ties by key. Segment shares are of the members counted, so they can sum past 1.
    public func ranking(by dimension: Dimension, in window: ClosedRange<YearMonth>? = nil) -> [Share] {
        func inWindow(_ month: YearMonth?) -> Bool {
            guard let window else { return true }
            return month.map(window.contains) ?? false
        }
        var totals: [String: Int] = [:]
        var members = 0
        for cell in counts.cells where inWindow(cell.month) {
            members += cell.count
            switch dimension {
            case .district: totals[cell.district?.rawValue ?? "", default: 0] += cell.count
            case .layer: totals[cell.layer ?? "", default: 0] += cell.count
            case .segment: break
            }
        }
        if dimension == .segment {
            for cell in counts.segmentCells where inWindow(cell.month) {
                totals[cell.segment, default: 0] += cell.count
            }
        }
        let ordered = totals.sorted { ($1.value, $0.key) < ($0.value, $1.key) }
        return ordered.enumerated().map { index, entry in
            Share(
                key: entry.key, count: entry.value, share: members == 0 ? 0 : Double(entry.value) / Double(members),
                rank: index + 1)
        }
    }

    /// Members by registration status (nil: not given in the export).
    public var byStatus: [RegistrationStatus?: Int] {
        counts.cells.reduce(into: [:]) { $0[$1.status, default: 0] += $1.count }
    }

    /// Members still in business (存续/在业) against those deregistered, revoked, cancelled or moved out.
    public var activeAndClosed: (active: Int, closed: Int) {
        let closing: Set<RegistrationStatus> = [.deregistered, .revoked, .cancelled, .movedOut]
        return byStatus.reduce(into: (0, 0)) { result, entry in
            if entry.key == .active { result.0 += entry.value }
            if let status = entry.key, closing.contains(status) { result.1 += entry.value }
        }
    }

    /// Growth from `before` to `after` (0.087 for 8.7 %); nil when `before` is not positive.
    public static func growth(from before: Double, to after: Double) -> Double? {
        before > 0 ? after / before - 1 : nil
    }

    /// Compound annual growth from `first` to `last` over `years` years; nil when it is undefined.
    public static func compoundAnnualGrowth(from first: Double, to last: Double, years: Int) -> Double? {
        guard first > 0, last >= 0, years > 0 else { return nil }
        return pow(last / first, 1 / Double(years)) - 1
    }

    public enum Dimension: String, Sendable, CaseIterable {
        case district, layer, segment
    }

    /// One entry of a ranking.
    public struct Share: Sendable, Hashable {
        public var key: String
        public var count: Int
        public var share: Double
        public var rank: Int
    }
}

/// Registrations from January through a month, against the year before.
public struct YearToDate: Sendable, Hashable {
    public var through: YearMonth
    public var current: Int
    public var samePeriodBefore: Int
    public var wholeYearBefore: Int
    public var provenance: CountProvenance

    /// Growth on the same months of the year before.
    public var growth: Double? { Indicators.growth(from: Double(samePeriodBefore), to: Double(current)) }

    /// Whether the months so far already exceed the whole year before ("Jan–Oct 2022 > all of 2021").
    public var exceedsYearBefore: Bool { current > wholeYearBefore }
}

extension YearMonth {
    /// The month after this one.
    public var next: YearMonth {
        month == 12 ? YearMonth(year: year + 1, month: 1)! : YearMonth(year: year, month: month + 1)!
    }

    /// The quarter (1–4) the month falls in.
    public var quarter: Int { (month - 1) / 3 + 1 }
}
