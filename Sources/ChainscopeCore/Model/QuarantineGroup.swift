extension QuarantinedRow {
    /// Where a row stands in the order quarantined rows are listed in: by import, then sheet in workbook order (a
    /// file without sheets has number 0), then row. A page of rows starts after one.
    public struct Place: Hashable, Sendable {
        public var importID: Int64
        public var sheetNumber: Int
        public var row: Int

        public init(importID: Int64, sheetNumber: Int, row: Int) {
            self.importID = importID
            self.sheetNumber = sheetNumber
            self.row = row
        }
    }

    public var place: Place { Place(importID: importID, sheetNumber: sheetNumber ?? 0, row: row) }
}

extension QuarantinedRow.Place: Comparable {
    /// The stores' order: import, then sheet number, then row.
    public static func < (lhs: Self, rhs: Self) -> Bool {
        (lhs.importID, lhs.sheetNumber, lhs.row) < (rhs.importID, rhs.sheetNumber, rhs.row)
    }
}

/// The quarantined rows of one column for one reason, counted, with the first few of them: what a report or a
/// page shows of a quarantine of any size. Rows quarantined before reasons were stored as codes are grouped by
/// their English reason instead.
public struct QuarantineGroup: Hashable, Sendable {
    /// The header of the column at fault; nil for a row at fault as a whole.
    public var column: String?
    /// The reason's code (`date`, `creditCode.check` …); nil for rows quarantined before codes were stored.
    public var code: String?
    public var count: Int
    /// The group's first rows, in listing order.
    public var examples: [QuarantinedRow]

    public init(column: String?, code: String?, count: Int, examples: [QuarantinedRow]) {
        self.column = column
        self.code = code
        self.count = count
        self.examples = examples
    }
}

extension Store {
    /// Every quarantined row of one import or of all, in listing order, read a page at a time. For what is known
    /// to be small; `forEachQuarantinedRow` keeps only one page in memory.
    public func quarantinedRows(importID: Int64?) async throws -> [QuarantinedRow] {
        var rows: [QuarantinedRow] = []
        try await forEachQuarantinedRow(importID: importID) { rows += $0 }
        return rows
    }

    /// Calls `body` with the quarantined rows of one import or of all, in listing order, `pageSize` at a time.
    public func forEachQuarantinedRow(
        importID: Int64?, pageSize: Int = 10_000, _ body: ([QuarantinedRow]) async throws -> Void
    ) async throws {
        var after: QuarantinedRow.Place?
        while true {
            let page = try await quarantinedRows(importID: importID, after: after, limit: pageSize)
            if !page.isEmpty { try await body(page) }
            guard page.count == pageSize, let last = page.last else { return }
            // Pages that did not move forward would be read again and again.
            if let after, !(after < page[0].place) || !(page[0].place <= last.place) {
                throw StoreError(
                    .readFailed, location: "quarantine", detail: "the page after \(after) did not move past it")
            }
            after = last.place
        }
    }
}

extension QuarantineGroup {
    /// Groups read from a store as one row per example, in order: each with its group's code and count.
    public static func grouping(_ rows: [(row: QuarantinedRow, code: String?, count: Int)]) -> [QuarantineGroup] {
        var groups: [QuarantineGroup] = []
        for (row, code, count) in rows {
            if let last = groups.last, last.column == row.column, last.code == code,
                code != nil || last.examples[0].reason == row.reason
            {
                groups[groups.count - 1].examples.append(row)
            } else {
                groups.append(QuarantineGroup(column: row.column, code: code, count: count, examples: [row]))
            }
        }
        return groups
    }
}
