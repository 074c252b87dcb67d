/// China's administrative divisions with their history: look-ups by code and name, and the resolution
/// of district names (old or current) to today's county-level divisions.
public struct RegionDirectory: Hashable, Sendable {
    public private(set) var regions: [RegionCode: Region]
    public private(set) var streets: [Street]
    public private(set) var changes: [RegionChange]
    private var streetsByCounty: [RegionCode: [Street]]

    public init(regions: [Region] = [], streets: [Street] = [], changes: [RegionChange] = []) {
        self.regions = Dictionary(regions.map { ($0.code, $0) }, uniquingKeysWith: { _, last in last })
        self.streets = streets
        self.changes = changes
        self.streetsByCounty = Dictionary(grouping: streets, by: \.county)
    }

    public var isEmpty: Bool { regions.isEmpty }

    /// Every region, ordered by code.
    public var sortedRegions: [Region] { regions.values.sorted { $0.code < $1.code } }

    public func region(_ code: RegionCode) -> Region? { regions[code] }

    /// The regions whose Chinese name is `name`, current ones first, then by code.
    public func regions(named name: String) -> [Region] {
        regions.values.filter { $0.names.zh == name }.sorted {
            ($0.isCurrent ? 0 : 1, $0.code) < ($1.isCurrent ? 0 : 1, $1.code)
        }
    }

    /// The divisions directly below `code`.
    public func children(of code: RegionCode) -> [Region] {
        regions.values.filter { $0.parent == code }.sorted { $0.code < $1.code }
    }

    /// The streets (街道, 镇, 乡) a county-level division holds today.
    public func streets(in county: RegionCode) -> [Street] { streetsByCounty[county] ?? [] }

    /// The recorded changes to `code`, oldest first.
    public func changes(of code: RegionCode) -> [RegionChange] {
        changes.filter { $0.region == code }.sorted { $0.date < $1.date }
    }

    /// The name in `language`, falling back to the Chinese name.
    public func name(of code: RegionCode, in language: Language) -> String {
        regions[code]?.names.text(in: language) ?? code.rawValue
    }
}
