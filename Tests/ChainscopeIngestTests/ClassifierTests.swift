import ChainscopeCore
import ChainscopeIngest
import ChainscopeTestSupport
import Foundation
import Testing

@Suite("Classifier rules and evidence")
struct ClassifierTests {
    static let loaded = Result { Classifier(try TaxonomyReader().read(named: "ai")) }
    /// The AI classifier; a broken built-in taxonomy fails every test that uses it.
    static var classifier: Classifier {
        get throws { try loaded.get() }
    }

    func classify(_ scope: String, name: String = "杭州测试科技有限公司", industry: String? = nil) -> Classification {
        (try? Self.classifier.classify(name: name, scope: scope, industry: industry))
            ?? Classification(
                taxonomyID: "missing", taxonomyVersion: 0, isMember: false, mainLayer: nil, confidence: 0, segments: [],
                evidence: [])
    }

    @Test(
        "Each judgement rule decides its case, and the evidence names the rule",
        arguments: [
            ("人工智能培训；软件开发", "人工智能", Evidence.Rule.excludedByPhrase, "人工智能培训"),
            ("机器人玩具销售；日用百货销售", "机器人", .excludedByPhrase, "机器人玩具"),
            ("芯片贴膜；手机配件销售", "芯片", .excludedByPhrase, "芯片贴膜"),
            ("机器人编程培训；文具销售", "机器人", .excludedInClause, "培训"),
            ("人工智能技术推广服务；广告设计", "人工智能技术", .excludedInClause, "推广"),
            ("智能家居产品销售及安装；家具销售", "智能家居", .saleOnly, nil),
            ("人工智能产品销售；日用百货销售", "人工智能产品", .saleOnly, nil),
            ("程控交换机（人工智能台）的安装", "人工智能", .excludedByPhrase, "人工智能台"),
        ] as [(String, String, Evidence.Rule, String?)])
    func rules(scope: String, term: String, rule: Evidence.Rule, trigger: String?) throws {
        let result = classify(scope)
        #expect(!result.isMember)
        let item = try #require(result.evidence.first { $0.term == term }, "\(result.evidence)")
        #expect(item.rule == rule)
        #expect(item.trigger == trigger)
        #expect(item.weight == 0)
    }

    @Test("Selling a named product counts; the same sale of a generic product does not")
    func namedProducts() {
        #expect(classify("工业机器人销售；机械设备销售", name: "杭州某某贸易有限公司").mainLayer == "application")
        #expect(classify("工业机器人销售；机械设备销售", name: "杭州某某贸易有限公司").isMember)
        #expect(classify("传感器、仪器仪表的销售", name: "杭州某某贸易有限公司").memberSegments == ["sensors"])
        #expect(!classify("智能家庭消费设备销售；家用电器销售", name: "杭州某某贸易有限公司").isMember)
    }

    @Test("An item deep in a long list of unrelated trades is not prominent, unless the company is about technology")
    func prominence() throws {
        let scope = "餐饮管理；物业管理；保洁服务；园林绿化；人工智能技术开发；酒店管理"
        let trader = classify(scope, name: "杭州全业实业有限公司")
        #expect(!trader.isMember)
        #expect(trader.evidence.first { $0.term == "人工智能技术" }?.rule == .notProminent)
        #expect(classify(scope, name: "杭州全业智能科技有限公司").isMember)
        #expect(classify("人工智能技术开发；餐饮管理；物业管理", name: "杭州全业实业有限公司").isMember)
    }

    @Test("A generic data item counts in a technology company, and never decides the layer over a specific item")
    func genericItems() {
        #expect(!classify("数据处理和存储支持服务；日用百货销售", name: "杭州百货商贸有限公司").isMember)
        let alone = classify("数据处理和存储支持服务；软件开发", name: "杭州数云信息技术有限公司")
        #expect(alone.isMember && alone.mainLayer == "foundation")
        #expect(alone.confidence < 1)
        let both = classify("数据处理和存储支持服务；人脸识别技术开发", name: "杭州数云信息技术有限公司")
        #expect(both.mainLayer == "technology")
    }

