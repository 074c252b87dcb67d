import Foundation

extension CompanyRow {
    /// Column → [old, new] for every column in which this row differs from `old` (the stored text of
    /// `columns`, in order), provenance excluded: what an import records as a company's history. The raw
    /// row counts as changed only when its cells did: `headers` finds the keys of the old row's header.
    ///
    /// A fact spelt another way is no change: a capital's text when its amount and currency are the same
    /// (`933,063.2354万元`, `933063.2354万元人民币`), a name, address or scope that differs only in full-width
    /// forms or white space (`（中国）`, `(中国)`), a cell whose field's columns are the same (`2001/11/30` for
    /// `2001-11-30`, `在业` for `存续`), a cell that is empty either way (`-`, `N/A`, nothing). A newer export
    /// from another service, or the same service's export in another year, then changes only what changed.
    public func changes(from old: [String?], headers: (String) -> [String]?) -> [String: [String?]] {
        let ignored: Set<String> = ["provenance_kind", "provenance_collection", "provenance_file"]
        var changes: [String: [String?]] = [:]
        for (index, column) in Self.columns.enumerated() where !ignored.contains(column) {
            if old[index] != values[index] { changes[column] = [old[index], values[index]] }
        }
        for column in Self.textsAsRead {
            if let pair = changes[column], let before = pair[0], let after = pair[1],
                TextFolding.isRespelling(after, of: before)
            {
                changes[column] = nil
            }
        }
        if changes["capital_amount"] == nil, changes["capital_currency"] == nil,
            old[Self.index("capital_amount")] != nil
        {
            changes["capital_text"] = nil
        }
        // A row stored before cells were kept as column numbers, or before headers were kept apart, or read
        // under a header with the columns in another order or spelled another way, has other text for the
        // same cells.
        if changes["raw"] != nil {
            changes["raw"] = nil
            let cells = sameHeaderCells(old)
            if !hasSameRawCells(cells, as: old, headers: headers) {
                let changedCells = changedCells(cells, from: old, headers: headers, columns: changes)
                changes.merge(changedCells) { column, _ in column }
            }
        }
        return changes
    }

    /// The cells of `old`'s raw row and of this one, read on bytes, when both texts name one header.
    private func sameHeaderCells(_ old: [String?]) -> (digest: String, before: [String?], after: [String?])? {
        guard let oldText = old[Self.rawColumn], let newText = values[Self.rawColumn],
            let before = RawFields(json: oldText).cells(resolving: { old.indices.contains($0) ? old[$0] : nil }),
            let after = RawFields(json: newText).cells(resolving: { values.indices.contains($0) ? values[$0] : nil }),
            before.digest == after.digest
        else { return nil }
        return (before.digest, before.cells, after.cells)
    }

    /// The cells of the source row that differ from `old`'s, by header, as `raw.` and the header → [old, new]:
    /// what a reader of the history can follow, where the stored texts name other columns by number. A cell
    /// that only repeats a changed column (the business scope) is left to that column. When nothing else shows
    /// the change (cells that differ in no way a header names), the whole texts are kept under `raw`.
    private func changedCells(
        _ cells: (digest: String, before: [String?], after: [String?])?, from old: [String?],
        headers: (String) -> [String]?, columns: [String: [String?]]
    ) -> [String: [String?]] {
        var changes: [String: [String?]] = [:]
        var isRespelt = false
        func compare(_ header: String, _ before: String?, _ after: String?) {
            guard before != after else { return }
            guard !isSameFact(header, before, after, columns: columns) else {
                isRespelt = true
                return
            }
            // A cell that only repeats a changed column, where an empty marker is the column's nothing.
            let unmarked = [before, after].map { $0.flatMap { TextFolding.isEmptyMarker($0) ? nil : $0 } }
            if !columns.values.contains(unmarked) {
                changes[CompanyChange.Field.cellPrefix + header] = [before, after]
            }
        }
        if let cells, let keys = headers(cells.digest) {
            // One header: cells compared in place, without reading either text into a dictionary.
            for index in 0..<max(cells.before.count, cells.after.count) {
                compare(
                    RawFields.key(at: index, among: keys),
                    cells.before.indices.contains(index) ? cells.before[index] : nil,
                    cells.after.indices.contains(index) ? cells.after[index] : nil)
            }
        } else {
            // Another layout: a column only one of the exports has says nothing of what changed.
            let (before, after) = cellsByField(old, headers: headers)
            for key in Set(before.keys).intersection(after.keys) {
                compare(after[key]!.header, before[key]?.text, after[key]?.text)
            }
        }
        if changes.isEmpty, columns.isEmpty, !isRespelt {
            return ["raw": [old[Self.rawColumn], values[Self.rawColumn]]]
        }
        return changes
    }

    /// Whether the raw cells of `old` are this row's: compared in column order when both texts name one
    /// header (a cell kept as a column number read from its own row), else by what each header stands for,
    /// in the columns both layouts have (a Tianyancha export after a Qichacha one lacks some of its columns).
    private func hasSameRawCells(
        _ cells: (digest: String, before: [String?], after: [String?])?, as old: [String?],
        headers: (String) -> [String]?
    ) -> Bool {
        if let cells {
            // By key, a cell without text (a column number with none) is no key at all, like a missing one.
            func trimmed(_ cells: [String?]) -> ArraySlice<String?> {
                cells[..<((cells.lastIndex { $0 != nil } ?? -1) + 1)]
            }
            return trimmed(cells.before) == trimmed(cells.after)
        }
        let (before, after) = cellsByField(old, headers: headers)
        return before.allSatisfy { key, cell in after[key].map { $0.text == cell.text } ?? true }
    }

    /// The cells of `old`'s raw row and of this one by what they stand for (`HeaderFields`), or by header.
    private func cellsByField(_ old: [String?], headers: (String) -> [String]?) -> (
        before: [String: (header: String, text: String)], after: [String: (header: String, text: String)]
    ) {
        let fields = headerFields ?? HeaderFields { _ in nil }
        return (fields.byField(Self.raw(values: old, headers: headers) ?? [:]), fields.byField(raw ?? [:]))
    }

    /// Whether a cell that reads `before`, then `after`, says the same either way: both empty, or under a header
    /// whose field is kept in columns that did not change (`changed`) and hold it (a status neither text named
    /// is compared as text).
    private func isSameFact(_ header: String, _ before: String?, _ after: String?, columns changed: [String: [String?]])
        -> Bool
    {
        if before.map(TextFolding.isEmptyMarker) ?? true, after.map(TextFolding.isEmptyMarker) ?? true { return true }
        guard let field = headerFields?.field(header), let columns = Self.columnsKeeping[field] else {
            return false
        }
        return columns.allSatisfy { changed[$0] == nil } && columns.contains { values[Self.index($0)] != nil }
    }

    /// The columns stored as the export writes them, whose texts are the same where they differ only in full-width
    /// forms or white space (one export's `（中国）` is another's `(中国)`).
    static let textsAsRead = ["name_zh", "name_en", "address", "business_scope", "industry_name"]

    /// The columns that keep what a field of the source row says, by `RegistryField`'s raw value: the normalised
    /// fact (a day, an amount and currency, a status, a region code) and texts stored as read.
    static let columnsKeeping: [String: [String]] = [
        "name": ["name_zh"], "credit_code": ["credit_code"], "registration_number": ["registration_number"],
        "status": ["status"], "founded": ["founded"],
        "capital": ["capital_amount", "capital_currency", "capital_text"],
        "province": ["region"], "city": ["region"], "district": ["region"], "region": ["region"],
        "address": ["address"], "scope": ["business_scope"],
    ]
}
