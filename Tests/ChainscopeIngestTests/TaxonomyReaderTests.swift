import ChainscopeCore
import ChainscopeIngest
import ChainscopeTestSupport
import Foundation
import Testing

@Suite("Taxonomy files")
struct TaxonomyReaderTests {
    @Test("The built-in taxonomies are valid and carry the architecture's segment ids")
    func builtin() throws {
        let ai = try TaxonomyReader().read(named: "ai")
        #expect(ai.layers.map(\.id) == ["foundation", "technology", "application"])
        #expect(
            ai.segments.map(\.segment.id) == [
                "chips", "sensors", "storage", "big_data", "cloud", "machine_learning", "vision", "speech_language",
                "ai_software", "robots", "drones", "smart_home", "autonomous_driving", "bci", "ai_integration",
            ])
        #expect(ai.segments.allSatisfy { !$0.segment.patentClasses.isEmpty })
        #expect(ai.digest.count == 16)
        let ic = try TaxonomyReader().read(named: "ic")
        #expect(ic.layers.map(\.id) == ["design", "manufacturing", "packaging_testing", "equipment_materials"])
    }

    @Test("Every problem of a taxonomy is listed at once, each with its line")
    func everyProblem() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let url = URL(fileURLWithPath: folder.path("broken.yaml"))
        try """
        id: broken
        version: 1
        labels: {zh: 测试, ko: 테스트, en: Test}
        exclusions: [机器人玩具]
        layers:
          - id: one
            labels: {zh: 一, ko: 하나, en: One}
            segments:
              - id: robots
                labels: {zh: 机器人, en: Robots}
                terms: [机器人, 机器人玩具]
              - id: robots
                labels: {zh: 机器人, ko: 로봇, en: Robots}
                terms: [robot]
              - id: drones
                labels: {zh: 无人机, ko: 드론, en: Drones}
                terms: [无人机]
                colour: blue
          - id: two
            labels: {zh: 二, ko: 둘, en: Two}
            segments:
              - id: chips
                labels: {zh: 芯片, ko: 칩, en: Chips}
                terms: [芯片]
                weight: heavy
        """.write(to: url, atomically: true, encoding: .utf8)
        let error = try #require(throws: IngestError.self) {
            try TaxonomyReader().read(url, displayName: "broken.yaml")
        }
        let text = error.description
        #expect(text.hasPrefix("5 problems:"), "\(text)")
        #expect(text.contains("broken.yaml:18:9 (layers[0].segments[2].colour): unknown field"), "\(text)")
        #expect(text.contains("(layers[1].segments[0].weight): invalid value"), "\(text)")
        #expect(text.contains("broken.yaml:10:17 (layers[0].segments[0].labels): missing field"), "\(text)")
        #expect(text.contains("'机器人玩具' in segment 'robots'"), "\(text)")
        #expect(
            text.contains("duplicate id: expected an id not used before, found 'robots', also at line 9"), "\(text)")
    }

    @Test("A missing built-in taxonomy names the ones there are")
    func unknown() {
        let error = #expect(throws: IngestError.self) { try TaxonomyReader().read(named: "steel") }
        #expect(error?.description.contains("ai, ic") == true)
    }
}
