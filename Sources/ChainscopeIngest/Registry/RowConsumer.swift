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
    let sheetNumber: Int?
    let outcome: Outcome

    init(_ row: RawRow, _ outcome: Outcome) {
        number = row.number
        line = row.line
        sheet = row.sheet
        sheetNumber = row.sheetNumber
        self.outcome = outcome
    }
}

/// Maps each data row of the tables `TableFinder` finds; storing them is the writer's part.
struct RowConsumer: Sendable {
    /// What headers stand for, for comparing a company's cells with those stored under another header.
    let headerFields: HeaderFields
    var classifier: Classifier?
    private var tables: TableFinder<RegistryRowMapper>

    /// The warnings the file's headers called for, complete once `finish(into:)` has returned.
    var warnings: [ImportWarning] { tables.warnings }

    init(
        regions: RegionDirectory, importID: Int64, file: String, snapshotDate: CalendarDate,
        mapping: [String: RegistryField], format: RegistryFormat
    ) {
        tables = TableFinder(file: file, mapping: mapping, format: format) { layout in
            RegistryRowMapper(
                layout: layout, regions: regions, importID: importID, file: file, snapshotDate: snapshotDate)
        }
        let field = tables.fieldOf
        headerFields = HeaderFields { field($0)?.rawValue }
    }

    /// Appends to `prepared` the data rows `row` completes: none while a header is still being looked for,
    /// several when the header is found among the held-back rows. Returns how many.
    mutating func accept(_ row: RawRow, into prepared: inout [PreparedRow]) throws -> Int {
        let (classifier, headerFields, before) = (classifier, headerFields, prepared.count)
        try tables.accept(row) { row, mapper in
            prepared.append(Self.prepared(row, with: mapper, classifier: classifier, headerFields: headerFields))
        }
        return prepared.count - before
    }

    /// Appends the rows still held back at the end of the input; fails when no table was found.
    mutating func finish(into prepared: inout [PreparedRow]) throws {
        let (classifier, headerFields) = (classifier, headerFields)
        try tables.finish { row, mapper in
            prepared.append(Self.prepared(row, with: mapper, classifier: classifier, headerFields: headerFields))
        }
    }

    /// A row mapped by `mapper`: its company classified and encoded for storing, or its problem.
    private static func prepared(
        _ row: RawRow, with mapper: RegistryRowMapper, classifier: Classifier?, headerFields: HeaderFields
    ) -> PreparedRow {
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
                    sheetNumber: prepared.sheetNumber, column: column, value: value, reason: reason,
                    raw: raw.values, rawColumns: raw.columns))
        }
    }
}
