extension MemberCounts {
    /// The counting facts (founding day, district, status, registered capital) and the classification's inputs
    /// (names, business scope, industry) companies had as of a day, where they differ from the stored ones: what a
    /// count as of that day must use, since a company keeps only its latest facts and classification. A fact as of
    /// the day is the value the latest export taken by then that held the company
    /// gave it (`add(key:heldBy:snapshot:)`): what that export's row said where it was not applied (`unapplied`:
    /// exports imported after a newer one), else the value the company had after that import, which is the value
    /// before the first change a later import applied (`applied`). Companies without such entries have their
    /// stored facts. The stores add the entries, then `resolved()` works each company's facts out.
    public struct EarlierFacts: Sendable {
        /// By company key, the values before the changes that imports of exports taken after the day applied, in the
        /// order of the imports.
        private var applied: [String: [(importID: Int64, before: [String: String?])]] = [:]
        /// By company key and import, what rows of exports taken by the day said and was not applied.
        private var unapplied: [String: [Int64: [String: String?]]] = [:]
        /// By company key, the latest import of an export taken by the day that held the company.
        private var latest: [String: (snapshot: String, importID: Int64)] = [:]
        /// By company key, the facts as of the day that differ from the stored ones (`resolved()`).
        private var facts: [String: [String: String?]] = [:]
        /// `refounded`, `reclassified` and `reexamined`, listed once by `resolved()`: a count reads them several times.
        private var refoundedKeys: [String] = []
        private var reclassifiedKeys: [String] = []
        private var reexaminedKeys: [String] = []
        private var isResolved = false
        /// The day, as `YYYY-MM-DD`; nil for facts of no day (none).
        private let day: String?

        /// No facts, for counts of no day.
        public init() { day = nil }

        /// The facts as of `day`, to be added.
        public init(asOf day: CalendarDate) { self.day = day.description }

        /// Whether no company's facts differ from its stored ones (before `resolved()`: whether no entry was added).
        public var isEmpty: Bool { isResolved ? facts.isEmpty : applied.isEmpty && unapplied.isEmpty }

        /// The companies whose facts may differ, whose holding imports (`add(key:heldBy:snapshot:)`) are needed;
        /// before `resolved()`, which keeps only the facts that differ.
        public var keys: Set<String> { Set(applied.keys).union(unapplied.keys) }

        /// Adds a change of company `key` (as the stores keep it: a JSON object of `column: [before, after]`)
        /// that import `importID`, of an export taken after the day, applied. Must come in the order of the imports.
        public mutating func add(key: String, importID: Int64, applied json: String) throws {
            let before = try Self.counted(json, .before, key: key, importID: importID)
            guard !before.isEmpty else { return }
            applied[key, default: []].append((importID, before))
        }

        /// Adds what the row of company `key` in import `importID`, of an export taken by the day, said and was
        /// not applied (`before` the stored value, `after` the row's).
        public mutating func add(key: String, importID: Int64, unapplied json: String) throws {
            let after = try Self.counted(json, .after, key: key, importID: importID)
            guard !after.isEmpty else { return }
            unapplied[key, default: [:]][importID] = after
        }

        /// Records that import `importID`, of an export taken on `snapshot` (ISO, by the day), held company `key`.
        public mutating func add(key: String, heldBy importID: Int64, snapshot: String) {
            if let known = latest[key], (known.snapshot, known.importID) >= (snapshot, importID) { return }
            latest[key] = (snapshot, importID)
        }

        /// Whether company `key` was founded by the day, by its founding day as of the day, else `stored`.
        func isFounded(_ key: String, stored: String?) -> Bool {
            if let founded = isFounded(key) { return founded }
            guard let stored, let day else { return false }
            return stored <= day
        }

        /// Fact `column` of company `key` as of the day where it differs from the stored one (which may be nil:
        /// unknown then), else nil; after `resolved()`.
        func fact(_ column: String, of key: String) -> String?? { facts[key]?[column] }

