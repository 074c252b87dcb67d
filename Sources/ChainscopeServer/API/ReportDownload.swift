import ChainscopeCore
import ChainscopeReports
import Dispatch
import Foundation
import Hummingbird

/// The cited report in a language, as Markdown, HTML or PDF (the same the `report` command writes).
struct ReportDownload: Sendable {
    let server: ChainscopeServer

    static let formats = [
        "md": "text/markdown; charset=utf-8", "html": "text/html; charset=utf-8", "pdf": "application/pdf",
    ]

    func response(language text: String, format: String, request: Request) async throws -> Response {
        guard let language = Language(rawValue: text) else {
            throw Problem(.notFound, "Reports are written in ko, zh and en, not '\(text)'.")
        }
        guard let contentType = Self.formats[format] else {
            throw Problem(
                .notFound, "Reports come as \(Self.formats.keys.sorted().joined(separator: " and ")), not '\(format)'.")
        }
        let (report, html, _) = try await server.state.report(language: language, taxonomy: server.taxonomy(request))
        let body: ByteBuffer
        switch format {
        case "pdf": body = ByteBuffer(bytes: try await Self.pdf(html))
        case "html": body = ByteBuffer(string: html)
        default: body = ByteBuffer(string: report.markdown())
        }
        return Response(
            status: .ok,
            headers: [
                .contentType: contentType,
                .contentDisposition: "attachment; filename=\"chainscope-report-\(language.rawValue).\(format)\"",
            ], body: .init(byteBuffer: body))
    }

    /// Prints the report through headless Chromium on a Dispatch thread, since waiting for the process
    /// would hold one of the few threads Swift concurrency runs requests on; without Chromium the download
    /// is unavailable (503) and says what to install.
    static func pdf(_ html: String) async throws -> Data {
        let result: Result<Data, ReportError> = await withCheckedContinuation { continuation in
            DispatchQueue.global().async {
                continuation.resume(returning: Result { () throws(ReportError) in try PDFPrinter().pdf(html: html) })
            }
        }
        switch result {
        case .success(let data): return data
        case .failure(let error) where error.code == .chromiumMissing:
            throw Problem(.serviceUnavailable, error.description)
        case .failure(let error): throw error
        }
    }
}
