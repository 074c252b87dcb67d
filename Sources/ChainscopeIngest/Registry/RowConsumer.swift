import ChainscopeCore

/// Finds each table's header, maps its data rows, and stores or quarantines them through a session.
struct RowConsumer {
    let regions: RegionDirectory
    let importID: Int64
    let file: String
    let snapshotDate: CalendarDate
    let mapping: [String: RegistryField]
    let format: RegistryFormat
    private(set) var counts = ImportCounts()
    private(set) var warnings: [String] = []
    /// Rows of the current table held back until its header is known.
    private var pending: [RawRow] = []
    private var sheet: String?
    private var mapper: RegistryRowMapper?
    /// Mappers of keyed rows (JSON lines), by their key list.
    private var keyedMappers: [[String]: RegistryRowMapper] = [:]
    private var tablesFound = 0
    private var sheetsSkipped: [String] = []
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
    }

    mutating func accept(_ row: RawRow, into session: inout any RegistryImportSession) throws {
        if let keys = row.keys {
            try process(row, with: keyedMapper(keys, row: row), into: &session)
            return
        }
        if row.sheet != sheet {
            try endTable(into: &session)
            sheet = row.sheet
        }
        if let mapper {
            try process(row, with: mapper, into: &session)
            return
        }
        pending.append(row)
        if pending.count >= Self.headerSearchRows { try detectHeader(into: &session) }
    }

    mutating func finish(into session: inout any RegistryImportSession) throws {
        try endTable(into: &session)
        if tablesFound == 0 && format == .xlsx {
            throw IngestError(
                .unknownLayout, at: .init(file: file),
                expected: "a sheet with a name column and a credit-code or registration-number column",
                found: "sheets \(sheetsSkipped.joined(separator: ", ")) without one; add a mapping file with --profile")
        }
        if tablesFound == 0 && format == .csv {
            throw IngestError(
                .emptyFile, at: .init(file: file), expected: "a header row and data rows", found: "no rows")
        }
    }

    private mutating func keyedMapper(_ keys: [String], row: RawRow) throws -> RegistryRowMapper {
        if let mapper = keyedMappers[keys] { return mapper }
        let layout = HeaderLayout(headers: keys, headerRow: 0, mapping: mapping)
        guard layout.missingGroups.isEmpty else {
            throw HeaderLayout.layoutError(layout, file: file, line: row.line ?? row.number)
        }
        let mapper = RegistryRowMapper(
            layout: layout, regions: regions, importID: importID, file: file, snapshotDate: snapshotDate)
        keyedMappers[keys] = mapper
        tablesFound = 1
        return mapper
    }

    private mutating func detectHeader(into session: inout any RegistryImportSession) throws {
        let rows = pending
        pending = []
        let layout: HeaderLayout
        do {
            layout = try HeaderLayout.detect(in: rows, file: file, mapping: mapping)
        } catch {
            guard format == .xlsx, let sheet else { throw error }
            sheetsSkipped.append("'\(sheet)'")
            warnings.append("sheet '\(sheet)' has no recognisable header and was skipped")
            return
        }
        tablesFound += 1
        let prefix = sheet.map { "sheet '\($0)': " } ?? ""
        warnings += layout.warnings.map { prefix + $0 }
        let mapper = RegistryRowMapper(
            layout: layout, regions: regions, importID: importID, file: file, snapshotDate: snapshotDate)
        self.mapper = mapper
        for row in rows where row.number > layout.headerRow { try process(row, with: mapper, into: &session) }
    }

    private mutating func endTable(into session: inout any RegistryImportSession) throws {
        if mapper == nil && !pending.isEmpty { try detectHeader(into: &session) }
        mapper = nil
        pending = []
    }

    private mutating func process(
        _ row: RawRow, with mapper: RegistryRowMapper, into session: inout any RegistryImportSession
    ) throws {
        counts.rowsRead += 1
        switch mapper.map(row) {
        case .company(let company, let raw):
            switch try session.store(company, raw: raw) {
            case .inserted: counts.inserted += 1
            case .updated: counts.updated += 1
            case .unchanged: counts.unchanged += 1
            case .duplicate: counts.duplicates += 1
            }
        case .problem(let column, let value, let reason, let raw):
            counts.quarantined += 1
            try session.quarantine(
                QuarantinedRow(
                    importID: importID, row: row.number, line: row.line, sheet: row.sheet, column: column, value: value,
                    reason: reason, raw: raw))
        }
    }
}
