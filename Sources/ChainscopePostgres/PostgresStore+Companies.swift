public import ChainscopeCore
import PostgresNIO

extension PostgresStore {
    public func registryCompanies() async throws -> [Company] {
        try await companies(
            where: "provenance_kind = $1", order: "key", bindings: [Provenance.Kind.registryImport.rawValue])
    }

    /// Pages through the registry companies by key (the key index orders them across partitions), each
    /// page a query of its own, so memory stays bounded whatever the registry's size.
    public func forEachRegistryCompany(batchSize: Int, _ body: @escaping @Sendable ([Company]) throws -> Void)
        async throws
    {
        var after = ""
        while true {
            let batch = try await companies(
                where: "provenance_kind = $1 AND key > $2", order: "key LIMIT \(max(batchSize, 1))",
                bindings: [Provenance.Kind.registryImport.rawValue, after])
            guard let last = batch.last else { return }
            try body(batch)
            after = last.key.description
        }
    }

    public func company(key: CompanyKey) async throws -> Company? {
        try await companies(
            where: "province = $1 AND key = $2", order: "key", bindings: [key.province, key.description]
        )
        .first
    }

    public func companyRaw(key: CompanyKey) async throws -> [String: String]? {
        let query = PostgresQuery(
            unsafeSQL: "SELECT \(CompanyColumns.read) FROM company WHERE province = $1 AND key = $2",
            binds: Self.bindings([key.province, key.description]))
        guard let row = try await rows(query).first else { return nil }
        let headers = try await withConnection(.readFailed) { try await RawHeaderCatalog($0, logger: logger) }
        return CompanyRow.raw(values: try CompanyColumns.values(row).values, headers: headers.keys)
    }

    public func companyHistory(key: CompanyKey, isApplied: Bool) async throws -> [CompanyChange] {
        try await rows(
            """
            SELECT \(unescaped: Self.changeColumns)
            FROM company_history h JOIN registry_import i ON i.id = h.import_id
            WHERE h.province = \(key.province) AND h.key = \(key.description) AND h.is_applied = \(isApplied)
            ORDER BY h.id
            """
        ).map { row in
            try Self.change(try row.decode((Int64, String, String, Int?, String).self), key: key.description)
        }
    }

    public func changes(ofImport importID: Int64, limit: Int, isApplied: Bool) async throws -> [ImportedChange] {
        try await rows(
            """
            SELECT h.key, c.name_zh, \(unescaped: Self.changeColumns)
            FROM company_history h JOIN registry_import i ON i.id = h.import_id
                LEFT JOIN company c ON c.province = h.province AND c.key = h.key
            WHERE h.import_id = \(importID) AND h.is_applied = \(isApplied) ORDER BY h.row, h.id LIMIT \(max(limit, 0))
            """
        ).map { row in
            let (text, name, importID, file, snapshot, line, changes) = try row.decode(
                (String, String?, Int64, String, String, Int?, String).self)
            guard let key = CompanyKey(text) else {
                throw StoreError(.corruptRow, location: "company_history \(text)", detail: "column key holds '\(text)'")
            }
            return ImportedChange(
                key: key, name: name, change: try Self.change((importID, file, snapshot, line, changes), key: text))
        }
    }

    /// What `change(_:key:)` reads of a change, from the history `h` and its import `i`.
    private static let changeColumns = "h.import_id, i.file, i.snapshot_date, h.row, h.changes"

    private static func change(
        _ columns: (importID: Int64, file: String, snapshot: String, row: Int?, changes: String), key: String
    ) throws -> CompanyChange {
        guard let snapshotDate = CalendarDate(iso: columns.snapshot) else {
            throw StoreError(
                .corruptRow, location: "registry_import \(columns.importID)",
                detail: "column snapshot_date holds '\(columns.snapshot)'")
        }
        return CompanyChange(
            importID: columns.importID, file: columns.file, snapshotDate: snapshotDate, row: columns.row,
            changes: try decode([String: [String?]].self, columns.changes, location: "company_history \(key)"))
    }

    static func bindings(_ values: [String]) -> PostgresBindings {
        var binds = PostgresBindings()
        for value in values { binds.append(value) }
        return binds
    }
}
