public import ChainscopeCore

/// Dates and periods as each language writes them: `2022년 1~10월`, `2022年1—10月`, `Jan–Oct 2022`.
public struct DateFormatting: Sendable {
    public let language: Language

    public init(_ language: Language) { self.language = language }

    private static let englishMonths = [
        "January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
        "November", "December",
    ]

    public func date(_ date: CalendarDate) -> String {
        switch language {
        case .ko: "\(date.year)년 \(date.month)월 \(date.day)일"
        case .zh: "\(date.year)年\(date.month)月\(date.day)日"
        case .en: "\(date.day) \(Self.englishMonths[date.month - 1]) \(date.year)"
        }
    }

    public func month(_ month: YearMonth) -> String {
        switch language {
        case .ko: "\(month.year)년 \(month.month)월"
        case .zh: "\(month.year)年\(month.month)月"
        case .en: "\(Self.englishMonths[month.month - 1]) \(month.year)"
        }
    }

    public func period(_ period: Period) -> String {
        switch (period, language) {
        case (.year(let year), .ko): "\(year)년"
        case (.year(let year), .zh): "\(year)年"
        case (.year(let year), .en): "\(year)"
        case (.months(let from, let to), _): months(from, to)
        case (.asOf(let month), .ko): "\(self.month(month)) 기준"
        case (.asOf(let month), .zh): "截至\(self.month(month))"
        case (.asOf(let month), .en): "as of \(self.month(month))"
        case (.since(let year), .ko): "\(year)년 이후"
        case (.since(let year), .zh): "\(year)年以来"
        case (.since(let year), .en): "since \(year)"
        case (.reported(let year), .ko): "\(year)년 발표"
        case (.reported(let year), .zh): "\(year)年发布"
        case (.reported(let year), .en): "reported in \(year)"
        }
    }

    private func months(_ from: YearMonth, _ to: YearMonth) -> String {
        if from == to { return month(from) }
        guard from.year == to.year else {
            let separator = language == .zh ? "—" : language == .ko ? "~" : " – "
            return month(from) + separator + month(to)
        }
        switch language {
        case .ko: return "\(from.year)년 \(from.month)~\(to.month)월"
        case .zh: return "\(from.year)年\(from.month)—\(to.month)月"
        case .en:
            let short = { (month: Int) in String(Self.englishMonths[month - 1].prefix(3)) }
            return "\(short(from.month))–\(short(to.month)) \(from.year)"
        }
    }
}
