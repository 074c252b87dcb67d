public import ChainscopeCore
import Foundation

/// Small hand-made domain values for tests, independent of the built-in files.
public enum Fixtures {
    public static func provenance(_ file: String = "facts.yaml", line: Int? = 1) -> Provenance {
        Provenance(kind: .dataset, collection: "fixture", file: file, line: line)
    }

    /// A tiny dataset that exercises every domain type and every kind of fact value.
    public static func dataset(id: String = "fixture") -> Dataset {
        let citation = Citation(source: "origin", via: ["relay"])
        let city = RegionCode.hangzhou
        return Dataset(
            info: DatasetInfo(
                id: id, version: 3, title: LocalizedText(zh: "样例", ko: "예시", en: "Example"), region: city,
                industry: "ai", isSynthetic: true, year: 2022),
            sources: [
                Source(
                    id: "origin", publisher: LocalizedText(zh: "来源"), title: "表", url: "https://example.org/a",
                    date: CalendarDate(year: 2022, month: 2, day: 28), language: .zh,
                    provenance: provenance("sources.yaml", line: 1)),
                Source(
                    id: "relay", publisher: LocalizedText(ko: "중계", en: "Relay"), author: "기자", language: .ko,
                    note: LocalizedText(en: "A relay"), provenance: provenance("sources.yaml", line: 8)),
            ],
            facts: [
                Fact(
                    id: "size", reference: "R3", subject: "ai_industry", measure: "market_size", topic: .market,
                    label: LocalizedText(en: "Size"), period: .year(2021), region: city,
                    value: .number(Decimal(string: "207200000000")!), unit: .yuan, citation: citation,
                    provenance: provenance(line: 2)),
                Fact(
                    id: "growth", subject: "ai_industry", measure: "growth", topic: .market,
                    label: LocalizedText(en: "Growth"), period: .year(2021), region: city,
                    value: .number(Decimal(string: "8.7")!), unit: .percent, citation: citation,
                    provenance: provenance(line: 9)),
                Fact(
                    id: "old-size", subject: "ai_industry", measure: "market_size", topic: .market,
                    label: LocalizedText(en: "Size"), period: .year(2020), region: city,
                    value: .number(Decimal(string: "190600000000")!), unit: .yuan, qualifier: .about,
                    citation: citation,
                    derived: Derivation(formula: "size / (1 + growth / 100)", roundingUnit: 100_000_000),
                    provenance: provenance(line: 20)),
                Fact(
                    id: "rank", subject: "ai_industry", measure: "rank", topic: .standing,
                    label: LocalizedText(ko: "순위"), period: .reported(2022), region: city,
                    value: .rank(4, after: [RegionCode(rawValue: "110000")!]), unit: .rank, citation: citation,
                    provenance: provenance(line: 30)),
                Fact(
                    id: "more", subject: "ai_companies", measure: "new", topic: .companies,
                    label: LocalizedText(zh: "新增"),
                    period: .months(from: YearMonth(year: 2022, month: 1)!, to: YearMonth(year: 2022, month: 10)!),
                    region: city, value: .exceeds(.year(2021)), unit: .companies, citation: Citation(source: "origin"),
                    provenance: provenance(line: 40)),
            ],
            valueChain: ValueChain(
                layers: [
                    ChainLayer(
                        id: "foundation", names: LocalizedText(en: "Foundation"),
                        segments: [
                            ChainSegment(names: LocalizedText(en: "Chips"), taxonomySegment: "chips"),
                            ChainSegment(names: LocalizedText(en: "Computing")),
                        ])
                ], citation: citation),
            applicationDomains: ApplicationDomains(
                fact: "size", named: [LocalizedText(en: "Transport")], citation: citation),
            companies: [
                Company(
                    key: .name("阿里巴巴", region: city), names: LocalizedText(zh: "阿里巴巴", en: "Alibaba"), kind: .group,
                    region: city, notes: [CitedText(text: LocalizedText(en: "Top ten"), citation: citation)],
                    provenance: provenance("companies.yaml", line: 3)),
                Company(
                    key: .creditCode("91330106MA2XXXXX0X"), names: LocalizedText(zh: "杭州示例智能科技有限公司"),
                    creditCode: "91330106MA2XXXXX0X", registrationNumber: "330106000000001", kind: .company,
                    status: .active, founded: CalendarDate(year: 2022, month: 2, day: 28),
                    registeredCapital: Money(5_002_500, .dollar), registeredCapitalText: "500.25万美元",
                    region: RegionCode(rawValue: "330106"), address: "浙江省杭州市西湖区文三路1号",
                    businessScope: "人工智能应用软件开发；（依法须经批准的项目除外）", industryCode: "6513",
                    provenance: provenance("companies.yaml", line: 9)),
            ],
            parks: [
                Park(
                    id: "park", names: LocalizedText(en: "Park"), region: RegionCode(rawValue: "330110"),
                    benefits: [LocalizedText(en: "Rent")], citation: citation,
                    provenance: provenance("parks.yaml", line: 4))
            ],
            programmes: [
                Programme(
                    id: "talent", names: LocalizedText(ko: "인재"), region: city,
                    beneficiary: LocalizedText(en: "A team"), funding: Money(5_000_000, .yuan), fundingQualifier: .upTo,
                    fact: "size", citation: citation, provenance: provenance("programmes.yaml", line: 1))
            ],
            policies: [
                Policy(
                    id: "plan", titles: LocalizedText(ko: "계획", en: "Plan"), issuer: LocalizedText(en: "Hangzhou"),
                    region: city, issued: .since(2021), citation: citation,
                    provenance: provenance("policies.yaml", line: 1))
            ],
            statements: [
                Statement(
                    topic: .outlook, content: CitedText(text: LocalizedText(en: "Good"), citation: citation),
                    provenance: provenance("statements.yaml", line: 2))
            ],
            provenance: Provenance(kind: .dataset, collection: id, file: "dataset.yaml", line: 1))
    }
}
