public import ChainscopeCore
import Foundation
import GRDB

extension SQLiteStore {
    public func memberCounts(taxonomy: String, asOf: CalendarDate?) async throws -> MemberCounts {
        try await read { db in
            let limit = asOf?.description
            let imports = try ImportRecord.order(Column("id")).fetchAll(db).map { try $0.domain() }
                .filter { asOf == nil || $0.snapshotDate <= asOf! }
            // The window: registry companies seen by an import taken by `asOf` and founded by then.
            let window = """
                company.provenance_kind = 'import' AND (?1 IS NULL OR (company.founded <= ?1 AND EXISTS (
                    SELECT 1 FROM import_key JOIN registry_import ON registry_import.id = import_key.import_id
                    WHERE import_key.key = company.key AND registry_import.snapshot_date <= ?1)))
                """
            let arguments: StatementArguments = [limit, taxonomy]
            let cells = try Row.fetchAll(
                db,
                sql: """
                    SELECT substr(company.founded, 1, 7) AS month, classification.main_layer AS layer,
                        company.region AS district, company.status AS status, count(*) AS n
                    FROM classification JOIN company ON company.key = classification.company_key
                    WHERE classification.taxonomy = ?2 AND classification.is_member AND \(window)
                    GROUP BY 1, 2, 3, 4 ORDER BY 1, 2, 3, 4
                    """, arguments: arguments
            ).map { row in
                MemberCounts.Cell(
                    month: (row["month"] as String?).flatMap { YearMonth(iso: $0) }, layer: row["layer"],
                    district: (row["district"] as String?).flatMap(RegionCode.init(rawValue:)),
                    status: (row["status"] as String?).flatMap(RegistrationStatus.init(rawValue:)), count: row["n"])
            }
            let segments = try Row.fetchAll(
                db,
                sql: """
                    SELECT substr(company.founded, 1, 7) AS month, company_segment.segment AS segment,
                        company.region AS district, count(*) AS n
                    FROM company_segment JOIN company ON company.key = company_segment.company_key
                    WHERE company_segment.taxonomy = ?2 AND company_segment.is_member AND \(window)
                    GROUP BY 1, 2, 3 ORDER BY 1, 2, 3
                    """, arguments: arguments
            ).map { row in
                MemberCounts.SegmentCell(
                    month: (row["month"] as String?).flatMap { YearMonth(iso: $0) }, segment: row["segment"],
                    district: (row["district"] as String?).flatMap(RegionCode.init(rawValue:)), count: row["n"])
            }
            var provenance = CountProvenance(imports: imports, taxonomyID: taxonomy, asOf: asOf)
            try Self.describeWindow(db, window: window, arguments: arguments, into: &provenance)
            let capital = try Self.capital(db, window: window, arguments: arguments)
            return MemberCounts(cells: cells, segmentCells: segments, capital: capital, provenance: provenance)
        }
    }

    /// How many companies the window holds and how many are classified, and with which taxonomy file.
    private static func describeWindow(
        _ db: Database, window: String, arguments: StatementArguments, into provenance: inout CountProvenance
    ) throws {
        let row = try Row.fetchOne(
            db,
            sql: """
                SELECT count(*) AS companies, count(classification.id) AS classified,
                    max(classification.taxonomy_version) AS version, max(classification.taxonomy_digest) AS digest
                FROM company LEFT JOIN classification
                    ON classification.company_key = company.key AND classification.taxonomy = ?2
                WHERE \(window)
                """, arguments: arguments)
        provenance.companies = row?["companies"] ?? 0
        provenance.classified = row?["classified"] ?? 0
        provenance.taxonomyVersion = row?["version"]
        provenance.taxonomyDigest = row?["digest"]
    }

    /// Members' registered capital summed exactly, by currency.
    private static func capital(
        _ db: Database, window: String, arguments: StatementArguments
    ) throws -> [Currency: Decimal] {
        var totals: [Currency: Decimal] = [:]
        let rows = try Row.fetchCursor(
            db,
            sql: """
                SELECT company.capital_amount AS amount, company.capital_currency AS currency
                FROM classification JOIN company ON company.key = classification.company_key
                WHERE classification.taxonomy = ?2 AND classification.is_member AND company.capital_amount IS NOT NULL
                    AND \(window)
                """, arguments: arguments)
        while let row = try rows.next() {
            guard let amount = Decimal(string: row["amount"], locale: Locale(identifier: "en_US_POSIX")) else {
                continue
            }
            totals[Currency(rawValue: row["currency"]), default: 0] += amount
        }
        return totals
    }
}
