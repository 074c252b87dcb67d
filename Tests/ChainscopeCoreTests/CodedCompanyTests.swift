import ChainscopeCore
import Testing

@Suite("Rows without a credit code and the coded companies they may be")
struct CodedCompanyTests {
    static func row(_ name: String, region: String, number: String? = nil) -> CompanyRow {
        let company = Company(
            key: number.map { .registrationNumber($0) } ?? .name(name, region: RegionCode(rawValue: region)!),
            names: LocalizedText(zh: name), registrationNumber: number, region: RegionCode(rawValue: region),
            provenance: Provenance(kind: .registryImport, collection: "2", file: "list.csv"))
        return CompanyRow(company, raw: nil, classification: nil)
    }

    @Test(
        "A name is looked up by a rare trigram of it, else by its spellings",
        arguments: [
            ("杭州飞灵视觉技术有限公司", ["飞灵视"]), ("浙江大华技术股份有限公司", ["大华技"]), ("西湖区己小吃店", ["己小吃"]), ("杭州市余杭区何军理发店", ["何军理"]),
            ("杭州戊（中国）科技有限公司", ["杭州戊"]), ("阿里巴巴（中国）有限公司", ["阿里巴"]), ("杭州甲(乙)", ["杭州甲"]),
            ("Ant Group", ["Ant Group"]), ("甲乙（中国）", ["甲乙（中国）", "甲乙(中国)"]), ("AB", []),
        ])
    func probes(name: String, expected: [String]) {
        #expect(Self.row(name, region: "330106").nameProbes == expected)
    }

    @Test("The same company: its name however spelt, in the row's district or within its city, no other number")
    func sameCompany() {
        let listed = Self.row("杭州戊(中国)科技有限公司", region: "330100")
        #expect(listed.isSameCompany(name: "杭州戊（中国）科技有限公司", region: "330106", registrationNumber: nil))
        #expect(!listed.isSameCompany(name: "杭州戊（中国）科技有限公司", region: "330206", registrationNumber: nil))
        #expect(!listed.isSameCompany(name: "杭州戊（中国）智能科技有限公司", region: "330106", registrationNumber: nil))
        let district = Self.row("杭州甲科技有限公司", region: "330106", number: "330106000054321")
        #expect(district.isSameCompany(name: "杭州甲科技有限公司", region: "330106", registrationNumber: "330106000054321"))
        #expect(district.isSameCompany(name: "杭州甲科技有限公司", region: "330106", registrationNumber: nil))
        #expect(!district.isSameCompany(name: "杭州甲科技有限公司", region: "330108", registrationNumber: nil))
        #expect(!district.isSameCompany(name: "杭州甲科技有限公司", region: "330106", registrationNumber: "330106000099999"))
        // Identified by the stored company's code, the row keeps its district rather than its city.
        let identified = listed.identified(byCreditCode: "92330106MA2XXXXX0X", storedRegion: "330106")
        #expect(identified.key == "uscc:92330106MA2XXXXX0X")
        #expect(identified.values[CompanyRow.columns.firstIndex(of: "region")!] == "330106")
        #expect(identified.values[CompanyRow.columns.firstIndex(of: "kind")!] == "individual_business")
        #expect(!identified.isKeyedWithoutCode && listed.isKeyedWithoutCode)
    }
}
