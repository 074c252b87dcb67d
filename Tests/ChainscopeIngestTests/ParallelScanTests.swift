import ChainscopeCore
import ChainscopeTestSupport
import Foundation
import Testing

@testable import ChainscopeIngest

@Suite("Scanning an export on several threads")
struct ParallelScanTests {
    /// Random CSV text with the awkward parts of real exports: quoted delimiters, doubled quotes,
    /// line breaks inside quotes, CRLF, blank lines, empty fields, CJK and Excel's text formulas (`="…"`).
    static func messyCSV(seed: UInt64, rows: Int, strayQuotes: Bool = false) -> String {
        var random = SeededRandom(seed: seed)
        let words = ["杭州", "人工智能", "软件开发", "AI", "x", "", " ", "机器人、销售", "智能（除依法须经批准的项目外）"]
        var text = ""
        for _ in 0..<rows {
            if Int.random(in: 0..<20, using: &random) == 0 { text += "\n" }
            let cells = (0..<Int.random(in: 1...6, using: &random)).map { _ -> String in
                let word = (0..<Int.random(in: 0...3, using: &random)).map { _ in words.randomElement(using: &random)! }
                    .joined()
                switch Int.random(in: 0..<10, using: &random) {
                case 0: return "\"\(word),\(word)\""
                case 1: return "\"\(word)\"\"引号\"\"\""
                case 2: return "\"\(word)\n第二行\""
                case 3 where strayQuotes: return "x\(word)\"stray"
                case 4: return "=\"\(word)\""  // Excel's text formula, bare or quoted
                case 5: return "\"=\"\"\(word)\"\"\""
                default: return word
                }
            }
            text += cells.joined(separator: ",") + (Bool.random(using: &random) ? "\n" : "\r\n")
        }
        return text
    }

    static func rowsByCSVParser(_ bytes: [UInt8]) throws -> [[String]] {
        var parser = CSVParser(file: "t.csv")
        var rows: [[String]] = []
        try parser.consume(bytes) { rows.append($0.cells) }
        try parser.finish { rows.append($0.cells) }
        return rows
    }

    static func rowsByChunkParser(_ bytes: [UInt8], isLast: Bool = true) throws(CSVChunkParser.Problem) -> [[String]] {
        var parser = CSVChunkParser(delimiter: 0x2C, validates: true)
        var rows: [[String]] = []
        let scratch = ByteScratch()
        _ = try bytes.withUnsafeBufferPointer { buffer throws(CSVChunkParser.Problem) in
            try parser.parse(buffer, isLast: isLast) { fields in
                guard !ScanPlan.isBlank(fields, in: buffer, scratch: scratch) else { return }
                rows.append(
                    fields.map {
                        String(decoding: CSVChunkParser.content(of: $0, in: buffer, scratch: scratch), as: UTF8.self)
                    })
            }
        }
        return rows
    }

    @Test("The piece parser reads records exactly as the one-pass CSV parser does", arguments: 0..<20)
    func parserAgrees(seed: UInt64) throws {
        let bytes = Array(Self.messyCSV(seed: seed, rows: 200, strayQuotes: seed % 2 == 0).utf8)
        let expected = try Self.rowsByCSVParser(bytes)
        #expect(expected.count > 150)
        #expect(try Self.rowsByChunkParser(bytes) == expected)
    }

