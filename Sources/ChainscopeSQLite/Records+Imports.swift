import ChainscopeCore

extension ImportRecord {
    init(_ request: ImportRequest) {
        self.init(
            id: nil, file: request.file, sha256: request.sha256, reading: request.reading, format: request.format,
            encoding: nil,
            snapshotDate: request.snapshotDate.description, rowsRead: 0, inserted: 0, updated: 0, unchanged: 0,
            older: 0, quarantined: 0, duplicates: 0, warnings: [], warningDetails: nil)
    }

    mutating func apply(_ counts: ImportCounts) {
        rowsRead = counts.rowsRead
        inserted = counts.inserted
        updated = counts.updated
        unchanged = counts.unchanged
        older = counts.older
        quarantined = counts.quarantined
        duplicates = counts.duplicates
    }

    func domain() throws -> RegistryImport {
        let key = "\(id ?? 0)"
        var counts = ImportCounts()
        counts.rowsRead = rowsRead
        counts.inserted = inserted
        counts.updated = updated
        counts.unchanged = unchanged
        counts.older = older
        counts.quarantined = quarantined
        counts.duplicates = duplicates
        return RegistryImport(
            id: try required(id, "registry_import", key, "id", raw: nil), file: file, sha256: sha256, format: format,
            encoding: encoding,
            snapshotDate: try required(
                CalendarDate(iso: snapshotDate), "registry_import", key, "snapshot_date", raw: snapshotDate),
            counts: counts, warnings: warnings,
            warningDetails: warningDetails.flatMap(ImportWarning.warnings(storageText:)))
    }
}

extension QuarantineRecord {
    init(_ row: QuarantinedRow) {
        self.init(
            importId: row.importID, row: row.row, line: row.line, sheet: row.sheet, sheetNumber: row.sheetNumber ?? 0,
            column: row.column, value: row.value, reason: row.reason, reasonDetail: row.reasonDetail?.storageText,
            raw: row.rawStorageText)
    }

    func domain() throws -> QuarantinedRow {
        let (values, columns) = try required(
            QuarantinedRow.raw(storageText: raw), "quarantine", "\(importId)/\(sheetNumber)/\(row)", "raw", raw: raw)
        return QuarantinedRow(
            importID: importId, row: row, line: line, sheet: sheet, sheetNumber: sheetNumber == 0 ? nil : sheetNumber,
            column: column, value: value, reason: reason,
            reasonDetail: reasonDetail.flatMap(QuarantineReason.init(storageText:)), raw: values, rawColumns: columns)
    }
}
