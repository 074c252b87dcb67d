public import ChainscopeCore

/// Rows quarantined before the stores numbered sheets (SQLite v17, PostgreSQL v14), as SQL both backends run on
/// their schema of then, and how a migrated store must list them.
public enum QuarantineBeforeSheetNumbers {
    /// A text import (#1) and a workbook import (#2) whose first sheet, 甲表, sorts after its second, 乙表.
    public static let statements = [
        """
        INSERT INTO registry_import (id, file, sha256, format, encoding, snapshot_date, rows_read, inserted, updated,
            unchanged, quarantined, duplicates, warnings)
        VALUES (1, 'a.csv', 'a', 'csv', 'utf-8', '2022-10-31', 2, 0, 0, 0, 2, 0, '[]'),
            (2, 'b.xlsx', 'b', 'xlsx', NULL, '2022-10-31', 3, 0, 0, 0, 3, 0, '[]')
        """,
        """
        INSERT INTO quarantine (import_id, row, line, sheet, "column", value, reason, raw)
        VALUES (2, 4, NULL, '甲表', NULL, NULL, 'no name', '{}'), (2, 3, NULL, '乙表', NULL, NULL, 'no name', '{}'),
            (2, 2, NULL, '甲表', NULL, NULL, 'no name', '{}'), (1, 5, 5, NULL, NULL, NULL, 'no name', '{}'),
            (1, 3, 3, NULL, NULL, NULL, 'no name', '{}')
        """,
    ]

    /// The rows in the order the migrated store lists them, as `import sheet sheet-number row`: the workbook's order
    /// unknown, its sheets are numbered by name, so they stay in the order they were listed in.
    public static let listed = ["1 - 0 3", "1 - 0 5", "2 乙表 1 3", "2 甲表 2 2", "2 甲表 2 4"]

    /// `store`'s listing after the migration, described as `listed` is: read whole, a row a page, and the workbook's
    /// import alone two rows a page.
    public static func listing(_ store: any Store) async throws -> (all: [String], paged: [String], workbook: [String])
    {
        func described(_ rows: [QuarantinedRow]) -> [String] {
            rows.map { "\($0.importID) \($0.sheet ?? "-") \($0.sheetNumber ?? 0) \($0.row)" }
        }
        var paged: [QuarantinedRow] = []
        try await store.forEachQuarantinedRow(importID: nil, pageSize: 1) { paged += $0 }
        var workbook: [QuarantinedRow] = []
        try await store.forEachQuarantinedRow(importID: 2, pageSize: 2) { workbook += $0 }
        return (
            described(try await store.quarantinedRows(importID: nil, after: nil, limit: 100)), described(paged),
            described(workbook)
        )
    }
}
