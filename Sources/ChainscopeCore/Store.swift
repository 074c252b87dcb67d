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
}
