import ChainscopeCore
import ChainscopeSQLite
import Testing

extension RegistryImportTests {
    @Test("Without a credit code, a 15-digit registration number gives the city an ambiguous district is looked up in")
    func registrationNumberRegions() async throws {
        // 西湖区 and 鼓楼区 are names of districts in several cities; the file has no city column.
        let result = try await run(
            csv([
                "企业名称,注册号,所属区县,企业地址",
                "杭州甲有限公司,330106000012345,西湖区,",
                "杭州乙有限公司,330102000012346,,杭州市滨江区长河街道1号",
                "杭州丙有限公司,330110000012347,,",
                "杭州丁有限公司,330103000012348,,",
                "杭州戊有限公司,330100000012349,鼓楼区,",
                "杭州己有限公司,3301062001234,西湖区,",
            ]))
        let regions = Dictionary(
            uniqueKeysWithValues: try await result.store.registryCompanies().map {
                ($0.registrationNumber ?? "", $0.region?.rawValue)
            })
        #expect(regions["330106000012345"] == "330106")
        #expect(regions["330102000012346"] == "330108")  // the address's district, not the registering one's
        #expect(regions["330110000012347"] == "330110")
        #expect(regions["330103000012348"] == "330100")  // 下城区, merged in 2021: its city only
        #expect(regions["330100000012349"] == "330100")  // 杭州 has no 鼓楼区
        #expect(regions["3301062001234"] == .some(nil))  // an older form, whose digits are not known to be a region
    }
}
