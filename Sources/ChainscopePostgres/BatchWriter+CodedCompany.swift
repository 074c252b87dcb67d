import ChainscopeCore
import PostgresNIO

extension BatchWriter {
    /// For the batch's new rows at `indexes` that have no credit code, the credit code and region of the one company an
    /// earlier import stored with a code under the row's name in its region (`CompanyRow.isSameCompany`), as
    /// SQLite's session finds it row by row; found by name through the trigram index. A row whose company
    /// an earlier row of the batch gives is left alone, and a later row of the batch with the company's code is
    /// a duplicate (`duplicates`), as they are when SQLite stores the rows in turn.
    func codedCompanies(
        of companies: [CompanyRow], among indexes: [Int]
    ) async throws -> (codes: [Int: (code: String, region: String?)], duplicates: Set<Int>) {
        var codes: [Int: (code: String, region: String?)] = [:]
        var duplicates: Set<Int> = []
        // The batch's rows by key, in order: a batch's keys are distinct, but a code taken may be another row's.
        var rows = Dictionary(grouping: companies.indices, by: { companies[$0].key })
        for index in indexes where companies[index].isKeyedWithoutCode {
            guard let match = try await codedCompany(for: companies[index]) else { continue }
            let key = CompanyKey.creditCode(match.code).description
            let others = rows[key, default: []]
            if let first = others.first, first < index { continue }
            rows[key] = [index] + others
            codes[index] = match
            duplicates.formUnion(others)
        }
        return (codes, duplicates)
    }

    private func codedCompany(for row: CompanyRow) async throws -> (code: String, region: String?)? {
        var candidates: [String: CodedCompanyLookup.Row] = [:]
        for probe in row.nameProbes {
            let lookup = CodedCompanyLookup(
                pattern: "%" + CompanyListSQL.escapeLike(probe.lowercased()) + "%", names: row.nameSpellings,
                importID: Int(importID))
            for try await found in try await connection.execute(lookup, logger: logger) { candidates[found.0] = found }
        }
        // A company this import stored is not one, as SQLite's index, refreshed before the import, does not hold it.
        let same = candidates.values.filter {
            !$0.5 && row.isSameCompany(name: $0.1, region: $0.2, registrationNumber: $0.3)
        }
        guard same.count == 1, let match = same.first, let code = match.4 else { return nil }
        return (code, match.2)
    }
}

/// The coded registry companies named one of `names` whose names contain `pattern`, found through the names' trigram
/// index, with whether this import stored them. Prepared once per connection and planned once (the import sets
/// `plan_cache_mode`): planning it over every province's partition took 7.5 ms a row, running it 0.5 ms.
struct CodedCompanyLookup: PostgresPreparedStatement {
    typealias Row = (String, String?, String?, String?, String?, Bool)

    static let sql = """
        SELECT c.key, c.name_zh, c.region, c.registration_number, c.credit_code, EXISTS (
            SELECT 1 FROM import_key i WHERE i.province = c.province AND i.import_id = $3 AND i.key = c.key)
        FROM company c
        WHERE c.search_names LIKE $1 AND c.name_zh = ANY($2::text[])
            AND c.key >= 'uscc:' AND c.key < 'uscc;' AND c.provenance_kind = '\(Provenance.Kind.registryImport.rawValue)'
        """

    let pattern: String
    let names: [String]
    let importID: Int

    func makeBindings() throws -> PostgresBindings {
        var bindings = PostgresBindings(capacity: 3)
        bindings.append(pattern)
        bindings.append(names)
        bindings.append(importID)
        return bindings
    }

    func decodeRow(_ row: PostgresRow) throws -> Row {
        try row.decode(Row.self)
    }
}
