extension MemberCounts {
    /// The companies of `EarlierFacts.reexamined` that a count's imports held and that were members on the day,
    /// classified once as they were then (without evidence) and with the facts of then: what the counts
    /// (`Tally.add(_:)`) and the examples (`MemberExample.Plan`) of the day share. A store reads those companies once
    /// and adds them here.
    public struct Reexamined: Sendable {
        struct Member: Sendable {
            let key: String
            let segments: [SegmentScore]
            let facts: [String: String?]
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
            members.append(Member(key: key, segments: classification.segments, facts: facts))
        }
    }
}
