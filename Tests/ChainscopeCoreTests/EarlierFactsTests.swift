import ChainscopeCore
import Foundation
import Testing

@Suite("Counts as of a day take the facts companies had then from their histories")
struct EarlierFactsTests {
    @Test("A fact as of the day is its value before the first later change; other companies keep theirs")
    func earliestChangeWins() throws {
        // As of the end of 2020.
        var earlier = MemberCounts.EarlierFacts(asOf: try #require(CalendarDate(iso: "2020-12-31")))
        #expect(earlier.isEmpty)
        // 甲: struck off in August and moved in December; its capital was unknown until August.
        try earlier.add(
            key: "uscc:甲", importID: 2,
            applied: #"{"status":["active","deregistered"],"capital_amount":[null,"5000000"],"#
                + #""capital_currency":[null,"CNY"],"raw.登记状态":["存续","注销"]}"#)
        try earlier.add(
            key: "uscc:甲", importID: 3, applied: #"{"status":["deregistered","revoked"],"region":["330106","330108"]}"#)
        // 乙: founded on another day, by a later export's reading.
        try earlier.add(key: "uscc:乙", importID: 2, applied: #"{"founded":["2019-03-05","2020-11-30"]}"#)
        // 丙: only a name changed, which the facts counted do not use (a classifier would classify it again).
        try earlier.add(
            key: "uscc:丙", importID: 2, applied: #"{"name_zh":["杭州丙科技有限公司","杭州丙智能科技有限公司"]}"#)
        // 丁: founded in 2021 by the export of the day, in 2020 by a later one's correction: not counted.
        try earlier.add(key: "uscc:丁", importID: 2, applied: #"{"founded":["2021-02-01","2020-06-30"]}"#)
        #expect(earlier.keys == ["uscc:甲", "uscc:乙", "uscc:丙", "uscc:丁"])
        for key in ["uscc:甲", "uscc:乙", "uscc:丙", "uscc:丁"] {
            earlier.add(key: key, heldBy: 1, snapshot: "2020-06-30")
        }
        #expect(earlier.resolved().refounded == ["uscc:丁", "uscc:乙"])
        #expect(earlier.resolved().reclassified == ["uscc:丙"])
        var tally = MemberCounts.Tally(earlier: earlier)
        for (key, month, district, status, amount) in [
            ("uscc:甲", 201_903, "330108", "revoked", "5000000"), ("uscc:乙", 202_011, "330106", "active", nil),
            ("uscc:丙", 202_001, "330110", "active", "100"), ("uscc:丁", 202_006, "330110", "active", "7"),
        ] {
            tally.add(
                key: key, month: month, segment: "vision", layer: "technology", district: district, status: status,
                isMain: true, currency: amount == nil ? nil : "CNY", amount: amount)
        }
        let counts = tally.counts(provenance: CountProvenance(imports: [], taxonomyID: "ai"))
        let march2019 = try #require(YearMonth(year: 2019, month: 3))
        let xihu = try #require(RegionCode(rawValue: "330106"))
        // 丙 is classified again as it was (`Reexamined`, not added here): its stored row is not counted.
        #expect(
            counts.cells == [
                MemberCounts.Cell(month: march2019, layer: "technology", district: xihu, status: .active, count: 2)
            ])
        #expect(counts.segmentCells.map(\.district) == [xihu])
        // 甲's capital was unknown then: nothing is summed.
        #expect(counts.capital.isEmpty)
    }

    /// Imports 1 (June), 2 (November) and 3 (October, imported after November), counted as of `day`: what the
    /// tally counts 甲 as, by status and district.
    static func counted(
        asOf day: String, november: String, october: String?, held: [(Int64, String)]
    ) throws -> [String] {
        var earlier = MemberCounts.EarlierFacts(asOf: try #require(CalendarDate(iso: day)))
        if day < "2022-11-30" { try earlier.add(key: "uscc:甲", importID: 2, applied: november) }
        if let october, day >= "2022-10-31" { try earlier.add(key: "uscc:甲", importID: 3, unapplied: october) }
        for (id, snapshot) in held where snapshot <= day { earlier.add(key: "uscc:甲", heldBy: id, snapshot: snapshot) }
        var tally = MemberCounts.Tally(earlier: earlier)
        tally.add(
            key: "uscc:甲", month: 201_903, segment: "vision", layer: "technology", district: "330108",
            status: "deregistered", isMain: true, currency: nil, amount: nil)
        return tally.counts(provenance: CountProvenance(imports: [], taxonomyID: "ai")).cells.map {
            "\($0.status?.rawValue ?? "-") \($0.district?.rawValue ?? "-")"
        }
    }

    @Test("A fact as of a day is what the latest export taken by then said, though imported after a newer one")
    func latestExportByTheDay() throws {
        // June: active in 330106. November (applied): struck off and moved to 330108. October, imported after
        // November: revoked, and already in 330108 (a district the row did not change, so not in its entry).
        let november = #"{"status":["active","deregistered"],"region":["330106","330108"]}"#
        let october = #"{"status":["deregistered","revoked"]}"#
        let all: [(Int64, String)] = [(1, "2022-06-30"), (2, "2022-11-30"), (3, "2022-10-31")]
        #expect(
            try Self.counted(asOf: "2022-07-31", november: november, october: october, held: all) == ["active 330106"])
        #expect(
            try Self.counted(asOf: "2022-10-31", november: november, october: october, held: all) == ["revoked 330108"])
        #expect(
            try Self.counted(asOf: "2022-12-31", november: november, october: october, held: all) == [
                "deregistered 330108"
            ])
        // Without October's row, October's day has June's facts, from before November's changes.
        #expect(
            try Self.counted(asOf: "2022-10-31", november: november, october: nil, held: Array(all.prefix(2)))
                == ["active 330106"])
        // October's row said what was stored: held by October's import, 甲 as of October has November's facts.
        #expect(
            try Self.counted(asOf: "2022-10-31", november: november, october: nil, held: all) == ["deregistered 330108"]
        )
    }
}
