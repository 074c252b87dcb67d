import ChainscopeCore
import Foundation
import Testing

@Suite("Derived-figure formulas")
struct FormulaTests {
    let values: [String: Decimal] = ["size": 207_200_000_000, "growth": Decimal(string: "8.7")!, "zero": 0]

    @Test("The 2020 market size follows from 2021's size and growth, exactly")
    func marketSize2020() throws {
        let derivation = Derivation(formula: "size / (1 + growth / 100)", roundingUnit: 100_000_000)
        #expect(try derivation.value { values[$0] } == 190_600_000_000)
        let unrounded = try Formula("size / (1 + growth / 100)").evaluate { values[$0] }
        #expect(unrounded > 190_616_375_344 && unrounded < 190_616_375_345)
    }

    @Test("Precedence, parentheses and unary minus")
    func arithmetic() throws {
        #expect(try Formula("1 + 2 * 3").evaluate { _ in nil } == 7)
        #expect(try Formula("(1 + 2) * 3").evaluate { _ in nil } == 9)
        #expect(try Formula("-growth + 10").evaluate { values[$0] } == Decimal(string: "1.3")!)
        #expect(try Formula("size / (1 + growth / 100)").inputs == ["size", "growth"])
    }

    @Test("Bad formulas and missing inputs are errors")
    func errors() throws {
        #expect(throws: CoreError.self) { try Formula("1 +") }
        #expect(throws: CoreError.self) { try Formula("(1 + 2") }
        #expect(throws: CoreError.self) { try Formula("size $ 2") }
        #expect(throws: CoreError.self) { try Formula("size / missing").evaluate { values[$0] } }
        #expect(throws: CoreError.self) { try Formula("size / zero").evaluate { values[$0] } }
    }

    @Test("Money parses only exact decimals")
    func decimals() {
        #expect(Money.decimal("207200000000") == 207_200_000_000)
        #expect(Money.decimal("8.7") == Decimal(string: "8.7"))
        for bad in ["", "1e9", "1.", ".5", "1,000", "abc", "1.2.3"] { #expect(Money.decimal(bad) == nil, "\(bad)") }
    }
}
