import Foundation

/// A small reference table with a header row, such as the division tables, read with the same CSV
/// reader as registry exports.
struct ReferenceTable {
    let file: String
    let header: [String]
    /// Each row with its line number.
    let rows: [(line: Int, fields: [String: String])]

    init(url: URL, displayName: String, columns: [String]) throws(IngestError) {
        file = displayName
        var records: [RawRow] = []
        do {
            try CSVReader(url: url, displayName: displayName, encoding: .utf8).forEachRow { records.append($0) }
        } catch let error as IngestError {
            throw error
        } catch {
            throw IngestError(
                .unreadableFile, at: .init(file: displayName), expected: "a readable UTF-8 CSV file",
                found: IngestError.systemReason(error), underlying: error)
        }
        guard let first = records.first else {
            throw IngestError(
                .malformedTable, at: .init(file: displayName), expected: "a header row", found: "an empty file")
        }
        let names = first.cells
        header = names
        let missing = columns.filter { !names.contains($0) }
        guard missing.isEmpty else {
            throw IngestError(
                .malformedTable, at: .init(file: displayName, line: 1),
                expected: "columns \(columns.joined(separator: ", "))", found: names.joined(separator: ", "))
        }
        rows = try records.dropFirst().map { (record: RawRow) throws(IngestError) in
            guard record.cells.count == names.count else {
                throw IngestError(
                    .malformedTable, at: .init(file: displayName, line: record.line),
                    expected: "\(names.count) fields", found: "\(record.cells.count)")
            }
            return (
                record.line ?? record.number,
                Dictionary(zip(names, record.cells), uniquingKeysWith: { first, _ in first })
            )
        }
    }
}
