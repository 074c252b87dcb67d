import ChainscopeCore
import Hummingbird
import HummingbirdCore

extension CompanyQuery {
    /// The query a request's parameters describe (`q`, `taxonomy`, `segment`, `layer`, `member`,
    /// `district`, `status`, `founded_from`, `founded_to`, `sort`, `cursor`, `limit`), each checked: a value
    /// that does not fit is a 400 naming the parameter and what it takes.
    init(request: Request, taxonomy: Taxonomy, defaultLimit: Int = 50) throws(Problem) {
        let parameters = request.uri.queryParameters
        func text(_ name: String) -> String? {
            parameters.get(name).flatMap { $0.isEmpty ? nil : $0 }
        }
        self.init(text: text("q"), taxonomy: taxonomy.id, limit: defaultLimit)
        if let segment = text("segment") {
            guard taxonomy.segment(segment) != nil else {
                throw Problem.badParameter(
                    "segment", segment,
                    expected: "use a segment id of taxonomy '\(taxonomy.id)' (see /api/v1/taxonomies/\(taxonomy.id)).")
            }
            self.segment = segment
        }
        if let layer = text("layer") {
            guard taxonomy.layer(layer) != nil else {
                throw Problem.badParameter(
                    "layer", layer, expected: "use one of: \(taxonomy.layers.map(\.id).joined(separator: ", ")).")
            }
            self.layer = layer
        }
        if let member = text("member") {
            guard let flag = Bool(member) else {
                throw Problem.badParameter("member", member, expected: "use true or false.")
            }
            isMember = flag
        }
        if let district = text("district") {
            guard let code = RegionCode(rawValue: district) else {
                throw Problem.badParameter(
                    "district", district, expected: "give a six-digit division code, e.g. 330106.")
            }
            self.district = code
        }
        if let status = text("status") {
            guard let value = RegistrationStatus(rawValue: status) else {
                throw Problem.badParameter(
                    "status", status,
                    expected: "use one of: \(RegistrationStatus.allCases.map(\.rawValue).joined(separator: ", ")).")
            }
            self.status = value
        }
        foundedFrom = try request.day("founded_from")
        foundedThrough = try request.day("founded_to")
        if let sort = text("sort") {
            guard let order = Order(rawValue: sort) else {
                throw Problem.badParameter(
                    "sort", sort, expected: "use one of: \(Order.allCases.map(\.rawValue).joined(separator: ", ")).")
            }
            self.order = order
        }
        if let cursor = text("cursor") {
            guard let after = CompanyCursor(token: cursor) else {
                throw Problem.badParameter(
                    "cursor", cursor, expected: "pass the 'next' cursor of the previous page unchanged.")
            }
            self.after = after
        }
        limit = try request.count("limit", default: defaultLimit, maximum: Self.maximumLimit)
    }
}
