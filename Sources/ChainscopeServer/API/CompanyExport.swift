import ChainscopeCore
import Foundation
import Hummingbird

/// A company list with the request's filters as a CSV file (UTF-8 with a byte-order mark, so Excel reads
/// the Chinese names), streamed page by page so memory stays flat however many companies match.
struct CompanyExport: Sendable {
    let server: ChainscopeServer

    static let headers = [
        "credit_code", "key", "name_zh", "name_ko", "name_en", "kind", "status", "founded", "district",
        "is_member", "main_layer", "segments",
    ]

    func csv(_ request: Request) async throws -> Response {
        var first = try CompanyQuery(request: request, taxonomy: server.taxonomy(request))
        first.limit = CompanyQuery.maximumLimit
        let query = first
        let store = server.store
        let body = ResponseBody { writer in
            try await writer.write(ByteBuffer(string: "\u{FEFF}" + Self.line(Self.headers)))
            var page = query
            while true {
                let result = try await store.companies(matching: page)
                try await writer.write(ByteBuffer(string: result.companies.map(Self.row).joined()))
                guard let next = result.next else { break }
                page.after = next
            }
            try await writer.finish(nil)
        }
        return Response(
            status: .ok,
            headers: [
                .contentType: "text/csv; charset=utf-8",
                .contentDisposition: "attachment; filename=\"chainscope-companies.csv\"",
            ], body: body)
    }

    static func row(_ listing: CompanyListing) -> String {
        let company = listing.company
        return line([
            company.creditCode ?? "", company.key.description, company.names.zh ?? "", company.names.ko ?? "",
            company.names.en ?? "", company.kind.rawValue, company.status?.rawValue ?? "",
            company.founded?.description ?? "", company.region?.rawValue ?? "",
            listing.isMember.map { $0 ? "true" : "false" } ?? "", listing.mainLayer ?? "",
            listing.segments.joined(separator: ";"),
        ])
    }

    /// One RFC 4180 record: fields with a comma, quote or line break are quoted, quotes doubled.
    static func line(_ fields: [String]) -> String {
        fields.map { field in
            field.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" })
                ? "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : field
        }.joined(separator: ",") + "\r\n"
    }
}
