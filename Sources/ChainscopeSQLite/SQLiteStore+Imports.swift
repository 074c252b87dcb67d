public import ChainscopeCore
import Foundation
import GRDB

extension SQLiteStore {
    public func importRegistry(
        _ request: ImportRequest, body: @escaping @Sendable (inout any RegistryImportSession) throws -> ImportResult
    ) async throws -> (import: RegistryImport, isNew: Bool) {
        if let earlier = try await read({ db in try Self.earlierImport(answering: request, db) }) {
            return (earlier, false)
        }
        // Into a file that holds no companies yet, an import adds nearly every page it writes.
        let isFirst: @Sendable (Database) throws -> Bool = { db in
            try !(Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM company)") ?? false)
        }
        return try await writeAlone(if: isFirst) { db -> (RegistryImport, Bool) in
            // Another process may have imported the file since.
            if let earlier = try Self.earlierImport(answering: request, db) { return (earlier, false) }
            // An import fills the company key's index and the classification tables in key order, which
            // is random: with a 64 MiB cache a million-row import spent a fifth of its time re-reading
            // and re-writing evicted pages. The writer's cache grows for the import (memory stays bounded:
            // the cache is, and the rest of an import is a few batches of rows) and shrinks after it.
            try db.execute(sql: "PRAGMA cache_size = \(-Self.importCacheKiB)")
            defer { try? db.execute(sql: "PRAGMA cache_size = \(-Self.cacheKiB)") }
            var record = ImportRecord(request)
            try record.insert(db)
            record.id = db.lastInsertedRowID
            let tally = OutcomeTally()
            var session: any RegistryImportSession = try SQLiteImportSession(
                db: db, importID: db.lastInsertedRowID, tally: tally)
            let result = try body(&session)
            record.encoding = result.encoding
            record.apply(result.counts.merging(storeTally: tally.counts))
            record.warnings = result.warnings.map(\.description)
            record.warningDetails = ImportWarning.storageText(result.warnings)
            try record.update(db)
            return (try record.domain(), true)
        }
    }

    /// The latest import of the same content that answers `request` (see `ImportRequest.isAnswered`).
    private static func earlierImport(answering request: ImportRequest, _ db: Database) throws -> RegistryImport? {
        let sameContent = ImportRecord.filter(Column("sha256") == request.sha256).order(Column("id").desc)
        for record in try sameContent.fetchAll(db) {
            let earlier = try record.domain()
            if request.isAnswered(by: earlier, readWith: record.reading) { return earlier }
        }
        return nil
    }

    public func imports() async throws -> [RegistryImport] {
        try await read { db in try ImportRecord.order(Column("id")).fetchAll(db).map { try $0.domain() } }
    }

    public func quarantinedRows(
        importID: Int64?, after: QuarantinedRow.Place?, limit: Int
    ) async throws -> [QuarantinedRow] {
        try await read { db in
            let (i, n) = (Column("import_id"), Column("sheet_number"))
            let order = QuarantineRecord.order(i, n, Column("row"))
            guard let after else {
                let request = importID.map { order.filter(i == $0) } ?? order
                return try request.limit(limit).fetchAll(db).map { try $0.domain() }
            }
            // The rest of the place's sheet, then the import's later sheets, then later imports: three ranges of
            // the (import, sheet number, row) key that each start with a seek, where one condition over all three
            // would make every page read the import's rows from its first.
            var ranges = [
                order.filter(i == after.importID && n == after.sheetNumber && Column("row") > after.row),
                order.filter(i == after.importID && n > after.sheetNumber),
            ]
            if importID == nil { ranges.append(order.filter(i > after.importID)) }
            var rows: [QuarantinedRow] = []
            for range in ranges where rows.count < limit {
                let scoped = importID.map { range.filter(i == $0) } ?? range
                rows += try scoped.limit(limit - rows.count).fetchAll(db).map { try $0.domain() }
            }
            return rows
        }
    }

