import ChainscopeCore
import ChainscopeIngest
import ChainscopeReports

/// What the server reads often and changes rarely — the dataset, the division table, each language's
/// report — kept until a write through the server (an import, a re-classification, a fact edit) marks
/// it stale. Changes made by another process (a CLI import) show after `invalidate()` or a restart.
actor ServerState {
    let store: any Store
    let configuration: ServerConfiguration
    let taxonomies: [Taxonomy]
    private var generation = 0
    private var cachedDataset: (generation: Int, dataset: Dataset)?
    private var cachedRegions: (generation: Int, regions: RegionDirectory)?
    private var cachedReports: [String: (generation: Int, report: Report, html: String)] = [:]

    init(store: any Store, configuration: ServerConfiguration, taxonomies: [Taxonomy]) {
        self.store = store
        self.configuration = configuration
        self.taxonomies = taxonomies
    }

    func invalidate() { generation += 1 }

    /// The taxonomy with this id, or nil.
    nonisolated func taxonomy(_ id: String) -> Taxonomy? { taxonomies.first { $0.id == id } }

    /// The stored dataset, else the built-in one.
    func dataset() async throws -> Dataset {
        if let cached = cachedDataset, cached.generation == generation { return cached.dataset }
        let current = generation
        let dataset =
            try await store.dataset(id: configuration.datasetID)
            ?? DatasetReader().readBuiltin(configuration.datasetID)
        cachedDataset = (current, dataset)
        return dataset
    }

    /// The stored division table, else the built-in one.
    func regions() async throws -> RegionDirectory {
        if let cached = cachedRegions, cached.generation == generation { return cached.regions }
        let current = generation
        let stored = try await store.regionDirectory()
        let regions = stored.isEmpty ? try RegionTableReader().readBuiltin() : stored
        cachedRegions = (current, regions)
        return regions
    }

    /// The report in `language` over `taxonomy`, and its HTML page.
    func report(language: Language, taxonomy: Taxonomy) async throws -> (report: Report, html: String) {
        let key = "\(language.rawValue)/\(taxonomy.id)"
        if let cached = cachedReports[key], cached.generation == generation { return (cached.report, cached.html) }
        let current = generation
        let overview = Overview(dataset: try await dataset(), regions: try await regions(), language: language)
        let report = try await Report.load(from: store, overview: overview, taxonomy: taxonomy, asOf: nil)
        let html = report.html()
        cachedReports[key] = (current, report, html)
        return (report, html)
    }
}
