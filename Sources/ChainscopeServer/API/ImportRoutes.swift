import ChainscopeCore
import ChainscopeIngest
import Foundation
import Hummingbird
import HummingbirdCore

/// Imports and their quarantined rows; uploads (a job each) and re-classification, which need the token.
struct ImportRoutes: Sendable {
    let server: ChainscopeServer

    func add(to api: RouterGroup<BasicRequestContext>) {
        api.get("imports") { _, _ in JSONBody.response(try await server.store.imports()) }
        api.get("imports/{id}") { _, context in JSONBody.response(try await record(context.parameters.get("id"))) }
        api.get("imports/{id}/quarantine") { request, context in try await quarantine(request, context) }
        api.get("imports/{id}/quarantine.csv") { request, context in
            try await quarantineCSV(request, of: record(context.parameters.get("id")))
        }
        api.get("imports/{id}/changes") { request, context in
            let record = try await record(context.parameters.get("id"))
            let limit = try request.count("limit", default: 1000, maximum: 100_000)
            let isApplied = try request.flag("applied", default: true)
            let changes = try await server.store.changes(ofImport: record.id, limit: limit, isApplied: isApplied)
            let mayReadContacts = server.token.admits(request)
            return JSONBody.response(
                changes.map { change in
                    ImportedChangeBody(
                        key: change.key.description, name: change.name,
                        href: "/api/v1/companies/\(change.key.urlPath)",
                        change: mayReadContacts ? change.change : ContactColumns.withheld(change.change))
                })
        }
        api.post("imports") { request, _ in try await upload(request) }
        api.get("jobs/{id}") { _, context in
            guard let text = context.parameters.get("id"), let id = Int(text), let status = server.jobs.status(id)
            else {
                throw Problem(.notFound, "No import job has the id '\(context.parameters.get("id") ?? "")'.")
            }
            return JSONBody.response(status)
        }
        api.post("classifications") { request, _ in try await reclassify(request) }
    }

    /// A page of an import's quarantined rows, at most `limit` (1,000 unless given), after `cursor`; a full page
    /// links the next in a `Link` header (RFC 8288), as a JSON array keeps no room for a cursor.
    private func quarantine(_ request: Request, _ context: BasicRequestContext) async throws -> Response {
        let record = try await record(context.parameters.get("id"))
        let limit = try request.count("limit", default: 1000, maximum: 100_000)
        var after: QuarantinedRow.Place?
        if let cursor = request.uri.queryParameters.get("cursor"), !cursor.isEmpty {
            guard let place = QuarantineCursor.place(cursor, importID: record.id) else {
                throw Problem.badParameter(
                    "cursor", cursor, expected: "pass the cursor of the previous page's Link header unchanged.")
            }
            after = place
        }
        var rows = try await server.store.quarantinedRows(importID: record.id, after: after, limit: limit)
        if !server.token.admits(request) {
            rows = ContactColumns.withheld(rows)
        }
        var response = JSONBody.response(rows)
        if rows.count == limit, let last = rows.last {
            let cursor = QuarantineCursor.token(last.place)
            response.headers[HTTPFields.Element.Name("Link")!] =
                "</api/v1/imports/\(record.id)/quarantine?limit=\(limit)&cursor=\(cursor)>; rel=\"next\""
        }
        return response
    }

    func record(_ id: String?) async throws -> RegistryImport {
        guard let id, let number = Int64(id),
            let record = try await server.store.registryImport(id: number)
        else {
            throw Problem(.notFound, "No import has the id '\(id ?? "")'; /api/v1/imports lists them.")
        }
        return record
    }

    /// The media types an upload may declare, with the file extensions each allows.
    static let mediaTypes: [String: Set<String>] = [
        "text/csv": ["csv", "txt"], "text/tab-separated-values": ["tsv", "txt"],
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": ["xlsx"],
        "application/x-ndjson": ["jsonl", "ndjson"], "application/jsonl": ["jsonl", "ndjson"],
        "application/json": ["json", "jsonl"],
        "application/octet-stream": ["csv", "tsv", "txt", "xlsx", "jsonl", "ndjson", "json"],
    ]

    private func upload(_ request: Request) async throws -> Response {
        try server.token.requireWriter(request)
        let name = try Self.fileName(request)
        let declared = request.headers[.contentType]?.split(separator: ";").first.map {
            $0.trimmingCharacters(in: .whitespaces).lowercased()
        }
        guard let declared, let extensions = Self.mediaTypes[declared] else {
            throw Problem(
                .unsupportedMediaType,
                "Send the export as the request body with Content-Type one of: "
                    + Self.mediaTypes.keys.sorted().joined(separator: ", ") + ".", parameter: "Content-Type")
        }
        let fileExtension = (name as NSString).pathExtension.lowercased()
        guard extensions.contains(fileExtension) else {
            throw Problem(
                .unsupportedMediaType,
                "The file name '\(name)' does not fit Content-Type \(declared); it takes "
                    + extensions.sorted().map { ".\($0)" }.joined(separator: ", ") + ".", parameter: "filename")
        }
        let snapshot = try request.day("snapshot_date", meaning: "the day the export was taken")
        if let snapshot, snapshot > RegistryImportOptions.latestSnapshotDate() {
            throw Problem.badParameter(
                "snapshot_date", snapshot.description,
                expected: "that is after today: give the day the export was taken.")
        }
        if let length = request.headers[.contentLength].flatMap(Int.init), length > server.configuration.uploadLimit {
            throw Problem(
                .contentTooLarge, "The upload is larger than this server accepts (CHAINSCOPE_UPLOAD_LIMIT_MB).")
        }
        let status = try await server.jobs.submit(
            request.body, name: name, snapshotDate: snapshot, limit: server.configuration.uploadLimit)
        var response = JSONBody.response(status, status: .accepted)
        response.headers[.location] = "/api/v1/jobs/\(status.id)"
        return response
    }

    /// The `filename` parameter, reduced to its last path component.
    static func fileName(_ request: Request) throws(Problem) -> String {
        let given = request.uri.queryParameters.get("filename") ?? ""
        let name = given.split(separator: "/").last.map(String.init) ?? ""
        guard !name.isEmpty, name != "..", name != "." else {
            throw Problem(
                .badRequest, "Name the uploaded file with ?filename=export.csv (its extension says its format).",
                parameter: "filename")
        }
        return name
    }

    private func reclassify(_ request: Request) async throws -> Response {
        try server.token.requireWriter(request)
        let taxonomy = try server.taxonomy(request)
        let all = request.uri.queryParameters.get("all") == "true"
        let classifier = Classifier(taxonomy)
        let count = try await server.store.classifyCompanies(taxonomy: taxonomy, all: all) { companies in
            companies.map { classifier.classification(of: $0) }
        }
        await server.state.invalidate()
        return JSONBody.response(["taxonomy": JSONValue.text(taxonomy.id), "classified": .number(count)])
    }
}