    @Test("Manufacturing outranks development; named technologies outrank generic AI software; then order")
    func mainLayer() {
        #expect(classify("计算机视觉技术研发；工业机器人制造").mainLayer == "application")
        #expect(classify("人工智能技术开发；人脸识别系统开发").mainLayer == "technology")
        #expect(classify("人脸识别系统开发；无人机技术服务").mainLayer == "technology")
        #expect(classify("无人机技术服务；人脸识别系统开发").mainLayer == "application")
        #expect(classify("视觉处理芯片的设计、生产及销售；图像识别算法开发").mainLayer == "foundation")
    }

    @Test(
        "Verbs are shared the way scopes write lists; an item with its own verb keeps it",
        arguments: [
            ("传感器、仪器仪表的销售", "杭州某某贸易有限公司", true),  // sensors count when sold
            ("智能家居、家具的销售", "杭州某某科技有限公司", false),  // smart-home products only sold
            ("智能家居产品销售、软件开发", "杭州某某科技有限公司", false),  // 软件开发 is an item, not a verb tail
            ("人工智能通用应用系统、日用百货销售", "杭州某某科技有限公司", true),  // a catalogue item needs no verb
            ("批发、零售：智能家居产品", "杭州某某科技有限公司", false),  // a heading of verbs
            ("制造、加工：智能家居产品", "杭州某某科技有限公司", true),
        ] as [(String, String, Bool)])
    func sharedVerbs(scope: String, name: String, isMember: Bool) {
        #expect(classify(scope, name: name).isMember == isMember, "\(classify(scope, name: name).evidence)")
    }

    @Test("Licence boilerplate is ignored and does not count as an item")
    func boilerplate() throws {
        let result = classify(
            "一般项目：技术服务；软件开发；人工智能应用软件开发（除依法须经批准的项目外，凭营业执照依法自主开展经营活动）。",
            name: "杭州某某贸易有限公司")
        let item = try #require(result.evidence.first { $0.segment == "ai_software" })
        #expect(item.clauseIndex == 2)
        #expect(item.rule == .leadingClause)
        #expect(result.evidence.allSatisfy { !$0.clause.contains("依法") })
    }

    @Test("Evidence gives the field, the clause as written, the term and its character offset")
    func evidence() throws {
        let scope = "一般项目：软件开发；ＡＩ芯片设计；工业机器人制造"
        let result = classify(scope)
        let chips = try #require(result.evidence.first { $0.segment == "chips" })
        #expect(chips.field == .scope)
        #expect(chips.clause == "ＡＩ芯片设计")
        #expect(chips.term == "芯片")
        #expect(Array(scope.unicodeScalars)[chips.offset] == "芯")
        #expect(result.segments.map(\.segment) == ["robots", "chips"])
        #expect(result.segments[0].score == 1.25)
    }

    @Test("Full-width and upper-case English scopes are matched after folding")
    func folding() {
        #expect(classify("ＲＥＳＥＡＲＣＨ ＯＦ Ｃｏｍｐｕｔｅｒ Ｖｉｓｉｏｎ; software").memberSegments == ["vision"])
        #expect(classify("Manufacture of Industrial ROBOTS").mainLayer == "application")
        #expect(!classify("Artificial Intelligence training; sale of toys").isMember)
    }

    @Test("An empty scope is classified from the name and industry, and the evidence says so")
    func emptyScope() throws {
        let named = try Self.classifier.classify(name: "杭州深脑人工智能科技有限公司", scope: "", industry: "软件和信息技术服务业")
        #expect(named.isMember)
        #expect(named.evidence.first?.rule == .emptyScope)
        #expect(named.evidence.contains { $0.field == .name && $0.rule == .name && $0.weight == 1 })
        let plain = try Self.classifier.classify(name: "杭州云鹏贸易有限公司", scope: nil, industry: nil)
        #expect(!plain.isMember && plain.evidence.map(\.rule) == [.emptyScope])
    }

    @Test("A supporting industry adds to a segment that has evidence, and is shown")
    func industry() throws {
        let result = classify("工业机器人制造", industry: "工业机器人制造")
        #expect(result.segments.first?.score == 1.5)
        #expect(result.evidence.contains { $0.field == .industry && $0.rule == .industrySupports })
        #expect(classify("软件开发", industry: "工业机器人制造").segments.isEmpty)
    }

