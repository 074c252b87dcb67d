public import ChainscopeCore
public import Foundation

/// The behaviour every `Store` backend must show, run against each one: the same steps (install, import
/// with quarantine and duplicates, re-import, a newer export, a failed import, classification, indicators,
/// search and lists, provenance) on a new, empty store. It checks what must hold whatever the backend and
/// returns what the store answered, so that tests can also compare backends answer for answer.
///
/// It reads files and classifies through `Inputs`, which the test target builds from the layers above
/// the store (ChainscopeTestSupport depends on Core and, for its test workbooks, ZIPFoundation alone).
public struct StoreConformance: Sendable {
    /// What the suite needs from above the store.
    public struct Inputs: Sendable {
        public var regions: RegionDirectory
        public var dataset: Dataset
        public var taxonomy: Taxonomy
        /// Classifies companies with `taxonomy`.
        public var classify: @Sendable ([Company]) -> [Classification]
        /// Imports a registry export, classifying it with `taxonomy`.
        public var importFile: @Sendable (URL, any Store) async throws -> (import: RegistryImport, isNew: Bool)
        /// An export with quarantined rows and repeated companies: a CSV file whose second line is its header.
        public var first: URL
        /// A later export of some of the same companies, some changed, and new ones.
        public var newer: URL
        /// A file that fails after some of its rows have been handed to the store.
        public var broken: URL
        /// A workbook of new companies whose two sheets each quarantine rows.
        public var workbook: URL

        public init(
            regions: RegionDirectory, dataset: Dataset, taxonomy: Taxonomy,
            classify: @escaping @Sendable ([Company]) -> [Classification],
            importFile: @escaping @Sendable (URL, any Store) async throws -> (import: RegistryImport, isNew: Bool),
            first: URL, newer: URL, broken: URL, workbook: URL
        ) {
            self.regions = regions
            self.dataset = dataset
            self.taxonomy = taxonomy
            self.classify = classify
            self.importFile = importFile
            self.first = first
            self.newer = newer
            self.broken = broken
            self.workbook = workbook
        }
    }

    /// Everything the store answered, in a defined order.
    public struct Snapshot: Sendable, Hashable {
        public var datasets: [DatasetInfo] = []
        public var dataset: Dataset?
        public var regions = RegionDirectory()
        public var imports: [RegistryImport] = []
        public var quarantine: [QuarantinedRow] = []
        public var quarantineGroups: [QuarantineGroup] = []
        public var companies: [Company] = []
        public var histories: [String: [CompanyChange]] = [:]
        public var importChanges: [ImportedChange] = []
        public var raws: [String: [String: String]] = [:]
        public var staleReclassified = 0
        public var classifications: [String: Classification] = [:]
        public var classificationCounts: [String: Int] = [:]
        public var memberCounts: [String: MemberCounts] = [:]
        public var examples: [String: [String]] = [:]
        /// Company keys of each list query, every page read.
        public var lists: [String: [String]] = [:]
    }

    public let inputs: Inputs

    public init(inputs: Inputs) { self.inputs = inputs }

    /// Runs every step against `store`, which must be new and empty.
    public func run(on store: any Store) async throws -> (snapshot: Snapshot, failures: [String]) {
        var check = Checker()
        var snapshot = Snapshot()
        try await install(into: store, &snapshot, &check)
        try await imports(into: store, &snapshot, &check)
        try await classification(of: store, &snapshot, &check)
        try await indicators(of: store, &snapshot, &check)
        try await lists(of: store, &snapshot, &check)
        try await quarantine(of: store, &snapshot, &check)
        return (snapshot, check.failures)
    }

    private func install(into store: any Store, _ snapshot: inout Snapshot, _ check: inout Checker) async throws {
        try await store.install(inputs.regions)
        try await store.install(inputs.dataset)
        // Installing again replaces the earlier copy.
        try await store.install(inputs.dataset)
        snapshot.regions = try await store.regionDirectory()
        snapshot.datasets = try await store.datasets()
        snapshot.dataset = try await store.dataset(id: inputs.dataset.info.id)
        check(snapshot.regions == inputs.regions, "the division table reads back as installed")
        check(snapshot.datasets == [inputs.dataset.info], "one dataset is listed after installing it twice")
        check(snapshot.dataset?.facts == inputs.dataset.facts, "the dataset's facts read back as installed")
        check(snapshot.dataset?.sources == inputs.dataset.sources, "the dataset's sources read back as installed")
        check(
            snapshot.dataset?.companies.count == inputs.dataset.companies.count,
            "the dataset's companies read back once each")
        check(try await store.dataset(id: "no-such-dataset") == nil, "an unknown dataset is nil")
    }

