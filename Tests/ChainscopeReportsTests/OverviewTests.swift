import ChainscopeCore
import ChainscopeIngest
import ChainscopeReports
import Testing

@Suite("The overview of the built-in dataset")
struct OverviewTests {
    static let inputs = Result {
        (try DatasetReader().readBuiltin("hangzhou-ai-2022"), try RegionTableReader().readBuiltin())
    }

    func render(_ language: Language) throws -> String {
        let (dataset, regions) = try Self.inputs.get()
        return Overview(dataset: dataset, regions: regions, language: language).render()
    }

    @Test(
        "Every reference figure appears with its value and a footnote naming its source", arguments: Language.allCases)
    func everyFigure(language: Language) throws {
        let (dataset, regions) = try Self.inputs.get()
        let text = try render(language)
        let lines = text.split(separator: "\n").map(String.init)
        let formatting = FactFormatting(language: language, regions: regions)
        for fact in dataset.facts {
            let label = fact.label.text(in: language)
            let line = try #require(
                lines.first { $0.contains("\(fact.reference!) ") && $0.contains(label) }, "\(fact.id)")
            #expect(line.contains(formatting.value(of: fact)), "\(line)")
            let marker = try #require(line.split(separator: " ").last.map(String.init), "\(line)")
            let note = try #require(lines.first { $0.hasPrefix("  \(marker) ") }, "footnote \(marker)")
            let publisher = try #require(dataset.source(fact.citation.source)).publisher.text(in: language)
            #expect(note.contains(publisher), "\(note)")
            for via in fact.citation.via {
                #expect(note.contains(try #require(dataset.source(via)).publisher.text(in: language)), "\(note)")
            }
        }
    }

    @Test("Figures are written the way each language writes them")
    func languageFormats() throws {
        let korean = try render(.ko)
        for expected in ["2,072억 위안", "1만 320개", "약 39조 원", "최대 500만 위안", "2만 5,906건", "약 7,000명", "4위"] {
            #expect(korean.contains(expected), "\(expected)")
        }
        let chinese = try render(.zh)
        for expected in ["2072亿元", "10,320家", "约39万亿韩元", "最高500万元", "第4位", "2022年1—10月"] {
            #expect(chinese.contains(expected), "\(expected)")
        }
        let english = try render(.en)
        for expected in [
            "207.2 billion yuan", "10,320 companies", "about 39 trillion won", "after Beijing, Shenzhen and Shanghai",
        ] {
            #expect(english.contains(expected), "\(expected)")
        }
    }

    @Test("The derived 2020 figure says how it was derived")
    func derivedFootnote() throws {
        let english = try render(.en)
        #expect(english.contains("Derived by Chainscope: R3 / (1 + R4 / 100), rounded to the nearest 100 million yuan"))
        #expect(try render(.ko).contains("Chainscope 계산: R3 / (1 + R4 / 100)"))
    }

    @Test("Value chain, parks, programme and policies are listed", arguments: Language.allCases)
    func lists(language: Language) throws {
        let (dataset, _) = try Self.inputs.get()
        let text = try render(language)
        for layer in dataset.valueChain!.layers {
            #expect(text.contains(layer.names.text(in: language)))
            for segment in layer.segments { #expect(text.contains(segment.names.text(in: language))) }
        }
        for park in dataset.parks { #expect(text.contains(park.names.text(in: language))) }
        for policy in dataset.policies { #expect(text.contains(policy.titles.text(in: language))) }
        for company in dataset.companies { #expect(text.contains(company.names.text(in: language))) }
        #expect(text.contains(dataset.programmes[0].names.text(in: language)))
    }

    @Test("The sources list says what is not known about the article")
    func unknownParts() throws {
        #expect(try render(.en).contains("Boan News (보안뉴스); 윤서정 (Yoon Seo-jung)"))
        #expect(try render(.en).contains("date, headline and URL not known"))
    }
}
