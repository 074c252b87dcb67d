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
    /// Quarantined rows of the counted imports.
    public let quarantine: [QuarantinedRow]

    public init(overview: Overview, taxonomy: Taxonomy, counts: MemberCounts?, quarantine: [QuarantinedRow] = []) {
        self.overview = overview
        self.taxonomy = taxonomy
        self.counts = counts
        self.quarantine = quarantine
    }

    public func document() -> ReportDocument {
        var writer = OverviewWriter(overview: overview)
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
