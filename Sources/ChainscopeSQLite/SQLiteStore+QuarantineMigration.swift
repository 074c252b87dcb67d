import GRDB

extension SQLiteStore {
    /// Migration v17: a workbook's quarantined rows are listed in the order of its sheets, which the table keeps as
    /// each row's sheet number (0 for a file without sheets) and keys on, where it listed them by sheet name. Rows
    /// quarantined before keep that order: their sheets are numbered by name, the workbook's order being unknown.
    static func orderQuarantineBySheetNumber(_ db: Database) throws {
        try db.execute(
            sql: """
                CREATE TABLE quarantine_by_sheet_number (
                    import_id INTEGER NOT NULL REFERENCES registry_import(id) ON DELETE CASCADE,
                    sheet_number INTEGER NOT NULL, row INTEGER NOT NULL, line INTEGER, sheet TEXT, "column" TEXT,
                    value TEXT, reason TEXT NOT NULL, reason_detail TEXT, raw TEXT NOT NULL,
                    PRIMARY KEY (import_id, sheet_number, row));
                INSERT INTO quarantine_by_sheet_number
                    SELECT import_id,
                        CASE WHEN sheet IS NULL THEN 0 ELSE DENSE_RANK() OVER (PARTITION BY import_id ORDER BY sheet) END,
                        row, line, sheet, "column", value, reason, reason_detail, raw
                    FROM quarantine;
                DROP TABLE quarantine;
                ALTER TABLE quarantine_by_sheet_number RENAME TO quarantine;
                """)
    }
}
