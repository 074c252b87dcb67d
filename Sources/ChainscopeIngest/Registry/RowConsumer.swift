import ChainscopeCore

/// A data row with what it became: a company encoded for storing, classified on the reading thread so
/// that the writer only stores it, or a problem.
struct PreparedRow: Sendable {
    enum Outcome: Sendable {
        case company(CompanyRow)
        case problem(column: String?, value: String?, reason: QuarantineReason, raw: RawFields)
    }

    /// Where the row is (its cells are in `outcome`, so a queue of prepared rows holds each once).
    let number: Int
    let line: Int?
    let sheet: String?
    let outcome: Outcome

    init(_ row: RawRow, _ outcome: Outcome) {
        number = row.number
        line = row.line
        sheet = row.sheet
        self.outcome = outcome
    }
}

/// Finds each table's header and maps its data rows; storing them is the writer's part.
struct RowConsumer: Sendable {
    let regions: RegionDirectory
    let importID: Int64
    let file: String
    let snapshotDate: CalendarDate
    let mapping: [String: RegistryField]
    let format: RegistryFormat
    /// What headers stand for, for comparing a company's cells with those stored under another header.
    let headerFields: HeaderFields
    var classifier: Classifier?
    private(set) var warnings: [ImportWarning] = []
    /// Rows of the current table held back until its header is known.
    private var pending: [RawRow] = []
    private var sheet: String?
    private var mapper: RegistryRowMapper?
    /// Mappers of keyed rows (JSON lines), by their key list.
    private var keyedMappers: [[String]: RegistryRowMapper] = [:]
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
    private let fieldOf: @Sendable (String) -> RegistryField?
    static let headerSearchRows = 10

    init(
        regions: RegionDirectory, importID: Int64, file: String, snapshotDate: CalendarDate,
        mapping: [String: RegistryField], format: RegistryFormat
    ) {
        self.regions = regions
        self.importID = importID
        self.file = file
        self.snapshotDate = snapshotDate
        self.mapping = mapping
        self.format = format
        let field = HeaderLayout.field(mapping: mapping)
        fieldOf = field
        headerFields = HeaderFields { field($0)?.rawValue }
    }

    /// The data rows `row` completes: none while a header is still being looked for, several when
    /// the header is found among the held-back rows.
    mutating func accept(_ row: RawRow) throws -> [PreparedRow] {
        if let keys = row.keys {
            dataRows += 1
            return [prepared(row, with: keyedMapper(keys, row: row))]
        }
        var prepared: [PreparedRow] = []
        if row.sheet != sheet {
            prepared = try endTable()
            sheet = row.sheet
        }
        if let mapper {
            dataRows += 1
            return prepared + [self.prepared(row, with: mapper)]
        }
        pending.append(row)
        if pending.count >= Self.headerSearchRows { prepared += try detectHeader() }
        return prepared
    }

    /// The rows still held back at the end of the input; fails when no table was found.
    mutating func finish() throws -> [PreparedRow] {
        let prepared = try endTable()
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
        return prepared
    }

    /// A row mapped by `mapper`: its company classified and encoded for storing, or its problem.
    private func prepared(_ row: RawRow, with mapper: RegistryRowMapper) -> PreparedRow {
        switch mapper.map(row) {
        case .company(let company, let raw):
            let classification = classifier?.classification(of: company)
            var stored = CompanyRow(company, raw: raw, classification: classification)
            stored.headerFields = headerFields
            stored.absentColumns = mapper.absentColumns
            return PreparedRow(row, .company(stored))
        case .problem(let column, let value, let reason, let raw):
            return PreparedRow(row, .problem(column: column, value: value, reason: reason, raw: raw))
        }
    }

    /// A keyed row's mapper. Each object names its own fields, and JSON writers leave out the keys of empty
    /// values, so an object without a credit-code key is read as one whose code is empty, and one without a name
    /// key is quarantined (a summary or a note, not a company); only a file in which no object has both is refused.
    private mutating func keyedMapper(_ keys: [String], row: RawRow) -> RegistryRowMapper {
        if let mapper = keyedMappers[keys] { return mapper }
        let layout = HeaderLayout(headers: keys, headerRow: 0, mapping: mapping)
        let mapper = RegistryRowMapper(
            layout: layout, regions: regions, importID: importID, file: file, snapshotDate: snapshotDate)
        keyedMappers[keys] = mapper
        if layout.missingGroups.isEmpty {
            tablesFound = 1
        } else if firstIncompleteLayout == nil {
            firstIncompleteLayout = (layout, row.line ?? row.number)
        }
        if layout.column(of: .name) != nil {
            coverage.note(layout, fieldOf: fieldOf)
            warnings += layout.warnings.filter { !warnings.contains($0) }
        }
        return mapper
    }

    private mutating func detectHeader() throws -> [PreparedRow] {
        let rows = pending
        pending = []
        let layout: HeaderLayout
        do {
            layout = try HeaderLayout.detect(in: rows, file: file, mapping: mapping)
        } catch {
            guard format == .xlsx, let sheet else { throw error }
            sheetsSkipped.append("'\(sheet)'")
            warnings.append(ImportWarning(.sheetSkipped(sheet: sheet)))
            return []
        }
        tablesFound += 1
        if let sheet { sheetsWithHeaders.append(sheet) }
        if firstHeaderLine == nil { firstHeaderLine = rows.first { $0.number == layout.headerRow }?.line }
        coverage.note(layout, fieldOf: fieldOf)
        warnings += layout.warnings.map { ImportWarning($0.kind, sheet: sheet) }
        // A file that says above its header that it is synthetic keeps saying so, in every report.
        for row in rows where row.number < layout.headerRow && row.cells.contains(RegistryImport.syntheticNotice) {
            warnings.append(ImportWarning(.syntheticNotice(row: row.number), sheet: sheet))
        }
        let mapper = RegistryRowMapper(
            layout: layout, regions: regions, importID: importID, file: file, snapshotDate: snapshotDate)
        self.mapper = mapper
        let data = rows.filter { $0.number > layout.headerRow }
        dataRows += data.count
        return data.map { prepared($0, with: mapper) }
    }

    private mutating func endTable() throws -> [PreparedRow] {
        let prepared = mapper == nil && !pending.isEmpty ? try detectHeader() : []
        mapper = nil
        pending = []
        return prepared
    }
}

/// Stores or quarantines prepared rows through a session, counting the rows read and quarantined.
struct RowWriter {
    let importID: Int64
    private(set) var counts = ImportCounts()

    init(importID: Int64) { self.importID = importID }

    mutating func write(_ prepared: PreparedRow, into session: inout any RegistryImportSession) throws {
        counts.rowsRead += 1
        switch prepared.outcome {
        case .company(let company):
            // What became of it the store counts (see `RegistryImportSession.store`).
            try session.store(company)
        case .problem(let column, let value, let reason, let raw):
            counts.quarantined += 1
            try session.quarantine(
                QuarantinedRow(
                    importID: importID, row: prepared.number, line: prepared.line, sheet: prepared.sheet,
                    column: column, value: value, reason: reason, raw: raw.values))
        }
    }
}
