import ChainscopeCore

extension StoreConformance {
    /// Runs last: imports a workbook whose two sheets quarantine rows, then reads the quarantine of every import
    /// in pages of several sizes and in groups, each checked against the whole list.
    func quarantine(of store: any Store, _ snapshot: inout Snapshot, _ check: inout Checker) async throws {
        let workbook = try await inputs.importFile(inputs.workbook, store).import
        let all = try await store.quarantinedRows(importID: nil, after: nil, limit: 1_000_000)
        check(
            Set(all.map(\.importID)).count >= 2 && all.contains { $0.sheet != nil } && all.contains { $0.sheet == nil },
            "the quarantine holds text-file and workbook rows")
        check(
            zip(all, all.dropFirst()).allSatisfy { $0.place < $1.place },
            "rows are listed by import, then sheet number (none first), then row")
        // The workbook's first sheet, 甲表, sorts after its second, 乙表, by name and by bytes.
        let sheets = all.filter { $0.importID == workbook.id }.map { [$0.sheet ?? "", "\($0.sheetNumber ?? 0)"] }
        check(
            sheets.reduce(into: [[String]]()) { if $0.last != $1 { $0.append($1) } } == [["甲表", "1"], ["乙表", "2"]],
            "a workbook's rows are listed in the order of its sheets, numbered from 1")
        for size in [1, 2, 3, 7] {
            var paged: [QuarantinedRow] = []
            try await store.forEachQuarantinedRow(importID: nil, pageSize: size) { paged += $0 }
            check(paged == all, "pages of \(size) list every quarantined row once, in order")
            var ofWorkbook: [QuarantinedRow] = []
            try await store.forEachQuarantinedRow(importID: workbook.id, pageSize: size) { ofWorkbook += $0 }
            check(ofWorkbook == all.filter { $0.importID == workbook.id }, "pages of \(size) of one import")
        }
        let groups = try await store.quarantineGroups(
            importIDs: snapshot.imports.map(\.id) + [workbook.id], examples: 2)
        check(groups == Self.groups(all, examples: 2), "the quarantine's groups are the rows' groups, largest first")
        check(groups.map(\.count).reduce(0, +) == all.count, "the groups count every quarantined row")
        check(try await store.quarantineGroups(importIDs: [], examples: 2) == [], "no import has no groups")
        snapshot.quarantineGroups = groups
    }

    /// The groups `quarantineGroups` must give, computed from every row in listing order.
    static func groups(_ rows: [QuarantinedRow], examples: Int) -> [QuarantineGroup] {
        let grouped = Dictionary(grouping: rows) { row in
            GroupKey(column: row.column, reason: row.reasonDetail?.code ?? row.reason)
        }
        return grouped.map { key, rows in
            QuarantineGroup(
                column: key.column, code: rows[0].reasonDetail?.code, count: rows.count,
                examples: Array(rows.prefix(examples)))
        }
        .sorted { ($1.count, $0.key) < ($0.count, $1.key) }
    }

    private struct GroupKey: Hashable {
        let column: String?
        let reason: String
    }
}

extension QuarantineGroup {
    /// What groups of one size are ordered by: column (none first), then reason.
    fileprivate var key: String { (column.map { "1" + $0 } ?? "0") + "\u{0}" + (code ?? examples[0].reason) }
}