    @Test("Pieces end at record ends, never inside a quoted line break, and together are the whole file")
    func piecesAreWholeRecords() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let text = Self.messyCSV(seed: 7, rows: 3_000)
        let url = folder.url.appendingPathComponent("m.csv")
        try text.write(to: url, atomically: true, encoding: .utf8)
        var chunks = try RecordChunks(TextExport(url: url), pieceSize: 97)
        var pieces: [RecordChunks.Chunk] = []
        while let chunk = try chunks.next() { pieces.append(chunk) }
        #expect(pieces.count > 100)
        #expect(pieces.flatMap(\.bytes) == Array(text.utf8))
        #expect(pieces.map(\.index) == Array(0..<pieces.count))
        #expect(pieces.map(\.isLast) == Array(repeating: false, count: pieces.count - 1) + [true])
        var rows: [[String]] = []
        for piece in pieces { rows += try Self.rowsByChunkParser(piece.bytes, isLast: piece.isLast) }
        #expect(rows == (try Self.rowsByCSVParser(Array(text.utf8))))
    }

    static func sample(rows: Int, in folder: TemporaryFolder, encoding: TextEncoding = .utf8) throws -> URL {
        let url = folder.url.appendingPathComponent("sample-\(encoding).csv")
        let generator = SampleGenerator(seed: 5, regions: try RegistryImportTests.regions.get())
        _ = try SampleWriter(generator: generator).write(rows: rows, to: url, encoding: encoding)
        return url
    }

    static var scan: RegistryScan {
        get throws {
            var scan = RegistryScan(classifier: Classifier(try TaxonomyReader().read(named: "ai")))
            scan.pieceSize = 4_096
            return scan
        }
    }

    @Test("A parallel scan counts exactly what a one-pass scan counts, in UTF-8 and GB18030")
    func sameCounts() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let scan = try Self.scan
        let url = try Self.sample(rows: 2_000, in: folder)
        let expected = try scan.runInOnePass(url)
        #expect(expected.rowsRead == 2_000 && expected.members > 300)
        #expect(try scan.runInParallel(TextExport(url: url)) == expected)
        #expect(try scan.run(url) == expected)
        let gb18030 = try Self.sample(rows: 2_000, in: folder, encoding: .gb18030)
        #expect(try scan.runInParallel(TextExport(url: gb18030)) == expected)
    }

    @Test("A file whose quotes cannot be paired piece by piece is scanned in one pass, with the same counts")
    func strayQuoteFallsBack() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let sample = try String(contentsOf: try Self.sample(rows: 300, in: folder), encoding: .utf8)
        var lines = sample.components(separatedBy: "\r\n")
        // One stray quote in an unquoted name (past the first piece, which holds about 120 rows), then a
        // quoted scope with a line break: the quotes before that break are even, yet it is inside quotes.
        lines[150] = lines[150].replacingOccurrences(of: "有限公司", with: "有限\"公司")
        let quoted = try #require((250..<290).first { !lines[$0].contains("\"") })
        let comma = try #require(lines[quoted].lastIndex(of: ","))
        lines[quoted] = lines[quoted][...comma] + "\"" + lines[quoted][lines[quoted].index(after: comma)...] + "\n（续）\""
        let url = folder.url.appendingPathComponent("stray.csv")
        try lines.joined(separator: "\r\n").write(to: url, atomically: true, encoding: .utf8)
        var scan = try Self.scan
        scan.pieceSize = 512
        let expected = try scan.runInOnePass(url)
        #expect(throws: RecordChunks.Unaligned.self) { try scan.runInParallel(TextExport(url: url)) }
        #expect(try scan.run(url) == expected)
    }

    @Test(
        "Bad bytes, an unclosed quote and a file cut inside a character are told at their line, as one pass tells them",
        arguments: ["bad byte", "replacement character", "unclosed quote", "cut character"])
    func errorsNameTheLine(kind: String) throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let sample = try Data(contentsOf: try Self.sample(rows: 1_500, in: folder))
        var lines = sample.split(separator: 0x0A, omittingEmptySubsequences: false).map { [UInt8]($0) }
        // Line 1 is the sample notice, line 2 the header; the file ends with a line break.
        let line = kind == "unclosed quote" || kind == "cut character" ? lines.count - 1 : 1_234
        switch kind {
        case "bad byte": lines[line - 1].insert(0xFF, at: 40)
        case "replacement character": lines[line - 1].insert(contentsOf: "\u{FFFD}".utf8, at: 40)
        case "cut character": break
        default: lines[line - 1].insert(contentsOf: "x,\"".utf8, at: 0)
        }
        var bytes = Array(lines.joined(separator: [0x0A]))
        if kind == "cut character" {
            // The file stops inside a character of a last line without a line break.
            while bytes.last == 0x0A || bytes.last == 0x0D { bytes.removeLast() }
            bytes += "杭州".utf8.dropLast()
        }
        let url = folder.url.appendingPathComponent("bad.csv")
        try Data(bytes).write(to: url)
        let scan = try Self.scan
        let parallel = #expect(throws: IngestError.self) { try scan.runInParallel(TextExport(url: url)) }
        let onePass = #expect(throws: IngestError.self) { try scan.runInOnePass(url) }
        #expect(parallel?.location.line == line, "\(String(describing: parallel))")
        if kind == "cut character" { #expect(parallel?.refusal == .truncatedCharacter(.utf8)) }
        #expect(parallel?.description == onePass?.description)
    }

    @Test("A folder or a file without a data row is refused by scan as import refuses it, not counted as 0 of 0 rows")
    func scanWithoutRows() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let cases: [(String, FileRefusal, line: Int?)] = [
            ("", .empty, nil), ("\n \n", .noRows, nil), ("合成样本数据\n\(header)\n\n", .noDataRows(sheets: []), 2),
        ]
        for (text, refusal, line) in cases {
            let url = folder.url.appendingPathComponent("export.csv")
            try Data(text.utf8).write(to: url)
            let error = try #require(throws: IngestError.self) { try Self.scan.run(url) }
            #expect(error.refusal == refusal && error.location.line == line, "\(error)")
        }
        // A folder is one, not "a file named ." (its extension).
        let error = try #require(throws: IngestError.self) { try Self.scan.run(folder.url) }
        #expect(error.refusal == .folder, "\(error)")
        // Read as text, a folder fails as the system says, rather than reading as no rows.
        let read = try #require(throws: IngestError.self) {
            try CSVReader(url: folder.url, displayName: "f").forEachRow({ _ in }, bytesRead: { _ in })
        }
        #expect(read.refusal == .unreadable(reason: "Is a directory"), "\(read)")
    }

    @Test("A workbook (its sheets in turn, one without a header skipped) and JSON lines scan as the same rows in CSV")
    func workbooksAndJSON() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let scan = try Self.scan
        let url = try Self.sample(rows: 600, in: folder)
        let expected = try scan.run(url)
        #expect(expected.rowsRead == 600 && expected.members > 100)
        // The sample's first row is its synthetic notice, the second its header.
        let rows = try Self.rowsByCSVParser(Array(try Data(contentsOf: url)))
        let (header, data) = (rows[1], Array(rows[2...]))
        // Saved under .csv, a workbook is still read as one.
        let workbook = folder.url.appendingPathComponent("export.csv")
        try XLSXBuilder.write(
            [
                ("说明", [["导出说明"], ["共 600 家"]]), ("企业列表", [rows[0], header] + data[..<250]),
                ("分支机构", [header] + data[250...]),
            ], to: workbook)
        #expect(try scan.run(workbook) == expected)
        // JSON writers leave out the keys of empty values.
        var lines = Data()
        for cells in data {
            let object = Dictionary(uniqueKeysWithValues: zip(header, cells).filter { !$0.1.isEmpty })
            lines += try JSONSerialization.data(withJSONObject: object) + Data("\n".utf8)
        }
        let json = folder.url.appendingPathComponent("export.jsonl")
        try lines.write(to: json)
        #expect(try scan.run(json) == expected)
        // Refused as import refuses them: no sheet with a header; a header and no rows.
        let noHeader = folder.url.appendingPathComponent("notes.xlsx")
        try XLSXBuilder.write([("说明", [["导出说明"]])], to: noHeader)
        let headerOnly = folder.url.appendingPathComponent("header.xlsx")
        try XLSXBuilder.write([("企业列表", [header])], to: headerOnly)
        for (file, refusal) in [
            (noHeader, FileRefusal.noSheetWithLayout(sheets: ["'说明'"])),
            (headerOnly, .noDataRows(sheets: ["企业列表"])),
        ] {
            let error = try #require(throws: IngestError.self) { try scan.run(file) }
            #expect(error.refusal == refusal, "\(error)")
        }
    }
}
