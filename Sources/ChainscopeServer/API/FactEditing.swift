import ChainscopeCore
import Foundation
import Hummingbird

/// `PUT /api/v1/facts/{id}`: replaces one reference figure of the dataset (value, unit, period, citation …)
/// with the JSON body, which must keep the id and cite a source the dataset has; the dataset is stored
/// again in one transaction.
struct FactEditing: Sendable {
    let server: ChainscopeServer

    func replace(_ request: Request, id: String) async throws -> Response {
        try server.token.requireWriter(request)
        guard request.headers[.contentType]?.lowercased().hasPrefix("application/json") == true else {
            throw Problem(.unsupportedMediaType, "Send the fact as JSON (Content-Type: application/json).")
        }
        var dataset = try await server.state.dataset()
        guard let index = dataset.facts.firstIndex(where: { $0.id == id }) else {
            throw Problem(.notFound, "The dataset has no fact with the id '\(id)'; /api/v1/facts lists them.")
        }
        let body = try await request.body.collect(upTo: 1 << 20)
        let fact: Fact
        do {
            fact = try JSONDecoder().decode(Fact.self, from: Data(body.readableBytesView))
        } catch {
            throw Problem(.unprocessableContent, "The body is not a fact as /api/v1/facts shows them: \(error)")
        }
        guard fact.id == id else {
            throw Problem(.unprocessableContent, "The body's id is '\(fact.id)', but the path names '\(id)'.")
        }
        guard dataset.sources.contains(where: { $0.id == fact.citation.source }) else {
            throw Problem(
                .unprocessableContent,
                "The fact cites the source '\(fact.citation.source)', which the dataset does not have.")
        }
        dataset.facts[index] = fact
        try await server.store.install(dataset)
        await server.state.invalidate()
        return JSONBody.response(fact)
    }
}
