import ChainscopeCore
import Testing

@Suite("Search grams")
struct SearchGramsTests {
    /// Every character and neighbouring pair of the names' words (lower-cased, split at white space), each
    /// once: the definition, computed the plain way.
    private static func expected(_ names: [String]) -> [String] {
        var grams: Set<String> = []
        for name in names {
            for word in name.lowercased().split(whereSeparator: \.isWhitespace) {
                let characters = Array(word)
                for (index, character) in characters.enumerated() {
                    grams.insert(String(character))
                    if index + 1 < characters.count { grams.insert(String([character, characters[index + 1]])) }
                }
            }
        }
        return grams.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
    }

    @Test(arguments: [
        ["杭州星智机器人有限公司"],
        ["智能智能智能", "Hangzhou AI Co., Ltd."],
        ["항저우 인공지능", "杭州 人工智能"],
        ["a\u{0}b", "a", "a\u{0}"],
        ["😀😀a", "🇨🇳🇰🇷 flags", "ÀÉ Straße"],
        ["  ", ""],
        [],
    ])
    func gramsAreEachCharacterAndPairOnceInByteOrder(names: [String]) {
        #expect(SearchGrams.grams(of: names) == Self.expected(names))
    }

    @Test func noPairSpansWhiteSpaceSinceNoScanWouldFindIt() {
        let grams = SearchGrams.grams(of: ["Ant Group", "항저우 인공지능", "杭州\u{3000}人工\n智能"])
        for pair in ["tg", "우인", "州人", "工智"] { #expect(!grams.contains(pair), "\(pair)") }
        for pair in ["an", "gr", "저우", "인공", "杭州", "人工", "智能"] { #expect(grams.contains(pair), "\(pair)") }
    }

    @Test func repeatsAreFoundByBytesAsTheDatabasesCompareThem() {
        // "é" precomposed and decomposed are canonically equal in Swift, but two texts in SQLite and PostgreSQL.
        let grams = SearchGrams.grams(of: ["\u{E9}", "e\u{301}"])
        #expect(grams.count == 2)
        #expect(grams.map { Array($0.utf8) } == [[0x65, 0xCC, 0x81], [0xC3, 0xA9]])
    }
}
