/// China's administrative divisions with their history: look-ups by code and name, and the resolution
/// of district names (old or current) to today's county-level divisions.
public struct RegionDirectory: Hashable, Sendable {
    public private(set) var regions: [RegionCode: Region]
    public private(set) var streets: [Street]
    public private(set) var changes: [RegionChange]
    // Indexes derived from the above, so look-ups done once per imported row stay cheap.
    private var streetsByCounty: [RegionCode: [Street]]
    private var codesByName: [String: [RegionCode]]
    private var codesByParent: [RegionCode: [RegionCode]]

    public init(regions: [Region] = [], streets: [Street] = [], changes: [RegionChange] = []) {
        self.regions = Dictionary(regions.map { ($0.code, $0) }, uniquingKeysWith: { _, last in last })
        self.streets = streets
        self.changes = changes
        self.streetsByCounty = Dictionary(grouping: streets, by: \.county)
        let all = self.regions.values.sorted { $0.code < $1.code }
        // Chinese and Korean names as written; English ones by `englishKey` (`Xihu District`, `xihu qu`, `XIHU`).
        let named = all.flatMap { region in
            [region.names.zh, region.names.ko].compactMap { $0 }.map { ($0, region.code) }
                + [region.names.en].compactMap { $0 }.map { (Self.englishKey($0), region.code) }
        }
        self.codesByName = Dictionary(grouping: named, by: \.0).mapValues { $0.map(\.1) }
        self.codesByParent = Dictionary(grouping: all.filter { $0.parent != nil }, by: { $0.parent! }).mapValues {
            $0.map(\.code)
        }
    }

    public var isEmpty: Bool { regions.isEmpty }

    /// Every region, ordered by code.
    public var sortedRegions: [Region] { regions.values.sorted { $0.code < $1.code } }

    public func region(_ code: RegionCode) -> Region? { regions[code] }

    /// The regions whose Chinese or Korean name is `name`, or whose English name it is in any case and with or
    /// without the word for its level, current ones first, then by code.
    public func regions(named name: String) -> [Region] {
        let codes = codesByName[name] ?? (name.utf8.allSatisfy { $0 < 0x80 } ? codesByName[Self.englishKey(name)] : nil)
        return (codes ?? []).compactMap { regions[$0] }.sorted {
            ($0.isCurrent ? 0 : 1, $0.code) < ($1.isCurrent ? 0 : 1, $1.code)
        }
    }

    /// The divisions directly below `code`, by code.
    public func children(of code: RegionCode) -> [Region] {
        (codesByParent[code] ?? []).compactMap { regions[$0] }
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

    /// An English name in lower case, letters and digits only, without a last word naming the level:
    /// `Lin'an District`, `linan qu` and `Linan` are all `linan`. Chinese names have no such key: they hold no
    /// ASCII letters.
    static func englishKey(_ name: String) -> String {
        var words = name.lowercased().split { !($0.isASCII && ($0.isLetter || $0.isNumber)) && $0 != "'" }
            .map { $0.filter { $0 != "'" } }
        if words.count > 1, let last = words.last, levelWords.contains(last) { words.removeLast() }
        return words.joined()
    }

    private static let levelWords: Set<String> = [
        "district", "dist", "county", "city", "province", "municipality", "qu", "xian", "shi", "sheng",
    ]
}