    @Test("The naive baseline takes any term anywhere")
    func baseline() throws {
        let naive = try Self.classifier.baseline(name: "杭州某某公司", scope: "人工智能培训；机器人玩具销售", industry: nil)
        #expect(naive.isMember)
        #expect(Set(naive.segments.map(\.segment)) == ["ai_software", "robots"])
    }

    @Test("The second taxonomy needs YAML only and classifies an IC company")
    func secondTaxonomy() throws {
        let ic = Classifier(try TaxonomyReader().read(named: "ic"))
        let result = ic.classify(name: "杭州晶测微电子有限公司", scope: "集成电路封装测试；芯片测试服务；芯片贴膜", industry: nil)
        #expect(result.isMember)
        #expect(result.mainLayer == "packaging_testing")
        #expect(!ic.classify(name: "杭州某某贸易有限公司", scope: "芯片贴膜；芯片卡销售", industry: nil).isMember)
    }
}

@Suite("Multi-pattern matcher")
struct PatternMatcherTests {
    @Test("Finds exactly what a naive search finds, overlapping and nested patterns included")
    func agreesWithNaiveSearch() {
        // Characters of one to four UTF-8 bytes: the matcher reads characters, offsets count bytes.
        let patterns = ["人工智能", "智能", "人工智能培训", "能培", "机器人", "机器", "ab", "b", "abc", "", "训", "é𝔸", "𝔸a"]
        let matcher = PatternMatcher(patterns)
        var random = SeededRandom(seed: 2022)
        // 中, x and the ideographic punctuation are in no pattern: they share the table's column 0.
        let alphabet = Array("人工智能培训机器人abc、；中xé𝔸ß")
        for _ in 0..<300 {
            let text = String(
                (0..<Int.random(in: 0..<40, using: &random)).map { _ in alphabet.randomElement(using: &random)! })
            let bytes = Array(text.utf8)
            var expected: [PatternMatcher.Match] = []
            for end in 1...max(bytes.count, 1) where end <= bytes.count {
                for (index, pattern) in patterns.enumerated() where !pattern.isEmpty {
                    let needle = Array(pattern.utf8)
                    if end >= needle.count && Array(bytes[(end - needle.count)..<end]) == needle {
                        expected.append(PatternMatcher.Match(pattern: index, start: end - needle.count, end: end))
                    }
                }
            }
            #expect(matcher.matches(in: text) == expected, "\(text)")
            #expect(matcher.containsMatch(in: bytes) == !expected.isEmpty, "\(text)")
        }
    }

    @Test("A long text read as one pass finds matches across any cut, and patterns longer than the text never match")
    func longTexts() {
        let matcher = PatternMatcher(["人工智能", "智能机器人的研发", "发、生"])
        let text = String(repeating: "软件开发、智能机器人的研发、生产；", count: 40)
        let found = matcher.matches(in: text)
        #expect(found.count == 80)
        #expect(found.filter { $0.pattern == 1 }.count == 40 && found.filter { $0.pattern == 2 }.count == 40)
        #expect(
            found.allSatisfy {
                Array(text.utf8)[$0.start..<$0.end].elementsEqual(["人工智能", "智能机器人的研发", "发、生"][$0.pattern].utf8)
            })
        #expect(matcher.matches(in: "人工智").isEmpty && !matcher.containsMatch(in: Array("人工智".utf8)))
    }

    @Test(
        "Folding while searching finds full-width and capital spellings that a plain search does not",
        arguments: [
            ("ＡＩ芯片研发", true), ("AI芯片研发", true), ("ai芯片研发", true), ("Ａi芯片", true), ("A I芯片", false),
            ("ＡＩ　芯片", false), ("ＡＩ　芯片研发", true), ("人工智能", false),
        ])
    func foldingSearch(text: String, found: Bool) {
        let matcher = PatternMatcher(["ai芯片", "ai 芯片研发"])
        var text = text
        #expect(text.withUTF8 { matcher.containsMatch(foldingUTF8: $0) } == found)
        #expect(matcher.containsMatch(in: Array(text.utf8)) == (found && text.hasPrefix("ai")))
    }
}
