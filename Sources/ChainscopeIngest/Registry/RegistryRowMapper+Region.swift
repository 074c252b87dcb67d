import ChainscopeCore
import Foundation

extension RegistryRowMapper {
    /// Today's county-level division from the district column, else a district named in the address,
    /// else the division where the company was registered (the credit code's, else the registration number's);
    /// the city when the district stays ambiguous.
    func location(_ row: RawRow, address: String?, creditCode: CreditCode?, registrationNumber: String?)
        -> RegionCode?
    {
        let registered =
            creditCode?.registrationRegion ?? registrationNumber.flatMap(RegistrationNumber.registrationRegion(of:))
        let city = cityCode(row, registered: registered)
        if let district = value(.district, in: row) ?? value(.region, in: row),
            let code = districts.resolveDistrict(district, address: address, city: city, on: snapshotDate).code
        {
            return code
        }
        if let address, let city, let named = districtNamed(in: address, city: city),
            let code = districts.resolveDistrict(named, address: address, city: city, on: snapshotDate).code
        {
            return code
        }
        if let registered, registered.level == .county,
            regions.region(registered)?.isCurrent == true
        {
            return registered
        }
        return city
    }

    /// The prefecture from the city column, else from the registration region.
    private func cityCode(_ row: RawRow, registered: RegionCode?) -> RegionCode? {
        if let name = value(.city, in: row), let city = districts.prefecture(named: name) { return city }
        return registered?.prefecture
    }

    /// The first county-level name of `city` (current or former) that the address contains: its Chinese name,
    /// or in an address written in English (`No. 12 Wensan Road, Xihu District`) its English name.
    private func districtNamed(in address: String, city: RegionCode) -> String? {
        let isEnglish = address.utf8.allSatisfy { $0 < 0x80 }
        return regions.children(of: city)
            .compactMap { region -> (String, String.Index)? in
                guard let name = isEnglish ? region.names.en : region.names.zh,
                    let range = isEnglish
                        ? address.range(of: name, options: .caseInsensitive) : address.firstRange(of: name)
                else { return nil }
                return (name, range.lowerBound)
            }
            .min { $0.1 < $1.1 }?.0
    }
}
