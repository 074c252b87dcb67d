import ChainscopeCore
import Foundation

extension RegionRecord {
    init(_ region: Region) {
        self.init(
            code: region.code.rawValue, nameZh: region.names.zh, nameKo: region.names.ko, nameEn: region.names.en,
            level: region.level.rawValue, parent: region.parent?.rawValue, validFrom: region.validFrom?.description,
            validTo: region.validTo?.description, isCurrent: region.isCurrent, provenanceFile: region.provenance.file,
            provenanceLine: region.provenance.line)
    }

    func region() throws -> Region {
        func check<Value>(_ value: Value?, _ column: String, _ raw: String?) throws -> Value {
            try required(value, "region", code, column, raw: raw)
        }
        return Region(
            code: try check(RegionCode(rawValue: code), "code", code),
            names: LocalizedText(zh: nameZh, ko: nameKo, en: nameEn),
            level: try check(RegionLevel(rawValue: level), "level", level),
            parent: try parent.map { try check(RegionCode(rawValue: $0), "parent", $0) },
            validFrom: try validFrom.map { try check(CalendarDate(iso: $0), "valid_from", $0) },
            validTo: try validTo.map { try check(CalendarDate(iso: $0), "valid_to", $0) }, isCurrent: isCurrent,
            provenance: Provenance(kind: .reference, collection: "regions", file: provenanceFile, line: provenanceLine))
    }
}

extension RegionChangeRecord {
    init(_ change: RegionChange, position: Int) {
        self.init(
            position: position, region: change.region.rawValue, kind: change.kind.rawValue,
            date: change.date.description, successors: change.successors.map(\.rawValue), note: change.note)
    }

    func change() throws -> RegionChange {
        let key = "\(position)"
        return RegionChange(
            region: try required(RegionCode(rawValue: region), "region_change", key, "region", raw: region),
            kind: try required(RegionChange.Kind(rawValue: kind), "region_change", key, "kind", raw: kind),
            date: try required(CalendarDate(iso: date), "region_change", key, "date", raw: date),
            successors: try successors.map {
                try required(RegionCode(rawValue: $0), "region_change", key, "successors", raw: $0)
            },
            note: note)
    }
}

extension CompanyRecord {
    init(_ company: Company, raw: RawFields? = nil) {
        self.init(
            key: company.key.description, nameZh: company.names.zh, nameKo: company.names.ko, nameEn: company.names.en,
            creditCode: company.creditCode, registrationNumber: company.registrationNumber, kind: company.kind.rawValue,
            status: company.status?.rawValue, founded: company.founded?.description,
            capitalAmount: company.registeredCapital?.amount,
            capitalCurrency: company.registeredCapital?.currency.rawValue,
            capitalText: company.registeredCapitalText, region: company.region?.rawValue, address: company.address,
            businessScope: company.businessScope, industryCode: company.industryCode,
            industryName: company.industryName, raw: raw?.json, notes: company.notes,
            provenanceKind: company.provenance.kind.rawValue, provenanceCollection: company.provenance.collection,
            provenanceFile: company.provenance.file, provenanceLine: company.provenance.line)
    }

    func company() throws -> Company {
        func check<Value>(_ value: Value?, _ column: String, _ raw: String?) throws -> Value {
            try required(value, "company", key, column, raw: raw)
        }
        let capital = try capitalAmount.map {
            Money($0, Currency(rawValue: try check(capitalCurrency, "capital_currency", nil)))
        }
        return Company(
            key: try check(CompanyKey(key), "key", key), names: LocalizedText(zh: nameZh, ko: nameKo, en: nameEn),
            creditCode: creditCode, registrationNumber: registrationNumber,
            kind: try check(EntityKind(rawValue: kind), "kind", kind),
            status: try status.map { try check(RegistrationStatus(rawValue: $0), "status", $0) },
            founded: try founded.map { try check(CalendarDate(iso: $0), "founded", $0) }, registeredCapital: capital,
            registeredCapitalText: capitalText,
            region: try region.map { try check(RegionCode(rawValue: $0), "region", $0) },
            address: address, businessScope: businessScope, industryCode: industryCode, industryName: industryName,
            notes: notes,
            provenance: Provenance(
                kind: try check(Provenance.Kind(rawValue: provenanceKind), "provenance_kind", provenanceKind),
                collection: provenanceCollection, file: provenanceFile, line: provenanceLine))
    }
}
