/// A row of an import that held a company: which import, and the row of its file.
public struct ImportedRow: Sendable, Hashable, Codable {
    public let importID: Int64
    public let row: Int?

    public init(importID: Int64, row: Int?) {
        self.importID = importID
        self.row = row
    }

    /// Of `rows` (a company's), those whose facts were not applied to the company because an export taken after
    /// theirs had been imported before them (counted as `older`), each with its import.
    public static func older(_ rows: [ImportedRow], imports: [RegistryImport]) -> [(ImportedRow, RegistryImport)] {
        let byID = Dictionary(imports.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        let held = rows.compactMap { row in byID[row.importID].map { (row, $0) } }
        return held.filter { _, record in
            held.contains { $0.1.id < record.id && $0.1.snapshotDate > record.snapshotDate }
        }
    }
}
