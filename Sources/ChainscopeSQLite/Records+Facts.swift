import ChainscopeCore
import Foundation

/// A stored value that no longer reads as its domain type.
struct CorruptRow: Error, CustomStringConvertible {
    let table: String
    let key: String
    let column: String
    let value: String?

    var description: String { "\(table) \(key): column \(column) holds '\(value ?? "NULL")'" }
}

func required<Value>(_ value: Value?, _ table: String, _ key: String, _ column: String, raw: String?) throws -> Value {
    guard let value else { throw CorruptRow(table: table, key: key, column: column, value: raw) }
    return value
}

extension SourceRecord {
    init(_ source: Source, dataset: String, position: Int) {
        self.init(
            datasetId: dataset, id: source.id, position: position, publisher: source.publisher, author: source.author,
            title: source.title, url: source.url, date: source.date?.description, language: source.language?.rawValue,
            note: source.note, provenanceFile: source.provenance?.file ?? "sources.yaml",
            provenanceLine: source.provenance?.line)
    }

    func source() throws -> Source {
        Source(
            id: id, publisher: publisher, author: author, title: title, url: url,
            date: try date.map { try required(CalendarDate(iso: $0), "source", id, "date", raw: $0) },
            language: try language.map { try required(Language(rawValue: $0), "source", id, "language", raw: $0) },
            note: note,
            provenance: Provenance(kind: .dataset, collection: datasetId, file: provenanceFile, line: provenanceLine))
    }
}

extension FactRecord {
    init(_ fact: Fact, dataset: String, position: Int) {
        var kind = "number"
        var number: Decimal?
        var rank: Int?
        var after: [String]?
        var exceeds: String?
        switch fact.value {
        case .number(let value): number = value
        case .rank(let position, let regions): (kind, rank, after) = ("rank", position, regions.map(\.rawValue))
        case .exceeds(let period): (kind, exceeds) = ("exceeds", period.description)
        }
        self.init(
            datasetId: dataset, id: fact.id, position: position, reference: fact.reference, subject: fact.subject,
            measure: fact.measure, topic: fact.topic.rawValue, label: fact.label, period: fact.period.description,
            region: fact.region.rawValue,
            valueKind: kind, valueNumber: number, rankPosition: rank, rankAfter: after, exceedsPeriod: exceeds,
            unit: fact.unit.rawValue, qualifier: fact.qualifier.rawValue, sourceId: fact.citation.source,
            via: fact.citation.via, derivedFormula: fact.derived?.formula,
            derivedRoundingUnit: fact.derived?.roundingUnit, provenanceFile: fact.provenance.file,
            provenanceLine: fact.provenance.line)
    }

    func fact() throws -> Fact {
        func check<Value>(_ value: Value?, _ column: String, _ raw: String?) throws -> Value {
            try required(value, "fact", id, column, raw: raw)
        }
        let value: FactValue
        switch valueKind {
        case "number": value = .number(try check(valueNumber, "value_number", nil))
        case "rank":
            value = .rank(
                try check(rankPosition, "rank_position", nil),
                after: try (rankAfter ?? []).map { try check(RegionCode(rawValue: $0), "rank_after", $0) })
        default: value = .exceeds(try check(exceedsPeriod.flatMap { Period($0) }, "exceeds_period", exceedsPeriod))
        }
        return Fact(
            id: id, reference: reference, subject: subject, measure: measure,
            topic: try check(Topic(rawValue: topic), "topic", topic), label: label,
            period: try check(Period(period), "period", period),
            region: try check(RegionCode(rawValue: region), "region", region),
            value: value, unit: try check(FactUnit(rawValue: unit), "unit", unit),
            qualifier: try check(Qualifier(rawValue: qualifier), "qualifier", qualifier),
            citation: Citation(source: sourceId, via: via),
            derived: derivedFormula.map { Derivation(formula: $0, roundingUnit: derivedRoundingUnit) },
            provenance: Provenance(kind: .dataset, collection: datasetId, file: provenanceFile, line: provenanceLine))
    }
}
