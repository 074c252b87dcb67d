import ChainscopeCore

/// Rows of an import on their way to the server: companies as `COPY` text for their own tables (and as
/// values, to compare with the stored ones), and quarantined rows.
struct StagedBatch: Sendable {
    var companies: [CompanyRow] = []
    /// The ordinal of the first company: its place in the import, which orders inserts as the file does.
    var firstOrdinal = 0
    /// The companies' rows for their own tables, copied straight there when the companies are new.
    var direct: DirectRows
    /// Quarantined rows as `COPY` text for the quarantine table, and how many.
    var quarantineCopy = CopyText()
    var quarantined = 0
    /// Keys of the batch's companies, and how many rows repeated one: a company seen earlier in the batch
    /// is a duplicate (earlier batches are checked on the server, against the import's keys).
    var keys: Set<String> = []
    var duplicates = 0

    init(importID: Int64) { direct = DirectRows(importID: importID) }

    var isEmpty: Bool { companies.isEmpty && quarantined == 0 && duplicates == 0 }

    /// The quarantine table's columns, in the order `append(quarantined:)` writes them.
    static let quarantineColumns = [
        "import_id", "row", "line", "sheet", "sheet_number", "column", "value", "reason", "reason_detail", "raw",
    ]

    /// The staging table's columns, in the order `stageRows` writes them.
    static let stageColumns =
        ["ordinal"] + CompanyColumns.written + [
            "taxonomy", "taxonomy_version", "taxonomy_digest", "is_member", "main_layer", "confidence", "score",
            "segments", "evidence",
        ]

    mutating func append(_ row: CompanyRow) {
        guard keys.insert(row.key).inserted else {
            duplicates += 1
            return
        }
        direct.append(row)
        companies.append(row)
    }

    /// The staging table's rows of the companies at `indexes`, which merge companies already stored: only
    /// those are staged, so each company's columns are encoded once, for its own table, and reused here;
    /// those at `changed` (rows that keep stored columns, `CompanyRow.keepingStored`) are encoded again.
    func stageRows(_ indexes: [Int], changed: Set<Int> = []) -> [UInt8] {
        var copy = CopyText()
        for index in indexes {
            copy.field(firstOrdinal + index)
            if changed.contains(index) {
                DirectRows.appendCompany(companies[index], to: &copy)
            } else {
                copy.fields(direct.company.row(index))
            }
            let stored = companies[index].classification
            let classification = stored?.classification
            copy.field(classification?.taxonomyID)
            copy.field(classification?.taxonomyVersion)
            copy.field(classification?.taxonomyDigest)
            copy.field(classification?.isMember)
            copy.field(classification?.mainLayer)
            copy.field(classification?.confidence)
            copy.field(classification?.score)
            copy.field(stored?.segments)
            copy.field(stored?.evidence)
            copy.endRow()
        }
        return copy.bytes
    }

    mutating func append(quarantined row: QuarantinedRow) throws {
        quarantineCopy.field(Int(row.importID))
        quarantineCopy.field(row.row)
        quarantineCopy.field(row.line)
        quarantineCopy.field(row.sheet)
        quarantineCopy.field(row.sheetNumber ?? 0)
        quarantineCopy.field(row.column)
        quarantineCopy.field(row.value)
        quarantineCopy.field(row.reason)
        quarantineCopy.field(row.reasonDetail?.storageText)
        quarantineCopy.field(row.rawStorageText)
        quarantineCopy.endRow()
        quarantined += 1
    }
}

/// The reading side of a PostgreSQL import: it fills batches and hands them to the store's writer
/// through a pipe. Its buffer is a class so that the store can send the last batch after the body has
/// returned the session it was lent.
struct PostgresImportSession: RegistryImportSession {
    let importID: Int64
    let buffer: Buffer

    final class Buffer {
        let pipe: ImportPipe<StagedBatch>
        let importID: Int64
        var batch: StagedBatch
        static let size = 8192

        init(pipe: ImportPipe<StagedBatch>, importID: Int64) {
            self.pipe = pipe
            self.importID = importID
            batch = StagedBatch(importID: importID)
        }

        /// Sends the batch; throws when the writer has failed (its error is the import's).
        func flush() throws {
            guard !batch.isEmpty else { return }
            let next = batch.firstOrdinal + batch.companies.count
            guard pipe.send(batch) else { throw CancellationError() }
            batch = StagedBatch(importID: importID)
            batch.firstOrdinal = next
        }
    }

    mutating func store(_ row: CompanyRow) throws {
        buffer.batch.append(row)
        if buffer.batch.companies.count >= Buffer.size { try buffer.flush() }
    }

    mutating func quarantine(_ row: QuarantinedRow) throws {
        try buffer.batch.append(quarantined: row)
        if buffer.batch.quarantined >= Buffer.size { try buffer.flush() }
    }
}
