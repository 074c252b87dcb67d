import ChainscopeCore
import ChainscopeIngest
import Foundation
import Testing

/// One reference figure as the reference sheet gives it.
struct ReferenceFigure: Sendable, CustomTestStringConvertible {
    let reference: String
    let value: FactValue
    let unit: FactUnit
    let qualifier: Qualifier
    let source: String
    let via: [String]

    var testDescription: String { reference }
}

let article = ["boannews"]
let throughKotra = ["kotra-hangzhou", "boannews"]
let referenceFigures: [ReferenceFigure] = [
    .init(
        reference: "R1", value: .rank(4, after: ["110000", "440300", "310000"].map { RegionCode(rawValue: $0)! }),
        unit: .rank, qualifier: .exact, source: "qianzhan", via: article),
    .init(
        reference: "R2", value: .number(36), unit: .domains, qualifier: .exact, source: "kotra-hangzhou", via: article),
    .init(
        reference: "R3", value: .number(207_200_000_000), unit: .yuan, qualifier: .exact, source: "qianzhan",
        via: article),
    .init(
        reference: "R4", value: .number(Decimal(string: "8.7")!), unit: .percent, qualifier: .exact, source: "qianzhan",
        via: article),
    .init(
        reference: "R5", value: .number(39_000_000_000_000), unit: .won, qualifier: .about, source: "boannews", via: []),
    .init(
        reference: "R6", value: .number(190_600_000_000), unit: .yuan, qualifier: .about, source: "qianzhan",
        via: article),
    .init(
        reference: "R7", value: .number(25_906), unit: .patents, qualifier: .exact, source: "kotra-hangzhou",
        via: article),
    .init(
        reference: "R8", value: .number(7_691), unit: .patents, qualifier: .exact, source: "kotra-hangzhou",
        via: article),
    .init(
        reference: "R9", value: .number(10_320), unit: .companies, qualifier: .exact, source: "qichacha", via: article),
    .init(
        reference: "R10", value: .exceeds(.year(2021)), unit: .companies, qualifier: .exact, source: "qichacha",
        via: article),
    .init(
        reference: "R11", value: .number(43), unit: .companies, qualifier: .exact, source: "kotra-hangzhou",
        via: article),
    .init(
        reference: "R12", value: .number(37), unit: .companies, qualifier: .exact, source: "kotra-hangzhou",
        via: article),
    .init(
        reference: "R13", value: .number(5), unit: .companies, qualifier: .exact, source: "kotra-hangzhou", via: article
    ),
    .init(
        reference: "R14", value: .number(7_000), unit: .people, qualifier: .about, source: "kotra-hangzhou",
        via: article),
    .init(
        reference: "R15", value: .number(5_000_000), unit: .yuan, qualifier: .upTo, source: "hangzhou-government",
        via: throughKotra),
    .init(
        reference: "R16", value: .number(90), unit: .policies, qualifier: .about, source: "hangzhou-government",
        via: throughKotra),
    .init(reference: "R17", value: .number(3), unit: .parks, qualifier: .exact, source: "kotra-hangzhou", via: article),
    .init(
        reference: "R17", value: .number(4), unit: .policies, qualifier: .exact, source: "kotra-hangzhou", via: article),
]

@Suite("The built-in Hangzhou AI 2022 dataset")
struct BuiltinDatasetTests {
    static let loaded = Result { try DatasetReader().readBuiltin("hangzhou-ai-2022") }

    func dataset() throws -> Dataset { try Self.loaded.get() }

    @Test("Every reference figure is present with its value, unit, source and via", arguments: referenceFigures)
    func referenceFigure(_ expected: ReferenceFigure) throws {
        let matches = try dataset().facts(reference: expected.reference).filter { $0.unit == expected.unit }
        let fact = try #require(
            matches.count == 1 ? matches.first : nil, "one \(expected.reference) in \(expected.unit)")
        #expect(fact.value == expected.value)
        #expect(fact.qualifier == expected.qualifier)
        #expect(fact.citation == Citation(source: expected.source, via: expected.via))
        #expect(fact.region == .hangzhou)
    }

    @Test("R1–R17 are all there and nothing else claims a reference")
    func referencesComplete() throws {
        let references = Set(try dataset().facts.compactMap(\.reference))
        #expect(references == Set((1...17).map { "R\($0)" }))
    }

    @Test("The 2020 market size is derived from R3 and R4 and says so")
    func derived() throws {
        let fact = try #require(try dataset().facts(reference: "R6").first)
        let derivation = try #require(fact.derived)
        #expect(Set(try Formula(derivation.formula).inputs) == ["market-size-2021", "market-growth-2021"])
        #expect(try dataset().facts.filter { $0.derived != nil }.map(\.reference) == ["R6"])
    }

    @Test("The article is cited as it is known: Korean, its date, headline and URL empty")
    func article() throws {
        let source = try #require(try dataset().source("boannews"))
        #expect(source.language == .ko)
        #expect(source.publisher.ko == "보안뉴스")
        #expect(source.date == nil && source.title == nil && source.url == nil)
        #expect(source.author?.contains("윤서정") == true)
    }

    @Test("Value chain, domains, companies, parks, programme and policies are as the sheet says")
    func curatedLists() throws {
        let dataset = try dataset()
        let chain = try #require(dataset.valueChain)
        #expect(chain.layers.map(\.id) == ["foundation", "technology", "application"])
        #expect(chain.layers.map(\.segments.count) == [5, 4, 3])
        #expect(dataset.applicationDomains?.named.count == 9)
        #expect(dataset.companies.map(\.names.zh) == ["阿里巴巴", "海康威视", "蚂蚁集团"])
        #expect(dataset.companies.allSatisfy { $0.names.ko != nil && $0.names.en != nil })
        #expect(dataset.parks.count == 3)
        #expect(dataset.parks.allSatisfy { $0.benefits.count == 6 })
        #expect(dataset.programmes.first?.funding == Money(5_000_000, .yuan))
        #expect(dataset.programmes.first?.fundingQualifier == .upTo)
        #expect(dataset.policies.count == 4)
        #expect(dataset.policies.allSatisfy { $0.titles.ko != nil && $0.titles.en != nil && $0.titles.zh == nil })
    }

    @Test("The counts of named parks and policies (R17) match the lists")
    func namedCounts() throws {
        let dataset = try dataset()
        let counts = dataset.facts(reference: "R17").map { ($0.unit, $0.value) }
        #expect(counts.contains { $0 == (.parks, .number(Decimal(dataset.parks.count))) })
        #expect(counts.contains { $0 == (.policies, .number(Decimal(dataset.policies.count))) })
    }

    @Test("Every stored item knows its file and line")
    func provenance() throws {
        let fact = try #require(try dataset().facts(reference: "R3").first)
        #expect(fact.provenance.kind == .dataset)
        #expect(fact.provenance.collection == "hangzhou-ai-2022")
        #expect(fact.provenance.file == "facts.yaml")
        #expect((fact.provenance.line ?? 0) > 1)
    }
}
