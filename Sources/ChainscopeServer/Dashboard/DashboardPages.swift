import ChainscopeCore
import ChainscopeReports
import Foundation
import Hummingbird

/// The dashboard's pages, rendered on the server in the visitor's language.
struct DashboardPages: Sendable {
    let server: ChainscopeServer

    func add(to router: Router<BasicRequestContext>) {
        router.get("/") { request, _ in try await page(request, .overview) { try await overview($0) } }
        router.get("/chain") { request, _ in try await page(request, .chain) { try await chain($0) } }
        router.get("/districts") { request, _ in try await page(request, .districts) { try await districts($0) } }
        router.get("/offerings") { request, _ in try await page(request, .offerings) { try await offerings($0) } }
        router.get("/reports") { request, _ in try await page(request, .reports) { reports($0) } }
        CompanyPages(server: server).add(to: router)
        ImportPages(server: server).add(to: router)
        router.get("/assets/chainscope.css") { _, _ in
            Response(
                status: .ok,
                headers: [.contentType: "text/css; charset=utf-8", .cacheControl: "public, max-age=3600"],
                body: .init(byteBuffer: ByteBuffer(string: DashboardStyle.css)))
        }
    }

    /// Renders one page: `body` returns its title and HTML in the frame's language.
    func page(
        _ request: Request, _ section: DashboardText?,
        _ body: (PageFrame) async throws -> (title: String, html: String)
    ) async throws -> Response {
        let choice = LanguageChoice(request: request, fallback: server.configuration.defaultLanguage)
        var frame = PageFrame(language: choice.language, request: request, active: section)
        // The overview's report carries its own notice.
        if section != .overview { frame.isSynthetic = try await server.store.imports().contains { $0.isSynthetic } }
        let (title, html) = try await body(frame)
        return HTML.response(frame.render(title: title, body: html), choice: choice)
    }

    /// The error page of a failed dashboard request (problems under `/api/` stay JSON).
    func errorPage(_ problem: Problem, request: Request) -> Response {
        let choice = LanguageChoice(request: request, fallback: server.configuration.defaultLanguage)
        let frame = PageFrame(language: choice.language, request: request, active: nil)
        let title = problem.status == .notFound ? frame.text(.notFound) : frame.text(.error)
        let detail =
            if problem.isUnknownPath {
                "<code>\(HTML.escape(request.uri.path))</code>: \(HTML.escape(frame.text(.noSuchPage)))"
            } else if let subject = problem.subject {
                "<code>\(HTML.escape(subject))</code>: \(HTML.escape(problem.detail))"
            } else {
                HTML.escape(problem.detail)
            }
        let html = "<h1>\(HTML.escape(title))</h1><p>\(detail)</p>"
        return HTML.response(frame.render(title: title, body: html), choice: choice, status: problem.status)
    }

    private func overview(_ frame: PageFrame) async throws -> (String, String) {
        let taxonomy = try server.taxonomy(frame.request)
        let (report, _, body) = try await server.state.report(language: frame.language, taxonomy: taxonomy)
        return (report.overview.dataset.info.title.text(in: frame.language), "<div class=\"report\">\(body)</div>")
    }

    private func chain(_ frame: PageFrame) async throws -> (String, String) {
        let taxonomy = try server.taxonomy(frame.request)
        let counts = try await server.state.memberCounts(taxonomy: taxonomy, asOf: nil)
        let indicators = Indicators(counts)
        let segmentCounts = Dictionary(uniqueKeysWithValues: indicators.ranking(by: .segment).map { ($0.key, $0) })
        let layerCounts = Dictionary(uniqueKeysWithValues: indicators.ranking(by: .layer).map { ($0.key, $0) })
        let language = frame.language
        let examples = try await server.store.segmentExamples(
            taxonomy: taxonomy, segments: taxonomy.layers.flatMap { $0.segments.map(\.id) }, limit: 3, asOf: nil)
        var html = "<h1>\(HTML.escape(taxonomy.labels.text(in: language)))</h1>"
        for layer in taxonomy.layers {
            let count = layerCounts[layer.id]?.count ?? 0
            html +=
                "<section class=\"layer\"><h2>\(HTML.escape(layer.labels.text(in: language)))"
                + " <span class=\"count\">\(count)</span></h2><ul class=\"segments\">"
            for segment in layer.segments {
                let members = segmentCounts[segment.id]?.count ?? 0
                let names = (examples[segment.id] ?? []).map {
                    "<a href=\"/companies/\(HTML.escape($0.company.urlPath))\">"
                        + HTML.escape($0.company.names.text(in: language)) + "</a>"
                }.joined(separator: ", ")
                html +=
                    "<li><h3><a href=\"/companies?segment=\(segment.id)&amp;member=true\">"
                    + "\(HTML.escape(segment.labels.text(in: language)))</a> <span class=\"count\">\(members)</span></h3>"
                    + (names.isEmpty ? "" : "<p>\(HTML.escape(frame.text(.examples))): \(names)</p>") + "</li>"
            }
            html += "</ul></section>"
        }
        return (frame.text(.chain), html)
    }

