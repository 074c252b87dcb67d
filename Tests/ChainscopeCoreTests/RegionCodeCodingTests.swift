import ChainscopeCore
import Foundation
import Testing

@Suite("Division codes in JSON")
struct RegionCodeCodingTests {
    @Test("A code is written as its six digits, and the object form older databases hold is still read")
    func codingForms() throws {
        let park = ["region": RegionCode(rawValue: "330106")!]
        #expect(String(decoding: try JSONEncoder().encode(park), as: UTF8.self) == #"{"region":"330106"}"#)
        let old = try JSONDecoder().decode(
            [String: RegionCode].self, from: Data(#"{"region":{"rawValue":"330106"}}"#.utf8))
        let new = try JSONDecoder().decode([String: RegionCode].self, from: Data(#"{"region":"330106"}"#.utf8))
        #expect(old == new)
        #expect(throws: DecodingError.self) {
            try JSONDecoder().decode([String: RegionCode].self, from: Data(#"{"region":"hangzhou"}"#.utf8))
        }
    }
}