    private func imports(into store: any Store, _ snapshot: inout Snapshot, _ check: inout Checker) async throws {
        let first = try await inputs.importFile(inputs.first, store)
        check(first.isNew, "a new file is imported")
        check(first.import.counts.isBalanced, "stored + quarantined + duplicates = rows read (first file)")
        check(first.import.counts.quarantined > 0, "the first file has quarantined rows")
        check(first.import.counts.duplicates > 0, "the first file repeats companies")
        let quarantined = try await store.quarantinedRows(importID: first.import.id)
        check(quarantined.count == first.import.counts.quarantined, "every quarantined row is listed")
        check(
            quarantined.allSatisfy { $0.reasonDetail?.description == $0.reason },
            "every quarantined row's reason reads back as its code, which words it as stored")
        let header = try String(contentsOf: inputs.first, encoding: .utf8).components(separatedBy: "\r\n")[1]
        check(
            quarantined.allSatisfy { $0.rawColumns?.joined(separator: ",") == header },
            "every quarantined row keeps the file's columns in their order")
        let companies = try await store.registryCompanies()
        check(companies.count == first.import.counts.inserted, "every inserted row is a company")

        let again = try await inputs.importFile(inputs.first, store)
        check(!again.isNew && again.import == first.import, "re-importing a file returns the earlier import")
        check(try await store.registryCompanies() == companies, "re-importing a file changes nothing")

        let newer = try await inputs.importFile(inputs.newer, store)
        check(newer.isNew && newer.import.counts.isBalanced, "stored + quarantined + duplicates = rows read (newer)")
        check(newer.import.counts.updated > 0, "a newer export updates companies")
        check(newer.import.counts.inserted > 0, "a newer export adds companies")
        check(newer.import.counts.unchanged > 0, "companies a newer export repeats as they were are unchanged")

        let before = try await (store.imports(), store.registryCompanies(), store.quarantinedRows(importID: nil))
        do {
            _ = try await inputs.importFile(inputs.broken, store)
            check.fail("a broken file is refused")
        } catch {}
        let after = try await (store.imports(), store.registryCompanies(), store.quarantinedRows(importID: nil))
        check(before == after, "a failed import leaves the store as it was")

        snapshot.imports = after.0
        check(
            after.0.allSatisfy { $0.warningDetails?.map(\.description) == $0.warnings },
            "every import's warnings read back as their codes, which word them as stored")
        snapshot.companies = after.1
        snapshot.quarantine = after.2
        var batches: [Company] = []
        let collected = Collected()
        try await store.forEachRegistryCompany(batchSize: 7) { collected.append($0) }
        batches = collected.companies
        check(batches == snapshot.companies, "companies in batches are the companies, in key order")
        for company in snapshot.companies {
            let key = company.key
            let history = try await store.companyHistory(key: key)
            if !history.isEmpty { snapshot.histories[key.description] = history }
            if let raw = try await store.companyRaw(key: key) { snapshot.raws[key.description] = raw }
        }
        check(snapshot.histories.count == newer.import.counts.updated, "each updated company has its history")
        snapshot.importChanges = try await store.changes(ofImport: newer.import.id, limit: 100_000)
        let changes = snapshot.importChanges
        check(
            Set(changes.map(\.key.description)) == Set(snapshot.histories.keys)
                && changes.count == snapshot.histories.count,
            "an import lists each company it changed once")
        // A moved company's address gains （新址）; the others are only spelt another way.
        check(
            !changes.isEmpty
                && changes.allSatisfy { change in
                    change.change.fields.contains { $0.name == "address" && $0.after?.hasSuffix("（新址）") == true }
                        && !change.change.fields.contains {
                            ["founded", "capital_text", "business_scope"].contains($0.name)
                        }
                },
            "the newer export changes only the companies it moved and struck off, not those it spells another way")
        let rows = changes.map { $0.change.row ?? 0 }
        check(rows == rows.sorted(), "in the order of their rows")
        let names = Dictionary(snapshot.companies.map { ($0.key, $0.names.zh) }, uniquingKeysWith: { $1 })
        check(
            changes.allSatisfy {
                snapshot.histories[$0.key.description]?.last == $0.change && names[$0.key] == $0.name
            },
            "with its name and change")
        check(
            try await store.changes(ofImport: newer.import.id, limit: 1) == Array(changes.prefix(1)),
            "a limit keeps the first")
        for company in snapshot.companies.prefix(40) {
            check(try await store.company(key: company.key) == company, "a company is found by its key")
            if let code = company.creditCode {
                check(try await store.company(creditCode: code) == company, "a company is found by its credit code")
            }
        }
    }

