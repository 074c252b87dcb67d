public import ChainscopeCore
import Foundation

/// Writes a report as one self-contained HTML file: inline CSS and SVG, no script and nothing fetched
/// from the network, readable on screen and printable (Chromium turns it into the PDF).
public struct HTMLRenderer: Sendable {
    public init() {}

    public func render(_ document: ReportDocument) -> String {
        """
        <!DOCTYPE html>
        <html lang="\(Self.languageTag(document.language))">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>\(escape(document.title))</title>
        <style>\(Self.style)\(Self.pageStyle(banner: document.banner))</style>
        </head>
        <body>
        <header>\(heading(document))</header>
        <main>
        \(sections(document))</main>
        </body>
        </html>

        """
    }

    /// The title, subtitle and synthetic-data notice, for a page that frames the report (the dashboard).
    public func heading(_ document: ReportDocument) -> String {
        var heading = "<h1>\(escape(document.title))</h1><p class=\"subtitle\">\(escape(document.subtitle))</p>"
        if let banner = document.banner {
            heading += "<p class=\"banner\" role=\"note\">\(escape(banner))</p>"
        }
        return heading
    }

    /// The sections, then the footnotes and sources.
    public func sections(_ document: ReportDocument) -> String {
        var body = ""
        for section in document.sections {
            body += "<section>\n<h2>\(inline(section.title))</h2>\n" + blocks(section.blocks) + "</section>\n"
        }
        body += "<section class=\"sources\">\n<h2>\(escape(document.sourcesTitle))</h2>\n<ol class=\"notes\">\n"
        for (index, note) in document.notes.enumerated() {
            body += "<li id=\"note-\(index + 1)\">\(escape(note))</li>\n"
        }
        body += "</ol>\n<ul>\n" + document.sources.map { "<li>\(escape($0))</li>\n" }.joined() + "</ul>\n</section>\n"
        return body
    }

    /// Lists are opened and closed around runs of items of one kind, so the page reads as lists.
    private func blocks(_ blocks: [ReportDocument.Block]) -> String {
        var html = ""
        var openList: String?
        func list(_ kind: String) {
            guard openList != kind else { return }
            close()
            html += "<ul class=\"\(kind)\">\n"
            openList = kind
        }
        func close() {
            if openList != nil { html += "</ul>\n" }
            openList = nil
        }
        for block in blocks {
            switch block {
            case .fact(let reference, let inlines):
                list("facts")
                html += "<li><span class=\"ref\">\(escape(reference))</span> \(inline(inlines))</li>\n"
            case .bullet(let inlines, let level):
                list(level > 0 ? "entries" : "points")
                html += "<li>\(inline(inlines))</li>\n"
            case .line(let inlines, _):
                close()
                html += "<p>\(inline(inlines))</p>\n"
            case .chart(let chart):
                close()
                html += "<figure>\n\(chart.svg())\n<figcaption>\(inline(chart.source))</figcaption>\n</figure>\n"
            case .table(let table):
                close()
                html += self.table(table)
            }
        }
        close()
        return html
    }

    private func table(_ table: ReportDocument.Table) -> String {
        func cell(_ text: String, _ column: Int, _ tag: String) -> String {
            let scope = tag == "th" ? " scope=\"col\"" : ""
            let numeric = table.numericColumns.contains(column) ? " class=\"num\"" : ""
            return "<\(tag)\(scope)\(numeric)>\(escape(text))</\(tag)>"
        }
        var html = "<figure class=\"table\"><table>\n<caption>\(escape(table.caption))</caption>\n<thead><tr>"
        html += table.headers.enumerated().map { cell($1, $0, "th") }.joined() + "</tr></thead>\n<tbody>\n"
        for row in table.rows { html += "<tr>" + row.enumerated().map { cell($1, $0, "td") }.joined() + "</tr>\n" }
        return html + "</tbody>\n</table>\n<figcaption>\(inline(table.note))</figcaption></figure>\n"
    }

    private func inline(_ inlines: [ReportDocument.Inline]) -> String {
        inlines.map {
            switch $0 {
            case .text(let text): escape(text)
            case .note(let number): "<sup><a href=\"#note-\(number)\">[\(number)]</a></sup>"
            }
        }.joined()
    }

    private func escape(_ text: String) -> String { Chart.escape(text) }

    /// Text escaped for HTML content and double-quoted attributes.
    public static func escape(_ text: String) -> String { Chart.escape(text) }

    /// The BCP 47 tag of a language for `lang` attributes.
    public static func languageTag(_ language: Language) -> String {
        switch language {
        case .ko: "ko"
        case .zh: "zh-Hans"
        case .en: "en"
        }
    }

    /// The report's style sheet, which pages that frame a report reuse.
    public static let style = """
        :root { color: #1f2933; background: #ffffff; }
        body { font-family: 'Noto Sans CJK SC', 'Noto Sans CJK KR', 'Noto Sans SC', 'Noto Sans KR', sans-serif;
          line-height: 1.55; max-width: 52rem; margin: 2rem auto; padding: 0 1rem; }
        h1 { font-size: 1.6rem; margin-bottom: 0.2rem; } h2 { font-size: 1.2rem; margin-top: 2rem;
          border-bottom: 1px solid #d9e2ec; padding-bottom: 0.2rem; break-after: avoid; }
        .subtitle { color: #52606d; margin-top: 0; }
        .banner { border: 2px solid #9a3412; color: #7c2d12; padding: 0.4rem 0.7rem; font-weight: bold; }
        .ref { display: inline-block; min-width: 2.4rem; font-weight: bold; color: #1d5fa8; }
        ul.facts { list-style: none; padding-left: 0.5rem; } ul.entries { margin-top: -0.6rem; }
        sup a { color: #1d5fa8; text-decoration: none; font-size: 0.8em; }
        figure { margin: 1rem 0; break-inside: avoid; } figure svg { max-width: 100%; height: auto; }
        figcaption { color: #52606d; font-size: 0.85rem; }
        table { border-collapse: collapse; width: 100%; font-size: 0.92rem; }
        caption { text-align: left; font-weight: bold; padding-bottom: 0.3rem; }
        th, td { border-bottom: 1px solid #d9e2ec; padding: 0.25rem 0.5rem; text-align: left; vertical-align: top; }
        td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
        .sources li { font-size: 0.9rem; }
        @media print { body { margin: 0; max-width: none; } a { color: inherit; } }
        """

    /// Printed pages: A4, the page number, and the synthetic-data notice at the foot of every page.
    static func pageStyle(banner: String?) -> String {
        let notice = banner.map {
            let text = $0.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
            return "@bottom-left { content: \"\(text)\"; font-size: 8pt; color: #7c2d12; } "
        }
        return "\n@page { size: A4; margin: 18mm 16mm; \(notice ?? "")"
            + "@bottom-right { content: counter(page) \" / \" counter(pages); font-size: 8pt; color: #52606d; } }\n"
    }
}
