import ChainscopeCore
import Testing

@Suite("Rows of earlier exports imported after a newer one")
struct ImportedRowTests {
    static let imports = [(1, 6), (2, 10), (3, 8), (4, 12), (5, 10)].compactMap { id, month in
        CalendarDate(year: 2022, month: month, day: 1).map { day in
            RegistryImport(
                id: Int64(id), file: "\(month).csv", sha256: "\(id)", format: "csv", encoding: "utf-8",
                snapshotDate: day, counts: ImportCounts(), warnings: [])
        }
    }

    @Test(
        "A row is older when an import before it held the company from a later export",
        arguments: [
            // June, October, August, December: August's row came after October's.
            ([1, 2, 3, 4], [3]),
            // Without October's row, August's was applied.
            ([1, 3, 4], []),
            // A second October export, imported after December: older than December, not than October.
            ([2, 4, 5], [5]),
            ([1], []),
        ])
    func older(held: [Int], older: [Int]) {
        let rows = held.map { ImportedRow(importID: Int64($0), row: $0 + 1) }
        let found = ImportedRow.older(rows, imports: Self.imports)
        #expect(Self.imports.count == 5)
        #expect(found.map { $0.1.id } == older.map(Int64.init))
        #expect(found.map { $0.0.row } == older.map { $0 + 1 })
    }
}
