import ChainscopeCore

/// Finds the tables of an export and hands on each data row with the reader made for its table: a text file's
/// table and each sheet's begin at a header found among their first rows; a JSON object names its own fields,
/// and its reader is made once per list of keys. Import reads rows with a `RegistryRowMapper`; `scan` with the
/// layout alone. The file's errors (no table, tables with no rows) and the warnings its headers call for are
/// the same for both.
struct TableFinder<Reader>: Sendable where Reader: Sendable {
    let file: String
    let mapping: [String: RegistryField]
    let format: RegistryFormat
    private let makeReader: @Sendable (HeaderLayout) -> Reader
    /// The field each header names, by the mapping, else the synonym tables.
    let fieldOf: @Sendable (String) -> RegistryField?
    private(set) var warnings: [ImportWarning] = []
    /// Rows of the current table held back until its header is known.
    private var pending: [RawRow] = []
    private var sheet: String?
    private var reader: Reader?
    /// Readers of keyed rows (JSON), by their key list.
    private var keyedReaders: [[String]: Reader] = [:]
    /// The first keyed row's layout that lacks a name or an identifier key, and its line: the file's error when
    /// no object has both.
    private var firstIncompleteLayout: (HeaderLayout, line: Int)?
    private var tablesFound = 0
    /// The data rows handed on, and where the headers found are (the first one's line, the sheets'
    /// names): tables with headers and no rows are refused as an empty file is.
    private var dataRows = 0
    private var firstHeaderLine: Int?
    private var sheetsWithHeaders: [String] = []
    private var sheetsSkipped: [String] = []
    private var coverage = LayoutCoverage()

    init(
        file: String, mapping: [String: RegistryField], format: RegistryFormat,
        makeReader: @escaping @Sendable (HeaderLayout) -> Reader
    ) {
        self.file = file
        self.mapping = mapping
        self.format = format
        self.makeReader = makeReader
        fieldOf = HeaderLayout.field(mapping: mapping)
    }

    /// Hands `handle` the data rows `row` completes: none while a header is still being looked for, several when
    /// the header is found among the held-back rows (or a sheet ends before ten rows).
    mutating func accept(_ row: RawRow, _ handle: (RawRow, Reader) throws -> Void) throws {
        if let keys = row.keys {
            dataRows += 1
            try handle(row, keyedReader(keys, row: row))
            return
        }
        if row.sheet != sheet {
            try endTable(handle)
            sheet = row.sheet
        }
        if let reader {
            dataRows += 1
            try handle(row, reader)
            return
        }
        pending.append(row)
        if pending.count >= HeaderLayout.searchRows { try detectHeader(handle) }
    }

    /// Hands on the rows still held back at the end of the input; fails when no table or no data row was found.
    mutating func finish(_ handle: (RawRow, Reader) throws -> Void) throws {
        try endTable(handle)
        if tablesFound == 0 && format == .xlsx {
            throw IngestError(.noSheetWithLayout(sheets: sheetsSkipped), at: .init(file: file))
        }
        if tablesFound == 0 && format == .csv {
            throw IngestError(.noRows, at: .init(file: file))
        }
        if tablesFound == 0 && (format == .json || format == .jsonl) {
            if let (layout, line) = firstIncompleteLayout {
                throw HeaderLayout.layoutError(layout, file: file, line: line)
            }
            throw IngestError(.noJSONObjects, at: .init(file: file))
        }
        if dataRows == 0 {
            throw IngestError(.noDataRows(sheets: sheetsWithHeaders), at: .init(file: file, line: firstHeaderLine))
        }
        if let warning = coverage.warning { warnings.append(warning) }
    }

    /// A keyed row's reader. Each object names its own fields, and JSON writers leave out the keys of empty
    /// values, so an object without a credit-code key is read as one whose code is empty, and one without a name
    /// key is the reader's to turn away (a summary or a note, not a company); only a file in which no object has
    /// both is refused.
    private mutating func keyedReader(_ keys: [String], row: RawRow) -> Reader {
        if let reader = keyedReaders[keys] { return reader }
        let layout = HeaderLayout(headers: keys, headerRow: 0, mapping: mapping)
        let reader = makeReader(layout)
        keyedReaders[keys] = reader
        if layout.missingGroups.isEmpty {
            tablesFound = 1
        } else if firstIncompleteLayout == nil {
            firstIncompleteLayout = (layout, row.line ?? row.number)
        }
        if layout.column(of: .name) != nil {
            coverage.note(layout, fieldOf: fieldOf)
            warnings += layout.warnings.filter { !warnings.contains($0) }
        }
        return reader
    }

    private mutating func detectHeader(_ handle: (RawRow, Reader) throws -> Void) throws {
        let rows = pending
        pending = []
        let layout: HeaderLayout
        do {
            layout = try HeaderLayout.detect(in: rows, file: file, mapping: mapping)
        } catch {
            guard format == .xlsx, let sheet else { throw error }
            sheetsSkipped.append("'\(sheet)'")
            warnings.append(ImportWarning(.sheetSkipped(sheet: sheet)))
            return
        }
        tablesFound += 1
        if let sheet { sheetsWithHeaders.append(sheet) }
        let header = rows.first { $0.number == layout.headerRow }
        if firstHeaderLine == nil { firstHeaderLine = header?.line }
        coverage.note(layout, fieldOf: fieldOf)
        warnings += layout.warnings.map { ImportWarning($0.kind, sheet: sheet) }
        // A file that says above its header that it is synthetic keeps saying so, in every report.
        for row in rows where row.number < layout.headerRow && row.cells.contains(RegistryImport.syntheticNotice) {
            warnings.append(ImportWarning(.syntheticNotice(row: row.number), sheet: sheet))
        }
        let reader = makeReader(layout)
        self.reader = reader
        for row in rows where row.number > layout.headerRow {
            dataRows += 1
            try handle(row, reader)
        }
    }

    private mutating func endTable(_ handle: (RawRow, Reader) throws -> Void) throws {
        if reader == nil && !pending.isEmpty { try detectHeader(handle) }
        reader = nil
        pending = []
    }
}
