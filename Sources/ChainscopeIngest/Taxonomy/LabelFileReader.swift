public import ChainscopeCore
public import Foundation

/// Reads a label file: CSV with `credit_code` and `is_ai` columns, optional `layer` (the main layer)
/// and `segments` (ids separated by `;`); other columns are ignored.
public struct LabelFileReader {
    public init() {}

    public func read(_ url: URL, displayName: String? = nil) throws(IngestError) -> [ChainLabel] {
        let name = displayName ?? url.lastPathComponent
        var header: [String: Int]?
        var labels: [ChainLabel] = []
        var problem: IngestError?
        do {
            _ = try CSVReader(url: url, displayName: name, encoding: nil).forEachRow(
                { row in
                    guard problem == nil, !row.isBlank else { return }
                    guard let columns = header else {
                        header = Dictionary(
                            row.cells.enumerated().map { ($1.trimmed.lowercased(), $0) },
                            uniquingKeysWith: { first, _ in first })
                        if header?["credit_code"] == nil || header?["is_ai"] == nil {
                            problem = IngestError(
                                .unknownLayout, at: .init(file: name, line: row.line),
                                expected: "a header with credit_code and is_ai (optional: layer, segments)",
                                found: row.cells.joined(separator: ","))
                        }
                        return
                    }
                    switch Result(catching: { () throws(IngestError) in try Self.label(row, columns, file: name) }) {
                    case .success(let label): labels.append(label)
                    case .failure(let error): problem = error
                    }
                }, bytesRead: { _ in })
        } catch let error as IngestError {
            throw error
        } catch {
            throw IngestError(
                .unreadableFile, at: .init(file: name), expected: "a readable CSV file",
                found: IngestError.systemReason(error), underlying: error)
        }
        if let problem { throw problem }
        guard !labels.isEmpty else {
            // An evaluation of no companies would print a table of zeros as if it measured something.
            throw IngestError(
                .emptyFile, at: .init(file: name),
                expected: "a header with credit_code and is_ai, and a label under it for each company",
                found: header == nil ? "no rows" : "a header and no labels")
        }
        return labels
    }

    private static func label(_ row: RawRow, _ columns: [String: Int], file: String) throws(IngestError) -> ChainLabel {
        func cell(_ name: String) -> String? {
            guard let index = columns[name], index < row.cells.count else { return nil }
            let text = row.cells[index].trimmed
            return text.isEmpty ? nil : text
        }
        let flag = cell("is_ai")?.lowercased() ?? ""
        guard let isMember = ["1": true, "true": true, "yes": true, "0": false, "false": false, "no": false][flag]
        else {
            throw IngestError(
                .invalidValue, at: .init(file: file, line: row.line, field: "is_ai"),
                expected: "1/0, true/false or yes/no", found: "'\(flag)'")
        }
        let code = cell("credit_code") ?? ""
        guard case .success(let creditCode) = CreditCode.validate(code) else {
            throw IngestError(
                .invalidValue, at: .init(file: file, line: row.line, field: "credit_code"),
                expected: "a valid 18-character credit code", found: "'\(code)'")
        }
        return ChainLabel(
            creditCode: creditCode.value, isMember: isMember, layer: cell("layer"),
            segments: columns["segments"] == nil
                ? nil : (cell("segments") ?? "").split(separator: ";").map { $0.trimmed }.filter { !$0.isEmpty })
    }
}
