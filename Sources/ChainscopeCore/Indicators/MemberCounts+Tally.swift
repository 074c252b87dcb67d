import Foundation

extension MemberCounts {
    /// Counts members from their segment rows, one row per scored segment, in any order: each store reads
    /// the rows and adds them here, so every store tallies, orders and sums alike.
    public struct Tally {
        private struct CellKey: Hashable {
            let month: Int?
            let layer: String?
            let district: String?
            let status: String?
        }

        private struct SegmentKey: Hashable {
            let month: Int?
            let segment: String
            let district: String?
        }

        private var cells: [CellKey: Int] = [:]
        private var segments: [SegmentKey: Int] = [:]
        private var capital: [String: Decimal] = [:]
        /// The facts of companies that later exports changed, for a count as of an earlier day: of the range of
        /// companies whose rows are being added (`use(_:)`).
        private var earlier = EarlierFacts()
        /// `earlier.reclassified`, whose stored segment rows are not counted: `add(_:)` counts them as they were.
        private var reclassified: Set<String> = []

        public init(earlier: EarlierFacts = EarlierFacts()) { use(earlier) }

        /// Counts the segment rows and reexamined companies added next with `earlier`, the facts of the day of the
        /// range of companies they belong to: a store counts as of a day a range of company keys at a time, so that
        /// what it holds does not grow with the companies later exports changed.
        public mutating func use(_ earlier: EarlierFacts) {
            self.earlier = earlier.resolved()
            reclassified = Set(self.earlier.reclassified)
        }

        /// The stored columns of a company that `Reexamined.add(key:stored:)` reads, in its order, by the stores'
        /// column names.
        public static let reclassifiedColumns = [
            "name_zh", "name_en", "business_scope", "industry_name", "founded", "region", "status", "capital_currency",
            "capital_amount",
        ]

        /// Adds the members of `EarlierFacts.reclassified` among `reexamined`, classified and counted with their facts
        /// as of the day: the store reads such a company whether or not it is a member now, from the imports the count
        /// covers. (The others, `refounded` alone, are counted from their stored segment rows.)
        public mutating func add(_ reexamined: Reexamined) {
            for member in reexamined.members where reclassified.contains(member.key) {
                for (index, segment) in member.segments.enumerated() {
                    add(
                        month: member.founded.flatMap(Self.month), segment: segment.segment, layer: segment.layer,
                        district: member.region, status: member.status, isMain: index == 0,
                        currency: member.currency, amount: member.amount)
                }
            }
        }

        /// Whether `add(key:month:…)` reads its key: only to look up facts of the day (`earlier`). Otherwise a store
        /// may pass an empty key rather than decode one per segment row (30,000 allocations of a report over 50,000
        /// companies).
        public var readsKeys: Bool { !earlier.isEmpty }

        /// Adds one segment row of a member, with the facts its company had as of the count's day (`earlier`);
        /// `month` as year × 100 + month; the main segment's row also counts the member by layer and status and
        /// adds its registered capital (an exact decimal text).
        public mutating func add(
            key: String, month: Int?, segment: String, layer: String?, district: String?, status: String?,
            isMain: Bool, currency: String?, amount: String?
        ) {
            guard !earlier.isEmpty else {
                return add(
                    month: month, segment: segment, layer: layer, district: district, status: status, isMain: isMain,
                    currency: currency, amount: amount)
            }
            // Most members have no facts of the day other than their stored ones: one lookup says so.
            guard let facts = earlier.facts(of: key) else {
                return add(
                    month: month, segment: segment, layer: layer, district: district, status: status, isMain: isMain,
                    currency: currency, amount: amount)
            }
            // A company whose founding day a later export changed is read whatever its stored day; one classified
            // as it was is added by `add(_:)`.
            if earlier.isFounded(key) == false || reclassified.contains(key) { return }
            func fact(_ column: String, _ stored: String?) -> String? { facts[column] ?? stored }
            add(
                month: facts["founded"].map { $0.flatMap(Self.month) } ?? month, segment: segment,
                layer: layer, district: fact("region", district), status: fact("status", status), isMain: isMain,
                currency: fact("capital_currency", currency), amount: fact("capital_amount", amount))
        }

        private mutating func add(
            month: Int?, segment: String, layer: String?, district: String?, status: String?, isMain: Bool,
            currency: String?, amount: String?
        ) {
            segments[SegmentKey(month: month, segment: segment, district: district), default: 0] += 1
            guard isMain else { return }
            cells[CellKey(month: month, layer: layer, district: district, status: status), default: 0] += 1
            if let currency, let amount = amount.flatMap(Money.decimal) { capital[currency, default: 0] += amount }
        }

        /// A founding day's month as year × 100 + month, as the stores compute it.
        private static func month(_ founded: String) -> Int? {
            let parts = founded.split(separator: "-")
            guard parts.count >= 2, let year = Int(parts[0]), let month = Int(parts[1]) else { return nil }
            return year * 100 + month
        }

        /// The counts, listed in a fixed order so that equal stores give equal counts.
        public func counts(provenance: CountProvenance) -> MemberCounts {
            func month(_ value: Int?) -> YearMonth? { value.flatMap { YearMonth(year: $0 / 100, month: $0 % 100) } }
            func region(_ code: String?) -> RegionCode? { code.flatMap(RegionCode.init(rawValue:)) }
            return MemberCounts(
                cells: cells.sorted {
                    ($0.key.month ?? 0, $0.key.layer ?? "", $0.key.district ?? "", $0.key.status ?? "")
                        < ($1.key.month ?? 0, $1.key.layer ?? "", $1.key.district ?? "", $1.key.status ?? "")
                }
                .map {
                    Cell(
                        month: month($0.key.month), layer: $0.key.layer, district: region($0.key.district),
                        status: $0.key.status.flatMap(RegistrationStatus.init(rawValue:)), count: $0.value)
                },
                segmentCells: segments.sorted {
                    ($0.key.month ?? 0, $0.key.segment, $0.key.district ?? "")
                        < ($1.key.month ?? 0, $1.key.segment, $1.key.district ?? "")
                }
                .map {
                    SegmentCell(
                        month: month($0.key.month), segment: $0.key.segment, district: region($0.key.district),
                        count: $0.value)
                },
                capital: Dictionary(uniqueKeysWithValues: capital.map { (Currency(rawValue: $0.key), $0.value) }),
                provenance: provenance)
        }
    }
}
