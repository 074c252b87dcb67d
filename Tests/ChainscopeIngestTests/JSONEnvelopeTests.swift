import ChainscopeTestSupport
import Foundation
import Testing

@testable import ChainscopeIngest

@Suite("JSON responses too large to hold")
struct JSONEnvelopeTests {
    static let companyA = #"{"name":"杭州甲科技有限公司","creditCode":"913301100000000511","tags":["[x]",{"y":"}"}]}"#
    static let companyB = "{\n  \"name\": \"杭州乙\\\"{科技\",\n  \"creditCode\": \"9133010202YN7X068K\"\n}"

    /// Responses as data services write them, with scalars, facets and arrays of arrays around the companies.
    static let responses = [
        #"{"error_code":0,"reason":"ok","result":{"total":2,"items":["# + companyA + ",\n" + companyB + "]}}",
        #"{"Status":"200","Paging":{"PageSize":2},"Facets":[{"label":"存续","count":2}],"Result":["#
            + "\n" + companyA + ",\n" + companyB + "\n],\"Matrix\":[[1,2],[{\"a\":1}]]}\n",
        "{\"note\":{\"x\":[{\"k\":\"v\"}]}, \"data\": [{\"summary\": true},\n" + companyA + ",{\"other\":1}]}",
        #"{"error_code":0,"result":{"items":["# + companyA + "]}}\n" + #"{"error_code":0,"result":{"items":["#
            + companyB + "]}}\n",
        "[" + companyA + ",\n" + #"{"result":{"items":["# + companyB + "]}}]",
    ]

    static func rows(_ text: String, holdLimit: Int) throws -> [String] {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let url = folder.url.appendingPathComponent("response.json")
        try Data(text.utf8).write(to: url)
        var reader = JSONExportReader(url: url)
        reader.holdLimit = holdLimit
        var rows: [String] = []
        try reader.forEachRow { row in
            rows.append(
                "\(row.number) line \(row.line ?? 0): "
                    + zip(row.keys ?? [], row.cells).map { "\($0)=\($1)" }
                    .joined(separator: " "))
        }
        return rows
    }

    @Test(
        "A response too large to hold gives the same rows, on the same lines, as one read whole", arguments: responses)
    func sameRows(response: String) throws {
        let whole = try Self.rows(response, holdLimit: .max)
        #expect(whole.count == (response.contains("summary") ? 3 : 2))
        // Any company is held (the limit is far above any real one); the responses are not.
        #expect(try Self.rows(response, holdLimit: Self.largestCompany) == whole)
    }

    static let largestCompany = max(companyA.utf8.count, companyB.utf8.count)

    @Test("A large response's companies are handed on as they are read, before its end")
    func handedOnAsRead() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let url = folder.url.appendingPathComponent("response.json")
        try Data(Self.responses[0].dropLast(2).utf8).write(to: url)
        for (holdLimit, rowsBeforeError) in [(Int.max, 0), (Self.largestCompany, 2)] {
            var reader = JSONExportReader(url: url)
            reader.holdLimit = holdLimit
            var rows = 0
            let error = try #require(throws: IngestError.self) { try reader.forEachRow { _ in rows += 1 } }
            #expect(error.code == .malformedJSON && error.location.line == 1)
            #expect(rows == rowsBeforeError, "hold limit \(holdLimit)")
        }
    }

    static func cuts(_ text: String, holdLimit: Int, pieceSize: Int) throws -> [String] {
        let bytes = Array(text.utf8)
        var splitter = JSONRecordSplitter(holdLimit: holdLimit, envelopeLevels: JSONExportReader.envelopeLevels)
        var found: [String] = []
        var start = 0
        while start < bytes.count {
            let end = min(bytes.count, start + pieceSize)
            try splitter.feed(bytes[start..<end]) { (cut: JSONRecordSplitter.Cut) in
                switch cut {
                case .object(let object, let line):
                    found.append("object \(line): " + String(decoding: object, as: UTF8.self))
                case .element(let object, let line, let array, let levels):
                    found.append("element of \(array) \(line) \(levels): " + String(decoding: object, as: UTF8.self))
                case .arrayEnded(let array): found.append("end of \(array)")
                case .largeObjectEnded(let line): found.append("large object of line \(line) ended")
                }
            }
            start = end
        }
        try splitter.finish()
        return found
    }

    @Test("A large object's array elements come out whole, on their lines, however the text is cut into pieces")
    func elements() throws {
        let text = Self.responses[1] + #"{"a":1}"# + "\n"
        let whole = try Self.cuts(text, holdLimit: 40, pieceSize: .max)
        #expect(
            whole == [
                #"element of 1 1 2: {"label":"存续","count":2}"#, "end of 1", "element of 2 2 2: " + Self.companyA,
                "element of 2 3 2: " + Self.companyB, "end of 2", "end of 4", "end of 5", "end of 3",
                "large object of line 1 ended",
                #"object 8: {"a":1}"#,
            ])
        for size in 1...17 {
            #expect(try Self.cuts(text, holdLimit: 40, pieceSize: size) == whole, "pieces of \(size)")
        }
    }

    @Test("A large object left open fails at the end, naming the line it or its open element starts on")
    func openEnvelope() throws {
        for (text, line) in [
            (#"{"a":1,"# + "\n" + #""items":[{"x":1},"# + "\n" + #"{"y":"#, 3), ("\n{\"a\":[1,2,3]", 2),
        ] {
            let failure = try #require(throws: JSONRecordSplitter.Failure.self) {
                _ = try Self.cuts(text, holdLimit: 4, pieceSize: 3)
            }
            #expect(failure.line == line, "\(text)")
        }
    }

    @Test("Objects before a large response's first company are held only so far: past that the array is passed by")
    func heldSoFar() throws {
        let others = Array(repeating: #"{"k":1}"#, count: 3)
        let many = Array(repeating: #"{"k":1}"#, count: 1_001)
        func response(_ elements: [String]) -> String {
            #"{"result":{"items":["# + (elements + [Self.companyA]).joined(separator: ",") + "]}}"
        }
        #expect(try Self.rows(response(others), holdLimit: Self.largestCompany).count == 4)
        let rows = try Self.rows(response(many), holdLimit: Self.largestCompany)
        #expect(rows.count == 1 && rows[0].contains("杭州甲科技有限公司"))
    }

    @Test("A large object with no array of companies in it is refused, not read as none")
    func largeObjectWithoutArrays() throws {
        let text = #"{"0": "# + Self.companyA + #", "1": "# + Self.companyB + "}\n"
        #expect(try Self.rows(text, holdLimit: .max).count == 2)
        let error = try #require(throws: IngestError.self) { try Self.rows(text, holdLimit: Self.largestCompany) }
        #expect(error.code == .malformedJSON && error.location.line == 1)
        #expect(error.description.contains("with no array of companies in it"))
    }
}
