import ChainscopeCore
import Foundation

/// Builds the report sections computed from the registry, numbering their footnotes after the
/// overview's.
struct RegistrySections {
    typealias Inline = ReportDocument.Inline
    let report: Report
    var footnotes: Footnotes

    init(report: Report, footnotes: Footnotes) {
        self.report = report
        self.footnotes = footnotes
    }

    private var language: Language { report.overview.language }
    private var numbers: NumberFormatting { NumberFormatting(language) }
    private var chain: String { report.taxonomy.labels.text(in: language) }

    private func phrase(_ phrase: ReportPhrase) -> String { phrase.text(in: language) }

    private func count(_ value: Int) -> String { numbers.grouped(Decimal(value)) }

    private func percent(_ share: Double) -> String {
        numbers.percent(Decimal(share * 100).rounded(scale: 1, mode: .plain))
    }

    mutating func sections() -> [ReportDocument.Section] {
        guard let counts = report.counts, !counts.provenance.imports.isEmpty else {
            let missing = report.counts?.provenance.asOf.map {
                ReportPhrase.noImportBy(DateFormatting(language).date($0))
            }
            return [
                ReportDocument.Section(
                    title: [.text(phrase(.registrationsSection))],
                    blocks: [.line([.text(phrase(missing ?? .noRegistry))], indent: 2)])
            ]
        }
        let indicators = Indicators(counts)
        guard let end = lastMonth(counts), counts.members > 0 else {
            // Every section is still there, saying it has nothing, rather than zeros that look like figures.
            let empty = noted(phrase(.noData), counts: counts, window: nil)
            let titles: [ReportPhrase] = [.registrationsSection, .chainSection, .examplesSection, .districtsSection]
            return titles.map {
                ReportDocument.Section(title: [.text(phrase($0))], blocks: [.line(empty, indent: 2)])
            } + [quality(counts)]
        }
        let start = YearMonth(year: end.year - 1, month: 1)!
        return [
            registrations(indicators, from: start, through: end),
            layersAndSegments(indicators),
            examples(indicators),
            districts(indicators),
            quality(counts),
        ]
    }

    /// The as-of month, or the last founding month counted.
    private func lastMonth(_ counts: MemberCounts) -> YearMonth? {
        if let asOf = counts.provenance.asOf { return YearMonth(year: asOf.year, month: asOf.month) }
        return counts.cells.compactMap(\.month).max()
    }

    /// The footnote of a computed figure: imports, taxonomy file, window; `text` then its marker.
    private mutating func noted(_ text: String, counts: MemberCounts, window: ClosedRange<YearMonth>?) -> [Inline] {
        [.text(text + " "), .note(note(counts, window: window))]
    }

    private mutating func note(_ counts: MemberCounts, window: ClosedRange<YearMonth>?) -> Int {
        footnotes.number(noteText(counts, window: window))
    }

    private func noteText(_ counts: MemberCounts, window: ClosedRange<YearMonth>?) -> String {
        let provenance = counts.provenance
        let dates = DateFormatting(language)
        let imports = provenance.imports.map {
            phrase(
                .importLine(
                    id: $0.id, file: $0.file, snapshot: dates.date($0.snapshotDate), stored: count($0.counts.stored)))
        }.joined(separator: language == .zh ? "；" : "; ")
        var taxonomy = provenance.taxonomyID + (provenance.taxonomyVersion.map { " v\($0)" } ?? "")
        if let digest = provenance.taxonomyDigest { taxonomy += " (\(digest.prefix(12)))" }
        var scope = provenance.asOf.map { phrase(.foundedBy(dates.date($0))) } ?? phrase(.allFounded)
        if let window { scope += ", " + dates.period(.months(from: window.lowerBound, to: window.upperBound)) }
        return phrase(
            .countNote(
                imports: imports, taxonomy: taxonomy, window: scope,
                synthetic: provenance.imports.contains(where: \.isSynthetic)))
    }

    private func sourceNote(_ marker: Int) -> [Inline] { [.text(phrase(.source) + " "), .note(marker)] }

