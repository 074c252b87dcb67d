import ChainscopeCore
import ChainscopeReports
import Foundation
import Hummingbird
import HummingbirdCore

/// The JSON API under `/api/v1`, as `openapi.json` describes it.
struct APIRoutes: Sendable {
    let server: ChainscopeServer

    var store: any Store { server.store }

    func add(to api: RouterGroup<BasicRequestContext>) {
        api.get("openapi.json") { _, _ in try OpenAPIDocument.response() }
        api.get("companies") { request, _ in try await companies(request) }
        api.get("companies/{id}") { request, context in try await company(request, id: context.parameters.get("id")) }
        api.get("exports/companies.csv") { request, _ in try await CompanyExport(server: server).csv(request) }
        api.get("exports/companies.xlsx") { request, _ in try await CompanyExport(server: server).xlsx(request) }
        api.get("taxonomies") { _, _ in JSONBody.response(server.state.taxonomies.map(TaxonomyTree.init)) }
        api.get("taxonomies/{id}") { _, context in try taxonomy(context.parameters.get("id") ?? "") }
        api.get("indicators") { request, _ in try await indicators(request) }
        api.get("facts") { _, _ in try await facts() }
        api.put("facts/{id}") { request, context in
            try await FactEditing(server: server).replace(request, id: context.parameters.get("id") ?? "")
        }
        api.get("parks") { _, _ in JSONBody.response(try await server.state.dataset().parks) }
        api.get("programmes") { _, _ in JSONBody.response(try await server.state.dataset().programmes) }
        api.get("policies") { _, _ in JSONBody.response(try await server.state.dataset().policies) }
        ImportRoutes(server: server).add(to: api)
        api.get("reports/{language}/{format}") { request, context in
            try await ReportDownload(server: server).response(
                language: context.parameters.get("language") ?? "", format: context.parameters.get("format") ?? "",
                request: request)
        }
    }

    private func companies(_ request: Request) async throws -> Response {
        let query = try CompanyQuery(request: request, taxonomy: server.taxonomy(request))
        let page = try await store.companies(matching: query)
        return JSONBody.response(
            CompanyPageBody(companies: page.companies.map(CompanySummary.init), next: page.next?.token))
    }

    private func company(_ request: Request, id: String?) async throws -> Response {
        let taxonomy = try server.taxonomy(request)
        guard let id, let key = CompanyKey(urlID: id), let company = try await store.company(key: key) else {
            throw Problem(
                .notFound,
                "No company has the id '\(id ?? "")'. Give an 18-character credit code or a key such as regno:… "
                    + "(see /api/v1/companies?q=…).")
        }
        let classification = try await store.classification(of: company.key, taxonomy: taxonomy.id)
        let source = try await store.sourceImport(of: company)
        let raw = try await store.companyRaw(key: company.key)
        let history = try await store.companyHistory(key: company.key)
        let unapplied = try await store.unappliedChanges(key: company.key)
        let mayReadContacts = server.token.admits(request)
        let shown = mayReadContacts ? raw : raw.map(ContactColumns.withheld)
        let shownHistory = mayReadContacts ? history : ContactColumns.withheld(history)
        let shownUnapplied = mayReadContacts ? unapplied : ContactColumns.withheld(unapplied)
        return JSONBody.response(
            CompanyDetail(
                company: company, classification: classification, source: source, raw: shown,
                contactsWithheld: (raw != nil && shown != raw) || shownHistory != history
                    || shownUnapplied != unapplied,
                history: shownHistory, unappliedChanges: shownUnapplied))
    }

    private func taxonomy(_ id: String) throws -> Response {
        guard let taxonomy = server.state.taxonomy(id) else {
            throw Problem(
                .notFound,
                "No taxonomy has the id '\(id)'; this server offers \(server.state.taxonomies.map(\.id).joined(separator: ", "))."
            )
        }
        return JSONBody.response(TaxonomyTree(taxonomy))
    }

    private func indicators(_ request: Request) async throws -> Response {
        let taxonomy = try server.taxonomy(request)
        let asOf = try request.day("as_of")
        return JSONBody.response(json: try await server.state.indicatorsJSON(taxonomy: taxonomy, asOf: asOf))
    }

    private func facts() async throws -> Response {
        let dataset = try await server.state.dataset()
        return JSONBody.response(FactsBody(dataset: dataset.info, facts: dataset.facts, sources: dataset.sources))
    }
}

/// The dataset's reference figures with their sources.
struct FactsBody: Encodable, Sendable {
    var dataset: DatasetInfo
    var facts: [Fact]
    var sources: [Source]
}

extension IndicatorsBody {
    init(_ counts: MemberCounts) {
        let indicators = Indicators(counts)
        func shares(_ dimension: Indicators.Dimension) -> [Share] {
            indicators.ranking(by: dimension).map {
                Share(key: $0.key, count: $0.count, share: $0.share, rank: $0.rank)
            }
        }
        let months = counts.cells.compactMap(\.month)
        let (active, closed) = indicators.activeAndClosed
        members = counts.members
        self.active = active
        self.closed = closed
        byLayer = shares(.layer)
        bySegment = shares(.segment)
        byDistrict = shares(.district)
        if let first = months.min(), let last = months.max() {
            registrationsByYear = indicators.registrations(per: .year, from: first, through: last).points.map {
                Point(period: $0.period.description, count: $0.value)
            }
            registrationsByMonth = indicators.registrations(per: .month, from: first, through: last).points.map {
                Point(period: $0.period.description, count: $0.value)
            }
            let ytd = indicators.yearToDate(through: last)
            yearToDate = YearToDateBody(
                through: last.description, current: ytd.current, samePeriodBefore: ytd.samePeriodBefore,
                wholeYearBefore: ytd.wholeYearBefore, growth: ytd.growth, exceedsYearBefore: ytd.exceedsYearBefore)
        } else {
            registrationsByYear = []
            registrationsByMonth = []
        }
        capital = Dictionary(uniqueKeysWithValues: counts.capital.map { ($0.key.rawValue, "\($0.value)") })
        provenance = ProvenanceBody(counts.provenance)
    }
}
