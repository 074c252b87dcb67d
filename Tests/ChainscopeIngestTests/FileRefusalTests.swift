import ChainscopeCore
import ChainscopeSQLite
import ChainscopeTestSupport
import Foundation
import Testing

@testable import ChainscopeIngest

@Suite("File refusals in Korean, Chinese and English")
struct FileRefusalTests {
    /// One refusal of every kind, each with a value that its words must name in every language.
    static let samples: [(FileRefusal, named: String)] = [
        (.unreadable(reason: "Permission denied"), "Permission denied"), (.missing, ""), (.folder, "/*.csv"),
        (.empty, "0"),
        (.notAnExport(.binaryOffice), ".xlsx"), (.notAnExport(.gzip), "gunzip"), (.notAnExport(.pdf), "CSV"),
        (.notAnExport(.xmlSpreadsheet), "2003"), (.notAnExport(.html), ".xls"), (.unknownExtension("dat"), ".dat"),
        (.unclosedQuote(line: 37), "37"), (.replacementCharacter, "\u{FFFD}"),
        (.undecodable(.utf8, others: ["gb18030", "utf-16le"]), "--encoding gb18030"),
        (.truncatedCharacter(.gb18030), "gb18030"),
        (.misread(requested: .utf16LittleEndian, detected: .utf8, seen: "郥邈ꃦ闦"), "--encoding utf-8"),
        (.misread(requested: .utf16BigEndian, detected: .gb18030, seen: ""), "--encoding gb18030"),
        (.unknownLayout(needed: [["name (企业名称)"]], found: ["名字", "电话"]), "名字"),
        (.unknownLayout(needed: [["name (企业名称)"]], found: []), "企业名称"),
        (.noSheetWithLayout(sheets: ["说明"]), "说明"), (.noRows, ""), (.noJSONObjects, "JSON"),
        (.noDataRows(sheets: []), ""), (.noDataRows(sheets: ["企业列表"]), "'企业列表'"),
        (.jsonSplitTable, "orient='split'"), (.jsonColumnTable(key: "企业名称"), "'企业名称'"),
        (.jsonTooLarge(mebibytes: 16), "16 MiB"), (.jsonSyntax(.value, found: "tru}"), "tru}"),
        (.jsonSyntax(.character(":"), found: nil), "':'"), (.jsonUnclosedObject, ""), (.jsonUnclosedArray, "']'"),
        (.jsonArrayOfArrays, "orient='values'"), (.jsonNotAnObject(isInArray: false, found: "1"), "'1'"),
        (.jsonNotAnObject(isInArray: true, found: nil), "{…}"), (.xlsxNotZip, "ZIP"),
        (.xlsxNoWorkbook, "xl/workbook.xml"), (.xlsxMissingPart("xl/worksheets/sheet2.xml"), "sheet2.xml"),
        (.xlsxNoSheets, ""), (.xlsxSharedStringTooLong(index: 812), "812"),
        (.xlsxTemporaryFile(.write, folder: "/tmp", reason: "No space left on device"), "No space left on device"),
        (.xlsxMalformedXML(part: "xl/styles.xml", .malformedAttribute(tag: "xf a=")), "<xf a=>"),
        (.xlsxMalformedXML(part: "xl/styles.xml", .endsInsideTag), "xl/styles.xml"),
        (.xlsxUnreadablePart("xl/sharedStrings.xml", reason: "CRC mismatch"), "CRC mismatch"),
    ]

    /// A number per case, so that a new case fails to compile here until it has a sample above.
    static func kind(_ refusal: FileRefusal) -> Int {
        switch refusal {
        case .unreadable: 0
        case .missing: 1
        case .empty: 2
        case .notAnExport: 3
        case .unknownExtension: 4
        case .unclosedQuote: 5
        case .replacementCharacter: 6
        case .undecodable: 7
        case .unknownLayout: 8
        case .noSheetWithLayout: 9
        case .noRows: 10
        case .noJSONObjects: 11
        case .jsonSplitTable: 12
        case .jsonColumnTable: 13
        case .jsonTooLarge: 14
        case .jsonSyntax: 15
        case .jsonUnclosedObject: 16
        case .jsonUnclosedArray: 17
        case .jsonArrayOfArrays: 18
        case .jsonNotAnObject: 19
        case .xlsxNotZip: 20
        case .xlsxNoWorkbook: 21
        case .xlsxMissingPart: 22
        case .xlsxNoSheets: 23
        case .xlsxSharedStringTooLong: 24
        case .xlsxTemporaryFile: 25
        case .xlsxMalformedXML: 26
        case .xlsxUnreadablePart: 27
        case .truncatedCharacter: 28
        case .misread: 29
        case .folder: 30
        case .noDataRows: 31
        }
    }

