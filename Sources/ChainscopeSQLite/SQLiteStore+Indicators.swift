public import ChainscopeCore
import Foundation
import GRDB

extension SQLiteStore {
    public func memberCounts(taxonomy: String, asOf: CalendarDate?) async throws -> MemberCounts {
        try await read { db in
            let (window, imports) = try Self.window(db, asOf: asOf)
            let arguments: StatementArguments = [asOf?.description, taxonomy]
            var capital: [Currency: Decimal] = [:]
            let cells = try Self.cells(db, window: window, arguments: arguments, capital: &capital)
            var provenance = CountProvenance(imports: imports, taxonomyID: taxonomy, asOf: asOf)
            // Classifications of one taxonomy share its file's version and digest (see `classifyCompanies`).
            if let row = try Row.fetchOne(
                db, sql: "SELECT taxonomy_version, taxonomy_digest FROM classification WHERE taxonomy = ? LIMIT 1",
                arguments: [taxonomy])
            {
                (provenance.taxonomyVersion, provenance.taxonomyDigest) = (row[0], row[1])
            }
            return MemberCounts(
                cells: cells, segmentCells: try Self.segmentCells(db, window: window, arguments: arguments),
                capital: capital, provenance: provenance)
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
                    SELECT company_key FROM company_segment AS member
                    WHERE taxonomy = ?2 AND segment = ?3 AND is_member = 1 AND \(window)
                    ORDER BY score DESC, company_key LIMIT ?4
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

    /// The window as SQL over a `company_segment` row named `member`, with `?1` the as-of day: members
    /// founded by then and seen by an import taken by then; with the imports it covers. Only registry
    /// companies are classified, and each segment row keeps its company's founding day (migration v5).
    /// The imports are few: naming them lets each member be looked up on import_key's primary key.
    private static func window(_ db: Database, asOf: CalendarDate?) throws -> (sql: String, imports: [RegistryImport]) {
        let imports = try ImportRecord.order(Column("id")).fetchAll(db).map { try $0.domain() }
            .filter { asOf == nil || $0.snapshotDate <= asOf! }
        let counted = imports.map { String($0.id) }.joined(separator: ", ")
        let sql = """
            (?1 IS NULL OR (member.founded <= ?1 AND EXISTS (
                SELECT 1 FROM import_key WHERE import_key.import_id IN (\(counted)) AND import_key.key = member.company_key)))
            """
        return (sql, imports)
    }

    /// Members by founding month, main layer, district and status (one row per member: its main
    /// segment's), with registered capital summed by currency on the way.
    private static func cells(
        _ db: Database, window: String, arguments: StatementArguments, capital: inout [Currency: Decimal]
    ) throws -> [MemberCounts.Cell] {
        let rows = try Row.fetchAll(
            db,
            sql: """
                SELECT substr(founded, 1, 7) AS month, layer, region AS district, status,
                    capital_currency AS currency, total(capital_amount) AS capital, count(*) AS n
                FROM company_segment AS member
                WHERE taxonomy = ?2 AND is_member = 1 AND is_main = 1 AND \(window)
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
                (last.month, last.layer, last.district, last.status) == (
                    cell.month, cell.layer, cell.district, cell.status
                )
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
                SELECT substr(founded, 1, 7) AS month, segment, region AS district, count(*) AS n
                FROM company_segment AS member
                WHERE taxonomy = ?2 AND is_member = 1 AND \(window)
                GROUP BY 1, 2, 3 ORDER BY 1, 2, 3
                """, arguments: arguments
        ).map { row in
            MemberCounts.SegmentCell(
                month: (row["month"] as String?).flatMap { YearMonth(iso: $0) }, segment: row["segment"],
                district: (row["district"] as String?).flatMap(RegionCode.init(rawValue:)), count: row["n"])
        }
    }
}
