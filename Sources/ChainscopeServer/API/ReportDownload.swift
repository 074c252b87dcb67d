import ChainscopeCore
import ChainscopeReports
import Hummingbird

/// The cited report in a language, as Markdown or HTML (the same the `report` command writes).
struct ReportDownload: Sendable {
    let server: ChainscopeServer

    static let formats = ["md": "text/markdown; charset=utf-8", "html": "text/html; charset=utf-8"]

    func response(language text: String, format: String, request: Request) async throws -> Response {
        guard let language = Language(rawValue: text) else {
            throw Problem(.notFound, "Reports are written in ko, zh and en, not '\(text)'.")
        }
        guard let contentType = Self.formats[format] else {
            throw Problem(
                .notFound, "Reports come as \(Self.formats.keys.sorted().joined(separator: " and ")), not '\(format)'.")
        }
        let (report, html, _) = try await server.state.report(language: language, taxonomy: server.taxonomy(request))
        let text = format == "html" ? html : report.markdown()
        return Response(
            status: .ok,
            headers: [
                .contentType: contentType,
                .contentDisposition: "attachment; filename=\"chainscope-report-\(language.rawValue).\(format)\"",
            ], body: .init(byteBuffer: ByteBuffer(string: text)))
    }
}
