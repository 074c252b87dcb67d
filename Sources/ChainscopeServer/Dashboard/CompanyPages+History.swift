import ChainscopeCore
import ChainscopeReports

extension CompanyPages {
    /// What newer exports changed in the company, oldest first, then what rows of earlier exports imported after
    /// a newer one said and was not applied: one row per changed column or cell of the source row, with the import
    /// it came from. Empty when there is neither; contact cells' texts need the token.
    func history(_ company: Company, frame: PageFrame) async throws -> String {
        let words = ChangeWords(language: frame.language)
        let applied = try await server.store.companyHistory(key: company.key)
        let unapplied = try await server.store.unappliedChanges(key: company.key)
        return try await table(
            applied, id: "history", heading: words.heading, values: (frame.text(.before), frame.text(.after)),
            frame: frame)
            + table(
                unapplied, id: "unapplied", heading: words.unappliedHeading,
                values: (words.keptValue, words.exportValue),
                frame: frame)
    }

    /// `changes` as a table under `heading`, each field's two values under the `values` headings.
    private func table(
        _ changes: [CompanyChange], id: String, heading: String, values: (String, String), frame: PageFrame
    ) async throws -> String {
        guard !changes.isEmpty else { return "" }
        let mayReadContacts = server.token.admits(frame.request)
        let words = ChangeWords(language: frame.language, regions: try await server.state.regions())
        let headers = [frame.text(.snapshot), frame.text(.file), frame.text(.field), values.0, values.1]
        var html =
            "<section aria-labelledby=\"\(id)\"><h2 id=\"\(id)\">\(HTML.escape(heading))</h2>"
            + "<table class=\"history\"><thead><tr>"
            + headers.map { "<th scope=\"col\">\(HTML.escape($0))</th>" }.joined() + "</tr></thead><tbody>"
        for change in changes {
            let source =
                "<td class=\"day\">\(change.snapshotDate)</td><td><a href=\"/imports/\(change.importID)\">\(HTML.escape(change.file))</a>"
                + (change.row.map { ", \(HTML.escape(frame.text(.row))) \($0)" } ?? "") + "</td>"
            for field in change.shownFields {
                html += "<tr>" + source
                if field.isUnitemisedCells {
                    html += "<td colspan=\"3\">\(HTML.escape(words.cellsChanged))</td></tr>"
                    continue
                }
                // As on the import pages: that a phone number changed is shown, the numbers need the token.
                let isWithheld = !mayReadContacts && field.cell.map(ContactColumns.isContact) == true
                let shown = { (text: String?) in
                    isWithheld
                        ? "…"
                        : text.map { HTML.escape(words.value($0, of: field.name)) }
                            ?? "<span class=\"hint\">\(HTML.escape(words.noValue))</span>"
                }
                html +=
                    "<th scope=\"row\">\(Self.label(of: field, frame: frame))</th>"
                    + "<td>\(shown(field.before))</td><td>\(shown(field.after))</td></tr>"
            }
        }
        return html + "</tbody></table></section>"
    }

    /// A column by the dashboard's word for it (its stored name where there is none), a cell of the source
    /// row by its header as the export spelled it.
    static func label(of field: CompanyChange.Field, frame: PageFrame) -> String {
        if let cell = field.cell {
            return "<span lang=\"zh-Hans\">\(HTML.escape(cell))</span> "
                + "<span class=\"hint\">(\(HTML.escape(ChangeWords(language: frame.language).sourceCell)))</span>"
        }
        return HTML.escape(ChangeWords(language: frame.language).column(field.name) ?? field.name)
    }
}
