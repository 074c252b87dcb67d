import ChainscopeCore
import ChainscopeIngest
import Testing

@Suite("Counts as of a day classify companies as they were then")
struct ReclassifiedCountsTests {
    static let (ai, catering) = ("人工智能软件开发", "餐饮服务")

    /// As of 2022-06-30, held by June's import (1); October's (2) applied the changes. The stored companies: 甲, a
    /// member now whose scope was catering; 乙, a member then, now catering and moved from 330108; 丙, founded after the
    /// day by June's export, corrected since.
    static func tally(addsReexamined: Bool) throws -> MemberCounts {
        let taxonomy = try TaxonomyReader().read(named: "ai")
        var earlier = MemberCounts.EarlierFacts(asOf: try #require(CalendarDate(iso: "2022-06-30")))
        try earlier.add(key: "uscc:甲", importID: 2, applied: #"{"business_scope":["\#(catering)","\#(ai)"]}"#)
        try earlier.add(
            key: "uscc:乙", importID: 2,
            applied: #"{"business_scope":["\#(ai)","\#(catering)"],"region":["330108","330106"]}"#)
        try earlier.add(
            key: "uscc:丙", importID: 2,
            applied: #"{"business_scope":["人工智能基础软件开发","\#(ai)"],"founded":["2022-07-01","2021-01-01"]}"#)
        for key in ["uscc:甲", "uscc:乙", "uscc:丙"] { earlier.add(key: key, heldBy: 1, snapshot: "2022-06-30") }
        var tally = MemberCounts.Tally(earlier: earlier)
        // The members' stored segment rows: 甲 and 丙.
        for key in ["uscc:甲", "uscc:丙"] {
            tally.add(
                key: key, month: 202_103, segment: "ai_software", layer: "technology", district: "330106",
                status: "active", isMain: true, currency: nil, amount: nil)
        }
        // The companies whose classification's inputs changed, as stored (`reclassifiedColumns`).
        var reexamined = MemberCounts.Reexamined(earlier: earlier, classifier: Classifier(taxonomy))
        for (key, scope) in [("uscc:甲", ai), ("uscc:乙", catering), ("uscc:丙", ai)] {
            reexamined.add(
                key: key,
                stored: ["杭州\(key.suffix(1))科技有限公司", nil, scope, nil, "2021-03-01", "330106", "active", nil, nil])
        }
        if addsReexamined { tally.add(reexamined) }
        return tally.counts(provenance: CountProvenance(imports: [], taxonomyID: taxonomy.id))
    }

    @Test("A company is counted by the classification of its name and scope as of the day, with that day's facts")
    func classifiedAsOfTheDay() throws {
        let counts = try Self.tally(addsReexamined: true)
        #expect(
            counts.cells.map { "\($0.layer ?? "-") \($0.district?.rawValue ?? "-") \($0.count)" } == [
                "technology 330108 1"
            ])
        #expect(counts.segmentCells.map { "\($0.segment) \($0.month?.description ?? "-")" } == ["ai_software 2021-03"])
        // The stored segment rows of the companies classified again are not counted: 甲 is not counted as stored.
        #expect(try Self.tally(addsReexamined: false).cells.isEmpty)
    }
}
