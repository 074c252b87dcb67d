import ChainscopeCore
import ChainscopeIngest
import ChainscopeReports
import NIOCore

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
    private var cachedReports: [String: (generation: Int, report: Report, html: String, body: String)] = [:]
    private var cachedCounts: [String: (generation: Int, counts: MemberCounts)] = [:]
    private var cachedIndicators: [String: (generation: Int, json: ByteBuffer)] = [:]
    /// Counts are kept for this many (taxonomy, as-of) pairs; the oldest go first.
    static let countsKept = 32

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

    /// The report in `language` over `taxonomy`: the report, its HTML page and the page's heading and
    /// sections for the dashboard to frame.
    func report(language: Language, taxonomy: Taxonomy) async throws -> (report: Report, html: String, body: String) {
        let key = "\(language.rawValue)/\(taxonomy.id)"
        if let cached = cachedReports[key], cached.generation == generation {
            return (cached.report, cached.html, cached.body)
        }
        let current = generation
        let overview = Overview(dataset: try await dataset(), regions: try await regions(), language: language)
        let report = try await Report.load(from: store, overview: overview, taxonomy: taxonomy, asOf: nil)
        let document = report.document()
        let renderer = HTMLRenderer()
        let body = renderer.heading(document) + renderer.sections(document)
        let html = renderer.render(document)
        cachedReports[key] = (current, report, html, body)
        return (report, html, body)
    }

    /// The member counts of `taxonomy` as of a day (see `Store.memberCounts`).
    func memberCounts(taxonomy: Taxonomy, asOf: CalendarDate?) async throws -> MemberCounts {
        let key = "\(taxonomy.id)/\(asOf?.description ?? "")"
        if let cached = cachedCounts[key], cached.generation == generation { return cached.counts }
        let current = generation
        let counts = try await store.memberCounts(taxonomy: taxonomy, asOf: asOf)
        if cachedCounts.count >= Self.countsKept { cachedCounts.removeAll() }
        cachedCounts[key] = (current, counts)
        return counts
    }

    /// `/api/v1/indicators` as JSON: the rankings and series are worked out and encoded once per counts.
    func indicatorsJSON(taxonomy: Taxonomy, asOf: CalendarDate?) async throws -> ByteBuffer {
        let key = "\(taxonomy.id)/\(asOf?.description ?? "")"
        if let cached = cachedIndicators[key], cached.generation == generation { return cached.json }
        let current = generation
        let json = JSONBody.buffer(IndicatorsBody(try await memberCounts(taxonomy: taxonomy, asOf: asOf)))
        if cachedIndicators.count >= Self.countsKept { cachedIndicators.removeAll() }
        cachedIndicators[key] = (current, json)
        return json
    }
}