    static func hasHangul(_ text: String) -> Bool {
        text.unicodeScalars.contains { (0xAC00...0xD7A3).contains($0.value) }
    }
    static func hasHan(_ text: String) -> Bool { text.unicodeScalars.contains { (0x4E00...0x9FFF).contains($0.value) } }

    @Test("Every kind of refusal has a sample here")
    func everyKind() {
        #expect(Set(Self.samples.map { Self.kind($0.0) }) == Set(0...31))
    }

    @Test("Each refusal says what was expected and found in three different texts, naming its values in each")
    func wordings() {
        for (refusal, named) in Self.samples {
            let words = Language.allCases.map { refusal.wording(in: $0) }
            let texts = words.map { $0.expected + " / " + $0.found }
            for (language, (expected, found)) in zip(Language.allCases, words) {
                #expect(!expected.isEmpty && !found.isEmpty, "\(refusal) in \(language)")
                #expect(
                    named.isEmpty || (expected + found).contains(named),
                    "\(refusal) in \(language): \(expected) / \(found)")
            }
            // Korean has Hangul; Chinese has Han and no Hangul; each language's words differ from the others'.
            #expect(Self.hasHangul(texts[0]), "\(texts[0])")
            #expect(Self.hasHan(texts[1]) && !Self.hasHangul(texts[1]), "\(texts[1])")
            #expect(Set(texts).count == 3, "\(refusal)")
        }
    }

    @Test("A character cut short is found at the end of text in each encoding; whole text and no text have none")
    func incompleteEnds() {
        let text = "杭州😀"
        #expect(TextEncoding.utf8.incompleteEnd(of: Data(text.utf8).dropLast()) == 3)
        #expect(TextEncoding.gb18030.incompleteEnd(of: text.data(using: Self.gb18030)!.dropLast(2)) == 2)
        #expect(
            TextEncoding.utf16LittleEndian.incompleteEnd(of: text.data(using: .utf16LittleEndian)!.dropLast(2)) == 2)
        #expect(TextEncoding.utf16BigEndian.incompleteEnd(of: text.data(using: .utf16BigEndian)!.dropLast(3)) == 1)
        for encoding in TextEncoding.allCases {
            #expect(encoding.incompleteEnd(of: text.data(using: encoding.foundation)!) == nil, "\(encoding)")
            #expect(encoding.incompleteEnd(of: Data()) == nil && !encoding.readsAsText(Data()), "\(encoding)")
        }
        // A byte that starts no character is no cut one.
        #expect(TextEncoding.utf8.incompleteEnd(of: Data([0x61, 0xFF])) == nil)
    }

    @Test("A file the system will not read is refused with the system's reason, not Foundation's error text")
    func systemReason() {
        let denied = NSError(
            domain: NSCocoaErrorDomain, code: 257,
            userInfo: [NSUnderlyingErrorKey: NSError(domain: NSPOSIXErrorDomain, code: Int(EACCES))])
        #expect(FileRefusal.unreadable(denied) == .unreadable(reason: "Permission denied"))
        #expect(
            FileRefusal.unreadable(NSError(domain: NSPOSIXErrorDomain, code: Int(EISDIR)))
                == .unreadable(reason: "Is a directory"))
    }

    @Test("A mapping, taxonomy or region file that cannot be read says why as the system does, not as Foundation")
    func yamlSystemReason() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        // Foundation on Linux keeps the reason as a Swift POSIXError under its own error ("The operation could
        // not be completed").
        for (url, reason) in [
            (folder.url.appendingPathComponent("nope.yaml"), "No such file or directory"),
            (folder.url, "Is a directory"),
        ] {
            let error = try #require(throws: IngestError.self) { try YAMLValue.load(url, displayName: "m.yaml") }
            #expect(
                error.description == "m.yaml: cannot read file: expected a readable UTF-8 YAML file, found \(reason)")
        }
    }

    @Test(
        "A mapping file saved by Notepad as 'ANSI' (GB18030) or as UTF-16 reads as UTF-8 does; other bytes are refused")
    func mappingEncodings() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let text = "columns:\n  公司名: name\n  代码: credit_code\n"
        let utf16 = Data([0xFF, 0xFE]) + text.data(using: .utf16LittleEndian)!
        for (name, data) in [
            ("ansi.yaml", text.data(using: Self.gb18030)!), ("utf16.yaml", utf16),
            ("bom.yaml", Data([0xEF, 0xBB, 0xBF]) + Data(text.utf8)),
        ] {
            let url = folder.url.appendingPathComponent(name)
            try data.write(to: url)
            #expect(try MappingReader().read(url) == ["公司名": .name, "代码": .creditCode], "\(name)")
        }
        let url = folder.url.appendingPathComponent("bad.yaml")
        try (Data("columns:\n  ".utf8) + Data([0xFF, 0xFE, 0xFD]) + Data(": name\n".utf8)).write(to: url)
        let error = try #require(throws: IngestError.self) { try MappingReader().read(url) }
        #expect(error.code == .undecodableText && "\(error)".contains("neither UTF-8 nor GB18030; save it as UTF-8"))
    }

    @Test("An unknown layout lists every header of a real export, but cuts long ones and a run past sixty")
    func longHeaders() {
        let real = (1...58).map { "第\($0)列" }
        let words = FileRefusal.unknownLayout(needed: [["name"]], found: real).wording(in: .en).found
        #expect(words == "columns " + real.joined(separator: ", "))
        // One header of a file read in another encoding than its own, and seventy odd ones.
        let misread = String(repeating: "郥邈ꃦ겜", count: 5_000)
        let odd = [misread] + (1...70).map { String(repeating: "列", count: $0) }
        for language in Language.allCases {
            let found = FileRefusal.unknownLayout(needed: [["name"]], found: odd).wording(in: language).found
            #expect(found.contains(String(misread.prefix(40)) + "…") && !found.contains(String(misread.prefix(41))))
            #expect(found.contains("11"), "\(found)")  // the headers past sixty are counted, not listed
            #expect(!found.contains(String(repeating: "列", count: 60)) && found.count < 3_000, "\(found)")
        }
    }

    @Test("A refusal's English is its description; datasets' problems stay English in every language")
    func english() {
        let error = IngestError(.unclosedQuote(line: 3), at: .init(file: "q.csv", line: 3))
        #expect(
            error.description
                == "q.csv:3: malformed CSV: expected a closing quote for the field opened on line 3, found the end of "
                + "the file; the file may be truncated, or a quote inside a field is not doubled")
        #expect(error.description(in: .en) == error.description)
        #expect(error.code == .malformedCSV)
        #expect(
            error.description(in: .ko)
                == "q.csv:3: CSV 형식 오류 — 필요한 것: 3행에서 시작한 필드를 닫는 따옴표. 실제: 파일의 끝. 파일이 잘렸거나, 필드 안의 따옴표를 "
                + "두 번(\"\") 쓰지 않았을 수 있습니다")
        let dataset = IngestError(
            .missingField, at: .init(file: "facts.yaml", field: "facts[3].value"), expected: "a value")
        #expect(dataset.description(in: .ko) == dataset.description)
        #expect(dataset.refusal == nil)
    }

    static let gb18030 = String.Encoding(rawValue: 0x8000_0632)

    @Test(
        "A refused file is told in the reader's language at the same place, and nothing is stored",
        arguments: [
            ("export.csv", (header + "\n" + row(1) + "\n").data(using: gb18030)!, 7, "export.csv:1: "),
            ("export.csv", Data((header + "\n" + row(2, scope: "\"软件开发") + "\n").utf8), 5, "export.csv:2: "),
            ("export.csv", Data("名字,电话\n甲,1\n".utf8), 8, "export.csv:1: "),
            ("export.csv", Data(), 2, "export.csv: "),
            ("export.xlsx", Data("PK\u{03}\u{04}not really a zip".utf8), 20, "export.xlsx: "),
            ("export.json", Data("{\"企业名称\": tru}\n".utf8), 15, "export.json:1:"),
            ("export.json", Data("[{}, 1]".utf8), 19, "export.json:1: "),
            ("export.pdf", Data("%PDF-1.7\n".utf8), 3, "export.pdf: "),
        ] as [(String, Data, Int, String)])
    func refusedFiles(name: String, content: Data, kind: Int, place: String) async throws {
        let store = try SQLiteStore()
        var options = RegistryImportOptions(snapshotDate: CalendarDate(year: 2022, month: 10, day: 31))
        if kind == 7 { options.encoding = .utf8 }  // the GB18030 file read as UTF-8
        let error = try await #require(throws: IngestError.self) {
            _ = try await RegistryImportTests().run(content, name: name, options: options, store: store)
        }
        let refusal = try #require(error.refusal)
        #expect(Self.kind(refusal) == kind, "\(error)")
        let ko = error.description(in: .ko)
        let zh = error.description(in: .zh)
        #expect(ko.hasPrefix(place) && Self.hasHangul(ko), "\(ko)")
        #expect(
            zh.hasPrefix(place.dropLast(2)) && zh.contains(error.code.text(in: .zh)) && !Self.hasHangul(zh), "\(zh)")
        #expect(error.description(in: .en) == error.description)
        #expect(try await store.imports().isEmpty)
    }
}