        /// The facts of company `key` as of the day that differ from the stored ones, nil when none do; after
        /// `resolved()`. One lookup for a count's every segment row, most of which have none.
        func facts(of key: String) -> [String: String?]? { facts[key] }

        /// The companies whose founding day as of the day differs from the stored one, after `resolved()`: a count
        /// must read them whatever their stored day, and counts them by `isFounded(_:)`.
        public var refounded: [String] { refoundedKeys }

        /// The companies whose name, business scope or industry as of the day differs from the stored one, after
        /// `resolved()`: a count classifies them as they were (`Tally.add(_:)`, `Reexamined`) instead of counting
        /// their stored classification.
        public var reclassified: [String] { reclassifiedKeys }

        /// The companies whose examples as of the day cannot come from their stored segment rows, after `resolved()`:
        /// classified otherwise then (`reclassified`), or founded on another day by that day's facts (`refounded`). A
        /// store's examples take them from `Reexamined` rather than from their segment rows (`MemberExample.Candidates`).
        public var reexamined: [String] { reexaminedKeys }

        /// Whether company `key` is one of `reexamined`, after `resolved()`: a store's examples as of the day take it
        /// from `Reexamined`, not from its stored segment rows.
        public func isReexamined(_ key: String) -> Bool {
            guard let values = facts[key] else { return false }
            return values["founded"] != nil || values.keys.contains(where: Self.classifiedColumns.contains)
        }

        /// The columns a classification reads (`Classifier.classification(of:)`).
        static let classifiedColumns: Set<String> = ["name_zh", "name_en", "business_scope", "industry_name"]

        /// Whether company `key`, of `refounded`, was founded by the day as the facts of the day say; nil for
        /// another company, whose stored founding day decides.
        func isFounded(_ key: String) -> Bool? {
            guard let founded = facts[key]?["founded"] else { return nil }
            guard let founded, let day else { return false }
            return founded <= day
        }

        /// The facts with each company's values as of the day worked out once, for `fact` (called for every
        /// segment row of a count). The entries they were worked out from are let go: a count as of a day before an
        /// export that changed a million companies holds them all until here.
        public func resolved() -> EarlierFacts {
            guard !isResolved else { return self }
            var resolved = self
            resolved.isResolved = true
            for key in keys {
                let source = latest[key]?.importID ?? 0
                var values: [String: String?] = [:]
                for (column, after) in unapplied[key]?[source] ?? [:] { values[column] = .some(after) }
                for entry in applied[key] ?? [] where entry.importID > source {
                    for (column, before) in entry.before where values[column] == nil { values[column] = .some(before) }
                }
                if !values.isEmpty { resolved.facts[key] = values }
            }
            resolved.refoundedKeys = resolved.facts.compactMap { $0.value["founded"] == nil ? nil : $0.key }.sorted()
            resolved.reclassifiedKeys = resolved.facts.compactMap { key, values in
                values.keys.contains(where: Self.classifiedColumns.contains) ? key : nil
            }.sorted()
            resolved.reexaminedKeys = Set(resolved.reclassifiedKeys).union(resolved.refoundedKeys).sorted()
            (resolved.applied, resolved.unapplied, resolved.latest) = ([:], [:], [:])
            return resolved
        }

        /// The counted and classified columns' values on `side` of company `key`'s history entry in import
        /// `importID`.
        private static func counted(
            _ json: String, _ side: CountedChanges.Side, key: String, importID: Int64
        ) throws(StoreError) -> [String: String?] {
            do throws(CountedChanges.Malformed) {
                return try CountedChanges.values(in: json, at: side)
            } catch {
                throw StoreError(
                    .corruptRow, location: "company_history of \(key), import \(importID)",
                    detail: "the changes are not a JSON object of [before, after] pairs (at byte \(error.offset)): "
                        + json)
            }
        }
    }
}
