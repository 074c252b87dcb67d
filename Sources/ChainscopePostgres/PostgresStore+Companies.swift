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

    public func company(creditCode: String) async throws -> Company? {
        try await company(key: .creditCode(creditCode))
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

    public func companyHistory(key: CompanyKey) async throws -> [CompanyChange] {
        try await rows(
            """
            SELECT h.import_id, i.file, i.snapshot_date, h.row, h.changes
            FROM company_history h JOIN registry_import i ON i.id = h.import_id
            WHERE h.province = \(key.province) AND h.key = \(key.description) ORDER BY h.id
            """
        ).map { row in
            let (importID, file, snapshot, line, changes) = try row.decode((Int64, String, String, Int?, String).self)
            guard let snapshotDate = CalendarDate(iso: snapshot) else {
                throw StoreError(
                    .corruptRow, location: "registry_import \(importID)",
                    detail: "column snapshot_date holds '\(snapshot)'")
            }
            return CompanyChange(
                importID: importID, file: file, snapshotDate: snapshotDate, row: line,
                changes: try Self.decode([String: [String?]].self, changes, location: "company_history \(key)"))
        }
    }

    static func bindings(_ values: [String]) -> PostgresBindings {
        var binds = PostgresBindings()
        for value in values { binds.append(value) }
        return binds
    }
}
