import ChainscopeCore
import Testing

@Suite("Indicator arithmetic")
struct IndicatorTests {
    static func month(_ text: String) -> YearMonth { YearMonth(iso: text)! }

    static func counts(_ cells: [(String?, String, String, Int)], segments: [(String, String, Int)] = []) -> Indicators
    {
        Indicators(
            MemberCounts(
                cells: cells.map {
                    MemberCounts.Cell(
                        month: $0.0.map(month), layer: $0.1, district: RegionCode(rawValue: $0.2), status: .active,
                        count: $0.3)
                },
                segmentCells: segments.map {
                    MemberCounts.SegmentCell(month: month($0.0), segment: $0.1, district: nil, count: $0.2)
                },
                provenance: CountProvenance(imports: [], taxonomyID: "ai")))
    }

    @Test("Series fill empty months, cut quarters and years at their bounds and keep the window")
    func series() {
        let indicators = Self.counts([
            ("2021-12", "application", "330106", 2), ("2022-01", "foundation", "330106", 1),
            ("2022-03", "application", "330108", 4), ("2022-07", "application", "330106", 5),
            (nil, "technology", "330106", 9),
        ])
        let monthly = indicators.registrations(per: .month, from: Self.month("2021-11"), through: Self.month("2022-04"))
        #expect(monthly.points.map(\.value) == [0, 2, 1, 0, 4, 0])
        #expect(
            monthly.points.map(\.period.description) == [
                "2021-11", "2021-12", "2022-01", "2022-02", "2022-03", "2022-04",
            ])
        let quarterly = indicators.registrations(
            per: .quarter, from: Self.month("2021-12"), through: Self.month("2022-08"))
        #expect(quarterly.points.map(\.period.description) == ["2021-Q4", "2022-Q1", "2022-Q2", "2022-Q3"])
        #expect(quarterly.points.map(\.value) == [2, 5, 0, 5])
        let yearly = indicators.registrations(per: .year, from: Self.month("2021-01"), through: Self.month("2022-12"))
        #expect(yearly.points.map(\.value) == [2, 10] && yearly.total == 12)
        let layer = indicators.registrations(
            per: .year, from: Self.month("2022-01"), through: Self.month("2022-12"), .init(layer: "application"))
        #expect(layer.total == 9)
        let district = indicators.registrations(
            per: .year, from: Self.month("2022-01"), through: Self.month("2022-12"),
            .init(district: RegionCode(rawValue: "330108")))
        #expect(district.total == 4)
    }

    @Test("Year to date against the same months and the whole year before")
    func yearToDate() {
        let indicators = Self.counts([
            ("2021-03", "application", "330106", 3), ("2021-11", "application", "330106", 4),
            ("2022-02", "application", "330106", 5), ("2022-10", "application", "330106", 3),
            ("2022-11", "application", "330106", 100),
        ])
        let result = indicators.yearToDate(through: Self.month("2022-10"))
        #expect(result.current == 8 && result.samePeriodBefore == 3 && result.wholeYearBefore == 7)
        #expect(result.exceedsYearBefore)
        #expect(abs(result.growth! - 5.0 / 3) < 1e-12)
        let empty = Self.counts([]).yearToDate(through: Self.month("2022-10"))
        #expect(empty.growth == nil && !empty.exceedsYearBefore)
    }

    @Test("Growth and compound growth, and no figure where one would divide by nothing")
    func growth() {
        #expect(abs(Indicators.growth(from: 190.6, to: 207.2)! - 0.0871) < 1e-3)
        #expect(Indicators.growth(from: 0, to: 5) == nil)
        let cagr = Indicators.compoundAnnualGrowth(from: 100, to: 121, years: 2)!
        #expect(abs(cagr - 0.1) < 1e-12)
        #expect(Indicators.compoundAnnualGrowth(from: 0, to: 121, years: 2) == nil)
        #expect(Indicators.compoundAnnualGrowth(from: 100, to: 121, years: 0) == nil)
    }

    @Test("Rankings order by count, then key; segment shares are of the members, so they can overlap")
    func rankings() {
        let indicators = Self.counts(
            [
                ("2022-01", "application", "330108", 2), ("2022-02", "foundation", "330106", 2),
                ("2021-05", "technology", "330110", 6),
            ],
            segments: [("2022-01", "ai_robotics", 2), ("2022-01", "ai_vision", 2), ("2022-02", "ai_chips", 1)])
        let window = Self.month("2022-01")...Self.month("2022-12")
        let districts = indicators.ranking(by: .district, in: window)
        #expect(districts.map(\.key) == ["330106", "330108"] && districts.map(\.share) == [0.5, 0.5])
        #expect(indicators.ranking(by: .district).first?.key == "330110")
        let segments = indicators.ranking(by: .segment, in: window)
        #expect(segments.map(\.key) == ["ai_robotics", "ai_vision", "ai_chips"])
        #expect(segments.map(\.share) == [0.5, 0.5, 0.25] && segments.map(\.rank) == [1, 2, 3])
    }
}
