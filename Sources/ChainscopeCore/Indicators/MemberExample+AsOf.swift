import Foundation

extension MemberCounts.EarlierFacts {
    /// The columns whose changes make a company one of `reexamined`: a store may read only the entries of companies
    /// with changes of these.
    public static let reexaminedColumns = (classifiedColumns.union(["founded"])).sorted()

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

    /// Company `key`'s stored column values (the text of each of `CompanyRow.columns`) with the facts and
    /// classification inputs it had as of the day in place of the stored ones.
    func values(of key: String, stored: [String?]) -> [String?] {
        var values = stored
        for (index, column) in CompanyRow.columns.enumerated() {
            if let fact = fact(column, of: key) { values[index] = fact }
        }
        return values
    }
}

extension MemberExample {
    /// Each segment's examples as of a day: the stored ones, read from the segment rows without
    /// `EarlierFacts.reexamined`, merged by score with the reexamined companies that were members then. Highest
    /// score first, then by key, at most `limit` of each. The store then reads the reexamined companies picked
    /// (`keys`) in full for `examples(companies:)`, rather than every reexamined company.
    public struct Plan: Sendable {
        private enum Pick: Sendable {
            case stored(MemberExample)
            case asOf(String)
        }

        private let picks: [String: [Pick]]
        private let earlier: MemberCounts.EarlierFacts
        private let classifier: Classifier

        public init(
            stored: [String: [MemberExample]], reexamined: MemberCounts.Reexamined, segments: [String], limit: Int
        ) {
            earlier = reexamined.earlier
            classifier = reexamined.classifier
            let wanted = Set(segments)
            var ranked: [String: [(pick: Pick, key: String, score: Double)]] = [:]
            for (segment, examples) in stored where wanted.contains(segment) {
                ranked[segment] = examples.map { example in
                    let score = example.classification.segments.first { $0.segment == segment }?.score ?? 0
                    return (.stored(example), example.company.key.description, score)
                }
            }
            for member in reexamined.members {
                for segment in member.segments where wanted.contains(segment.segment) {
                    ranked[segment.segment, default: []].append((.asOf(member.key), member.key, segment.score))
                }
            }
            picks = ranked.mapValues { found in
                found.sorted { ($0.score, $1.key) > ($1.score, $0.key) }.prefix(max(limit, 0)).map(\.pick)
            }
        }

        /// The reexamined companies picked, to be read in full.
        public var keys: [String] {
            Set(
                picks.values.joined().compactMap { pick in
                    guard case .asOf(let key) = pick else { return nil }
                    return key
                }
            ).sorted()
        }

        /// The examples, with the companies of `keys` read as stored (each column of `CompanyRow.columns`, and the
        /// provenance line) shown with their facts of the day and classified as they were then.
        public func examples(companies: [(values: [String?], line: Int?)]) throws -> [String: [MemberExample]] {
            var asOf: [String: MemberExample] = [:]
            for (values, line) in companies {
                let key = values[0] ?? ""
                let company = try CompanyRow.company(
                    values: earlier.values(of: key, stored: values), line: line, location: "company \(key)")
                asOf[key] = MemberExample(company: company, classification: classifier.classification(of: company))
            }
            return picks.mapValues { picks in
                picks.compactMap { pick in
                    switch pick {
                    case .stored(let example): example
                    case .asOf(let key): asOf[key]
                    }
                }
            }
        }
    }
}
