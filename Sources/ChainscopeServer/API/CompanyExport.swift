import ChainscopeCore
import ChainscopeIngest
import Foundation
import Hummingbird

/// A company list with the request's filters as a CSV file (UTF-8 with a byte-order mark, so Excel reads
/// the Chinese names), streamed page by page so memory stays flat however many companies match, or as
/// an XLSX workbook.
struct CompanyExport: Sendable {
    let server: ChainscopeServer

    static let headers = [
        "credit_code", "key", "name_zh", "name_ko", "name_en", "kind", "status", "founded", "district",
        "is_member", "main_layer", "segments",
    ]

    private func query(_ request: Request) throws -> CompanyQuery {
        var query = try CompanyQuery(request: request, taxonomy: server.taxonomy(request))
        query.limit = CompanyQuery.maximumLimit
        return query
    }

    func xlsx(_ request: Request) async throws -> Response {
        var page = try query(request)
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("chainscope-export-\(UUID())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let url = folder.appendingPathComponent("companies.xlsx")
        var writer = try XLSXWriter(url: url, sheetName: "companies")
        try writer.append(Self.headers)
        repeat {
            let result = try await server.store.companies(matching: page)
            guard writer.rows + result.companies.count <= XLSXWriter.maximumRows else {
                throw Problem(
                    .unprocessableContent,
                    "More companies match than a worksheet holds (\(XLSXWriter.maximumRows - 1)); narrow the filters "
                        + "or use /api/v1/exports/companies.csv.")
            }
            for listing in result.companies { try writer.append(Self.cells(listing)) }
            page.after = result.next
        } while page.after != nil
        try writer.finish()
        return Response(
            status: .ok,
            headers: [
                .contentType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                .contentDisposition: "attachment; filename=\"chainscope-companies.xlsx\"",
            ], body: .init(byteBuffer: ByteBuffer(bytes: try Data(contentsOf: url))))
    }

    func csv(_ request: Request) async throws -> Response {
        let query = try query(request)
        let store = server.store
        let body = ResponseBody { writer in
            try await writer.write(ByteBuffer(string: "\u{FEFF}" + CSVRecord.line(Self.headers)))
            var page = query
            while true {
                let result = try await store.companies(matching: page)
                try await writer.write(
                    ByteBuffer(string: result.companies.map { CSVRecord.line(Self.cells($0)) }.joined()))
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

    static func cells(_ listing: CompanyListing) -> [String] {
        let company = listing.company
        return [
            company.creditCode ?? "", company.key.description, company.names.zh ?? "", company.names.ko ?? "",
            company.names.en ?? "", company.kind.rawValue, company.status?.rawValue ?? "",
            company.founded?.description ?? "", company.region?.rawValue ?? "",
            listing.isMember.map { $0 ? "true" : "false" } ?? "", listing.mainLayer ?? "",
            listing.segments.joined(separator: ";"),
        ]
    }
}
