import ChainscopeCore
import ChainscopeReports
import Foundation
import Hummingbird
import HummingbirdCore

/// Company search (the API's filters as a form) and one company with its evidence.
struct CompanyPages: Sendable {
    let server: ChainscopeServer

    func add(to router: Router<BasicRequestContext>) {
        let pages = DashboardPages(server: server)
        router.get("/companies") { request, _ in try await pages.page(request, .companies) { try await search($0) } }
        router.get("/companies/{id}") { request, context in
            try await pages.page(request, .companies) { try await detail($0, id: context.parameters.get("id") ?? "") }
        }
    }

    private func search(_ frame: PageFrame) async throws -> (String, String) {
        let taxonomy = try server.taxonomy(frame.request)
        let query = try CompanyQuery(request: frame.request, taxonomy: taxonomy)
        let page = try await server.store.companies(matching: query)
        let regions = try await server.state.regions()
        var html =
            "<h1>\(HTML.escape(frame.text(.companies)))</h1>"
            + SearchForm(frame: frame, taxonomy: taxonomy, query: query, regions: regions).html
        guard !page.companies.isEmpty else {
            return (frame.text(.companies), html + "<p role=\"status\">\(HTML.escape(frame.text(.noResults)))</p>")
        }
        let language = frame.language
        let headers: [DashboardText] = [.name, .creditCode, .district, .founded, .status, .layer, .segment]
        html +=
            "<table class=\"companies\"><caption>\(HTML.escape(frame.text(.resultsFor)))</caption><thead><tr>"
            + headers.map { "<th scope=\"col\">\(HTML.escape(frame.text($0)))</th>" }.joined() + "</tr></thead><tbody>"
        for listing in page.companies {
            let company = listing.company
            let layer = listing.mainLayer.flatMap { taxonomy.layer($0)?.labels.text(in: language) } ?? ""
            let segments = listing.segments.compactMap { taxonomy.segment($0)?.segment.labels.text(in: language) }
            html +=
                "<tr><th scope=\"row\"><a href=\"/companies/\(HTML.escape(company.urlPath))\">"
                + HTML.escape(company.names.text(in: language)) + "</a></th>"
                + "<td class=\"code\">\(HTML.escape(Self.code(of: company, frame: frame)))</td>"
                + "<td>\(HTML.escape(company.region.map { regions.name(of: $0, in: language) } ?? ""))</td>"
                + "<td class=\"day\">\(company.founded?.description ?? "")</td><td>\(HTML.escape(company.status?.label(language) ?? ""))</td>"
                + "<td>\(HTML.escape(layer))</td><td>\(HTML.escape(segments.joined(separator: ", ")))</td></tr>"
        }
        html += "</tbody></table>"
        if let next = page.next {
            let link = HTML.query(of: frame.request, without: ["cursor"], adding: ["cursor": next.token])
            html +=
                "<p><a rel=\"next\" href=\"\(HTML.escape(frame.request.uri.path + "?" + link))\">"
                + "\(HTML.escape(frame.text(.nextPage))) →</a></p>"
        }
        return (frame.text(.companies), html)
    }

    /// The credit code, else the registration number that keys the company, so named.
    static func code(of company: Company, frame: PageFrame) -> String {
        company.creditCode ?? company.registrationNumber.map { "\(frame.text(.registrationNumber)) \($0)" } ?? ""
    }

