import Foundation

/// Writes a report as plain text for a terminal: `■` headings, footnotes as `[n]`, charts as their
/// caption and the values they show.
public struct TextRenderer: Sendable {
    public init() {}

    public func render(_ document: ReportDocument) -> String {
        var lines = [document.title, document.subtitle]
        if let banner = document.banner { lines.append(banner) }
        for section in document.sections {
            lines.append("")
            lines.append("■ " + Self.text(section.title))
            for block in section.blocks { lines += Self.lines(block) }
        }
        lines.append("")
        lines.append("■ " + document.sourcesTitle)
        for (index, note) in document.notes.enumerated() { lines.append("  [\(index + 1)] \(note)") }
        lines.append("")
        for source in document.sources { lines.append("  · \(source)") }
        return lines.joined(separator: "\n") + "\n"
    }

    static func text(_ inlines: [ReportDocument.Inline]) -> String {
        inlines.map {
            switch $0 {
            case .text(let text): text
            case .note(let number): "[\(number)]"
            }
        }.joined()
    }

    private static func lines(_ block: ReportDocument.Block) -> [String] {
        switch block {
        case .fact(let reference, let inlines):
            ["  " + reference.padding(toLength: 4, withPad: " ", startingAt: 0) + text(inlines)]
        case .bullet(let inlines, let level): [(level == 0 ? "  · " : "    - ") + text(inlines)]
        case .line(let inlines, let indent): [String(repeating: " ", count: indent) + text(inlines)]
        case .chart(let chart):
            ["  \(chart.title) (\(chart.unit))"] + chart.bars.map { "    \($0.label): \($0.valueText)" }
                + ["    " + text(chart.source)]
        case .table(let table):
            ["  \(table.caption)", "    " + table.headers.joined(separator: " | ")]
                + table.rows.map { "    " + $0.joined(separator: " | ") } + ["    " + text(table.note)]
        }
    }
}
