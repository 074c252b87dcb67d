public import ChainscopeCore
import Foundation

/// A fact's value written for a reader: `207.2 billion yuan`, `about 7,000 people`, `4th, after Beijing, …`.
public struct FactFormatting: Sendable {
    public let language: Language
    public let regions: RegionDirectory

    public init(language: Language, regions: RegionDirectory) {
        self.language = language
        self.regions = regions
    }

    public func value(of fact: Fact) -> String {
        let numbers = NumberFormatting(language)
        switch fact.value {
        case .number(let number):
            let text: String
            if let currency = fact.unit.currency {
                text = numbers.money(Money(number, currency))
            } else if fact.unit == .percent {
                text = numbers.percent(number)
            } else {
                text = numbers.count(number, of: fact.unit)
            }
            return Phrase.qualified(fact.qualifier, text).text(in: language)
        case .rank(let position, let after):
            let names = after.map { regions.name(of: $0, in: language) }
            let rank = numbers.rank(position)
            guard !names.isEmpty else { return rank }
            let separator = [Language.en: ", ", .ko: " ", .zh: ""][language] ?? " "
            return rank + separator + Phrase.after(names).text(in: language)
        case .exceeds(let period):
            return Phrase.exceeds(DateFormatting(language).period(period)).text(in: language)
        }
    }

    /// The derivation in words, with fact ids replaced by their reference figures (`R3 / (1 + R4 / 100)`).
    public func derivation(of fact: Fact, in dataset: Dataset) -> String? {
        guard let derived = fact.derived else { return nil }
        var formula = derived.formula
        for id in (try? Formula(derived.formula).inputs) ?? [] {
            if let reference = dataset.fact(id)?.reference {
                formula = formula.replacingOccurrences(of: id, with: reference)
            }
        }
        let rounding = derived.roundingUnit.map { unit in
            fact.unit.currency.map { NumberFormatting(language).money(Money(unit, $0)) } ?? unit.plainText
        }
        return Phrase.derived(formula: formula, rounding: rounding).text(in: language)
    }
}
