import Foundation

/// Writes a report as Markdown with footnotes (`[^3]`), charts as SVG images embedded in the file
/// (data URIs), and tables as pipe tables.
public struct MarkdownRenderer: Sendable {
    public init() {}

    public func render(_ document: ReportDocument) -> String {
        var lines = ["# \(document.title)", "", document.subtitle]
        if let banner = document.banner { lines += ["", "> **\(banner)**"] }
        for section in document.sections {
            lines += ["", "## " + Self.text(section.title), ""]
            for block in section.blocks { lines += Self.lines(block) }
        }
        lines += ["", "## \(document.sourcesTitle)", ""]
        for source in document.sources { lines.append("- \(source)") }
        lines.append("")
        for (index, note) in document.notes.enumerated() { lines.append("[^\(index + 1)]: \(note)") }
        return lines.joined(separator: "\n") + "\n"
    }

    static func text(_ inlines: [ReportDocument.Inline]) -> String {
        inlines.map {
            switch $0 {
            case .text(let text): text
            case .note(let number): "[^\(number)]"
            }
        }.joined()
    }

    private static func lines(_ block: ReportDocument.Block) -> [String] {
        switch block {
        case .fact(let reference, let inlines): return ["- **\(reference)** " + text(inlines)]
        case .bullet(let inlines, let level): return [(level == 0 ? "- " : "  - ") + text(inlines)]
        case .line(let inlines, _): return ["", text(inlines), ""]
        case .chart(let chart):
            let data = Data(chart.svg().utf8).base64EncodedString()
            return ["", "![\(chart.title)](data:image/svg+xml;base64,\(data))", "", "*\(text(chart.source))*", ""]
        case .table(let table):
            let cells = { (row: [String]) in "| " + row.map(escape).joined(separator: " | ") + " |" }
            let rule = table.headers.indices.map { table.numericColumns.contains($0) ? "---:" : "---" }
            return ["", "**\(table.caption)**", "", cells(table.headers), "| " + rule.joined(separator: " | ") + " |"]
                + table.rows.map(cells) + ["", "*\(text(table.note))*", ""]
        }
    }

    private static func escape(_ cell: String) -> String { cell.replacingOccurrences(of: "|", with: "\\|") }
}
