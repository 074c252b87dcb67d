import ChainscopeCore
import Foundation
import Testing

@Suite("Import warnings in three languages")
struct ImportWarningTests {
    static let warnings: [ImportWarning] = [
        ImportWarning(
            .repeatedHeader(column: 5, header: "法人", field: "legalRepresentative", firstColumn: 3, firstHeader: "法定代表人")
        ),
        ImportWarning(.unknownCapitalUnit(column: 4, header: "注册资本(亿日元)", qualifier: "亿日元"), sheet: "企业名单"),
        ImportWarning(
            .missingFields(fields: [.founded, .capital], unreadColumns: ["estiblishTime", "regCap"], moreUnread: 0)),
        ImportWarning(.missingFields(fields: [.scope], unreadColumns: [], moreUnread: 0)),
        ImportWarning(
            .missingFields(
                fields: [.district], unreadColumns: (1...12).map { "c\($0)" }, moreUnread: 3)),
        ImportWarning(.sheetSkipped(sheet: "说明")), ImportWarning(.syntheticNotice(row: 1), sheet: "Sheet1"),
        ImportWarning(
            .modifiedInFuture(modified: CalendarDate(iso: "2031-03-01")!, dated: CalendarDate(iso: "2026-11-29")!)),
    ]

    @Test("Every warning is stored as its code and values and read back the same")
    func storage() throws {
        let text = ImportWarning.storageText(Self.warnings)
        #expect(ImportWarning.warnings(storageText: text) == Self.warnings, "\(text)")
        #expect(ImportWarning.warnings(storageText: "[]") == [])
        let json = try JSONEncoder().encode(Self.warnings)
        #expect(try JSONDecoder().decode([ImportWarning].self, from: json) == Self.warnings)
    }

    @Test("A warning this version does not know reads as none, so the stored English is shown")
    func unknown() {
        for text in [
            "", "not json", #"[{"parts":["header.renamed","1"]}]"#, #"[{"parts":["fields.missing","founded"]}]"#,
            #"[{"parts":["fields.missing","age","0"]}]"#, #"[{"parts":["file.synthetic","one"]}]"#,
            #"[{"parts":["file.modifiedInFuture","2031-03-01","today"]}]"#,
        ] {
            #expect(ImportWarning.warnings(storageText: text) == nil, "\(text)")
        }
    }

    @Test("Every warning reads in Korean, Chinese and English, naming its columns and sheet", arguments: warnings)
    func languages(warning: ImportWarning) {
        let texts = Language.allCases.map { warning.text(in: $0) }
        #expect(Set(texts).count == 3, "\(texts)")
        #expect(warning.text(in: .ko).unicodeScalars.contains { (0xAC00...0xD7A3).contains($0.value) })
        let named: [String]
        switch warning.kind {
        case .repeatedHeader(_, let header, _, _, let firstHeader): named = [header, firstHeader]
        case .unknownCapitalUnit(_, let header, let qualifier): named = [header, qualifier]
        case .missingFields(_, let unread, _): named = unread
        case .sheetSkipped(let sheet): named = [sheet]
        case .syntheticNotice: named = [RegistryImport.syntheticNotice]
        case .modifiedInFuture(let modified, let dated): named = ["\(modified)", "\(dated)", "--snapshot-date"]
        }
        for text in texts {
            #expect((named + [warning.sheet].compactMap { $0 }).allSatisfy { text.contains($0) }, "\(text)")
        }
    }

    @Test("A file without a business scope is told its companies are classified from names alone, in every language")
    func scope() {
        let warning = ImportWarning(.missingFields(fields: [.scope], unreadColumns: [], moreUnread: 0))
        #expect(warning.text(in: .en).contains("marked stale until `chainscope classify` runs"))
        #expect(warning.text(in: .ko).contains("`chainscope classify`를 실행할 때까지"))
        #expect(warning.text(in: .zh).contains("直到运行 `chainscope classify`"))
        let more = ImportWarning(.missingFields(fields: [.founded], unreadColumns: ["a"], moreUnread: 3))
        #expect(more.text(in: .en).contains("columns read as no field: a and 3 more;"))
        #expect(!more.text(in: .en).contains("classify"))
    }

    @Test("An import's warnings are in the language asked for, or English when only their English was stored")
    func importWarnings() throws {
        let date = try #require(CalendarDate(iso: "2022-10-31"))
        let warning = ImportWarning(.sheetSkipped(sheet: "说明"))
        let coded = RegistryImport(
            id: 1, file: "a.xlsx", sha256: "", format: "xlsx", encoding: nil, snapshotDate: date,
            counts: ImportCounts(), warnings: [warning.description], warningDetails: [warning])
        #expect(coded.warnings(in: .zh) == ["工作表“说明”没有可识别的表头，已跳过"])
        let old = RegistryImport(
            id: 1, file: "a.xlsx", sha256: "", format: "xlsx", encoding: nil, snapshotDate: date,
            counts: ImportCounts(), warnings: ["sheet '说明' has no recognisable header and was skipped"])
        #expect(old.warnings(in: .ko) == old.warnings)
    }
}
