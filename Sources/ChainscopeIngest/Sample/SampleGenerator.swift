public import ChainscopeCore

/// One synthetic registry row and its ground truth.
public struct SampleRow: Sendable, Hashable {
    public var cells: [String]
    public var creditCode: String
    public var isAI: Bool
    /// The main layer of an AI company.
    public var layer: String?
    public var segments: [String]
    /// True for the few rows made to be quarantined (a bad date or check character).
    public var isFlawed: Bool
}

/// A deterministic generator of realistic Qichacha-style rows for Hangzhou: valid credit codes,
/// weighted districts (a few under their pre-2021 names), standard business-scope wording with
/// genuine AI items for every segment and decoys that only look like AI, and founding dates 2015–2022
/// in which January–October 2022 outgrows all of 2021. Every value is synthetic.
public struct SampleGenerator: Sendable {
    public static let header = [
        "公司名称", "登记状态", "法定代表人", "注册资本", "成立日期", "所属省份", "所属城市", "所属区县", "统一社会信用代码",
        "企业类型", "国标行业门类", "国标行业大类", "企业地址", "电话", "邮箱", "经营范围",
    ]
    public static let notice = RegistryImport.syntheticNotice

    let seed: UInt64
    let streets: [RegionCode: [String]]

    public init(seed: UInt64, regions: RegionDirectory) {
        self.seed = seed
        var streets: [RegionCode: [String]] = [:]
        for district in SampleVocabulary.districts {
            let code = RegionCode(rawValue: district.code)!
            streets[code] = regions.streets(in: code).map(\.name).filter { $0.hasSuffix("街道") || $0.hasSuffix("镇") }
        }
        self.streets = streets
    }

    /// Row `index` (0-based); the same seed and index always give the same row.
    public func row(_ index: Int) -> SampleRow {
        var random = SampleRandom(seed: SampleRandom.mix(seed &* 0xD1B5_4A32_D192_ED03 &+ UInt64(index)))
        let kindRoll = random.below(100)
        let kind: EntityKind = kindRoll < 4 ? .individualBusiness : kindRoll < 7 ? .branch : .company
        let roll = random.below(100)
        let isAI = kind != .individualBusiness && roll < 32
        let isDecoy = !isAI && kind != .individualBusiness && roll < 44
        let district = pickDistrict(&random)
        let code = creditCode(index, district: district.code, individual: kind == .individualBusiness)
        var segments: [(id: String, layer: String, item: String)] = []
        if isAI {
            for _ in 0..<(1 + random.below(3)) {
                let segment = SampleVocabulary.segments[random.below(SampleVocabulary.segments.count)]
                if !segments.contains(where: { $0.id == segment.id }) {
                    segments.append((segment.id, segment.layer, segment.items[random.below(segment.items.count)]))
                }
            }
            if segments.count > 1, let dataIndex = segments.firstIndex(where: { $0.id == "big_data" }), dataIndex == 0 {
                segments.append(segments.removeFirst())
            }
        }
        let name = companyName(&random, kind: kind, isAI: isAI, district: district.name)
        let scope = businessScope(&random, aiItems: segments.map(\.item), decoy: isDecoy, kind: kind)
        var founded = foundingDate(&random)
        var codeCell = code
        let isFlawed = random.below(250) == 0
        if isFlawed {
            if random.below(2) == 0 { founded = "\(2015 + random.below(8))-02-30" } else { codeCell = flipCheck(code) }
        }
        let districtName = districtCell(&random, district)
        let (section, division) = industry(isAI: isAI, segments.map(\.id))
        let cells = [
            name, status(&random, kind: kind), person(&random), capital(&random, kind: kind), founded, "浙江省", "杭州市",
            districtName, codeCell, companyType(kind), section, division,
            address(&random, district, shownAs: districtName), "0571-0000\(1000 + random.below(9000))",
            "info\(index)@example.com", scope,
        ]
        return SampleRow(
            cells: cells, creditCode: code, isAI: isAI, layer: mainLayer(segments, scope: scope),
            segments: segments.map(\.id), isFlawed: isFlawed)
    }

    /// The main layer by the chain definition: manufacturing outranks the rest, named technologies
    /// outrank generic AI software, the boilerplate data-processing item decides only when alone, and
    /// otherwise the item that comes first in the scope as written (items may be shuffled) wins.
    private func mainLayer(_ segments: [(id: String, layer: String, item: String)], scope: String) -> String? {
        func rank(_ segment: (id: String, layer: String, item: String)) -> (Int, Int, Int, Int) {
            (
                segment.item.includes("制造") ? 0 : 1, segment.item == SampleVocabulary.boilerplateDataItem ? 1 : 0,
                segment.id == "ai_software" ? 1 : 0, scope.byteOffset(of: segment.item) ?? .max
            )
        }
        return segments.min { rank($0) < rank($1) }?.layer
    }

    private func pickDistrict(_ random: inout SampleRandom) -> (name: String, code: String, weight: Int) {
        var roll = random.below(1000)
        for district in SampleVocabulary.districts {
            if roll < district.weight { return district }
            roll -= district.weight
        }
        return SampleVocabulary.districts[0]
    }

    /// Unique per index: the index, scrambled by a bijection modulo 31^8, written in the code's alphabet.
    private func creditCode(_ index: Int, district: String, individual: Bool) -> String {
        let alphabet = Array("0123456789ABCDEFGHJKLMNPQRTUWXY")
        let modulus: UInt64 = 852_891_037_441  // 31^8
        var value = (UInt64(index) &* 2_654_435_761 &+ seed % modulus) % modulus
        var body = ""
        for _ in 0..<8 {
            body = String(alphabet[Int(value % 31)]) + body
            value /= 31
        }
        return CreditCode.completing((individual ? "92" : "91") + district + body)!.value
    }

    private func flipCheck(_ code: String) -> String {
        String(code.dropLast()) + (code.last == "0" ? "1" : "0")
    }
}
