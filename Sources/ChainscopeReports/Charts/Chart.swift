/// A chart of counts: vertical bars over periods (stacked when the bars have parts), or a horizontal
/// ranking. Rendered to SVG by our own code (see `Chart+SVG.swift`), so a report needs no script.
public struct Chart: Sendable {
    public enum Kind: Sendable {
        /// Bars over time, left to right.
        case columns
        /// Bars from the largest down, labels on the left.
        case ranking
        /// Points over time joined by a line; a derived point is drawn hollow.
        case line
    }

    public struct Bar: Sendable, Hashable {
        public var label: String
        public var value: Double
        /// The value as the report's language writes it.
        public var valueText: String
        /// The value split by `Chart.series`, bottom first (empty for a plain bar).
        public var parts: [Double]
        /// Whether the value was derived rather than published (a line chart draws it hollow).
        public var isDerived = false

        public init(label: String, value: Double, valueText: String, parts: [Double] = []) {
            self.label = label
            self.value = value
            self.valueText = valueText
            self.parts = parts
        }
    }

    public var kind: Kind
    public var title: String
    /// What the values count, for the value axis (`companies`, `기업 수`).
    public var unit: String
    /// What the categories are, for the category axis (`founding month`).
    public var axis: String
    public var bars: [Bar]
    /// What the parts of stacked bars are, for the legend (empty for plain bars); for a line chart,
    /// the legend of a derived point.
    public var series: [String] = []
    /// Where the figures came from, with footnote references; written under the chart.
    public var source: [ReportDocument.Inline]
    /// The footnote texts, so that an SVG on its own still says its source.
    public var sourceText: String

    public init(
        kind: Kind, title: String, unit: String, axis: String, bars: [Bar], source: [ReportDocument.Inline],
        sourceText: String
    ) {
        self.kind = kind
        self.title = title
        self.unit = unit
        self.axis = axis
        self.bars = bars
        self.source = source
        self.sourceText = sourceText
    }
}
