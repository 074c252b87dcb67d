public import ChainscopeCore
import Foundation
import PostgresNIO

extension PostgresStore {
    /// Imports run one at a time (the registry_import table is locked for the transaction), like
    /// SQLite's single writer; ids are the next number, so a failed import leaves no gap.
    public func importRegistry(
        _ request: ImportRequest, body: @escaping @Sendable (inout any RegistryImportSession) throws -> ImportResult
    ) async throws -> (import: RegistryImport, isNew: Bool) {
        if let earlier = try await importRecord(request) { return (earlier, false) }
        return try await withTransaction { connection in
            try await connection.query("LOCK TABLE registry_import IN EXCLUSIVE MODE", logger: self.logger)
            if let earlier = try await Self.earlierImport(answering: request, connection, self.logger) {
                return (earlier, false)
            }
            let id =
                try await connection.query(
                    "SELECT coalesce(max(id), 0) + 1 FROM registry_import", logger: self.logger
                ).collect().first?.decode(Int64.self) ?? 1
            try await connection.query(
                """
                INSERT INTO registry_import (id, file, sha256, reading, format, snapshot_date, rows_read, inserted,
                    updated, unchanged, quarantined, duplicates, warnings)
                VALUES (\(id), \(request.file), \(request.sha256), \(request.reading), \(request.format),
                    \(request.snapshotDate.description), 0, 0, 0, 0, 0, 0, '[]')
                """, logger: self.logger)
            var writer = try await BatchWriter(connection: connection, importID: id, logger: self.logger)
            let result = try await Self.run(body, importID: id, into: &writer)
            let counts = result.counts.merging(storeTally: writer.tally)
            let warnings = try Self.json(result.warnings.map(\.description))
            let details = ImportWarning.storageText(result.warnings)
            try await connection.query(
                """
                UPDATE registry_import SET encoding = \(result.encoding), rows_read = \(counts.rowsRead),
                    inserted = \(counts.inserted), updated = \(counts.updated), unchanged = \(counts.unchanged),
                    older = \(counts.older), quarantined = \(counts.quarantined), duplicates = \(counts.duplicates),
                    warnings = \(warnings), warning_details = \(details)
                WHERE id = \(id)
                """, logger: self.logger)
            return (
                RegistryImport(
                    id: id, file: request.file, sha256: request.sha256, format: request.format,
                    encoding: result.encoding, snapshotDate: request.snapshotDate, counts: counts,
                    warnings: result.warnings.map(\.description), warningDetails: result.warnings), true
            )
        }
    }

    /// Runs the import's body on a thread of its own and writes the batches it sends. The writer's error
    /// stops the body; the body's error (a file problem) is the import's when the writer had none.
    private static func run(
        _ body: @escaping @Sendable (inout any RegistryImportSession) throws -> ImportResult, importID: Int64,
        into writer: inout BatchWriter
    ) async throws -> ImportResult {
        let pipe = ImportPipe<StagedBatch>(capacity: 2)
        let result = ThreadResult<ImportResult>.start(
            {
                let buffer = PostgresImportSession.Buffer(pipe: pipe, importID: importID)
                var session: any RegistryImportSession = PostgresImportSession(importID: importID, buffer: buffer)
                let result = try body(&session)
                try buffer.flush()
                return result
            }, finish: { pipe.finish() })
        var failure: (any Error)?
        for await batch in pipe.batches {
            if failure == nil {
                do {
                    try await writer.write(batch)
                } catch {
                    failure = error
                    pipe.cancel()
                }
            }
            pipe.written()
        }
        // The stream also ends when this task is cancelled: the reading thread must not wait for room.
        pipe.cancel()
        if let failure { throw failure }
        try Task.checkCancellation()
        return try result.get()
    }

    public func imports() async throws -> [RegistryImport] {
        try await withConnection(.readFailed) { connection in
            try await Self.importRecords(connection, "", [], self.logger)
        }
    }

    func importRecord(_ request: ImportRequest) async throws -> RegistryImport? {
        try await withConnection(.readFailed) { connection in
            try await Self.earlierImport(answering: request, connection, self.logger)
        }
    }

    /// The latest import of the same content that answers `request` (see `ImportRequest.isAnswered`).
    private static func earlierImport(
        answering request: ImportRequest, _ connection: PostgresConnection, _ logger: Logger
    ) async throws -> RegistryImport? {
        try await readImports(connection, "WHERE sha256 = $1", [request.sha256], logger).reversed()
            .first { request.isAnswered(by: $0.import, readWith: $0.reading) }?.import
    }

    static func importRecords(
        _ connection: PostgresConnection, _ condition: String, _ bindings: [String], _ logger: Logger
    ) async throws -> [RegistryImport] {
        try await readImports(connection, condition, bindings, logger).map(\.import)
    }

