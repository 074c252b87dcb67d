import Foundation

/// What a district name (with an address) means today.
public enum DistrictResolution: Hashable, Sendable {
    /// One current county-level division, and the rule that decided it.
    case resolved(RegionCode, rule: DistrictRule)
    /// The name could mean any of these current divisions; the address named no street that decides.
    case ambiguous(candidates: [RegionCode], district: RegionCode)
    /// No division of that name is known (within the given city, when one was given).
    case unknown(String)

    /// The current division, when the resolution found exactly one.
    public var code: RegionCode? {
        if case .resolved(let code, _) = self { return code }
        return nil
    }
}

/// Why a district name resolved to the division it did.
public enum DistrictRule: Hashable, Sendable {
    /// The name is a current division and nothing in the address contradicts it.
    case current
    /// The division was abolished and all of its area went to one successor (下城区 → 拱墅区).
    case soleSuccessor(from: RegionCode)
    /// The division was split; the street named in the address lies in this successor today.
    case street(Street, from: RegionCode)
}

extension RegionDirectory {
    /// Resolves a county-level name such as `江干区` to today's division.
    ///
    /// - Parameters:
    ///   - name: the district as written (`江干区`, `杭州市江干区`), or a six-digit code.
    ///   - address: the address, searched for a street (街道, 镇, 乡) that decides a split district.
    ///   - city: the prefecture to look in; without it a name found in several prefectures is unknown.
    ///   - date: the day the name was current; for a district that continues after losing area
    ///     (余杭区 after 2021), a date on or after the change means the reduced district itself.
    public func resolveDistrict(
        _ name: String, address: String? = nil, city: RegionCode? = nil, on date: CalendarDate? = nil
    ) -> DistrictResolution {
        resolve(district(named: name, in: city), address: address, on: date)
    }

    /// What a district name stands for before any address or date is read (see `DistrictMemo`).
    enum NamedDistrict: Sendable {
        case settled(DistrictResolution)
        /// A division that lost area to `candidates`: the address or the date decides.
        case split(Region, RegionChange, candidates: [RegionCode])
    }

    func district(named name: String, in city: RegionCode?) -> NamedDistrict {
        guard let region = county(named: name, in: city) else { return .settled(.unknown(name)) }
        let splits = changes(of: region.code).filter { $0.kind == .abolished || $0.kind == .reduced }
        guard let change = splits.last else {
            return .settled(region.isCurrent ? .resolved(region.code, rule: .current) : .unknown(name))
        }
        let candidates = change.successors.sorted()
        if change.kind == .abolished, candidates.count == 1 {
            return .settled(.resolved(candidates[0], rule: .soleSuccessor(from: region.code)))
        }
        return .split(region, change, candidates: candidates)
    }

    func resolve(_ district: NamedDistrict, address: String?, on date: CalendarDate?) -> DistrictResolution {
        switch district {
        case .settled(let resolution): resolution
        case .split(let region, let change, let candidates):
            split(region, change, candidates: candidates, address: address, on: date)
        }
    }

    /// A district that lost area: the street in the address decides, else the date, else it stays open.
    private func split(
        _ region: Region, _ change: RegionChange, candidates: [RegionCode], address: String?, on date: CalendarDate?
    ) -> DistrictResolution {
        if let street = decidingStreet(in: address, among: candidates) {
            if street.county == region.code, change.kind == .reduced {
                return .resolved(region.code, rule: .current)
            }
            return .resolved(street.county, rule: .street(street, from: region.code))
        }
        if change.kind == .reduced, let date, date >= change.date {
            return .resolved(region.code, rule: .current)
        }
        return .ambiguous(candidates: candidates, district: region.code)
    }

    /// The county-level region a written name or code stands for, within `city` when given.
    func county(named written: String, in city: RegionCode?) -> Region? {
        let trimmed = written.trimmed
        if let code = RegionCode(rawValue: trimmed), code.level == .county { return regions[code] }
        let exact = regions(named: trimmed).filter { $0.level == .county && (city == nil || $0.parent == city) }
        if exact.count == 1 { return exact[0] }
        guard exact.isEmpty, trimmed.count > 3 else { return nil }
        // A name written with its province and city, such as 浙江省杭州市江干区.
        let candidates = (city.map { children(of: $0) } ?? Array(regions.values)).filter { region in
            guard region.level == .county, let zh = region.names.zh else { return false }
            return trimmed.hasSuffix(zh) && isPrefixOfAncestors(trimmed.dropLast(zh.count), region)
        }
        return candidates.count == 1 ? candidates[0] : nil
    }

    /// Whether `prefix` is made of the region's province and prefecture names (`浙江省杭州市`).
    private func isPrefixOfAncestors(_ prefix: Substring, _ region: Region) -> Bool {
        var rest = prefix
        for ancestor in [region.code.province, region.code.prefecture].compactMap({ $0 }) {
            if let zh = regions[ancestor]?.names.zh, rest.hasPrefix(zh) { rest = rest.dropFirst(zh.count) }
        }
        return rest.isEmpty
    }

    /// The one street named in `address` among the candidates' streets; nil when none or several
    /// candidates match.
    private func decidingStreet(in address: String?, among candidates: [RegionCode]) -> Street? {
        guard let address, !address.isEmpty else { return nil }
        let found = candidates.flatMap { streets(in: $0) }.filter { address.includes($0.name) }
        let counties = Set(found.map(\.county))
        guard counties.count == 1 else { return nil }
        return found.max { $0.name.count < $1.name.count }
    }
}