    public func quarantineGroups(importIDs: [Int64], examples: Int) async throws -> [QuarantineGroup] {
        guard !importIDs.isEmpty else { return [] }
        let rows = try await read { db in
            try Row.fetchAll(
                db,
                sql: """
                    SELECT * FROM (
                        SELECT *, COUNT(*) OVER grouped AS total,
                            ROW_NUMBER() OVER (grouped ORDER BY import_id, sheet_number, row) AS number
                        FROM (SELECT *, CASE WHEN json_valid(reason_detail) THEN json_extract(reason_detail, '$[0]') END AS code
                            FROM quarantine
                            WHERE import_id IN (\(importIDs.map(String.init).joined(separator: ","))))
                        WINDOW grouped AS (PARTITION BY "column", COALESCE(code, reason)))
                    WHERE number <= ?
                    ORDER BY total DESC, "column", COALESCE(code, reason), number
                    """,
                arguments: [examples]
            ).map { row in (try QuarantineRecord(row: row).domain(), row["code"] as String?, row["total"] as Int) }
        }
        return QuarantineGroup.grouping(rows)
    }

    public func registryCompanies() async throws -> [Company] {
        try await read { db in
            try CompanyRecord.filter(Column("provenance_kind") == Provenance.Kind.registryImport.rawValue)
                .order(Column("key")).fetchAll(db).map { try $0.company() }
        }
    }
}

extension SQLiteStore {
    public func companyHistory(key: CompanyKey, isApplied: Bool) async throws -> [CompanyChange] {
        try await read { db in
            try Row.fetchAll(
                db,
                sql: """
                    SELECT \(Self.changeColumns) FROM company_history h JOIN registry_import i ON i.id = h.import_id
                    WHERE h.key = ? AND h.is_applied = ? ORDER BY h.id
                    """, arguments: [key.description, isApplied]
            ).map { try Self.change($0, from: 0) }
        }
    }

    public func changes(ofImport importID: Int64, limit: Int, isApplied: Bool) async throws -> [ImportedChange] {
        try await read { db in
            try Row.fetchAll(
                db,
                sql: """
                    SELECT h.key, c.name_zh, \(Self.changeColumns)
                    FROM company_history h JOIN registry_import i ON i.id = h.import_id
                        LEFT JOIN company c ON c.key = h.key
                    WHERE h.import_id = ? AND h.is_applied = ? ORDER BY h.row, h.id LIMIT ?
                    """, arguments: [importID, isApplied, max(limit, 0)]
            ).map { row in
                let text: String = row[0]
                return ImportedChange(
                    key: try required(CompanyKey(text), "company_history", text, "key", raw: text), name: row[1],
                    change: try Self.change(row, from: 2))
            }
        }
    }

    /// What `change(_:from:)` reads of a change, from the history `h` and its import `i`.
    private static let changeColumns = "h.import_id, i.file, i.snapshot_date, h.row, h.changes"

    /// The change whose `changeColumns` begin at `start` of `row`.
    private static func change(_ row: Row, from start: Int) throws -> CompanyChange {
        let importID: Int64 = row[start]
        let snapshot: String = row[start + 2]
        return CompanyChange(
            importID: importID, file: row[start + 1],
            snapshotDate: try required(
                CalendarDate(iso: snapshot), "registry_import", "\(importID)", "snapshot_date", raw: snapshot),
            row: row[start + 3],
            changes: try JSONDecoder().decode([String: [String?]].self, from: Data((row[start + 4] as String).utf8)))
    }

    /// The row a company was last stored from, header → value.
    public func companyRaw(key: CompanyKey) async throws -> [String: String]? {
        try await read { db in
            try Row.fetchOne(
                db, sql: CompanyRecord.selectRowSQL,
                arguments: [key.description]
            ).flatMap { [headers = try RawHeaderCatalog(db)] row in
                CompanyRow.raw(values: SQLiteImportSession.texts(row), headers: headers.keys)
            }
        }
    }
}