    private mutating func registrations(
        _ indicators: Indicators, from start: YearMonth, through end: YearMonth
    ) -> ReportDocument.Section {
        let series = indicators.registrations(per: .month, from: start, through: end)
        // Each month's bar is stacked by main layer, in the taxonomy's order.
        let layers = report.taxonomy.layers.map { layer in
            (
                layer.labels.text(in: language),
                indicators.registrations(per: .month, from: start, through: end, .init(layer: layer.id))
            )
        }
        let dates = DateFormatting(language)
        let marker = note(indicators.counts, window: start...end)
        var chart = Chart(
            kind: .columns, title: phrase(.monthlyChart(chain: chain)), unit: phrase(.companies),
            axis: phrase(.foundingMonth),
            bars: series.points.enumerated().map { index, point in
                Chart.Bar(
                    label: point.period.description, value: Double(point.value), valueText: count(point.value),
                    parts: layers.map { Double($0.1.points[index].value) })
            },
            source: [.text(phrase(.source) + " "), .note(marker)],
            sourceText: noteText(indicators.counts, window: start...end))
        chart.series = layers.map(\.0)
        let ytd = indicators.yearToDate(through: end)
        let january = YearMonth(year: end.year, month: 1)!
        let before = YearMonth(year: end.year - 1, month: 1)!...YearMonth(year: end.year - 1, month: end.month)!
        let growth = ytd.growth.map { ($0 >= 0 ? "+" : "") + percent($0) }
        let months = dates.period(.months(from: january, to: end))
        let sentence = phrase(
            .yearToDate(
                months: months, count: count(ytd.current),
                before: dates.period(.months(from: before.lowerBound, to: before.upperBound)),
                beforeCount: count(ytd.samePeriodBefore), growth: growth))
        let whole = phrase(
            .wholeYear(
                year: String(end.year - 1), count: count(ytd.wholeYearBefore),
                exceededBy: ytd.exceedsYearBefore ? months : nil))
        return ReportDocument.Section(
            title: [.text(phrase(.registrationsSection))],
            blocks: [
                .chart(chart), .bullet([.text(sentence + " "), .note(marker)], level: 0),
                .bullet([.text(whole + " "), .note(marker)], level: 0),
            ])
    }

    private mutating func layersAndSegments(_ indicators: Indicators) -> ReportDocument.Section {
        let marker = note(indicators.counts, window: nil)
        let layerNames = Dictionary(
            uniqueKeysWithValues: report.taxonomy.layers.map { ($0.id, $0.labels.text(in: language)) })
        let segmentNames = Dictionary(
            report.taxonomy.segments.map { ($0.segment.id, $0.segment.labels.text(in: language)) },
            uniquingKeysWith: { first, _ in first })
        func table(_ dimension: Indicators.Dimension, _ caption: String, _ header: String, _ names: [String: String])
            -> ReportDocument.Table
        {
            ReportDocument.Table(
                caption: caption, headers: [header, phrase(.companies), phrase(.share)],
                rows: indicators.ranking(by: dimension).map {
                    [names[$0.key] ?? $0.key, count($0.count), percent($0.share)]
                },
                numericColumns: [1, 2], note: sourceNote(marker))
        }
        return ReportDocument.Section(
            title: [.text(phrase(.chainSection))],
            blocks: [
                .table(table(.layer, phrase(.layersTable(chain: chain)), phrase(.layer), layerNames)),
                .table(table(.segment, phrase(.segmentsTable(chain: chain)), phrase(.segment), segmentNames)),
                .table(statusAndCapital(indicators, marker: marker)),
            ])
    }

    /// Members still in business against those closed, and their registered capital by currency.
    private func statusAndCapital(_ indicators: Indicators, marker: Int) -> ReportDocument.Table {
        let (active, closed) = indicators.activeAndClosed
        let other = indicators.counts.members - active - closed
        let members = Double(max(indicators.counts.members, 1))
        var rows = [
            [phrase(.active), count(active), percent(Double(active) / members)],
            [phrase(.closed), count(closed), percent(Double(closed) / members)],
        ]
        if other > 0 { rows.append([phrase(.otherStatus), count(other), percent(Double(other) / members)]) }
        for (currency, amount) in indicators.counts.capital.sorted(by: { $0.key.rawValue < $1.key.rawValue }) {
            rows.append([
                phrase(.capital(currency.rawValue)),
                numbers.money(Money(amount.rounded(scale: 0, mode: .plain), currency)), "",
            ])
        }
        return ReportDocument.Table(
            caption: phrase(.statusTable(chain: chain)), headers: ["", phrase(.companies), phrase(.share)],
            rows: rows, numericColumns: [1, 2], note: sourceNote(marker))
    }