    private func classification(of store: any Store, _ snapshot: inout Snapshot, _ check: inout Checker) async throws {
        // The newer export left the classifications of changed companies stale; `classify` takes them up.
        snapshot.staleReclassified = try await store.classifyCompanies(
            taxonomy: inputs.taxonomy, all: false, classify: inputs.classify)
        let again = try await store.classifyCompanies(taxonomy: inputs.taxonomy, all: false, classify: inputs.classify)
        check(again == 0, "classifying again finds nothing stale")
        let all = try await store.classifyCompanies(taxonomy: inputs.taxonomy, all: true, classify: inputs.classify)
        check(all == snapshot.companies.count, "classifying all classifies every registry company")
        for company in snapshot.companies {
            let stored = try await store.classification(of: company.key, taxonomy: inputs.taxonomy.id)
            check(stored == inputs.classify([company]).first, "a stored classification reads back as made")
            snapshot.classifications[company.key.description] = stored
        }
        snapshot.classificationCounts = try await store.classificationCounts(taxonomy: inputs.taxonomy.id)
        check(
            snapshot.classificationCounts.values.reduce(0, +) == snapshot.companies.count,
            "classification counts add up to the companies")
    }

    private func indicators(of store: any Store, _ snapshot: inout Snapshot, _ check: inout Checker) async throws {
        let days: [CalendarDate?] = [
            nil, CalendarDate(year: 2021, month: 12, day: 31), CalendarDate(year: 2022, month: 6, day: 30),
            CalendarDate(year: 2022, month: 10, day: 31),
        ]
        let members = snapshot.classifications.values.filter(\.isMember).count
        for day in days {
            let counts = try await store.memberCounts(taxonomy: inputs.taxonomy, asOf: day)
            snapshot.memberCounts[day?.description ?? "all"] = counts
            if day == nil { check(counts.members == members, "every member is counted") }
            // Read together, as a report reads them, for the two largest segments by the counts.
            let together = try await store.memberCounts(
                taxonomy: inputs.taxonomy, asOf: day, examples: 5,
                of: { Indicators($0).ranking(by: .segment).prefix(2).map(\.key) })
            check(together.counts == counts, "counts read with examples are the counts")
            check(
                Set(together.examples.keys) == Set(Indicators(counts).ranking(by: .segment).prefix(2).map(\.key)),
                "counts read with examples give the examples of the segments picked from them")
            for (_, segment) in inputs.taxonomy.segments {
                let examples = try await store.segmentExamples(
                    taxonomy: inputs.taxonomy, segment: segment.id, limit: 5, asOf: day)
                check(
                    examples.allSatisfy { $0.classification.segments.contains { $0.segment == segment.id } },
                    "a segment's examples score in it")
                if let read = together.examples[segment.id] {
                    check(read == examples, "examples read with the counts are the segment's examples")
                }
                snapshot.examples["\(segment.id) \(day?.description ?? "all")"] = examples.map(
                    \.company.key.description)
            }
        }
    }
}

/// Failures of the suite's checks, each named by what should have held.
struct Checker {
    private(set) var failures: [String] = []

    mutating func callAsFunction(_ condition: Bool, _ expectation: String) {
        if !condition { failures.append(expectation) }
    }

    mutating func fail(_ expectation: String) { failures.append(expectation) }
}

/// Companies collected from `forEachRegistryCompany`'s batches.
final class Collected: @unchecked Sendable {
    private let lock = NSLock()
    private var stored: [Company] = []

    func append(_ batch: [Company]) { lock.withLock { stored += batch } }

    var companies: [Company] { lock.withLock { stored } }
}
