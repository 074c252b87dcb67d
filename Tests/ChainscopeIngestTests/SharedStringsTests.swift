import ChainscopeTestSupport
import Foundation
import Testing

@testable import ChainscopeIngest

@Suite("XLSX shared strings")
struct SharedStringsTests {
    /// Strings of every length from none to several blocks, CJK and ASCII, some written in several runs as rich text
    /// is, more of them than one group of ends holds.
    static func table(count: Int, seed: UInt64) -> [[String]] {
        var random = SeededRandom(seed: seed)
        let pieces = ["杭州", "智能", "a", "机器人有限公司", "&", " ", "9133010", "é", "😀"]
        return (0..<count).map { _ in
            (0..<Int.random(in: 1...3, using: &random)).map { _ in
                let length = Int.random(in: 0...(Int.random(in: 0...9, using: &random) == 0 ? 60 : 6), using: &random)
                return (0..<length).map { _ in pieces.randomElement(using: &random)! }.joined()
            }
        }
    }

    @Test(
        "Strings past the memory limit are read back from the file, in order and out of it, wherever they lie",
        arguments: [(1 << 30, 64), (0, 7), (100, 16), (5_000, 64), (40_000, 1 << 16)])
    func spilledStrings(memoryLimit: Int, blockSize: Int) throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let runs = Self.table(count: 3_000, seed: 7)
        var strings = SharedStrings(memoryLimit: memoryLimit, blockSize: blockSize, folder: folder.url.path)
        for string in runs {
            for run in string { try strings.append(run) }
            strings.endString()
        }
        #expect(strings.count == runs.count)
        var order = Array(runs.indices)
        var random = SeededRandom(seed: 11)
        order += order.shuffled(using: &random)
        for index in order {
            #expect(try strings.string(at: index) == runs[index].joined(), "string \(index)")
        }
        #expect(try strings.string(at: runs.count) == nil)
        // The file is gone from the folder as soon as it is made.
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.url.path).isEmpty)
    }

    @Test("A workbook reads the same with its shared strings in memory and from the temporary file")
    func workbookFromFile() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let url = folder.url.appendingPathComponent("big.xlsx")
        let header = ["企业名称", "统一社会信用代码", "经营范围"]
        let rows = Self.table(count: 600, seed: 3).enumerated().map { index, runs in
            ["杭州\(index)科技有限公司", String(format: "91330100%010d", index), runs.joined() + "x"]
        }
        try XLSXBuilder.write([("企业", [header] + rows)], to: url)
        func read(_ reader: XLSXReader) throws -> [[String]] {
            var cells: [[String]] = []
            try reader.forEachRow { cells.append($0.cells) }
            return cells
        }
        var spilling = XLSXReader(url: url)
        spilling.sharedStringsInMemory = 1_000
        spilling.sharedStringsBlockSize = 512
        let expected = [header] + rows
        #expect(try read(XLSXReader(url: url)) == expected)
        #expect(try read(spilling) == expected)
    }

    @Test("A temporary folder the strings cannot be written to is named, with what to do")
    func unwritableFolder() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let url = folder.url.appendingPathComponent("big.xlsx")
        try XLSXBuilder.write([("企业", [["企业名称", "统一社会信用代码"], ["杭州数星机器人有限公司", "913301100000000511"]])], to: url)
        var reader = XLSXReader(url: url, displayName: "导出.xlsx")
        reader.sharedStringsInMemory = 4
        reader.temporaryFolder = folder.path("missing")
        let error = try #require(throws: IngestError.self) { try reader.forEachRow { _ in } }
        #expect(error.code == .unreadableFile)
        #expect(error.description.hasPrefix("导出.xlsx: "))
        #expect(error.description.contains("room in \(folder.path("missing")) for the workbook's shared strings"))
        #expect(error.description.contains("set TMPDIR"))
        #expect(error.description.contains("No such file or directory"))
    }
}
