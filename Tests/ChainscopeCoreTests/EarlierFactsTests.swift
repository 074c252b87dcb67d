import ChainscopeCore
import Foundation
import Testing

@Suite("Counts as of a day take the facts companies had then from their histories")
struct EarlierFactsTests {
    @Test("A fact as of the day is its value before the first later change; other companies keep theirs")
    func earliestChangeWins() throws {
        var earlier = MemberCounts.EarlierFacts()
        #expect(earlier.isEmpty)
        // 甲: struck off in August and moved in December; its capital was unknown until August.
        try earlier.add(
            key: "uscc:甲",
            changes: #"{"status":["active","deregistered"],"capital_amount":[null,"5000000"],"#
                + #""capital_currency":[null,"CNY"],"raw.登记状态":["存续","注销"]}"#)
        try earlier.add(
            key: "uscc:甲", changes: #"{"status":["deregistered","revoked"],"region":["330106","330108"]}"#)
        // 乙: founded on another day, by a later export's reading.
        try earlier.add(key: "uscc:乙", changes: #"{"founded":["2019-03-05","2020-11-30"]}"#)
        // 丙: only a name changed, which counts do not use.
        try earlier.add(key: "uscc:丙", changes: #"{"name_zh":["杭州丙科技有限公司","杭州丙智能科技有限公司"]}"#)
        var tally = MemberCounts.Tally(earlier: earlier)
        for (key, month, district, status, amount) in [
            ("uscc:甲", 201_903, "330108", "revoked", "5000000"), ("uscc:乙", 202_011, "330106", "active", nil),
            ("uscc:丙", 202_001, "330110", "active", "100"),
        ] {
            tally.add(
                key: key, month: month, segment: "vision", layer: "technology", district: district, status: status,
                isMain: true, currency: amount == nil ? nil : "CNY", amount: amount)
        }
        let counts = tally.counts(provenance: CountProvenance(imports: [], taxonomyID: "ai"))
        let (march2019, january2020) = (
            try #require(YearMonth(year: 2019, month: 3)), try #require(YearMonth(year: 2020, month: 1))
        )
        let (xihu, yuhang) = (
            try #require(RegionCode(rawValue: "330106")), try #require(RegionCode(rawValue: "330110"))
        )
        #expect(
            counts.cells == [
                MemberCounts.Cell(month: march2019, layer: "technology", district: xihu, status: .active, count: 2),
                MemberCounts.Cell(month: january2020, layer: "technology", district: yuhang, status: .active, count: 1),
            ])
        #expect(counts.segmentCells.map(\.district) == [xihu, yuhang])
        // 甲's capital was unknown then: only 丙's is summed.
        #expect(counts.capital == [Currency(rawValue: "CNY"): 100])
    }
}
