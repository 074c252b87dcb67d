import Foundation

extension MemberCounts {
    /// The counting facts (founding day, district, status, registered capital) companies had as of a day, where
    /// exports taken after it changed them: what a count as of that day must use, since a company keeps only its
    /// latest facts. Read from their histories: a fact's value as of the day is the value before the first change
    /// an import of a later export recorded. Companies no later export changed have their stored facts.
    public struct EarlierFacts: Sendable {
        /// By company key, the facts' values by column (`CompanyRow.factColumns`' names).
        private var facts: [String: [String: String?]] = [:]

        public init() {}

        /// Whether no company's facts differ from its stored ones.
        public var isEmpty: Bool { facts.isEmpty }

        /// Adds a history entry of company `key` (its changes as the stores keep them: a JSON object of
        /// `column: [before, after]`) recorded by an import of an export taken after the day. Entries must come
        /// in the order of their exports' snapshot days, then of their imports.
        public mutating func add(key: String, changes json: String) throws {
            let changes = try JSONDecoder().decode([String: [String?]].self, from: Data(json.utf8))
            for column in Self.columns {
                guard let pair = changes[column], pair.count == 2, facts[key]?[column] == nil else { continue }
                facts[key, default: [:]][column] = .some(pair[0])
            }
        }

        /// Fact `column` of company `key` as of the day where it differs from the stored one (which may be nil:
        /// unknown then), else nil.
        func fact(_ column: String, of key: String) -> String?? { facts[key]?[column] }

        static let columns = ["founded", "region", "status", "capital_amount", "capital_currency"]
    }
}
