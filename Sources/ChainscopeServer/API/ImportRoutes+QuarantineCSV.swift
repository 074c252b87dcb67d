import ChainscopeCore
import ChainscopeIngest
import Foundation
import Hummingbird

extension ImportRoutes {
    /// The forms of an import's quarantine as CSV: `reasons` as `quarantine export` writes it, `original` as
    /// `quarantine export --original` does (the rows as their file had them, to correct and upload again).
    enum QuarantineForm: String, CaseIterable, Sendable {
        case reasons
        case original
    }

    /// An import's quarantined rows as a CSV download (UTF-8 with a byte-order mark, so that spreadsheet programs
    /// read the Chinese), streamed a page at a time however large the quarantine. Contact cells (phones, e-mail)
    /// need the API token, as in the JSON; without it they are empty.
    func quarantineCSV(_ request: Request, of record: RegistryImport) async throws -> Response {
        let text = request.uri.queryParameters.get("form") ?? QuarantineForm.reasons.rawValue
        guard let form = QuarantineForm(rawValue: text) else {
            throw Problem.badParameter("form", text, expected: "reasons or original.")
        }
        let language = LanguageChoice(request: request, fallback: server.configuration.defaultLanguage).language
        let rows = QuarantinePages(
            store: server.store, importID: record.id, withholdsContacts: !server.token.admits(request))
        let body = ResponseBody { writer in
            try await writer.write(ByteBuffer(string: "\u{FEFF}"))
            switch form {
            case .reasons:
                try await writer.write(ByteBuffer(string: QuarantineCSV.header))
                try await rows.forEachPage { page in
                    try await writer.write(ByteBuffer(string: QuarantineCSV.lines(page, language: language)))
                }
            case .original:
                try await rows.writeOriginal(synthetic: record.isSynthetic, to: &writer)
            }
            try await writer.finish(nil)
        }
        return Response(
            status: .ok,
            headers: [
                .contentType: "text/csv; charset=utf-8",
                .contentDisposition: "attachment; filename=\"chainscope-import-\(record.id)-\(form.rawValue).csv\"",
            ], body: body)
    }
}

/// One import's quarantined rows as a download reads them: a page at a time, contact cells left out unless the
/// request had the token.
private struct QuarantinePages: Sendable {
    let store: any Store
    let importID: Int64
    let withholdsContacts: Bool

    func forEachPage(_ body: ([QuarantinedRow]) async throws -> Void) async throws {
        try await store.forEachQuarantinedRow(importID: importID) { rows in
            try await body(withholdsContacts ? ContactColumns.withheld(rows) : rows)
        }
    }

    /// The rows under their file's header, read twice: once for the header, once for the rows.
    func writeOriginal(synthetic: Bool, to writer: inout any ResponseBodyWriter) async throws {
        var layout = OriginalRows()
        try await forEachPage { rows in
            for row in rows { layout.take(row) }
        }
        guard !layout.header.isEmpty else { return }
        try await writer.write(ByteBuffer(string: layout.headLines(synthetic: synthetic)))
        let columns = layout
        try await forEachPage { rows in
            // Nil only if the quarantine changed between the readings, which no committed import does: the response
            // is cut off rather than wrong.
            guard let lines = columns.lines(rows) else {
                throw StoreError(
                    .readFailed, location: "quarantine of import \(importID)", detail: "it changed while it was read")
            }
            try await writer.write(ByteBuffer(string: lines))
        }
    }
}
