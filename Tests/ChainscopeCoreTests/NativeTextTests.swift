import ChainscopeCore
import Testing

@Suite("Byte-level text operations of the import's hot path")
struct NativeTextTests {
    @Test(
        "Texts have the same bytes only when every byte is equal, as strings and as substrings",
        arguments: [
            ("经营范围：软件开发", "经营范围：软件开发", true), ("经营范围：软件开发", "经营范围：软件开", false),
            ("软件开发a", "软件开发b", false), ("", "", true), ("", "a", false),
            // Canonically equivalent (`==` calls them equal), but not the same bytes: é composed and decomposed.
            ("caf\u{E9}", "cafe\u{301}", false),
        ])
    func sameBytes(one: String, other: String, expected: Bool) {
        #expect(one.hasSameBytes(as: other) == expected)
        #expect(other.hasSameBytes(as: one) == expected)
        // Substrings are compared by their bytes too.
        #expect(Substring(one).hasSameBytes(as: other[...]) == expected)
    }

    @Test(
        "A NUL character is found anywhere in a text, and only a NUL",
        arguments: [("杭州\0科技", true), ("\0", true), ("末尾\0", true), ("杭州科技", false), ("", false), ("0", false)])
    func nul(text: String, expected: Bool) {
        #expect(text.containsNUL == expected)
        #expect(text.dropFirst(0).containsNUL == expected)
    }

    @Test("Hexadecimal writes every byte as two lower-case digits, 0–9 then a–f")
    func hexadecimal() {
        // The gram tokens of the search index and the `\u00XX` escapes of raw rows are read back by these digits.
        #expect(Hexadecimal.string(of: "杭州 aZ\u{0}\u{7F}\u{FF}") == "e69dade5b79e20615a007fc3bf")
        var text = Array("x".utf8)
        Hexadecimal.append([0x00, 0x09, 0x0A, 0x0F, 0x10, 0x9F, 0xA0, 0xFF], to: &text)
        #expect(String(decoding: text, as: UTF8.self) == "x00090a0f109fa0ff")
    }
}
