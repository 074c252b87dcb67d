import ChainscopeCore
import GRDB

extension SQLiteImportSession {
    /// Whether an earlier import stored a company keyed on one of `prefixes` (`regno` and `name` for rows'
    /// `earlierKeys`, `uscc` for `codedCompany(for:)`): only then are such companies looked up.
    static func holdsRegistryCompanies(keyed prefixes: [String], _ db: Database) throws -> Bool {
        try Bool.fetchOne(
            db, sql: CompanyRow.registryKeyCondition(prefixes: prefixes, kind: "?"),
            arguments: [Provenance.Kind.registryImport.rawValue]) ?? false
    }

    /// When no company has the row's key, moves the company an earlier import stored under one of the row's
    /// `earlierKeys` (its registration number, or its name in its region) to the row's key, with its history and
    /// classifications: the row then updates it, recording the credit code or number it adds, where it would
    /// have stored the company a second time. A company this import stored is left alone: two rows of one
    /// export are two companies.
    mutating func adoptEarlierKey(of row: CompanyRow) throws {
        let earlierKeys = row.earlierKeys
        guard !earlierKeys.isEmpty else { return }
        // One statement finds the row's own key and its earlier ones: this runs for every row of such a store.
        let probe = try db.cachedStatement(
            sql: "SELECT key, provenance_kind FROM company WHERE key IN (\(Self.probedKeyPlaceholders))")
        let rows = try Row.fetchAll(probe, arguments: Self.probedKeys(row.key, earlier: earlierKeys))
        guard !rows.isEmpty else { return }
        let found = Dictionary(rows.map { ($0[0] as String, $0[1] as String) }, uniquingKeysWith: { first, _ in first })
        guard found[row.key] == nil else { return }
        for earlier in earlierKeys where found[earlier] == Provenance.Kind.registryImport.rawValue {
            guard try !isStoredByThisImport(earlier) else { continue }
            try move(earlier, to: row.key)
            return
        }
    }

    /// The row's key and its earlier keys (at most a registration number and three spellings of a name), as the
    /// arguments of `probedKeyPlaceholders`, NULL for those it lacks: one statement, compiled once, for every row.
    static func probedKeys(_ key: String, earlier earlierKeys: [String]) -> StatementArguments {
        let keys = [key] + earlierKeys.prefix(probedKeyCount - 1)
        return StatementArguments(keys + Array(repeating: nil, count: probedKeyCount - keys.count))
    }

    static let probedKeyPlaceholders = Array(repeating: "?", count: probedKeyCount).joined(separator: ", ")
    private static let probedKeyCount = 5

    /// Gives the company stored under `earlier` the key `key`. Its credit code stays as stored (none), so that the
    /// update that follows records the one the row adds.
    private mutating func move(_ earlier: String, to key: String) throws {
        // Classifications refer to the company's key: checked when the import commits, once all name the new one.
        try db.execute(sql: "PRAGMA defer_foreign_keys = ON")
        try db.execute(sql: "UPDATE company SET key = ? WHERE key = ?", arguments: [key, earlier])
        try db.execute(sql: "UPDATE company_history SET key = ? WHERE key = ?", arguments: [key, earlier])
        // The imports that held the company under its earlier key held it: counts as of their exports look for it
        // under its key. Their rows under the earlier key stay, as the keys those exports gave. Import by import
        // (they are few), each a seek of the primary key.
        try db.execute(
            sql: """
                INSERT INTO import_key (import_id, key, row)
                SELECT i.import_id, ?, i.row FROM registry_import r CROSS JOIN import_key i
                WHERE i.import_id = r.id AND i.key = ?
                ON CONFLICT DO NOTHING
                """, arguments: [key, earlier])
        for taxonomy in try storedTaxonomies() {
            for table in ["classification", "company_segment"] {
                try db.execute(
                    sql: "UPDATE \(table) SET company_key = ? WHERE taxonomy = ? AND company_key = ?",
                    arguments: [key, taxonomy, earlier])
            }
        }
    }
}
