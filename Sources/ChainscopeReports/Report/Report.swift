public import ChainscopeCore
import Foundation

/// The analyst's report: the dataset's cited overview, then sections computed from the stored
/// registry — registrations by month, layers and segments, districts, data quality — each figure
/// with a footnote naming the imports, taxonomy and window it was counted over.
public struct Report: Sendable {
    public let overview: Overview
    public let taxonomy: Taxonomy
    /// Nil when no registry is stored.
    public let counts: MemberCounts?
    /// The counted imports' quarantined rows, by column and reason, with a few examples each.
    public let quarantine: [QuarantineGroup]
    /// Example members of the largest segments, by segment id, best first.
    public let examples: [String: [MemberExample]]

    /// How many of the largest segments the report shows with examples, and how many examples each.
    public static let exampleSegments = 3
    public static let examplesPerSegment = 3
    /// How many quarantined rows the data-quality table shows of each column's reason.
    public static let quarantineExamples = 3

    public init(
        overview: Overview, taxonomy: Taxonomy, counts: MemberCounts?, quarantine: [QuarantineGroup] = [],
        examples: [String: [MemberExample]] = [:]
    ) {
        self.overview = overview
        self.taxonomy = taxonomy
        self.counts = counts
        self.quarantine = quarantine
        self.examples = examples
    }

    public func document() -> ReportDocument {
        var writer = OverviewWriter(overview: overview)
        writer.drawsSeries = true
        var document = writer.document { footnotes in
            var registry = RegistrySections(report: self, footnotes: footnotes)
            defer { footnotes = registry.footnotes }
            return registry.sections()
        }
        if counts?.provenance.imports.contains(where: \.isSynthetic) == true {
            document.banner = ReportPhrase.syntheticBanner.text(in: overview.language)
        }
        return document
    }

    public func markdown() -> String { MarkdownRenderer().render(document()) }

    public func html() -> String { HTMLRenderer().render(document()) }
}

extension Report {
    /// Reads what a report counts from `store`: the members in the window, example members of the
    /// largest segments, and the quarantined rows of the imports counted, by column and reason.
    public static func load(
        from store: any Store, overview: Overview, taxonomy: Taxonomy, asOf: CalendarDate?
    ) async throws -> Report {
        let (counts, examples) = try await store.memberCounts(
            taxonomy: taxonomy, asOf: asOf, examples: examplesPerSegment,
            of: { Indicators($0).ranking(by: .segment).prefix(exampleSegments).map(\.key) })
        let quarantine = try await store.quarantineGroups(
            importIDs: counts.provenance.imports.map(\.id), examples: quarantineExamples)
        return Report(
            overview: overview, taxonomy: taxonomy, counts: counts, quarantine: quarantine, examples: examples)
    }
}
