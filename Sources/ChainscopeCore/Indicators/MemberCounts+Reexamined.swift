extension MemberCounts {
    /// The companies of `EarlierFacts.reexamined` that a count's imports held and that were members on the day,
    /// classified once as they were then (without evidence) and with the facts of then: what the counts
    /// (`Tally.add(_:)`) and the examples (`MemberExample.Candidates`) of the day share. A store reads those companies once
    /// and adds them here.
    public struct Reexamined: Sendable {
        struct Member: Sendable {
            let key: String
            let segments: [SegmentScore]
            /// The facts a count reads, as of the day: not the texts it was classified from, which a report as of a
            /// day before an export that changed most companies would otherwise hold for each of them.
            let founded, region, status, currency, amount: String?
        }

        private(set) var members: [Member] = []
        let earlier: EarlierFacts
        let classifier: Classifier

        public init(earlier: EarlierFacts, classifier: Classifier) {
            self.earlier = earlier.resolved()
            self.classifier = classifier
        }

        /// Adds company `key` of `EarlierFacts.reexamined`, whose stored values of `Tally.reclassifiedColumns` are
        /// `stored`, if it was a member on the day.
        public mutating func add(key: String, stored: [String?]) {
            guard let (classification, facts) = earlier.classification(of: key, stored: stored, by: classifier),
                classification.isMember
            else { return }
            func value(_ column: String) -> String? { facts[column] ?? nil }
            members.append(
                Member(
                    key: key, segments: classification.segments, founded: value("founded"), region: value("region"),
                    status: value("status"), currency: value("capital_currency"), amount: value("capital_amount")))
        }
    }
}
