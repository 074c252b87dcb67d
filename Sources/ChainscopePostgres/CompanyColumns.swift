import ChainscopeCore
import PostgresNIO

/// The company table's columns as the store writes and reads them: the province, a `CompanyRow`'s values
/// (all text), the provenance line, and the two search columns derived from the names.
enum CompanyColumns {
    /// Every written column, in the order of `values(of:)`.
    static let written = ["province"] + CompanyRow.columns + ["provenance_line", "search_names", "grams"]

    /// The columns read back into a company: `CompanyRow.columns`, then the provenance line.
    static let read = (CompanyRow.columns + ["provenance_line"]).joined(separator: ", ")

    /// `read` with each column of table `alias`.
    static func read(from alias: String) -> String {
        (CompanyRow.columns + ["provenance_line"]).map { "\(alias).\($0)" }.joined(separator: ", ")
    }

    /// The names a company is found by.
    static func names(_ row: CompanyRow) -> [String] { nameColumns.compactMap { row.values[$0] } }

    private static let nameColumns = ["name_zh", "name_ko", "name_en"].map { CompanyRow.columns.firstIndex(of: $0)! }

    /// The names lower-cased and joined by line breaks, which a trigram index searches; lower-cased by
    /// Swift, as the short-query grams are, so case folding never depends on the server's locale.
    static func searchNames(_ row: CompanyRow) -> String { names(row).joined(separator: "\n").lowercased() }

    /// The characters and character pairs of the names, in byte order.
    static func grams(_ row: CompanyRow) -> [String] { SearchGrams.grams(of: names(row)) }

    /// An INSERT of one company.
    static func insert(_ row: CompanyRow) -> PostgresQuery {
        var bindings = PostgresBindings(capacity: written.count)
        bindings.append(CompanyKey.province(ofKey: row.key))
        for value in row.values { bindings.append(value) }
        bindings.append(row.line)
        bindings.append(searchNames(row))
        bindings.append(grams(row))
        let placeholders = written.indices.map { "$\($0 + 1)" }.joined(separator: ", ")
        return PostgresQuery(
            unsafeSQL: "INSERT INTO company (\(written.joined(separator: ", "))) VALUES (\(placeholders))",
            binds: bindings)
    }

    /// The text values of a row selected with `read` starting at column `offset`, and its line.
    static func values(_ row: PostgresRow, offset: Int = 0) throws -> (values: [String?], line: Int?) {
        let cells = row.makeRandomAccess()
        var values: [String?] = []
        values.reserveCapacity(CompanyRow.columns.count)
        for index in offset..<offset + CompanyRow.columns.count {
            values.append(try cells[index].decode(String?.self))
        }
        return (values, try cells[offset + CompanyRow.columns.count].decode(Int?.self))
    }

    /// The company of a row selected with `read` starting at column `offset`.
    static func company(_ row: PostgresRow, offset: Int = 0) throws -> Company {
        let (values, line) = try values(row, offset: offset)
        return try CompanyRow.company(values: values, line: line, location: "company \(values[0] ?? "?")")
    }
}

extension PostgresStore {
    /// The companies that satisfy `condition` (SQL over the company table, with `$1…` taking `bindings`),
    /// in `order`.
    func companies(where condition: String, order: String, bindings: [String]) async throws -> [Company] {
        try await rows(
            PostgresQuery(
                unsafeSQL: "SELECT \(CompanyColumns.read) FROM company WHERE \(condition) ORDER BY \(order)",
                binds: Self.bindings(bindings))
        ).map { try CompanyColumns.company($0) }
    }
}
