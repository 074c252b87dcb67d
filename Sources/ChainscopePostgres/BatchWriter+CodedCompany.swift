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
        let codeless = indexes.filter { companies[$0].isKeyedWithoutCode }
        guard !codeless.isEmpty else { return ([:], []) }
        try await cleanSearchPendingLists()
        var codes: [Int: (code: String, region: String?)] = [:]
        var duplicates: Set<Int> = []
        // The batch's rows by key, in order: a batch's keys are distinct, but a code taken may be another row's.
        var rows = Dictionary(grouping: companies.indices, by: { companies[$0].key })
        for start in stride(from: 0, to: codeless.count, by: Self.lookupSize) {
            let chunk = Array(codeless[start..<min(start + Self.lookupSize, codeless.count)])
            let candidates = try await candidates(of: chunk.map { companies[$0] })
            for (position, index) in chunk.enumerated() {
                guard let match = Self.codedCompany(of: companies[index], among: candidates[position] ?? [:])
                else { continue }
                let key = CompanyKey.creditCode(match.code).description
                let others = rows[key, default: []]
                if let first = others.first, first < index { continue }
                rows[key] = [index] + others
                codes[index] = match
                duplicates.formUnion(others)
            }
        }
        return (codes, duplicates)
    }

    /// The coded companies each of `rows` may be, by key, by position in `rows`: one query for them all
    /// (a query a row took 1.4 ms, most of it the round trip).
    private func candidates(of rows: [CompanyRow]) async throws -> [Int: [String: CodedCompanyLookup.Candidate]] {
        var lookup = CodedCompanyLookup(importID: Int(importID))
        for (position, row) in rows.enumerated() {
            let spellings = row.nameSpellings
            for probe in row.nameProbes {
                lookup.rows.append(position)
                lookup.patterns.append("%" + CompanyListSQL.escapeLike(probe.lowercased()) + "%")
                // PostgreSQL's arrays count from 1, and a slice includes its upper bound.
                lookup.firstNames.append(lookup.names.count + 1)
                lookup.lastNames.append(lookup.names.count + spellings.count)
            }
            lookup.names += spellings
        }
        var found: [Int: [String: CodedCompanyLookup.Candidate]] = [:]
        for try await candidate in try await connection.execute(lookup, logger: logger) {
            found[candidate.row, default: [:]][candidate.key] = candidate
        }
        return found
    }

    /// The one candidate that is `row`'s company, if one is. A company this import stored is not one, as
    /// SQLite's index, refreshed before the import, does not hold it.
    private static func codedCompany(
        of row: CompanyRow, among candidates: [String: CodedCompanyLookup.Candidate]
    ) -> (code: String, region: String?)? {
        let same = candidates.values.filter {
            !$0.isStoredByThisImport
                && row.isSameCompany(name: $0.name, region: $0.region, registrationNumber: $0.registrationNumber)
        }
        guard same.count == 1, let match = same.first, let code = match.creditCode else { return nil }
        return (code, match.region)
    }

    /// Merges the names' trigram index entries waiting in its pending lists (see the import's
    /// `gin_pending_list_limit`) into the index: every trigram query reads its pending lists whole, and after a
    /// large import that took a lookup from 0.3 ms to 5 ms.
    private func cleanSearchPendingLists() async throws {
        try await run(PostgresStore.mergingPendingLists(of: ["company_search_trigram"]))
    }
}

/// The coded registry companies that rows without a code may be: for each probe (`CompanyRow.nameProbes`) of each
/// row, those whose names contain it (a `LIKE` pattern), found through the names' trigram index, and are one of the
/// row's spellings (`names[firstNames...lastNames]`), with whether this import stored them. Prepared once per
/// connection and planned once (the import sets `plan_cache_mode`): planning it over every province's partition
/// took 7.5 ms. `OFFSET 0` keeps each probe's search a query of its own, run once per probe through the index:
/// the planner may otherwise join every company to the probes.
struct CodedCompanyLookup: PostgresPreparedStatement {
    /// A stored company a row may be.
    struct Candidate {
        let row: Int
        let key: String
        let name: String?
        let region: String?
        let registrationNumber: String?
        let creditCode: String?
        let isStoredByThisImport: Bool
    }

    typealias Row = Candidate

    static let sql = """
        SELECT p.row, c.key, c.name_zh, c.region, c.registration_number, c.credit_code, c.is_stored_by_this_import
        FROM unnest($1::bigint[], $2::text[], $3::bigint[], $4::bigint[]) AS p(row, pattern, first_name, last_name)
        CROSS JOIN LATERAL (
            SELECT c.key, c.name_zh, c.region, c.registration_number, c.credit_code, EXISTS (
                SELECT 1 FROM import_key i WHERE i.province = c.province AND i.import_id = $6 AND i.key = c.key
            ) AS is_stored_by_this_import
            FROM company c
            WHERE c.search_names LIKE p.pattern AND c.name_zh = ANY(($5::text[])[p.first_name:p.last_name])
                AND c.key >= 'uscc:' AND c.key < 'uscc;' AND c.provenance_kind = '\(Provenance.Kind.registryImport.rawValue)'
            OFFSET 0
        ) c
        """

    let importID: Int
    var rows: [Int] = []
    var patterns: [String] = []
    var firstNames: [Int] = []
    var lastNames: [Int] = []
    var names: [String] = []

    init(importID: Int) {
        self.importID = importID
    }

    func makeBindings() throws -> PostgresBindings {
        var bindings = PostgresBindings(capacity: 6)
        bindings.append(rows)
        bindings.append(patterns)
        bindings.append(firstNames)
        bindings.append(lastNames)
        bindings.append(names)
        bindings.append(importID)
        return bindings
    }

    func decodeRow(_ row: PostgresRow) throws -> Candidate {
        let (position, key, name, region, registrationNumber, creditCode, isStored) = try row.decode(
            (Int, String, String?, String?, String?, String?, Bool).self)
        return Candidate(
            row: position, key: key, name: name, region: region, registrationNumber: registrationNumber,
            creditCode: creditCode, isStoredByThisImport: isStored)
    }
}
