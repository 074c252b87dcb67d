public import ChainscopeCore

/// Quarantined rows written back out as their file had them: its header, each row's cells in its columns, and no
/// reasons, so that a person can correct the values and import the file again.
///
/// Rows of one import usually share one header. Rows under another (a workbook's sheet of another layout, JSON
/// objects with other keys) put each cell in the column of the same field (公司名称 under 企业名称: two name columns
/// would leave one of them empty, and the import reads the first) or, for a column no field reads, of the same
/// header text; their other columns are added at the end. A row has an empty cell in a column it did not have.
///
/// The header must be known before the first row is written: `take` every row, then write `headLines` and the
/// rows' `lines`.
public struct OriginalRows: Sendable {
    /// The header: the file's own texts, repeated or empty headers included.
    public private(set) var header: [String] = []
    /// Whether every row knew the order of its columns: rows quarantined before it was kept have their
    /// columns in the order of their names.
    public private(set) var isOrderKnown = true
    /// The column of the header that each field or header text takes, by its occurrence in its row (a repeated
    /// header keeps both columns).
    private var columnOfSlot: [Slot: Int] = [:]
    /// For each set of columns that rows came with, the column of the header for each of them.
    private var placements: [[String]: [Int]] = [:]

    private struct Slot: Hashable {
        let name: String
        let occurrence: Int
    }

    public init() {}

    /// Adds the columns of `row` that the header does not have yet.
    public mutating func take(_ row: QuarantinedRow) {
        let keys = row.rawKeys
        guard placements[keys] == nil else { return }
        if row.rawColumns == nil { isOrderKnown = false }
        let texts = row.rawColumns == nil ? keys : keys.enumerated().map { RawHeader.text(ofKey: $1, at: $0) }
        var occurrences: [String: Int] = [:]
        placements[keys] = zip(texts, HeaderLayout(headers: texts, headerRow: 0).fields).map { text, field in
            let name = field.map { "field " + $0.rawValue } ?? "header " + text
            let slot = Slot(name: name, occurrence: occurrences[name, default: 0])
            occurrences[name, default: 0] += 1
            if let column = columnOfSlot[slot] { return column }
            columnOfSlot[slot] = header.count
            header.append(text)
            return header.count - 1
        }
    }

    /// The CSV lines above the rows: the notice the sample writes above its header when the import had it (so that
    /// the rows stay labelled synthetic when imported again), then the header.
    public func headLines(synthetic: Bool) -> String {
        (synthetic ? CSVRecord.line([RegistryImport.syntheticNotice]) : "") + CSVRecord.line(header)
    }

    /// The rows as CSV lines; nil when one has columns that `take` has not seen.
    public func lines(_ rows: [QuarantinedRow]) -> String? {
        var text = ""
        for row in rows {
            guard let cells = cells(of: row) else { return nil }
            text += CSVRecord.line(cells)
        }
        return text
    }

    /// The cells of `row` under `header`, empty where it has none; nil for a row whose columns `take` has not seen.
    public func cells(of row: QuarantinedRow) -> [String]? {
        let keys = row.rawKeys
        guard let placement = placements[keys] else { return nil }
        var cells = Array(repeating: "", count: header.count)
        for (key, column) in zip(keys, placement) { cells[column] = row.raw[key] ?? "" }
        return cells
    }
}
