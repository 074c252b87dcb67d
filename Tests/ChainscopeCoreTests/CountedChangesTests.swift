import ChainscopeCore
import Foundation
import Testing

@Suite("An as-of count reads the counted columns of a history entry on its bytes")
struct CountedChangesTests {
    typealias Changes = MemberCounts.EarlierFacts.CountedChanges

    @Test(
        "Counted columns with two values are read; raw cells and other columns are skipped",
        arguments: [
            (
                #"{"business_scope":["软件开发","人工智能应用软件开发"],"raw.电话":["1","2"]}"#,
                ["business_scope": ["软件开发", "人工智能应用软件开发"]]
            ),
            (
                #"{"capital_amount":[null,"5000000"],"status":["active","revoked"]}"#,
                ["capital_amount": [nil, "5000000"], "status": ["active", "revoked"]]
            ),
            // Whitespace, any key order, nested and scalar values of other columns.
            (
                " { \"raw.x\" : { \"a\" : [1, true, null, {\"b\": -2.5e3}] } ,\n\t\"founded\" : [ \"2019-03-05\" , null ] } ",
                ["founded": ["2019-03-05", nil]]
            ),
            // Escapes in values and keys: a key spelt with an escape is still the column.
            (#"{"name\u005fzh":["a\"b\\c\/d\n","\u674e\ud83d\ude00"]}"#, ["name_zh": ["a\"b\\c/d\n", "李😀"]]),
            // A counted column whose entry is not a pair is no change of it.
            (#"{"region":["330106"],"status":[],"industry_name":["a","b","c"]}"#, [:]),
            (#"{}"#, [:]),
        ] as [(String, [String: [String?]])])
    func reads(json: String, expected: [String: [String?]]) throws {
        #expect(try Changes.values(in: json, at: .before) == expected.mapValues { $0[0] })
        #expect(try Changes.values(in: json, at: .after) == expected.mapValues { $0[1] })
    }

    @Test(
        "Text that is not an object of string pairs is refused at the byte where it goes wrong",
        arguments: [
            (#"{"status":["active","revoked"]"#, 30),  // unclosed
            (#"{"status":["active","revoked"]} x"#, 32),  // trailing text
            (#"{"status":["active",5]}"#, 20),  // a number in a counted pair
            (#"{"status":["act"#, 15),  // unclosed string
            ("{\"status\":[\"a\nb\",null]}", 13),  // a raw line feed in a string
            (#"{"status":["\ud83d x",null]}"#, 12),  // a lone surrogate
            (#"{"status":["\q",null]}"#, 12),  // an unknown escape
            (#"{"status":["a",{}]}"#, 15),  // an object in a counted pair
            (#"["status"]"#, 0),
            ("", 0),
        ] as [(String, Int)])
    func refuses(json: String, offset: Int) {
        #expect(refusal(json, at: .before) == offset)
    }

    @Test("Only the side read is decoded: a bad escape on the other side is not looked at")
    func decodesOneSide() throws {
        let badBefore = #"{"status":["\q","revoked"]}"#
        #expect(try Changes.values(in: badBefore, at: .after) == ["status": "revoked"])
        #expect(refusal(badBefore, at: .before) == 12)
        let badAfter = #"{"status":["active","\ud83d"]}"#
        #expect(try Changes.values(in: badAfter, at: .before) == ["status": "active"])
        #expect(refusal(badAfter, at: .after) == 21)
    }

    /// Where reading `side` of `json` is refused, nil when it is read.
    private func refusal(_ json: String, at side: Changes.Side) -> Int? {
        do {
            _ = try Changes.values(in: json, at: side)
            return nil
        } catch {
            return error.offset
        }
    }

    @Test("Entries written as the stores write them read as JSONSerialization reads them")
    func agreesWithFoundation() throws {
        var random = SplitMix(seed: 2022)
        let columns = Changes.columns + ["raw.经营范围", "raw.电话", "email", "raw.\"quoted\""]
        let texts: [String?] = [nil, "", "存续", "a\"b", "back\\slash", "tab\there", "line\nfeed", "\u{1}", "😀杭州", "/"]
        for _ in 0..<500 {
            var changes: [String: [String?]] = [:]
            for column in columns where Bool.random(using: &random) {
                changes[column] = (0..<Int.random(in: 0...3, using: &random)).map { _ in
                    texts.randomElement(using: &random)!
                }
            }
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
            let json = String(decoding: try encoder.encode(changes), as: UTF8.self)
            let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: [Any]])
            let expected = object.filter { Changes.columns.contains($0.key) && $0.value.count == 2 }
                .mapValues { $0.map { $0 as? String } }
            #expect(try Changes.values(in: json, at: .before) == expected.mapValues { $0[0] }, "\(json)")
            #expect(try Changes.values(in: json, at: .after) == expected.mapValues { $0[1] }, "\(json)")
        }
    }

    @Test("A history entry that cannot be read fails the count, naming the company and the import")
    func corruptEntry() throws {
        var earlier = MemberCounts.EarlierFacts(asOf: try #require(CalendarDate(iso: "2022-06-30")))
        #expect {
            try earlier.add(key: "uscc:甲", importID: 7, applied: #"{"status":["active""#)
        } throws: { error in
            "\(error)".contains("company_history of uscc:甲, import 7") && (error as? StoreError)?.code == .corruptRow
        }
    }
}
