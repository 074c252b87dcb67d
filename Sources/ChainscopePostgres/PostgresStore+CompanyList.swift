public import ChainscopeCore
import Foundation
import PostgresNIO

extension PostgresStore {
    public func companies(matching query: CompanyQuery) async throws -> CompanyPage {
        let plan = CompanyListSQL(query)
        var rows = try await rows(plan.query)
        let hasMore = rows.count > plan.limit
        if hasMore { rows.removeLast() }
        let decoder = JSONDecoder()
        let extra = CompanyRow.columns.count + 1
        var next: CompanyCursor?
        let listings = try rows.map { row in
            let cells = row.makeRandomAccess()
            let isMember = try cells[extra + 2].decode(Bool?.self)
            let segments = try cells[extra + 4].decode(String?.self)
            next = CompanyCursor(
                value: try cells[extra + 1].decode(String?.self), position: try cells[extra].decode(Int64.self))
            return CompanyListing(
                company: try CompanyColumns.company(row), isMember: isMember,
                mainLayer: try cells[extra + 3].decode(String?.self),
                segments: isMember == true
                    ? try segments.map { try decoder.decode([SegmentScore].self, from: Data($0.utf8)) }?.map(\.segment)
                        ?? [] : [])
        }
        return CompanyPage(companies: listings, next: hasMore ? next : nil)
    }

    /// Names are indexed as companies are written (see migration v5), so no company is indexed here (0). What the
    /// imports left in the search indexes' pending lists is merged into them: every search reads those lists whole
    /// until a vacuum merges them, and straight after a 300,000-row import a two-character search took 70–80 ms
    /// (2 ms after the merge, which took 0.26 s).
    public func refreshSearchIndex() async throws -> Int {
        _ = try await rows(PostgresQuery(unsafeSQL: Self.mergingPendingLists(of: Self.nameIndexes)))
        return 0
    }

    /// The names' search indexes: trigrams (three characters or more) and grams (fewer).
    static let nameIndexes = ["company_search_trigram", "company_search_grams"]

    /// A statement that merges the pending lists of the partitions of `indexes` (GIN indexes on the company table)
    /// into them, as a vacuum would. Only indexes whose owner the session's role acts as can be merged; the
    /// others are left to autovacuum.
    static func mergingPendingLists(of indexes: [String]) -> String {
        """
        SELECT gin_clean_pending_list(i.inhrelid::regclass)
        FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid
        WHERE i.inhparent IN (\(indexes.map { "'\($0)'::regclass" }.joined(separator: ", ")))
            AND pg_has_role(c.relowner, 'USAGE')
        """
    }
}

/// The one SELECT a `CompanyQuery` becomes, as SQLite's `CompanyListSQL` builds it: the same filters,
/// orders and cursor, with pg_trgm answering three or more characters and the grams index fewer.
struct CompanyListSQL {
    private(set) var query = PostgresQuery(unsafeSQL: "")
    let limit: Int
    private var binds = PostgresBindings()

    init(_ query: CompanyQuery) {
        limit = min(max(query.limit, 1), CompanyQuery.maximumLimit)
        var conditions: [String] = []
        let taxonomy = bind(query.taxonomy)
        if let text = query.searchText {
            if let code = query.codePrefix {
                let bounds = [
                    "uscc:" + code, "uscc:" + code + "\u{10FFFF}", "regno:" + code, "regno:" + code + "\u{10FFFF}",
                ]
                .map { bind($0) }
                conditions.append(
                    "(c.key >= \(bounds[0]) AND c.key < \(bounds[1]) OR c.key >= \(bounds[2]) AND c.key < \(bounds[3]))"
                )
            } else if text.unicodeScalars.count >= 3 {
                conditions.append("c.search_names LIKE \(bind("%" + Self.escapeLike(text.lowercased()) + "%"))")
            } else {
                conditions.append("c.grams @> ARRAY[\(bind(text.lowercased()))]::text[]")
            }
        }
        filters(query, taxonomy: taxonomy, into: &conditions)
        let (sortValue, ascending) = Self.sort(query.order)
        if let after = query.after {
            let comparison = ascending ? ">" : "<"
            if query.order == .entry {
                conditions.append("c.position \(comparison) \(bind(after.position))")
            } else {
                conditions.append(
                    "(\(sortValue), c.position) \(comparison) (\(bind(after.value ?? "")), \(bind(after.position)))")
            }
        }
        let direction = ascending ? "" : " DESC"
        let order =
            query.order == .entry ? "c.position\(direction)" : "\(sortValue)\(direction), c.position\(direction)"
        self.query = PostgresQuery(
            unsafeSQL: """
                SELECT \(CompanyColumns.read(from: "c")), c.position, \(sortValue) AS sort_value,
                    cl.is_member, cl.main_layer, cl.segments
                FROM company c LEFT JOIN classification cl
                    ON cl.province = c.province AND cl.taxonomy = \(taxonomy) AND cl.company_key = c.key
                \(conditions.isEmpty ? "" : "WHERE " + conditions.joined(separator: " AND "))
                ORDER BY \(order) LIMIT \(limit + 1)
                """, binds: binds)
    }

    /// Binds a value; returns its placeholder.
    private mutating func bind<Value: PostgresNonThrowingEncodable>(_ value: Value) -> String {
        binds.append(value)
        return "$\(binds.count)"
    }

    private mutating func filters(_ query: CompanyQuery, taxonomy: String, into conditions: inout [String]) {
        if let segment = query.segment {
            conditions.append(
                "EXISTS (SELECT 1 FROM company_segment cs WHERE cs.province = c.province AND cs.taxonomy = \(taxonomy) "
                    + "AND cs.company_key = c.key AND cs.segment = \(bind(segment)) AND cs.is_member)")
        }
        if let layer = query.layer { conditions.append("cl.is_member AND cl.main_layer = \(bind(layer))") }
        if let isMember = query.isMember { conditions.append("coalesce(cl.is_member, false) = \(bind(isMember))") }
        if let name = query.exactName {
            let name = bind(name)
            conditions.append("(c.name_zh = \(name) OR c.name_ko = \(name) OR c.name_en = \(name))")
        }
        if let district = query.district { conditions.append("c.region = \(bind(district.rawValue))") }
        if let status = query.status { conditions.append("c.status = \(bind(status.rawValue))") }
        if let from = query.foundedFrom { conditions.append("c.founded >= \(bind(from.description))") }
        if let through = query.foundedThrough { conditions.append("c.founded <= \(bind(through.description))") }
    }

    /// Text that LIKE matches literally: its wildcards and escape character escaped.
    static func escapeLike(_ text: String) -> String {
        var escaped = ""
        for character in text {
            if character == "%" || character == "_" || character == "\\" { escaped.append("\\") }
            escaped.append(character)
        }
        return escaped
    }

    /// The sort expression of an order and whether it ascends. Companies without a founding day come last.
    private static func sort(_ order: CompanyQuery.Order) -> (String, Bool) {
        switch order {
        case .entry: ("NULL::text", true)
        case .name: ("coalesce(c.name_zh, c.name_en, c.name_ko, '')", true)
        case .founded: ("coalesce(c.founded, '9999')", true)
        case .foundedDescending: ("coalesce(c.founded, '')", false)
        }
    }
}