    /// The largest segments, each with its best-scored members and the evidence that placed them.
    private mutating func examples(_ indicators: Indicators) -> ReportDocument.Section {
        let marker = note(indicators.counts, window: nil)
        let words = EvidenceWords(language: language)
        var blocks: [ReportDocument.Block] = []
        for share in indicators.ranking(by: .segment).prefix(Report.exampleSegments) {
            let name = report.taxonomy.segment(share.key)?.segment.labels.text(in: language) ?? share.key
            let line = phrase(.segmentLine(segment: name, count: count(share.count), share: percent(share.share)))
            blocks.append(.line([.text(line + " "), .note(marker)], indent: 2))
            for example in report.examples[share.key] ?? [] {
                let company = example.company
                let evidence = example.classification.evidence.filter { $0.segment == share.key && $0.isCounted }
                    .prefix(2).map { "\(words.place($0.field, clause: $0.clauseIndex)) «\($0.term)» — «\($0.clause)»" }
                let code = company.creditCode.map { " \($0)" } ?? ""
                let text = "\(company.names.text(in: language))\(code): " + evidence.joined(separator: "; ")
                blocks.append(.bullet([.text(text)], level: 1))
            }
        }
        blocks.append(.line([.text(phrase(.explainHint))], indent: 2))
        return ReportDocument.Section(title: [.text(phrase(.examplesSection))], blocks: blocks)
    }

    private mutating func districts(_ indicators: Indicators) -> ReportDocument.Section {
        let marker = note(indicators.counts, window: nil)
        let regions = report.overview.regions
        let bars = indicators.ranking(by: .district).prefix(15).map { share in
            let name = RegionCode(rawValue: share.key).map { regions.name(of: $0, in: language) } ?? "—"
            return Chart.Bar(
                label: name, value: Double(share.count), valueText: "\(count(share.count)) (\(percent(share.share)))")
        }
        let chart = Chart(
            kind: .ranking, title: phrase(.districtChart(chain: chain)), unit: phrase(.companies),
            axis: phrase(.district), bars: Array(bars), source: [.text(phrase(.source) + " "), .note(marker)],
            sourceText: noteText(indicators.counts, window: nil))
        return ReportDocument.Section(title: [.text(phrase(.districtsSection))], blocks: [.chart(chart)])
    }

    /// A group of quarantined rows: its column, what is wrong (the reason's title, or the first row's reason when
    /// rows were stored before reasons had codes), how many, and where the first few are with their values.
    private func quarantineRow(_ group: QuarantineGroup) -> [String] {
        let first = group.examples[0]
        let problem =
            group.code.flatMap { QuarantineReason.title(ofCode: $0, in: language) } ?? first.reason(in: language)
        let examples = group.examples.map { row in
            let place = phrase(.place(importID: row.importID, sheet: row.sheet, row: row.row))
            return row.value.map { phrase(.example(place: place, value: $0.isEmpty ? "∅" : $0)) } ?? place
        }
        return [group.column ?? "—", problem, count(group.count), examples.joined(separator: phrase(.listSeparator))]
    }

    private mutating func quality(_ counts: MemberCounts) -> ReportDocument.Section {
        let dates = DateFormatting(language)
        let imports = counts.provenance.imports.map {
            [
                "\($0.id)", $0.file, dates.date($0.snapshotDate), count($0.counts.rowsRead), count($0.counts.stored),
                count($0.counts.quarantined), count($0.counts.duplicates),
            ]
        }
        var blocks: [ReportDocument.Block] = [
            .table(
                ReportDocument.Table(
                    caption: phrase(.importsTable), headers: phrase(.importHeaders).components(separatedBy: "|"),
                    rows: imports, numericColumns: [0, 3, 4, 5, 6], note: sourceNote(note(counts, window: nil))))
        ]
        if !report.quarantine.isEmpty {
            let headers = [phrase(.column), phrase(.problem), phrase(.rows), phrase(.examples)]
            blocks.append(
                .table(
                    ReportDocument.Table(
                        caption: phrase(.quarantineTable), headers: headers, rows: report.quarantine.map(quarantineRow),
                        numericColumns: [2], note: sourceNote(note(counts, window: nil)))))
            let quarantining = counts.provenance.imports.filter { $0.counts.quarantined > 0 }.map(\.id)
            let hint = phrase(.quarantineHint(importID: quarantining.count == 1 ? quarantining[0] : nil))
            blocks.append(.line([.text(hint)], indent: 0))
        }
        return ReportDocument.Section(title: [.text(phrase(.qualitySection))], blocks: blocks)
    }
}
