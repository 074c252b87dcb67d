public import Foundation

/// An arithmetic expression over fact ids and decimal numbers (`+ - * /` and parentheses),
/// evaluated exactly, so a derived figure can be recomputed and checked against its inputs.
public struct Formula: Hashable, Sendable, CustomStringConvertible {
    public let text: String
    private let tokens: [Token]

    enum Token: Hashable, Sendable {
        case number(Decimal)
        case name(String)
        case symbol(Character)
    }

    public init(_ text: String) throws(CoreError) {
        self.text = text
        self.tokens = try Formula.tokenize(text)
        var probe = Parser(tokens: tokens, values: [:], isProbe: true)
        _ = try probe.parseAll()
    }

    public var description: String { text }

    /// The fact ids the formula reads, in order of first use.
    public var inputs: [String] {
        var seen: [String] = []
        for case .name(let name) in tokens where !seen.contains(name) { seen.append(name) }
        return seen
    }

    /// The value with each fact id replaced by `values(id)`.
    public func evaluate(_ values: (String) -> Decimal?) throws(CoreError) -> Decimal {
        var known: [String: Decimal] = [:]
        for name in inputs { known[name] = values(name) }
        var parser = Parser(tokens: tokens, values: known, isProbe: false)
        return try parser.parseAll()
    }

    private static func tokenize(_ text: String) throws(CoreError) -> [Token] {
        var tokens: [Token] = []
        var index = text.startIndex
        while index < text.endIndex {
            let character = text[index]
            if character.isWhitespace {
                index = text.index(after: index)
            } else if "+-*/()".contains(character) {
                tokens.append(.symbol(character))
                index = text.index(after: index)
            } else {
                let end = text[index...].firstIndex { $0.isWhitespace || "+*/()".contains($0) } ?? text.endIndex
                let word = String(text[index..<end])
                if let number = Money.decimal(word) {
                    tokens.append(.number(number))
                } else if word.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" }) {
                    tokens.append(.name(word))
                } else {
                    throw CoreError(.badFormula, "cannot read '\(word)' in formula '\(text)'")
                }
                index = end
            }
        }
        return tokens
    }

    /// Recursive descent: expression = term (± term)*, term = factor (×÷ factor)*.
    private struct Parser {
        let tokens: [Token]
        let values: [String: Decimal]
        /// A probe only checks the syntax: every name reads as 1 and no division fails.
        let isProbe: Bool
        var position = 0

        mutating func parseAll() throws(CoreError) -> Decimal {
            let value = try expression()
            guard position == tokens.count else { throw CoreError(.badFormula, "unexpected text after the end") }
            return value
        }

        mutating func expression() throws(CoreError) -> Decimal {
            var value = try term()
            while let symbol = peekSymbol(), symbol == "+" || symbol == "-" {
                position += 1
                let right = try term()
                value = symbol == "+" ? value + right : value - right
            }
            return value
        }

        mutating func term() throws(CoreError) -> Decimal {
            var value = try factor()
            while let symbol = peekSymbol(), symbol == "*" || symbol == "/" {
                position += 1
                let right = try factor()
                if symbol == "/" {
                    guard right != 0 || isProbe else { throw CoreError(.divisionByZero, "a divisor is zero") }
                    value = right == 0 ? 0 : value / right
                } else {
                    value *= right
                }
            }
            return value
        }

        mutating func factor() throws(CoreError) -> Decimal {
            guard position < tokens.count else { throw CoreError(.badFormula, "the formula ends too early") }
            let token = tokens[position]
            position += 1
            switch token {
            case .number(let number):
                return number
            case .name(let name):
                if isProbe { return 1 }
                guard let value = values[name] else { throw CoreError(.unknownFact, "no numeric fact '\(name)'") }
                return value
            case .symbol("("):
                let value = try expression()
                guard peekSymbol() == ")" else { throw CoreError(.badFormula, "a '(' is not closed") }
                position += 1
                return value
            case .symbol("-"):
                return -(try factor())
            case .symbol(let symbol):
                throw CoreError(.badFormula, "unexpected '\(symbol)'")
            }
        }

        func peekSymbol() -> Character? {
            guard position < tokens.count, case .symbol(let symbol) = tokens[position] else { return nil }
            return symbol
        }
    }
}