    private func districts(_ frame: PageFrame) async throws -> (String, String) {
        let taxonomy = try server.taxonomy(frame.request)
        let regions = try await server.state.regions()
        let counts = try await server.state.memberCounts(taxonomy: taxonomy, asOf: nil)
        let rows = Indicators(counts).ranking(by: .district).map { share in
            let code = RegionCode(rawValue: share.key)
            let name = code.map { regions.name(of: $0, in: frame.language) } ?? share.key
            let link = code.map { "/companies?district=\($0.rawValue)&amp;member=true" } ?? "/companies?member=true"
            return
                "<tr><td class=\"num\">\(share.rank)</td><th scope=\"row\"><a href=\"\(link)\">\(HTML.escape(name))</a></th>"
                + "<td class=\"num\">\(share.count)</td><td class=\"num\">\(Self.percent(share.share))</td></tr>"
        }.joined()
        let html =
            "<h1>\(HTML.escape(frame.text(.districts)))</h1><table><caption>"
            + HTML.escape(taxonomy.labels.text(in: frame.language))
            + "</caption><thead><tr><th scope=\"col\" class=\"num\">"
            + HTML.escape(frame.text(.rank)) + "</th><th scope=\"col\">" + HTML.escape(frame.text(.district))
            + "</th><th scope=\"col\" class=\"num\">" + HTML.escape(frame.text(.count))
            + "</th><th scope=\"col\" class=\"num\">" + HTML.escape(frame.text(.share)) + "</th></tr></thead><tbody>"
            + rows + "</tbody></table>"
        return (frame.text(.districts), html)
    }

    static func percent(_ share: Double) -> String { String(format: "%.1f%%", share * 100) }

    private func offerings(_ frame: PageFrame) async throws -> (String, String) {
        let dataset = try await server.state.dataset()
        let language = frame.language
        func source(_ citation: Citation) -> String {
            let name =
                dataset.sources.first { $0.id == citation.source }?.publisher.text(in: language) ?? citation.source
            return "<p class=\"cite\">\(HTML.escape(frame.text(.source))): \(HTML.escape(name))</p>"
        }
        var html =
            "<h1>\(HTML.escape(frame.text(.offerings)))</h1><section><h2>\(HTML.escape(frame.text(.policies)))</h2><ul>"
        for policy in dataset.policies {
            html +=
                "<li><strong>\(HTML.escape(policy.titles.text(in: language)))</strong> — "
                + HTML.escape(policy.issuer.text(in: language)) + source(policy.citation) + "</li>"
        }
        html += "</ul></section><section><h2>\(HTML.escape(frame.text(.parks)))</h2><ul>"
        for park in dataset.parks {
            let benefits = park.benefits.map { "<li>\(HTML.escape($0.text(in: language)))</li>" }.joined()
            html +=
                "<li><strong>\(HTML.escape(park.names.text(in: language)))</strong>"
                + (benefits.isEmpty ? "" : "<ul>\(benefits)</ul>") + source(park.citation) + "</li>"
        }
        html += "</ul></section><section><h2>\(HTML.escape(frame.text(.programmes)))</h2><ul>"
        for programme in dataset.programmes {
            html +=
                "<li><strong>\(HTML.escape(programme.names.text(in: language)))</strong> — "
                + HTML.escape(programme.beneficiary.text(in: language)) + source(programme.citation) + "</li>"
        }
        return (frame.text(.offerings), html + "</ul></section>")
    }

    private func reports(_ frame: PageFrame) -> (String, String) {
        var html =
            "<h1>\(HTML.escape(frame.text(.downloadReport)))</h1><table><thead><tr><th scope=\"col\">"
            + HTML.escape(frame.text(.language)) + "</th><th scope=\"col\">" + HTML.escape(frame.text(.format))
            + "</th></tr></thead><tbody>"
        for language in Language.allCases {
            let links = ReportDownload.formats.keys.sorted().map { format in
                "<a href=\"/api/v1/reports/\(language.rawValue)/\(format)\" download>"
                    + "\(PageFrame.languageName(language)) · \(format.uppercased())</a>"
            }.joined(separator: " ")
            html +=
                "<tr><th scope=\"row\" lang=\"\(HTMLRenderer.languageTag(language))\">"
                + "\(PageFrame.languageName(language))</th><td>\(links)</td></tr>"
        }
        return (frame.text(.reports), html + "</tbody></table>")
    }
}
