public import ChainscopeCore
import Foundation
import GRDB

extension SQLiteStore {
    public func company(key: CompanyKey) async throws -> Company? {
        try await read { db in try CompanyRecord.fetchOne(db, key: key.description)?.company() }
    }

    public func companies(matching query: CompanyQuery) async throws -> CompanyPage {
        try await read { db in
            let plan = CompanyListSQL(query)
            var rows = try Row.fetchAll(db, sql: plan.sql, arguments: StatementArguments(plan.arguments))
            let hasMore = rows.count > plan.limit
            if hasMore { rows.removeLast() }
            let decoder = JSONDecoder()
            let listings = try rows.map { row in
                let segments: String? = row["cl_segments"]
                let isMember: Bool? = row["cl_member"]
                return CompanyListing(
                    company: try CompanyRecord(row: row).company(), isMember: isMember, mainLayer: row["cl_layer"],
                    segments: isMember == true
                        ? try segments.map { try decoder.decode([SegmentScore].self, from: Data($0.utf8)) }?
                            .map(\.segment) ?? [] : [])
            }
            let next =
                hasMore ? rows.last.map { CompanyCursor(value: $0["sort_value"], position: $0["position"]) } : nil
            return CompanyPage(companies: listings, next: next)
        }
    }
}

/// The one SELECT a `CompanyQuery` becomes. The search tables drive the query when there is text, so
/// that in the order of entry a page is read straight off an index and stops after `limit` rows.
struct CompanyListSQL {
    private(set) var sql = ""
    private(set) var arguments: [(any DatabaseValueConvertible)?] = []
    let limit: Int

    init(_ query: CompanyQuery) {
        limit = min(max(query.limit, 1), CompanyQuery.maximumLimit)
        var from = "company c"
        var position = "c.rowid"
        var conditions: [String] = []
        var whereArguments: [(any DatabaseValueConvertible)?] = []
        if let text = query.searchText {
            if let code = query.codePrefix {
                conditions.append("(c.key >= ? AND c.key < ? OR c.key >= ? AND c.key < ?)")
                whereArguments += [
                    "uscc:" + code, "uscc:" + code + "\u{10FFFF}", "regno:" + code, "regno:" + code + "\u{10FFFF}",
                ]
            } else {
                // Quoted, a query is one string to FTS5 (a phrase of trigrams, or one gram's token).
                let (table, phrase) =
                    text.unicodeScalars.count >= 3
                    ? ("company_search", text.replacingOccurrences(of: "\"", with: "\"\""))
                    : ("company_gram", SearchEntry.token(text.lowercased()))
                from = "\(table) s JOIN company c ON c.rowid = s.rowid"
                position = "s.rowid"
                conditions.append("\(table) MATCH ?")
                whereArguments.append("\"" + phrase + "\"")
            }
        }
        Self.filters(query, into: &conditions, &whereArguments)
        let (sortValue, ascending) = Self.sort(query.order)
        if let after = query.after {
            let comparison = ascending ? ">" : "<"
            if query.order == .entry {
                conditions.append("\(position) \(comparison) ?")
                whereArguments.append(after.position)
            } else {
                conditions.append("(\(sortValue), \(position)) \(comparison) (?, ?)")
                whereArguments += [after.value ?? "", after.position]
            }
        }
        let direction = ascending ? "" : " DESC"
        let order =
            query.order == .entry ? "\(position)\(direction)" : "\(sortValue)\(direction), \(position)\(direction)"
        sql = """
            SELECT c.*, \(position) AS position, \(sortValue) AS sort_value, cl.is_member AS cl_member,
                cl.main_layer AS cl_layer, cl.segments AS cl_segments
            FROM \(from) LEFT JOIN classification cl ON cl.taxonomy = ? AND cl.company_key = c.key
            \(conditions.isEmpty ? "" : "WHERE " + conditions.joined(separator: " AND "))
            ORDER BY \(order) LIMIT \(limit + 1)
            """
        arguments = [query.taxonomy] + whereArguments
    }

    private static func filters(
        _ query: CompanyQuery, into conditions: inout [String], _ arguments: inout [(any DatabaseValueConvertible)?]
    ) {
        if let segment = query.segment {
            conditions.append(
                "EXISTS (SELECT 1 FROM company_segment cs WHERE cs.taxonomy = ? AND cs.company_key = c.key "
                    + "AND cs.segment = ? AND cs.is_member = 1)")
            arguments += [query.taxonomy, segment]
        }
        if let layer = query.layer {
            conditions.append("cl.is_member = 1 AND cl.main_layer = ?")
            arguments.append(layer)
        }
        if let isMember = query.isMember {
            conditions.append("coalesce(cl.is_member, 0) = ?")
            arguments.append(isMember)
        }
        if let name = query.exactName {
            conditions.append("(c.name_zh = ? OR c.name_ko = ? OR c.name_en = ?)")
            arguments += [name, name, name]
        }
        let equal: [(String, String?)] = [
            ("c.region", query.district?.rawValue), ("c.status", query.status?.rawValue),
        ]
        for (column, value) in equal {
            guard let value else { continue }
            conditions.append("\(column) = ?")
            arguments.append(value)
        }
        if let from = query.foundedFrom {
            conditions.append("c.founded >= ?")
            arguments.append(from.description)
        }
        if let through = query.foundedThrough {
            conditions.append("c.founded <= ?")
            arguments.append(through.description)
        }
    }

    /// The sort expression of an order and whether it ascends. Companies without a founding day come last.
    private static func sort(_ order: CompanyQuery.Order) -> (String, Bool) {
        switch order {
        case .entry: ("NULL", true)
        case .name: ("coalesce(c.name_zh, c.name_en, c.name_ko, '')", true)
        case .founded: ("coalesce(c.founded, '9999')", true)
        case .foundedDescending: ("coalesce(c.founded, '')", false)
        }
    }
}