    private func detail(_ frame: PageFrame, id: String) async throws -> (String, String) {
        let taxonomy = try server.taxonomy(frame.request)
        guard let key = CompanyKey(urlID: id), let company = try await server.store.company(key: key) else {
            throw frame.missing(id, .noSuchCompany)
        }
        let language = frame.language
        let regions = try await server.state.regions()
        let name = company.names.text(in: language)
        var html =
            "<p><a href=\"/companies\">← \(HTML.escape(frame.text(.backToList)))</a></p><h1>\(HTML.escape(name))</h1>"
        var isNameKeyed = false
        if case .name = company.key { isNameKeyed = true }
        var facts: [(DashboardText, String?)] = [
            (.creditCode, company.creditCode), (.registrationNumber, company.registrationNumber),
            (.identifiedBy, isNameKeyed ? frame.text(.nameAndRegion) : nil), (.kind, company.kind.label(language)),
            (.status, company.status?.label(language)),
            (.founded, company.founded?.description), (.capital, company.registeredCapitalText),
            (.district, company.region.map { regions.name(of: $0, in: language) }), (.address, company.address),
            (.industry, company.industryName),
        ]
        if let chinese = company.names.zh, chinese != name { facts.insert((.name, chinese), at: 0) }
        html +=
            "<dl class=\"facts\">"
            + facts.compactMap { key, value in
                value.map { "<dt>\(HTML.escape(frame.text(key)))</dt><dd>\(HTML.escape($0))</dd>" }
            }.joined() + "</dl>"
        let classification = try await server.store.classification(of: company.key, taxonomy: taxonomy.id)
        html +=
            "<section aria-labelledby=\"classification\"><h2 id=\"classification\">"
            + HTML.escape(frame.text(.classification)) + "</h2>"
        if let classification {
            let explanation = Explanation(
                company: company, classification: classification, taxonomy: taxonomy, language: language)
            let lines = explanation.text.split(separator: "\n").dropFirst()
            html += "<ul class=\"evidence\">" + lines.map { "<li>\(HTML.escape(String($0)))</li>" }.joined() + "</ul>"
        } else {
            html += "<p>\(HTML.escape(frame.text(.notClassified)))</p>"
        }
        html += "</section>"
        if let scope = company.businessScope {
            let terms = classification?.evidence.filter(\.isCounted).map(\.term) ?? []
            html +=
                "<section aria-labelledby=\"scope\"><h2 id=\"scope\">\(HTML.escape(frame.text(.scope)))</h2>"
                + "<p class=\"scope\" lang=\"zh-Hans\">\(Self.highlight(scope, terms: terms))</p>"
                + "<p class=\"hint\">\(HTML.escape(frame.text(.highlighted)))</p></section>"
        }
        html += try await provenance(company, frame: frame)
        html += try await history(company, frame: frame)
        return (name, html)
    }

    private func provenance(_ company: Company, frame: PageFrame) async throws -> String {
        var html =
            "<section aria-labelledby=\"provenance\"><h2 id=\"provenance\">\(HTML.escape(frame.text(.provenance)))</h2><p>"
        let origin = company.provenance
        if let record = try await server.store.sourceImport(of: company) {
            html +=
                "\(HTML.escape(frame.text(.importedFrom))): <a href=\"/imports/\(record.id)\">\(HTML.escape(record.file))</a>"
                + (origin.line.map { ", \(HTML.escape(frame.text(.row))) \($0)" } ?? "")
                + " (\(HTML.escape(frame.text(.snapshot))) \(record.snapshotDate))"
        } else {
            html += HTML.escape("\(origin.kind.rawValue): \(origin.collection) · \(origin.file)")
        }
        html += "</p>"
        let raw = try await server.store.companyRaw(key: company.key)
        if let raw, !server.token.admits(frame.request), raw.keys.contains(where: ContactColumns.isContact) {
            html += "<p class=\"hint\">\(HTML.escape(frame.text(.contactsWithheld)))</p>"
        }
        return html + "</section>"
    }

    /// The scope with every counted term marked, longest terms first where they overlap.
    static func highlight(_ scope: String, terms: [String]) -> String {
        let wanted = Set(terms.filter { !$0.isEmpty }).sorted { $0.count > $1.count }
        guard !wanted.isEmpty else { return HTML.escape(scope) }
        let characters = Array(scope)
        var marked = [Bool](repeating: false, count: characters.count)
        for term in wanted {
            let pattern = Array(term)
            var index = 0
            while index + pattern.count <= characters.count {
                if Array(characters[index..<index + pattern.count]) == pattern {
                    for position in index..<index + pattern.count { marked[position] = true }
                    index += pattern.count
                } else {
                    index += 1
                }
            }
        }
        var html = ""
        var open = false
        for (index, character) in characters.enumerated() {
            if marked[index] != open {
                html += marked[index] ? "<mark>" : "</mark>"
                open = marked[index]
            }
            html += HTML.escape(String(character))
        }
        return html + (open ? "</mark>" : "")
    }
}
