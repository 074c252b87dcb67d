import Foundation

/// Resolves district names for the rows of an import, remembering what each name stands for: looking a
/// name up allocates and sorts, and an export names a few dozen districts a million times. Only the part
/// that the name decides is remembered; a split district's address and date are read for every row.
public final class DistrictMemo: @unchecked Sendable {
    private struct Key: Hashable {
        let name: String
        let city: RegionCode?
    }

    private let directory: RegionDirectory
    private let lock = NSLock()
    private var known: [Key: RegionDirectory.NamedDistrict] = [:]
    private var prefectures: [String: RegionCode?] = [:]

    public init(_ directory: RegionDirectory) { self.directory = directory }

    /// `RegionDirectory.resolveDistrict`, with the name's part remembered.
    public func resolveDistrict(
        _ name: String, address: String?, city: RegionCode?, on date: CalendarDate?
    ) -> DistrictResolution {
        let key = Key(name: name, city: city)
        if let district = lock.withLock({ known[key] }) {
            return directory.resolve(district, address: address, on: date)
        }
        let district = directory.district(named: name, in: city)
        lock.withLock { known[key] = district }
        return directory.resolve(district, address: address, on: date)
    }

    /// The prefecture-level city of that Chinese name.
    public func prefecture(named name: String) -> RegionCode? {
        if let known = lock.withLock({ prefectures[name] }) { return known }
        let code = directory.regions(named: name).first { $0.level == .prefecture }?.code
        lock.withLock { prefectures[name] = code }
        return code
    }
}
