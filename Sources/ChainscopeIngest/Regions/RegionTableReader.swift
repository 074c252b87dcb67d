public import ChainscopeCore
import ChainscopeResources
public import Foundation

/// Reads the division tables (provinces, prefectures, counties as of 2022-10-31, counties as of
/// 2020-06-30, Zhejiang's streets) with the Korean and English names and the recorded changes.
public struct RegionTableReader: Sendable {
    public init() {}

    /// Reads the tables that ship with Chainscope.
    public func readBuiltin() throws(IngestError) -> RegionDirectory {
        try read(BuiltinResources.regions, displayRoot: "Resources/Regions")
    }

    public func read(_ folder: URL, displayRoot: String) throws(IngestError) -> RegionDirectory {
        func table(_ name: String, _ columns: [String]) throws(IngestError) -> ReferenceTable {
            try ReferenceTable(
                url: folder.appendingPathComponent(name), displayName: "\(displayRoot)/\(name)", columns: columns)
        }
        let names = try readNames(folder.appendingPathComponent("names.yaml"), displayName: "\(displayRoot)/names.yaml")
        let changes = try readChanges(
            folder.appendingPathComponent("changes.yaml"), displayName: "\(displayRoot)/changes.yaml")
        var regions: [RegionCode: Region] = [:]
        let levels: [(String, [String], RegionLevel, String?)] = [
            ("provinces.csv", ["code", "name"], .province, nil),
            ("cities.csv", ["code", "name", "provinceCode"], .prefecture, "provinceCode"),
            ("areas.csv", ["code", "name", "cityCode"], .county, "cityCode"),
            ("areas-2020.csv", ["code", "name", "cityCode"], .county, "cityCode"),
        ]
        for (file, columns, level, parentColumn) in levels {
            let current = file != "areas-2020.csv"
            for row in try table(file, columns).rows {
                let code = try Self.code(row.fields["code"], file: "\(displayRoot)/\(file)", line: row.line)
                guard regions[code] == nil else { continue }
                let parent = try parentColumn.map { (column: String) throws(IngestError) in
                    try Self.code(row.fields[column], file: "\(displayRoot)/\(file)", line: row.line)
                }
                var localized = names[code] ?? LocalizedText()
                localized.zh = row.fields["name"]
                regions[code] = Region(
                    code: code, names: localized, level: level, parent: parent, isCurrent: current,
                    provenance: Provenance(kind: .reference, collection: "regions", file: file, line: row.line))
            }
        }
        Self.applyValidity(changes, to: &regions)
        let streets = try table("streets-zhejiang.csv", ["code", "name", "areaCode"]).rows.map {
            (row: (line: Int, fields: [String: String])) throws(IngestError) in
            Street(
                code: row.fields["code"] ?? "", name: row.fields["name"] ?? "",
                county: try Self.code(
                    row.fields["areaCode"], file: "\(displayRoot)/streets-zhejiang.csv", line: row.line))
        }
        return RegionDirectory(regions: Array(regions.values), streets: streets, changes: changes)
    }

    private static func code(_ text: String?, file: String, line: Int) throws(IngestError) -> RegionCode {
        guard let text, let code = RegionCode(rawValue: text) else {
            throw IngestError(
                .malformedTable, at: .init(file: file, line: line), expected: "a division code", found: text)
        }
        return code
    }

    /// Abolished divisions end the day before their change; created ones start on it.
    private static func applyValidity(_ changes: [RegionChange], to regions: inout [RegionCode: Region]) {
        for change in changes {
            switch change.kind {
            case .abolished: regions[change.region]?.validTo = change.date.previousDay
            case .created: regions[change.region]?.validFrom = change.date
            case .reduced, .enlarged: break
            }
        }
    }

    private func readNames(_ url: URL, displayName: String) throws(IngestError) -> [RegionCode: LocalizedText] {
        var names: [RegionCode: LocalizedText] = [:]
        for (key, value) in try YAMLValue.load(url, displayName: displayName).entries() {
            guard let code = RegionCode(rawValue: key) else {
                throw value.error(.invalidValue, expected: "a division code as the key", found: "'\(key)'")
            }
            names[code] = try value.localized()
        }
        return names
    }

    private func readChanges(_ url: URL, displayName: String) throws(IngestError) -> [RegionChange] {
        let document = try YAMLValue.load(url, displayName: displayName)
        return try document.mapping(allowing: ["changes"]).required("changes").list().map {
            (item: YAMLValue) throws(IngestError) in
            let fields = try item.mapping(allowing: ["region", "kind", "date", "successors", "note"])
            return RegionChange(
                region: try fields.required("region").regionCode(),
                kind: try fields.required("kind").oneOf(RegionChange.Kind.self),
                date: try fields.required("date").date(),
                successors: try fields.optional("successors")?.list().map { (code: YAMLValue) throws(IngestError) in
                    try code.regionCode()
                } ?? [],
                note: try fields.optional("note")?.localized())
        }
    }
}
