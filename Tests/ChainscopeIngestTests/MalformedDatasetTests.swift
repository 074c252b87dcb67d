import ChainscopeCore
import ChainscopeIngest
import ChainscopeResources
import ChainscopeTestSupport
import Foundation
import Testing

/// One way to break the built-in dataset, and what the error must say.
struct Breakage: Sendable, CustomTestStringConvertible {
    let file: String
    let old: String
    let new: String
    let code: IngestError.Code
    let line: Int?
    let field: String?
    let mentions: String

    var testDescription: String { "\(file): \(mentions)" }
}

@Suite("A malformed dataset fails with file, line, field and what was expected")
struct MalformedDatasetTests {
    static let breakages: [Breakage] = [
        .init(
            file: "facts.yaml", old: "  value: 207200000000", new: "  value: 2072亿", code: .invalidValue, line: 49,
            field: "value", mentions: "decimal number"),
        .init(
            file: "facts.yaml", old: "  unit: CNY\n  source: qianzhan", new: "  unit: RMB\n  source: qianzhan",
            code: .invalidValue, line: 50, field: "unit", mentions: "one of CNY, KRW"),
        .init(
            file: "facts.yaml", old: "  period: 2021\n", new: "  perod: 2021\n", code: .unknownField, line: 47,
            field: "perod", mentions: "'perod'"),
        .init(
            file: "facts.yaml", old: "  source: qichacha\n", new: "  source: qichacha-typo\n", code: .unknownReference,
            line: nil, field: "source", mentions: "qichacha-typo"),
        .init(
            file: "facts.yaml", old: "  value: 190600000000", new: "  value: 190000000000", code: .derivationMismatch,
            line: nil, field: nil, mentions: "190600000000"),
        .init(
            file: "facts.yaml", old: "  region: \"330100\"\n  value: 36", new: "  value: 36", code: .missingField,
            line: nil, field: "region", mentions: "'region'"),
        .init(
            file: "sources.yaml", old: "- id: qichacha", new: "- id: qianzhan", code: .duplicateID, line: nil,
            field: nil, mentions: "'qianzhan'"),
        .init(
            file: "parks.yaml", old: "en: \"Legal, financial", new: "en: Legal, financial", code: .unknownField,
            line: 9, field: nil, mentions: "found 'financial"),
        .init(
            file: "policies.yaml", old: "  issued: since 2021\n  source", new: "  issued: [since 2021\n  source",
            code: .malformedYAML, line: nil, field: nil, mentions: "valid YAML"),
        .init(
            file: "dataset.yaml", old: "region: \"330100\"", new: "region: Hangzhou", code: .invalidValue, line: 9,
            field: "region", mentions: "six-digit"),
    ]

    @Test("Each breakage is reported where it is", arguments: breakages)
    func reported(_ breakage: Breakage) throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let copy = try folder.copy(BuiltinResources.dataset("hangzhou-ai-2022"), as: "broken")
        try copy.appendingPathComponent(breakage.file).replace(breakage.old, with: breakage.new)
        let error = try #require(throws: IngestError.self) { try DatasetReader().read(copy, displayRoot: "broken") }
        #expect(error.code == breakage.code, "\(error)")
        #expect(error.location.file == "broken/\(breakage.file)", "\(error)")
        if let line = breakage.line { #expect(error.location.line == line, "\(error)") }
        #expect(error.location.line != nil, "\(error)")
        if let field = breakage.field { #expect(error.location.field?.hasSuffix(field) == true, "\(error)") }
        #expect(error.description.contains(breakage.mentions), "\(error)")
    }

    @Test("A missing folder or file says which")
    func missing() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let absent = try #require(throws: IngestError.self) {
            try DatasetReader().read(folder.url.appendingPathComponent("nope"))
        }
        #expect(absent.code == .unreadableFile)
        let copy = try folder.copy(BuiltinResources.dataset("hangzhou-ai-2022"), as: "partial")
        try FileManager.default.removeItem(at: copy.appendingPathComponent("facts.yaml"))
        let error = try #require(throws: IngestError.self) { try DatasetReader().read(copy, displayRoot: "partial") }
        #expect(error.location.file == "partial/facts.yaml")
    }
}
