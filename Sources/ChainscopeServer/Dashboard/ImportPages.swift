import ChainscopeCore
import ChainscopeReports
import Foundation
import Hummingbird

/// The imports with their counts, and each import's changed companies and quarantined rows: the data-quality
/// view.
struct ImportPages: Sendable {
    let server: ChainscopeServer
    static let quarantineShown = 500
    static let changesShown = 500

    func add(to router: Router<BasicRequestContext>) {
        let pages = DashboardPages(server: server)
        router.get("/imports") { request, _ in try await pages.page(request, .imports) { try await list($0) } }
        router.get("/imports/{id}") { request, context in
            try await pages.page(request, .imports) { try await quarantine($0, id: context.parameters.get("id") ?? "") }
        }
    }

    private func list(_ frame: PageFrame) async throws -> (String, String) {
        let imports = try await server.store.imports()
        let html = "<h1>\(HTML.escape(frame.text(.imports)))</h1>"
        guard !imports.isEmpty else {
            return (frame.text(.imports), html + "<p>\(HTML.escape(frame.text(.noImports)))</p>")
        }
        return (frame.text(.imports), html + Self.table(imports, frame: frame))
    }

    /// Imports with their snapshot days and counts, each file linked to its page.
    static func table(_ imports: [RegistryImport], frame: PageFrame) -> String {
        let headers: [DashboardText] = [.file, .snapshot, .rowsRead, .stored, .quarantined, .duplicates]
        var html =
            "<table><thead><tr>"
            + headers.enumerated().map { index, key in
                "<th scope=\"col\"\(index > 1 ? " class=\"num\"" : "")>\(HTML.escape(frame.text(key)))</th>"
            }.joined() + "</tr></thead><tbody>"
        for record in imports {
            let counts = record.counts
            html +=
                "<tr><th scope=\"row\"><a href=\"/imports/\(record.id)\">\(HTML.escape(record.file))</a></th>"
                + "<td class=\"day\">\(record.snapshotDate)</td>"
                + [counts.rowsRead, counts.stored, counts.quarantined, counts.duplicates].map {
                    "<td class=\"num\">\($0)</td>"
                }
                .joined() + "</tr>"
        }
        return html + "</tbody></table>"
    }

    /// How many rows an export taken later made out of date, and what became of them; nothing when none.
    static func older(_ record: RegistryImport, frame: PageFrame) -> String {
        guard record.counts.older > 0 else { return "" }
        let (colon, stop) = frame.language == .zh ? ("：", "。") : (": ", ". ")
        return "<p>\(HTML.escape(frame.text(.olderRows)))\(colon)\(record.counts.older)\(stop)"
            + "\(HTML.escape(frame.text(.olderExplained)))</p>"
    }

    /// What the import said a user should know (columns it could not read, a repeated header), as it said it.
    static func warnings(_ record: RegistryImport, frame: PageFrame) -> String {
        guard !record.warnings.isEmpty else { return "" }
        // An import made before warnings were stored as codes has them in English only.
        let list = record.warningDetails == nil && frame.language != .en ? "<ul lang=\"en\">" : "<ul>"
        return "<h2>\(HTML.escape(frame.text(.warnings)))</h2>" + list
            + record.warnings(in: frame.language).map { "<li>\(HTML.escape($0))</li>" }.joined() + "</ul>"
    }

    private func quarantine(_ frame: PageFrame, id: String) async throws -> (String, String) {
        guard let number = Int64(id), let record = try await server.store.registryImport(id: number)
        else {
            throw frame.missing(id, .noSuchImport)
        }
        let rows = try await server.store.quarantinedRows(importID: number, after: nil, limit: Self.quarantineShown)
        var html =
            "<p><a href=\"/imports\">← \(HTML.escape(frame.text(.imports)))</a></p>"
            + "<h1>\(HTML.escape(record.file))</h1>" + Self.table([record], frame: frame)
            + Self.older(record, frame: frame)
            + Self.warnings(record, frame: frame) + (try await changes(record, frame: frame))
            + "<h2>\(HTML.escape(frame.text(.quarantineOf)))</h2>"
        guard !rows.isEmpty else { return (record.file, html + "<p>\(HTML.escape(frame.text(.noQuarantine)))</p>") }
        let csv = "/api/v1/imports/\(number)/quarantine.csv?lang=\(frame.language.rawValue)"
        html +=
            "<p><a href=\"\(csv)\">\(HTML.escape(frame.text(.quarantineCSV)))</a> · "
            + "<a href=\"\(csv)&amp;form=original\">\(HTML.escape(frame.text(.quarantineOriginal)))</a> · "
            + "<a href=\"/api/v1/imports/\(number)/quarantine\">JSON</a></p>"
        html += try await groups(of: record, frame: frame)
        let headers: [DashboardText] = [.row, .column, .value, .reason]
        html +=
            "<table><thead><tr>" + headers.map { "<th scope=\"col\">\(HTML.escape(frame.text($0)))</th>" }.joined()
            + "</tr></thead><tbody>"
        for row in rows.prefix(Self.quarantineShown) {
            let value =
                row.column.map(ContactColumns.isContact) == true && !server.token.admits(frame.request)
                ? "…" : row.value ?? ""
            // A workbook's sheet, and a text file's line when it is not the row's number (a JSON object, a CSV
            // record after a multi-line one), as `quarantine list` shows them.
            let place =
                (row.sheet.map { HTML.escape($0) + " · " } ?? "") + "\(row.row)"
                + (row.line.flatMap { $0 == row.row ? nil : " (\(HTML.escape(frame.text(.fileLine))) \($0))" } ?? "")
            // A row quarantined before reasons were stored as codes has its reason in English only.
            let reason = row.reasonDetail == nil && frame.language != .en ? "<td lang=\"en\">" : "<td>"
            html +=
                "<tr><td class=\"num place\">\(place)</td><td>\(HTML.escape(row.column ?? ""))</td>"
                + "<td>\(HTML.escape(value))</td>\(reason)\(HTML.escape(row.reason(in: frame.language)))</td></tr>"
        }
        html += "</tbody></table>"
        guard record.counts.quarantined > rows.count else { return (record.file, html) }
        let shown = frame.text(.firstRowsShown).replacingOccurrences(of: "{shown}", with: "\(rows.count)")
            .replacingOccurrences(of: "{total}", with: "\(record.counts.quarantined)")
        return (record.file, html + "<p>\(HTML.escape(shown))</p>")
    }

    /// The import's quarantined rows counted by column and problem, largest first: the whole of a quarantine too
    /// long to list.
    private func groups(of record: RegistryImport, frame: PageFrame) async throws -> String {
        let groups = try await server.store.quarantineGroups(importIDs: [record.id], examples: 1)
        let headers = [frame.text(.column), frame.text(.problem)].map { "<th scope=\"col\">\(HTML.escape($0))</th>" }
        var html =
            "<table class=\"groups\"><caption>\(HTML.escape(frame.text(.byProblem)))</caption><thead><tr>"
            + headers.joined()
            + "<th scope=\"col\" class=\"num\">\(HTML.escape(frame.text(.rows)))</th></tr></thead><tbody>"
        for group in groups {
            let title = group.code.flatMap { QuarantineReason.title(ofCode: $0, in: frame.language) }
            // Rows quarantined before reasons had codes are grouped by their English reason.
            let problem =
                title.map { "<td>\(HTML.escape($0))</td>" }
                ?? "<td lang=\"en\">\(HTML.escape(group.examples[0].reason))</td>"
            html +=
                "<tr><td>\(HTML.escape(group.column ?? "—"))</td>\(problem)<td class=\"num\">\(group.count)</td></tr>"
        }
        return html + "</tbody></table>"
    }

    /// The companies the import changed, as links, each with what changed in it, then those whose rows it did not
    /// apply (older than the stored facts) with the fields that differed; the first `changesShown` of each.
    /// Nothing for an import that changed no stored company and applied every row.
    private func changes(_ record: RegistryImport, frame: PageFrame) async throws -> String {
        let words = ChangeWords(language: frame.language)
        return try await changes(
            record, isApplied: true, count: record.counts.updated, heading: words.changedByImport, frame: frame)
            + changes(
                record, isApplied: false, count: record.counts.older, heading: words.unappliedByImport, frame: frame)
    }

    private func changes(
        _ record: RegistryImport, isApplied: Bool, count: Int, heading: String, frame: PageFrame
    ) async throws -> String {
        guard count > 0 else { return "" }
        let changes = try await server.store.changes(
            ofImport: record.id, limit: Self.changesShown, isApplied: isApplied)
        let words = ChangeWords(language: frame.language)
        // Imports made before the rows not applied were kept (migration v15) have none to show.
        guard !changes.isEmpty else { return "" }
        let headers: [DashboardText] = [.row, .name, .field]
        let json = "/api/v1/imports/\(record.id)/changes" + (isApplied ? "" : "?applied=false")
        var html =
            "<h2>\(HTML.escape(heading)) (\(count))</h2>"
            + "<p><a href=\"\(json)\">JSON</a></p>"
            + (count > changes.count
                ? "<p class=\"hint\">\(HTML.escape(words.firstShown(changes.count)))</p>" : "")
            + "<table><thead><tr>" + headers.map { "<th scope=\"col\">\(HTML.escape(frame.text($0)))</th>" }.joined()
            + "</tr></thead><tbody>"
        for change in changes {
            let row = change.change.row.map(String.init) ?? ""
            let link = "/companies/" + change.key.urlPath
            let name = change.name ?? change.key.description
            let fields = change.change.shownFields.map { CompanyPages.label(of: $0, frame: frame) }
                .joined(separator: ", ")
            html += "<tr><td class=\"num\">\(row)</td><th scope=\"row\">"
            html += "<a href=\"\(HTML.escape(link))\" lang=\"zh-Hans\">\(HTML.escape(name))</a></th>"
            html += "<td>\(fields)</td></tr>"
        }
        return html + "</tbody></table>"
    }
}
