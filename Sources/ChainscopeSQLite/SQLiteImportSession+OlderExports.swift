import ChainscopeCore
import GRDB

extension SQLiteImportSession {
    /// The imports of exports taken after import `importID`'s, by snapshot date: usually none, as exports are
    /// mostly imported in the order they were taken.
    static func imports(after importID: Int64, _ db: Database) throws -> [Int64] {
        try Int64.fetchAll(
            db,
            sql: """
                SELECT id FROM registry_import
                WHERE snapshot_date > (SELECT snapshot_date FROM registry_import WHERE id = ?) ORDER BY id
                """, arguments: [importID])
    }

    /// Whether an import of a later export saw the company of `row` (under its key or one of its earlier keys),
    /// so that its stored facts are newer than the row's: asked only of a row that would change its company.
    /// Which import changed a company last is not enough: a later export that repeated the company as it was
    /// stored changed nothing, but still says the row's values are out of date.
    func isSeenByLaterImport(_ row: CompanyRow) throws -> Bool {
        guard !laterImports.isEmpty else { return false }
        // The ids are this session's integers; the (import, key) primary key answers each pair with a seek.
        let seen = try db.cachedStatement(
            sql: """
                SELECT EXISTS (SELECT 1 FROM import_key
                    WHERE import_id IN (\(laterImports.map(String.init).joined(separator: ", ")))
                        AND key IN (\(Self.probedKeyPlaceholders)))
                """)
        return try Bool.fetchOne(seen, arguments: Self.probedKeys(row.key, earlier: row.earlierKeys)) ?? false
    }
}
