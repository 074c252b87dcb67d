import ChainscopeCore
import ChainscopeIngest
import ChainscopeReports
import Testing

@Suite("A company's explanation")
struct ExplanationTests {
    @Test("A company without a business scope is explained without quoting an item it does not have")
    func emptyScope() throws {
        let taxonomy = try TaxonomyReader().read(named: "ai")
        let company = Company(
            key: .creditCode("91330000733796106P"), names: LocalizedText(zh: "杭州海康威视数字技术股份有限公司"),
            creditCode: "91330000733796106P", industryName: "计算机、通信和其他电子设备制造业",
            provenance: Provenance(kind: .registryImport, collection: "1", file: "a.csv"))
        let classification = Classifier(taxonomy).classification(of: company)
        let lines = [
            Language.ko: "[경영범위]: 경영범위가 비어", .zh: "[经营范围]: 经营范围为空", .en: "[scope]: the business scope is empty",
        ]
        for (language, line) in lines {
            let text = Explanation(
                company: company, classification: classification, taxonomy: taxonomy, language: language
            )
            .text
            #expect(text.contains(line) && !text.contains("«»"), "\(text)")
        }
    }
}