    /// Imports, with how each was read (`ImportRequest.reading`).
    private static func readImports(
        _ connection: PostgresConnection, _ condition: String, _ bindings: [String], _ logger: Logger
    ) async throws -> [(import: RegistryImport, reading: String)] {
        let query = PostgresQuery(
            unsafeSQL: """
                SELECT id, file, sha256, format, encoding, snapshot_date, rows_read, inserted, updated, unchanged,
                    quarantined, duplicates, warnings, reading, warning_details, older
                FROM registry_import \(condition) ORDER BY id
                """, binds: Self.bindings(bindings))
        return try await connection.query(query, logger: logger).collect().map { row in
            let cells = row.makeRandomAccess()
            let id = try cells[0].decode(Int64.self)
            let snapshot = try cells[5].decode(String.self)
            guard let snapshotDate = CalendarDate(iso: snapshot) else {
                throw StoreError(
                    .corruptRow, location: "registry_import \(id)", detail: "column snapshot_date holds '\(snapshot)'")
            }
            var counts = ImportCounts()
            counts.rowsRead = try cells[6].decode(Int.self)
            counts.inserted = try cells[7].decode(Int.self)
            counts.updated = try cells[8].decode(Int.self)
            counts.unchanged = try cells[9].decode(Int.self)
            counts.quarantined = try cells[10].decode(Int.self)
            counts.duplicates = try cells[11].decode(Int.self)
            counts.older = try cells[15].decode(Int.self)
            let record = RegistryImport(
                id: id, file: try cells[1].decode(String.self), sha256: try cells[2].decode(String.self),
                format: try cells[3].decode(String.self), encoding: try cells[4].decode(String?.self),
                snapshotDate: snapshotDate, counts: counts,
                warnings: try decode(
                    [String].self, try cells[12].decode(String.self), location: "registry_import \(id)"),
                warningDetails: try cells[14].decode(String?.self).flatMap(ImportWarning.warnings(storageText:)))
            return (record, try cells[13].decode(String.self))
        }
    }

    public func quarantinedRows(
        importID: Int64?, after: QuarantinedRow.Place?, limit: Int
    ) async throws -> [QuarantinedRow] {
        // One seek in the (import, sheet number, row) key: PostgreSQL compares row values by the index's columns.
        var binds = PostgresBindings()
        var conditions: [String] = []
        if let importID {
            binds.append(importID)
            conditions.append("import_id = $\(binds.count)")
        }
        if let after {
            binds.append(after.importID)
            binds.append(after.sheetNumber)
            binds.append(after.row)
            let count = binds.count
            conditions.append("(import_id, sheet_number, row) > ($\(count - 2), $\(count - 1), $\(count))")
        }
        binds.append(limit)
        return try await rows(
            PostgresQuery(
                unsafeSQL: """
                    SELECT \(Self.quarantineColumns) FROM quarantine
                    \(conditions.isEmpty ? "" : "WHERE " + conditions.joined(separator: " AND "))
                    ORDER BY import_id, sheet_number, row LIMIT $\(binds.count)
                    """, binds: binds)
        ).map { try Self.quarantinedRow($0.makeRandomAccess()) }
    }

    public func quarantineGroups(importIDs: [Int64], examples: Int) async throws -> [QuarantineGroup] {
        guard !importIDs.isEmpty else { return [] }
        var binds = PostgresBindings()
        binds.append(importIDs)
        binds.append(examples)
        // A code is the first string of the stored array, read as text so that no row can fail to parse.
        let rows = try await rows(
            PostgresQuery(
                unsafeSQL: """
                    SELECT \(Self.quarantineColumns), code, total
                    FROM (
                        SELECT *, COUNT(*) OVER grouped AS total,
                            ROW_NUMBER() OVER (grouped ORDER BY import_id, sheet_number, row) AS number
                        FROM (SELECT *, substring(reason_detail FROM '^\\["([^"\\\\]+)"') AS code FROM quarantine
                            WHERE import_id = ANY($1)) AS coded
                        WINDOW grouped AS (PARTITION BY "column", COALESCE(code, reason))) AS numbered
                    WHERE number <= $2
                    ORDER BY total DESC, "column" NULLS FIRST, COALESCE(code, reason), number
                    """, binds: binds))
        return QuarantineGroup.grouping(
            try rows.map { row in
                let cells = row.makeRandomAccess()
                return (
                    try Self.quarantinedRow(cells), try cells[10].decode(String?.self), try cells[11].decode(Int.self)
                )
            })
    }

    /// The columns `quarantinedRow` reads, in its order.
    private static let quarantineColumns =
        #"import_id, row, line, sheet, sheet_number, "column", value, reason, reason_detail, raw"#

    /// A quarantined row from the first ten cells of `cells`, `quarantineColumns`.
    private static func quarantinedRow(_ cells: PostgresRandomAccessRow) throws -> QuarantinedRow {
        let importID = try cells[0].decode(Int64.self)
        let number = try cells[1].decode(Int.self)
        let sheetNumber = try cells[4].decode(Int.self)
        let text = try cells[9].decode(String.self)
        guard let raw = QuarantinedRow.raw(storageText: text) else {
            throw StoreError(
                .corruptRow, location: "quarantine \(importID)/\(sheetNumber)/\(number)",
                detail: "its raw row is neither a JSON object of texts nor an array of its columns and cells")
        }
        return QuarantinedRow(
            importID: importID, row: number, line: try cells[2].decode(Int?.self),
            sheet: try cells[3].decode(String?.self), sheetNumber: sheetNumber == 0 ? nil : sheetNumber,
            column: try cells[5].decode(String?.self), value: try cells[6].decode(String?.self),
            reason: try cells[7].decode(String.self),
            reasonDetail: try cells[8].decode(String?.self).flatMap(QuarantineReason.init(storageText:)),
            raw: raw.raw, rawColumns: raw.columns)
    }
}
