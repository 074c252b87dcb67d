import Foundation

extension CompanyRow {
    /// The company stored as `values` (the text of each column of `columns`, nil for NULL) with its
    /// provenance line: the inverse of `init(_:raw:classification:)`, for backends that read rows back
    /// as text. Throws a `StoreError` naming the column when a stored value does not parse.
    public static func company(values: [String?], line: Int?, location: String) throws(StoreError) -> Company {
        guard values.count == columns.count else {
            throw StoreError(
                .corruptRow, location: location, detail: "\(values.count) columns where \(columns.count) were expected")
        }
        func text(_ column: String) -> String? { values[columns.firstIndex(of: column)!] }
        func parsed<Value>(_ column: String, _ parse: (String) -> Value?) throws(StoreError) -> Value? {
            guard let raw = text(column) else { return nil }
            guard let value = parse(raw) else {
                throw StoreError(.corruptRow, location: location, detail: "column \(column) holds '\(raw)'")
            }
            return value
        }
        func required<Value>(_ column: String, _ parse: (String) -> Value?) throws(StoreError) -> Value {
            guard let value = try parsed(column, parse) else {
                throw StoreError(.corruptRow, location: location, detail: "column \(column) is NULL")
            }
            return value
        }
        let amount = try parsed("capital_amount", Money.decimal)
        let currency = try parsed("capital_currency") { Currency(rawValue: $0) }
        let notes = try parsed("notes") { json in
            json == "[]" ? [] : try? JSONDecoder().decode([CitedText].self, from: Data(json.utf8))
        }
        return Company(
            key: try required("key") { CompanyKey($0) },
            names: LocalizedText(zh: text("name_zh"), ko: text("name_ko"), en: text("name_en")),
            creditCode: text("credit_code"), registrationNumber: text("registration_number"),
            kind: try required("kind") { EntityKind(rawValue: $0) },
            status: try parsed("status") { RegistrationStatus(rawValue: $0) },
            founded: try parsed("founded") { CalendarDate(iso: $0) },
            registeredCapital: try amount.map { amount throws(StoreError) in
                guard let currency else {
                    throw StoreError(.corruptRow, location: location, detail: "capital_amount without a currency")
                }
                return Money(amount, currency)
            },
            registeredCapitalText: text("capital_text"), region: try parsed("region") { RegionCode(rawValue: $0) },
            address: text("address"), businessScope: text("business_scope"), industryCode: text("industry_code"),
            industryName: text("industry_name"), notes: notes ?? [],
            provenance: Provenance(
                kind: try required("provenance_kind") { Provenance.Kind(rawValue: $0) },
                collection: try required("provenance_collection") { $0 },
                file: try required("provenance_file") { $0 }, line: line))
    }

    /// The raw cells of a row stored as `values`, cells kept as column numbers resolved and the keys of
    /// its header found by the header's digest through `headers`.
    public static func raw(values: [String?], headers: (String) -> [String]?) -> [String: String]? {
        values[rawColumn].map {
            RawFields(json: $0).values(headers: headers) { values.indices.contains($0) ? values[$0] : nil }
        }
    }

    /// Column → [old, new] for every column in which this row differs from `old` (the stored text of
    /// `columns`, in order), provenance excluded: what an import records as a company's history. The raw
    /// row counts as changed only when its cells did: `headers` finds the keys of the old row's header.
    public func changes(from old: [String?], headers: (String) -> [String]?) -> [String: [String?]] {
        let ignored: Set<String> = ["provenance_kind", "provenance_collection", "provenance_file"]
        var changes: [String: [String?]] = [:]
        for (index, column) in Self.columns.enumerated() where !ignored.contains(column) {
            if old[index] != values[index] { changes[column] = [old[index], values[index]] }
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
        func compare(_ header: String, _ before: String?, _ after: String?) {
            guard before != after else { return }
            let pair = [before, after]
            if !columns.values.contains(pair) { changes[CompanyChange.Field.cellPrefix + header] = pair }
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
        if changes.isEmpty, columns.isEmpty {
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
}
