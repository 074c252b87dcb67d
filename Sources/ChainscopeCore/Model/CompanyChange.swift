/// What one import of a newer export changed in a stored company: the import, and each changed column or
/// cell of the source row with its text before and after.
public struct CompanyChange: Sendable, Hashable, Codable {
    public let importID: Int64
    /// The file of the import, as the user named it, and the date its export was taken.
    public let file: String
    public let snapshotDate: CalendarDate
    /// The company's row in that file.
    public let row: Int?
    /// Stored columns first, in the order of `CompanyRow.columns`, then cells of the source row by header.
    public let fields: [Field]

    /// One changed column (`status`, `address` …) or cell of the source row (`cell` is its header).
    public struct Field: Sendable, Hashable, Codable {
        public let name: String
        public let before: String?
        public let after: String?

        public init(name: String, before: String?, after: String?) {
            self.name = name
            self.before = before
            self.after = after
        }

        /// The header of a cell of the source row, nil for a stored column.
        public var cell: String? {
            name.hasPrefix(Self.cellPrefix) ? String(name.dropFirst(Self.cellPrefix.count)) : nil
        }

        /// How `CompanyRow.changes(from:headers:)` names a cell of the source row: `raw.` and its header.
        public static let cellPrefix = "raw."

        /// A change of the source row recorded before its cells were (as the whole stored texts, which name
        /// other columns by number): it says that cells changed, not which.
        public var isUnitemisedCells: Bool { name == "raw" }
    }

    /// Whether the company's district (the stored `region` column) changed.
    public var changesDistrict: Bool { fields.contains { $0.name == "region" } }

    /// The change as recorded, column → [old, new] (`CompanyRow.changes(from:headers:)`).
    public init(importID: Int64, file: String, snapshotDate: CalendarDate, row: Int?, changes: [String: [String?]]) {
        self.importID = importID
        self.file = file
        self.snapshotDate = snapshotDate
        self.row = row
        let order = Dictionary(uniqueKeysWithValues: CompanyRow.columns.enumerated().map { ($1, $0) })
        fields = changes.sorted { left, right in
            switch (order[left.key], order[right.key]) {
            case (let a?, let b?): a < b
            case (.some, nil): true
            case (nil, .some): false
            case (nil, nil): left.key < right.key
            }
        }
        .map { name, values in
            // The texts of an unitemised change are encodings of whole rows, of no use to a reader.
            name == "raw"
                ? Field(name: name, before: nil, after: nil)
                : Field(name: name, before: values.first ?? nil, after: values.count > 1 ? values[1] : nil)
        }
    }

    /// The change without the fields `isWithheld` names (contact cells, for a reader without the API token):
    /// possibly none, when nothing else changed.
    public func withholding(_ isWithheld: (Field) -> Bool) -> CompanyChange {
        CompanyChange(
            importID: importID, file: file, snapshotDate: snapshotDate, row: row,
            fields: fields.filter { !isWithheld($0) })
    }

    private init(importID: Int64, file: String, snapshotDate: CalendarDate, row: Int?, fields: [Field]) {
        self.importID = importID
        self.file = file
        self.snapshotDate = snapshotDate
        self.row = row
        self.fields = fields
    }
}

/// A change an import made, with the company it was made to: what a newer export changed, company by company.
public struct ImportedChange: Sendable, Hashable, Codable {
    public let key: CompanyKey
    /// The company's Chinese name, nil when the company is no longer stored.
    public let name: String?
    public let change: CompanyChange

    public init(key: CompanyKey, name: String?, change: CompanyChange) {
        self.key = key
        self.name = name
        self.change = change
    }
}
