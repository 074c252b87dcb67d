public import ChainscopeCore
import Foundation
import GRDB

extension SQLiteStore {
    public func memberCounts(taxonomy: String, asOf: CalendarDate?) async throws -> MemberCounts {
        let limit = asOf?.description
        return try await read { db in
            var counts = try Self.memberCells(db, taxonomy: taxonomy, asOf: asOf)
            let window = try Self.window(db, asOf: asOf).sql
            counts.segmentCells = try Self.segmentCells(db, window: window, arguments: [limit, taxonomy])
            return counts
        }
    }

    public func segmentExamples(
        taxonomy: String, segment: String, limit: Int, asOf: CalendarDate?
    ) async throws -> [MemberExample] {
        try await read { db in
            let window = try Self.window(db, asOf: asOf).sql
            let keys = try String.fetchAll(
                db,
                sql: """
                    SELECT company_segment.company_key FROM company_segment
                    JOIN company ON company.key = company_segment.company_key
                    WHERE company_segment.taxonomy = ?2 AND company_segment.segment = ?3
                        AND company_segment.is_member = 1 AND \(window)
                    ORDER BY company_segment.score DESC, company_segment.company_key LIMIT ?4
                    """, arguments: [asOf?.description, taxonomy, segment, limit])
            return try keys.compactMap { key -> MemberExample? in
                guard let company = try CompanyRecord.fetchOne(db, key: key)?.company(),
                    let row = try Row.fetchOne(
                        db, sql: "SELECT * FROM classification WHERE taxonomy = ? AND company_key = ?",
                        arguments: [taxonomy, key])
                else { return nil }
                return MemberExample(company: company, classification: try ClassificationWriter.classification(row))
            }
        }
    }

    /// The window: registry companies seen by an import taken by `asOf` and founded by then, as SQL
    /// over `company` with `?1` the day; with the imports it covers. The imports are few: naming them
    /// lets each company be looked up on import_key's primary key.
    private static func window(_ db: Database, asOf: CalendarDate?) throws -> (sql: String, imports: [RegistryImport]) {
        let imports = try ImportRecord.order(Column("id")).fetchAll(db).map { try $0.domain() }
            .filter { asOf == nil || $0.snapshotDate <= asOf! }
        let counted = imports.map { String($0.id) }.joined(separator: ", ")
        let sql = """
            company.provenance_kind = 'import' AND (?1 IS NULL OR (company.founded <= ?1 AND EXISTS (
                SELECT 1 FROM import_key WHERE import_key.import_id IN (\(counted)) AND import_key.key = company.key)))
            """
        return (sql, imports)
    }

    /// Everything but the segment cells.
    private static func memberCells(_ db: Database, taxonomy: String, asOf: CalendarDate?) throws -> MemberCounts {
        let (window, imports) = try window(db, asOf: asOf)
        let arguments: StatementArguments = [asOf?.description, taxonomy]
        var capital: [Currency: Decimal] = [:]
        let cells = try Self.cells(db, window: window, arguments: arguments, capital: &capital)
        var provenance = CountProvenance(imports: imports, taxonomyID: taxonomy, asOf: asOf)
        provenance.companies =
            try Int.fetchOne(db, sql: "SELECT count(*) FROM company WHERE \(window)", arguments: [asOf?.description])
            ?? 0
        // Classifications of one taxonomy share its file's version and digest (see `classifyCompanies`).
        if let row = try Row.fetchOne(
            db, sql: "SELECT taxonomy_version, taxonomy_digest FROM classification WHERE taxonomy = ? LIMIT 1",
            arguments: [taxonomy])
        {
            (provenance.taxonomyVersion, provenance.taxonomyDigest) = (row[0], row[1])
        }
        return MemberCounts(cells: cells, capital: capital, provenance: provenance)
    }

    /// Members by founding month, main layer, district and status, read from covering indexes only;
    /// registered capital summed by currency on the way.
    private static func cells(
        _ db: Database, window: String, arguments: StatementArguments, capital: inout [Currency: Decimal]
    ) throws -> [MemberCounts.Cell] {
        let rows = try Row.fetchAll(
            db,
            sql: """
                SELECT substr(company.founded, 1, 7) AS month, classification.main_layer AS layer,
                    company.region AS district, company.status AS status, company.capital_currency AS currency,
                    total(company.capital_amount) AS capital, count(*) AS n
                FROM classification JOIN company ON company.key = classification.company_key
                WHERE classification.taxonomy = ?2 AND classification.is_member = 1 AND \(window)
                GROUP BY 1, 2, 3, 4, 5 ORDER BY 1, 2, 3, 4, 5
                """, arguments: arguments)
        var cells: [MemberCounts.Cell] = []
        for row in rows {
            if let currency = row["currency"] as String? {
                capital[Currency(rawValue: currency), default: 0] += Decimal(row["capital"] as Double)
            }
            let cell = MemberCounts.Cell(
                month: (row["month"] as String?).flatMap { YearMonth(iso: $0) }, layer: row["layer"],
                district: (row["district"] as String?).flatMap(RegionCode.init(rawValue:)),
                status: (row["status"] as String?).flatMap(RegistrationStatus.init(rawValue:)), count: row["n"])
            // Cells that differ only by currency are one cell.
            if let last = cells.last,
                (last.month, last.layer, last.district, last.status)
                    == (cell.month, cell.layer, cell.district, cell.status)
            {
                cells[cells.count - 1].count += cell.count
            } else {
                cells.append(cell)
            }
        }
        return cells
    }

    /// Members by founding month, segment and district (a member counts once in each of its segments).
    private static func segmentCells(
        _ db: Database, window: String, arguments: StatementArguments
    ) throws -> [MemberCounts.SegmentCell] {
        try Row.fetchAll(
            db,
            sql: """
                SELECT substr(company.founded, 1, 7) AS month, company_segment.segment AS segment,
                    company.region AS district, count(*) AS n
                FROM company_segment JOIN company ON company.key = company_segment.company_key
                WHERE company_segment.taxonomy = ?2 AND company_segment.is_member = 1 AND \(window)
                GROUP BY 1, 2, 3 ORDER BY 1, 2, 3
                """, arguments: arguments
        ).map { row in
            MemberCounts.SegmentCell(
                month: (row["month"] as String?).flatMap { YearMonth(iso: $0) }, segment: row["segment"],
                district: (row["district"] as String?).flatMap(RegionCode.init(rawValue:)), count: row["n"])
        }
    }
}
