/// Where Chainscope keeps what it knows, in domain terms. Backends (SQLite, PostgreSQL) implement it;
/// no database type crosses it.
public protocol Store: Sendable {
    /// Stores `dataset`, replacing an earlier copy with the same id, in one transaction.
    func install(_ dataset: Dataset) async throws

    /// The stored dataset with this id, or nil.
    func dataset(id: String) async throws -> Dataset?

    /// What datasets are stored, ordered by id.
    func datasets() async throws -> [DatasetInfo]

    /// Stores the division table, replacing the earlier one, in one transaction.
    func install(_ regions: RegionDirectory) async throws

    /// The stored division table (empty when none is installed).
    func regionDirectory() async throws -> RegionDirectory

    /// Imports one file in one transaction: `body` reads the file and stores or quarantines each row
    /// through the session. When `body` throws, nothing of the import remains. A file whose content
    /// (sha256) was imported before, read the same way (`ImportRequest.reading`), is not read again: the
    /// earlier import is returned.
    func importRegistry(
        _ request: ImportRequest, body: @escaping @Sendable (inout any RegistryImportSession) throws -> ImportResult
    ) async throws -> (import: RegistryImport, isNew: Bool)

    /// Completed imports, oldest first.
    func imports() async throws -> [RegistryImport]

    /// Quarantined rows, of one import or all, by import, sheet (none first) and row: at most `limit` of them,
    /// those after `after` when it is given.
    func quarantinedRows(importID: Int64?, after: QuarantinedRow.Place?, limit: Int) async throws -> [QuarantinedRow]

    /// The quarantined rows of `importIDs` grouped by column and reason (`QuarantineGroup`), the largest group
    /// first (then by column and reason), each with its first `examples` rows.
    func quarantineGroups(importIDs: [Int64], examples: Int) async throws -> [QuarantineGroup]

    /// Registry companies (not dataset ones), ordered by key.
    func registryCompanies() async throws -> [Company]

    /// Calls `body` with the registry companies in batches of at most `batchSize`, ordered by key.
    func forEachRegistryCompany(batchSize: Int, _ body: @escaping @Sendable ([Company]) throws -> Void) async throws

    /// The company with this key, or nil.
    func company(key: CompanyKey) async throws -> Company?

    /// The cells of the row a registry company was last stored from, header → value; nil for a company
    /// not read from a registry export.
    func companyRaw(key: CompanyKey) async throws -> [String: String]?

    /// What newer exports changed in a company, oldest first, each with its import's file and date; or, not
    /// `isApplied`, what rows of exports taken before one already imported, and imported after it, would have
    /// changed (`ImportCounts.older`), the stored value as `before` and the row's as `after`.
    func companyHistory(key: CompanyKey, isApplied: Bool) async throws -> [CompanyChange]

    /// The companies an import changed, in the order of their rows, at most `limit` of them; or, not `isApplied`,
    /// what its rows that were older than the stored facts said (`ImportCounts.older`).
    func changes(ofImport importID: Int64, limit: Int, isApplied: Bool) async throws -> [ImportedChange]

    /// A page of the companies that match `query`, in its order, starting after its cursor.
    func companies(matching query: CompanyQuery) async throws -> CompanyPage

    /// Brings the name search indexes up to date with the stored companies (new ones, renamed ones and
    /// removed ones) in one transaction; returns how many companies were indexed.
    func refreshSearchIndex() async throws -> Int

    /// Classifies stored companies with `taxonomy` in one transaction: those not yet classified with
    /// this content of it (its digest), or all when `all`. `classify` maps a batch to its
    /// classifications, in order. Returns how many companies were classified.
    func classifyCompanies(
        taxonomy: Taxonomy, all: Bool, classify: @escaping @Sendable ([Company]) -> [Classification]
    ) async throws -> Int

    /// The stored classification of a company in a taxonomy, or nil.
    func classification(of key: CompanyKey, taxonomy: String) async throws -> Classification?

    /// How many companies are classified in a taxonomy, by main layer for members and under "none" for
    /// the rest.
    func classificationCounts(taxonomy: String) async throws -> [String: Int]

    /// The members of `taxonomy` counted for indicators (see `MemberCounts`): registry companies founded
    /// by `asOf` that come from imports whose snapshot date is not later, or all when `asOf` is nil. As of a
    /// day, each company is counted with the facts it had then (`MemberCounts.EarlierFacts`), and one whose
    /// name, business scope or industry a later export changed is classified by `taxonomy` as it was then.
    func memberCounts(taxonomy: Taxonomy, asOf: CalendarDate?) async throws -> MemberCounts

    /// Members of each of `segments` in the same window as `memberCounts`, highest score first (then by key), at
    /// most `limit` of each, with their stored classifications. As of a day, a company whose name, business scope,
    /// industry or founding day a later export changed is shown with its facts of that day, classified by
    /// `taxonomy` as it was then (`MemberExample.Candidates`).
    func segmentExamples(taxonomy: Taxonomy, segments: [String], limit: Int, asOf: CalendarDate?) async throws
        -> [String: [MemberExample]]

    /// `memberCounts` and the `segmentExamples` of the segments that `segments` picks from those counts, read from
    /// one snapshot of the store: as of a day, the companies later exports changed are read and classified once for
    /// both (a report's).
    func memberCounts(
        taxonomy: Taxonomy, asOf: CalendarDate?, examples limit: Int,
        of segments: @escaping @Sendable (MemberCounts) -> [String]
    ) async throws -> (counts: MemberCounts, examples: [String: [MemberExample]])
}

extension Store {
    /// Members of `segment`, as `segmentExamples(taxonomy:segments:limit:asOf:)` finds them.
    public func segmentExamples(
        taxonomy: Taxonomy, segment: String, limit: Int, asOf: CalendarDate?
    ) async throws -> [MemberExample] {
        try await segmentExamples(taxonomy: taxonomy, segments: [segment], limit: limit, asOf: asOf)[segment] ?? []
    }
}

extension Store {
    /// The company with this credit code, or nil: a company with a credit code is keyed on it.
    public func company(creditCode: String) async throws -> Company? {
        try await company(key: .creditCode(creditCode))
    }

    /// The completed import with this id, or nil.
    public func registryImport(id: Int64) async throws -> RegistryImport? {
        try await imports().first { $0.id == id }
    }

    /// The import a registry company was last stored from; nil for a company named in a dataset.
    public func sourceImport(of company: Company) async throws -> RegistryImport? {
        guard let id = company.sourceImportID else { return nil }
        return try await registryImport(id: id)
    }

    /// The companies an import changed, in the order of their rows, at most `limit` of them.
    public func changes(ofImport importID: Int64, limit: Int) async throws -> [ImportedChange] {
        try await changes(ofImport: importID, limit: limit, isApplied: true)
    }

    /// What newer exports changed in a company, oldest first.
    public func companyHistory(key: CompanyKey) async throws -> [CompanyChange] {
        try await companyHistory(key: key, isApplied: true)
    }

    /// What the company's rows in earlier exports, imported after a newer one, said that differed from the
    /// stored facts, which were kept; oldest import first.
    public func unappliedChanges(key: CompanyKey) async throws -> [CompanyChange] {
        try await companyHistory(key: key, isApplied: false)
    }
}

extension Company {
    /// The id of the import a registry company was last stored from; nil for a company named in a dataset.
    public var sourceImportID: Int64? {
        provenance.kind == .registryImport ? Int64(provenance.collection) : nil
    }
}
