/// A problem found by Core's rules, such as a formula that does not compute.
public struct CoreError: Error, Hashable, Sendable, CustomStringConvertible {
    /// What went wrong, as a code that can grow.
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        enum Storage: Hashable, Sendable {
            case badFormula
            case unknownFact
            case divisionByZero
        }

        let storage: Storage

        public static let badFormula = Code(storage: .badFormula)
        public static let unknownFact = Code(storage: .unknownFact)
        public static let divisionByZero = Code(storage: .divisionByZero)

        public var description: String {
            switch storage {
            case .badFormula: "bad formula"
            case .unknownFact: "unknown fact"
            case .divisionByZero: "division by zero"
            }
        }
    }

    public let code: Code
    /// What the problem is, in words a user can act on.
    public let message: String

    public init(_ code: Code, _ message: String) {
        self.code = code
        self.message = message
    }

    public var description: String { "\(code): \(message)" }
}
