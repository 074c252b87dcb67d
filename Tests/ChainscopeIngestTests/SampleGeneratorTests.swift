import ChainscopeCore
import ChainscopeIngest
import Testing

@Suite("The synthetic sample registry")
struct SampleGeneratorTests {
    static let regions = Result { try RegionTableReader().readBuiltin() }

    func rows(_ count: Int, seed: UInt64 = 11) throws -> [SampleRow] {
        let generator = SampleGenerator(seed: seed, regions: try Self.regions.get())
        return (0..<count).map(generator.row)
    }

    @Test("The same seed gives the same rows; another seed other rows")
    func deterministic() throws {
        #expect(try rows(200) == rows(200))
        #expect(try rows(200) != rows(200, seed: 12))
    }

    @Test("Credit codes are valid and unique; flawed rows are rare and really flawed")
    func creditCodes() throws {
        let sample = try rows(5_000)
        #expect(Set(sample.map(\.creditCode)).count == sample.count)
        for row in sample {
            #expect((try? CreditCode.validate(row.creditCode).get()) != nil, "\(row.creditCode)")
        }
        let flawed = sample.filter(\.isFlawed)
        #expect((5...60).contains(flawed.count))
        for row in flawed {
            let code = row.cells[8]
            let date = row.cells[4]
            let broken = (try? CreditCode.validate(code).get()) == nil || (try? RegistryDate.parse(date).get()) == nil
            #expect(broken, "\(code) \(date)")
        }
    }

    @Test("AI companies in January–October 2022 outnumber those of all of 2021")
    func growth() throws {
        let ai = try rows(5_000).filter { $0.isAI && !$0.isFlawed }
        let years = ai.compactMap { try? RegistryDate.parse($0.cells[4]).get()?.year }
        let in2022 = years.filter { $0 == 2022 }.count
        let in2021 = years.filter { $0 == 2021 }.count
        #expect(in2022 > in2021)
        #expect(Set(years) == Set(2015...2022))
    }

    @Test("Labels: AI rows name segments of ARCHITECTURE.md and their main layer; others none")
    func labels() throws {
        let segmentIDs: Set<String> = [
            "chips", "sensors", "storage", "big_data", "cloud", "machine_learning", "ai_software", "vision",
            "speech_language", "robots", "drones", "smart_home", "autonomous_driving", "bci", "ai_integration",
        ]
        let sample = try rows(3_000)
        for row in sample {
            if row.isAI {
                #expect(!row.segments.isEmpty && row.segments.allSatisfy(segmentIDs.contains))
                #expect(["foundation", "technology", "application"].contains(row.layer ?? ""))
            } else {
                #expect(row.segments.isEmpty && row.layer == nil)
            }
        }
        let aiShare = Double(sample.filter(\.isAI).count) / Double(sample.count)
        #expect(aiShare > 0.2 && aiShare < 0.4)
        #expect(sample.contains { !$0.isAI && $0.cells[15].includes("人工智能培训") })
    }

    @Test("Every Hangzhou district appears; some rows use the names abolished in 2021")
    func districts() throws {
        let names = Set(try rows(5_000).map { $0.cells[7] })
        #expect(names.isSuperset(of: ["西湖区", "滨江区", "余杭区", "临平区", "钱塘区", "淳安县"]))
        #expect(names.contains("江干区") || names.contains("下城区"))
    }
}
