import ChainscopeCore
import ChainscopeReports
import Hummingbird
import HummingbirdCore

/// The company search form: every filter of the API, labelled, keeping the values of the current query.
struct SearchForm {
    let frame: PageFrame
    let taxonomy: Taxonomy
    let query: CompanyQuery
    let regions: RegionDirectory

    var html: String {
        let language = frame.language
        let layers = taxonomy.layers.map { ($0.id, $0.labels.text(in: language)) }
        let segments = taxonomy.layers.flatMap { layer in
            layer.segments.map { ($0.id, layer.labels.text(in: language) + " › " + $0.labels.text(in: language)) }
        }
        let districts = regions.children(of: .hangzhou).map { ($0.code.rawValue, $0.names.text(in: language)) }
        let statuses = RegistrationStatus.allCases.map { ($0.rawValue, $0.label(language)) }
        let members = [("true", frame.text(.members)), ("false", frame.text(.nonMembers))]
        let orders: [(String, String)] = [
            (CompanyQuery.Order.entry.rawValue, frame.text(.sortEntry)),
            (CompanyQuery.Order.name.rawValue, frame.text(.sortName)),
            (CompanyQuery.Order.founded.rawValue, frame.text(.sortFounded)),
            (CompanyQuery.Order.foundedDescending.rawValue, frame.text(.sortFoundedDescending)),
        ]
        var fields = """
            <div class="field wide"><label for="q">\(HTML.escape(frame.text(.searchLabel)))</label>
            <input id="q" name="q" type="search" value="\(HTML.escape(query.text ?? ""))" aria-describedby="q-hint">
            <small id="q-hint">\(HTML.escape(frame.text(.searchHint)))</small></div>
            """
        fields += select("layer", .layer, layers, query.layer, any: true)
        fields += select("segment", .segment, segments, query.segment, any: true)
        fields += select("district", .district, districts, query.district?.rawValue, any: true)
        fields += select("status", .status, statuses, query.status?.rawValue, any: true)
        fields += select("member", .member, members, query.isMember.map { $0 ? "true" : "false" }, any: true)
        fields += date("founded_from", .foundedFrom, query.foundedFrom)
        fields += date("founded_to", .foundedTo, query.foundedThrough)
        fields += select("sort", .sort, orders, query.order.rawValue, any: false)
        let export = "/api/v1/exports/companies.csv?" + exportParameters
        let workbook = "/api/v1/exports/companies.xlsx?" + exportParameters
        return """
            <form class="search" method="get" action="/companies" role="search">\(fields)
            <div class="actions"><button type="submit">\(HTML.escape(frame.text(.search)))</button>
            <a href="\(HTML.escape(export))" download>\(HTML.escape(frame.text(.exportCSV)))</a>
            <a href="\(HTML.escape(workbook))" download>\(HTML.escape(frame.text(.exportXLSX)))</a></div></form>
            """
    }

    /// The request's filters without its page, for the export link.
    private var exportParameters: String {
        HTML.query(of: frame.request, without: ["cursor", "limit", "lang", "sort"])
    }

    private func select(
        _ name: String, _ label: DashboardText, _ options: [(String, String)], _ selected: String?, any: Bool
    ) -> String {
        var html =
            "<div class=\"field\"><label for=\"\(name)\">\(HTML.escape(frame.text(label)))</label>"
            + "<select id=\"\(name)\" name=\"\(name)\">"
        if any { html += "<option value=\"\">\(HTML.escape(frame.text(.any)))</option>" }
        for (value, text) in options {
            let isSelected = value == selected ? " selected" : ""
            html += "<option value=\"\(HTML.escape(value))\"\(isSelected)>\(HTML.escape(text))</option>"
        }
        return html + "</select></div>"
    }

    private func date(_ name: String, _ label: DashboardText, _ value: CalendarDate?) -> String {
        "<div class=\"field\"><label for=\"\(name)\">\(HTML.escape(frame.text(label)))</label>"
            + "<input id=\"\(name)\" name=\"\(name)\" type=\"date\" value=\"\(value?.description ?? "")\"></div>"
    }
}
