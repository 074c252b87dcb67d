import Foundation
import Testing

@testable import ChainscopeIngest

@Suite("UTF-8 validation of export bytes")
struct UTF8ValidationTests {
    @Test("The byte validator agrees with the standard library on random and tricky bytes")
    func agreesWithStandardLibrary() {
        var state: UInt64 = 42
        func next() -> UInt8 {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return UInt8(truncatingIfNeeded: state >> 33)
        }
        var cases: [[UInt8]] = [
            Array("杭州人工智能 AI ✓ 𝄞".utf8), [0xC0, 0x80], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80],
            [0xE0, 0x9F, 0xBF], [0xF0, 0x8F, 0xBF, 0xBF], [0xE6, 0x9D], [0xEF, 0xBF, 0xBD],
        ]
        for length in 1...12 {
            for _ in 0..<2_000 { cases.append((0..<length).map { _ in next() }) }
        }
        let chinese = Array("统一社会信用代码".utf8)
        for _ in 0..<2_000 {
            var bytes = chinese
            bytes[Int(next()) % bytes.count] = next()
            cases.append(bytes)
        }
        for bytes in cases {
            #expect(DecodedChunks.isValidUTF8(bytes) == (String(validating: bytes, as: UTF8.self) != nil), "\(bytes)")
        }
    }

    @Test("U+FFFD is found by its bytes")
    func replacementCharacter() {
        #expect(DecodedChunks.replacementCharacterOffset(Array("ab\u{FFFD}".utf8)) == 2)
        #expect(DecodedChunks.replacementCharacterOffset(Array("杭州".utf8)) == nil)
    }
}
