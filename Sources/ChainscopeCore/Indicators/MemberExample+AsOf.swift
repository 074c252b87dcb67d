import Foundation

extension MemberCounts.EarlierFacts {
    /// Company `key`, of `reclassified` or `refounded`, whose stored values of `Tally.reclassifiedColumns` are
    /// `stored`: its values of those columns as of the day, and its classification by `classifier` from its name,
    /// business scope and industry of then, for counting (no evidence); nil when it was not founded by the day.
    func classification(
        of key: String, stored: [String?], by classifier: Classifier
    ) -> (Classification, facts: [String: String?])? {
        var facts = Dictionary(uniqueKeysWithValues: zip(MemberCounts.Tally.reclassifiedColumns, stored))
        guard isFounded(key, stored: facts["founded"] ?? nil) else { return nil }
        for column in MemberCounts.Tally.reclassifiedColumns {
            if let fact = fact(column, of: key) { facts[column] = fact }
        }
        func value(_ column: String) -> String? { facts[column] ?? nil }
        let classification = classifier.classifyForCounting(
            name: value("name_zh") ?? value("name_en"), scope: value("business_scope"), industry: value("industry_name")
        )
        return (classification, facts)
    }

    /// A company's stored column values (the text of each of `CompanyRow.columns`) with `facts`, those it had as of
    /// the day, in place of the stored ones.
    static func values(_ stored: [String?], with facts: [String: String?]) -> [String?] {
        var values = stored
        for (index, column) in CompanyRow.columns.enumerated() {
            if let fact = facts[column] { values[index] = fact }
        }
        return values
    }
}

extension MemberExample {
    /// Each segment's best members as of a day, gathered while a store counts a range of companies at a time: the
    /// stored members (segment rows of companies that are not `EarlierFacts.reexamined`) and the reexamined ones
    /// (`Reexamined`), classified as they were then. Highest score first, then by key (as bytes, the order of both
    /// stores' keys), at most `limit` of each segment, so that it holds no more whatever the companies later exports
    /// changed. The store then reads the companies picked in full (`storedKeys`, `asOfKeys`) for
    /// `examples(of:stored:companies:)`.
    public struct Candidates: Sendable {
        private struct Candidate: Sendable {
            let key: String
            let score: Double
            /// A reexamined member's facts of the day that differ from its stored ones; nil for a stored member.
            let facts: [String: String?]?

            func precedes(_ other: Candidate) -> Bool {
                score != other.score ? score > other.score : key.utf8.lexicographicallyPrecedes(other.key.utf8)
            }
        }

        private var best: [String: [Candidate]] = [:]
        private let limit: Int
        private let classifier: Classifier

        public init(limit: Int, classifier: Classifier) {
            self.limit = max(limit, 0)
            self.classifier = classifier
        }

        /// Adds a stored member's segment row: company `key`, not reexamined, scored `score` in `segment`.
        public mutating func add(stored key: String, segment: String, score: Double) {
            add(Candidate(key: key, score: score, facts: nil), to: segment)
        }

        /// Adds the members of a range of companies classified as they were on the day.
        public mutating func add(_ reexamined: MemberCounts.Reexamined) {
            for member in reexamined.members {
                let facts = reexamined.earlier.facts(of: member.key) ?? [:]
                for segment in member.segments {
                    add(Candidate(key: member.key, score: segment.score, facts: facts), to: segment.segment)
                }
            }
        }

        private mutating func add(_ candidate: Candidate, to segment: String) {
            guard limit > 0 else { return }
            // Most rows of a large count are turned away here, without copying anything.
            if let kept = best[segment], kept.count == limit, !candidate.precedes(kept[limit - 1]) { return }
            func insert(into kept: inout [Candidate]) {
                kept.insert(candidate, at: kept.firstIndex { candidate.precedes($0) } ?? kept.endIndex)
                if kept.count > limit { kept.removeLast() }
            }
            insert(into: &best[segment, default: []])
        }

        /// The stored members picked as examples of `segments`, to be read in full with their stored classification.
        public func storedKeys(of segments: [String]) -> [String] { keys(of: segments) { $0.facts == nil } }

        /// The reexamined members picked as examples of `segments`, to be read in full (`examples`).
        public func asOfKeys(of segments: [String]) -> [String] { keys(of: segments) { $0.facts != nil } }

        private func keys(of segments: [String], where picked: (Candidate) -> Bool) -> [String] {
            Set(segments.flatMap { (best[$0] ?? []).filter(picked).map(\.key) }).sorted()
        }

        /// The examples of `segments`: `stored`, the stored members of `storedKeys` by key, and `companies`, those of
        /// `asOfKeys` read as stored (each column of `CompanyRow.columns`, and the provenance line), shown with their
        /// facts of the day and classified as they were then.
        public func examples(
            of segments: [String], stored: [String: MemberExample], companies: [(values: [String?], line: Int?)]
        ) throws -> [String: [MemberExample]] {
            let facts = Dictionary(
                best.values.joined().compactMap { candidate in candidate.facts.map { (candidate.key, $0) } },
                uniquingKeysWith: { first, _ in first })
            var asOf: [String: MemberExample] = [:]
            for (values, line) in companies {
                let key = values[0] ?? ""
                let company = try CompanyRow.company(
                    values: MemberCounts.EarlierFacts.values(values, with: facts[key] ?? [:]), line: line,
                    location: "company \(key)")
                asOf[key] = MemberExample(company: company, classification: classifier.classification(of: company))
            }
            var examples: [String: [MemberExample]] = [:]
            for segment in segments {
                examples[segment] = (best[segment] ?? []).compactMap { candidate in
                    candidate.facts == nil ? stored[candidate.key] : asOf[candidate.key]
                }
            }
            return examples
        }
    }
}
