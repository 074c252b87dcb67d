import Foundation
import Testing

@testable import ChainscopeIngest

@Suite("JSON record splitter")
struct JSONRecordSplitterTests {
    /// Objects with strings holding brackets, quotes, escapes and line breaks, nested values, a pretty-printed one.
    static let objects = [
        #"{"name":"杭州{甲}科技","scope":"a \"quoted\" [b]\\","size":"5\" {screen","tags":["x",{"y":"}"}]}"#,
        "{\n  \"name\": \"杭州乙\",\n  \"n\": 1\n}",
        #"{}"#,
    ]

    static func records(_ text: String, pieceSize: Int) throws -> [String] {
        let bytes = Array(text.utf8)
        var splitter = JSONRecordSplitter()
        var found: [String] = []
        var start = 0
        while start < bytes.count {
            let end = min(bytes.count, start + pieceSize)
            try splitter.feed(bytes[start..<end]) { found.append("\($1): " + String(decoding: $0, as: UTF8.self)) }
            start = end
        }
        try splitter.finish()
        return found
    }

    @Test(
        "Objects come out whole and on their first line, however the text is cut into pieces",
        arguments: ["\n", ",\n", " , "])
    func pieces(separator: String) throws {
        let text = "[" + Self.objects.joined(separator: separator) + "]\n"
        let whole = try Self.records(text, pieceSize: .max)
        let lines = [1, 1 + separator.count { $0 == "\n" }, 4 + 2 * separator.count { $0 == "\n" }]
        #expect(whole == zip(lines, Self.objects).map { "\($0): \($1)" })
        for size in 1...17 { #expect(try Self.records(text, pieceSize: size) == whole, "pieces of \(size)") }
        let lineByLine = Self.objects.joined(separator: separator.contains("\n") ? "\n" : " ")
        #expect(try Self.records(lineByLine, pieceSize: 3).count == 3)
    }

    @Test("Text that is not objects fails at its line; an object or array left open fails at the end")
    func failures() throws {
        for (text, line) in [("{}\nnull", 2), ("[{}, 1]", 1), ("[{}\n,{\"a\":\n", 2), ("[{}\n", 2)] {
            let failure = try #require(throws: JSONRecordSplitter.Failure.self) {
                _ = try Self.records(text, pieceSize: 2)
            }
            #expect(failure.line == line, "\(text)")
        }
    }
}
