import ChainscopeCore

extension StoreConformance {
    /// Strings that would change a query if they were pasted into its SQL.
    public static let hostileTexts = [
        "' OR 1=1 --", "'; DROP TABLE company; --", "\" OR \"\"=\"", "NEAR(a b)", "*", "%", "_", "\\", "a%b_c", "科%公司",
        "_%_", "限\\公",
        "科技'); DELETE FROM company; --",
    ]

    func lists(of store: any Store, _ snapshot: inout Snapshot, _ check: inout Checker) async throws {
        _ = try await store.refreshSearchIndex()
        let everyone = try await Self.all(store, CompanyQuery(taxonomy: inputs.taxonomy.id, limit: 500))
        snapshot.lists["everyone"] = everyone.map(\.company.key.description)
        check(
            everyone.count == snapshot.companies.count + inputs.dataset.companies.count,
            "the list holds every company once")
        let registry = everyone.map(\.company).filter { $0.provenance.kind == .registryImport }
        let named = registry.compactMap(\.names.zh).filter { $0.count >= 6 }
        // "tg" is in "Ant Group" only if white space is skipped; "t g" is.
        var queries = [
            "智能", "芯", "科技有限", "알리바바", "alibaba", "ALIBABA", "Hikvision", "海康", "不存在的名字", "tg", "t g", "앤트",
        ]
        for name in named.prefix(3) {
            let middle = name.dropFirst(2)
            queries += [name.prefix(1), middle.prefix(1), middle.prefix(2), middle.prefix(3), name.suffix(2)].map(
                String.init)
        }
        for text in queries + Self.hostileTexts {
            let found = try await Self.all(store, CompanyQuery(text: text, taxonomy: inputs.taxonomy.id, limit: 7))
            let expected = everyone.filter { listing in
                let names = [listing.company.names.zh, listing.company.names.ko, listing.company.names.en]
                return names.contains { $0?.lowercased().contains(text.lowercased()) == true }
            }
            check(found.map(\.company.key) == expected.map(\.company.key), "search '\(text)' finds what a scan finds")
            snapshot.lists["text \(text)"] = found.map(\.company.key.description)
        }
        if let code = registry.first?.creditCode {
            let found = try await Self.all(store, CompanyQuery(text: String(code.prefix(8)).lowercased(), limit: 50))
            check(
                found.contains { $0.company.creditCode == code }, "a credit code is found from its start, in any case")
            snapshot.lists["code"] = found.map(\.company.key.description)
        }
        for text in Self.hostileTexts {
            var segment = CompanyQuery(taxonomy: inputs.taxonomy.id, limit: 50)
            segment.segment = text
            segment.layer = text
            check(try await Self.all(store, segment).isEmpty, "a hostile segment and layer match nothing")
        }
        check(
            try await store.registryCompanies() == snapshot.companies, "hostile searches leave every company in place")
        try await filtered(store, everyone: everyone, &snapshot, &check)
    }

    private func filtered(
        _ store: any Store, everyone: [CompanyListing], _ snapshot: inout Snapshot, _ check: inout Checker
    ) async throws {
        let taxonomy = inputs.taxonomy.id
        let district = everyone.compactMap(\.company.region).first
        let from = CalendarDate(year: 2019, month: 1, day: 1)
        var queries: [(String, CompanyQuery)] = [
            ("members", CompanyQuery(taxonomy: taxonomy, isMember: true, limit: 9)),
            ("non-members", CompanyQuery(taxonomy: taxonomy, isMember: false, limit: 9)),
            ("vision", CompanyQuery(taxonomy: taxonomy, segment: "vision", limit: 3)),
            ("application", CompanyQuery(taxonomy: taxonomy, layer: "application", limit: 4)),
            ("district", CompanyQuery(taxonomy: taxonomy, district: district, limit: 11)),
            ("in business", CompanyQuery(taxonomy: taxonomy, status: .active, limit: 13)),
            ("founded", CompanyQuery(taxonomy: taxonomy, foundedFrom: from, limit: 17)),
            ("智能 members", CompanyQuery(text: "智能", taxonomy: taxonomy, isMember: true, limit: 5)),
        ]
        // Exact names: in Chinese, one that other names contain (a branch's holds its company's), and in English.
        let names = everyone.map(\.company.names)
        let contained = names.compactMap(\.zh).filter { name in
            names.contains { $0.zh != name && $0.zh?.contains(name) == true }
        }
        check(!contained.isEmpty, "the inputs have a name that other names contain")
        for name in [contained.first, names.compactMap(\.zh).last, names.compactMap(\.en).first, "不存在的名字"] {
            guard let name else { continue }
            queries.append(("named \(name)", CompanyQuery(name: " \(name) ", taxonomy: taxonomy, limit: 2)))
        }
        for order in CompanyQuery.Order.allCases {
            queries.append(("order \(order.rawValue)", CompanyQuery(taxonomy: taxonomy, order: order, limit: 19)))
            queries.append(
                ("科技 order \(order.rawValue)", CompanyQuery(text: "科技", taxonomy: taxonomy, order: order, limit: 6)))
        }
        for (name, query) in queries {
            let found = try await Self.all(store, query)
            snapshot.lists[name] = found.map(\.company.key.description)
            let expected = everyone.filter { Self.matches($0, query) }
            check(
                Set(found.map(\.company.key)) == Set(expected.map(\.company.key)) && found.count == expected.count,
                "list '\(name)' holds the companies its filters select, once each")
            if query.order != .entry {
                let values = found.map { Self.sortValue($0.company, query.order) }
                let sorted = query.order == .foundedDescending ? values.sorted(by: >) : values.sorted()
                check(values == sorted, "list '\(name)' is in its order")
            }
        }
    }

    /// Whether a listing passes a query's filters (its text aside), as a plain reading of the fields.
    static func matches(_ listing: CompanyListing, _ query: CompanyQuery) -> Bool {
        let company = listing.company
        if let text = query.searchText {
            let names = [company.names.zh, company.names.ko, company.names.en]
            guard names.contains(where: { $0?.lowercased().contains(text.lowercased()) == true }) else { return false }
        }
        if let name = query.exactName, ![company.names.zh, company.names.ko, company.names.en].contains(name) {
            return false
        }
        if let isMember = query.isMember, (listing.isMember ?? false) != isMember { return false }
        if let segment = query.segment, listing.isMember != true || !listing.segments.contains(segment) { return false }
        if let layer = query.layer, listing.isMember != true || listing.mainLayer != layer { return false }
        if let district = query.district, company.region != district { return false }
        if let status = query.status, company.status != status { return false }
        if let from = query.foundedFrom, (company.founded.map { $0 >= from } ?? false) == false { return false }
        return true
    }

    static func sortValue(_ company: Company, _ order: CompanyQuery.Order) -> String {
        switch order {
        case .entry: ""
        case .name: company.names.zh ?? company.names.en ?? company.names.ko ?? ""
        case .founded: company.founded?.description ?? "9999"
        case .foundedDescending: company.founded?.description ?? ""
        }
    }

    /// Every company of a query, page after page.
    static func all(_ store: any Store, _ query: CompanyQuery) async throws -> [CompanyListing] {
        var query = query
        var listings: [CompanyListing] = []
        while true {
            let page = try await store.companies(matching: query)
            listings += page.companies
            guard let next = page.next, !page.companies.isEmpty else { return listings }
            query.after = next
        }
    }
}
