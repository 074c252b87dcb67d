public import ChainscopeCore
public import Foundation

/// Classifies an export straight from the file and counts the chain's members by founding month,
/// district and main layer, storing nothing: a quick look at a file before importing it. The calling
/// thread cuts the file into pieces of whole records that one worker per core parses and classifies;
/// a file whose record ends cannot be found that way (a stray quote) is read in one pass instead.
public struct RegistryScan: Sendable {
    /// What a scan counted.
    public struct Counts: Sendable, Hashable, Codable {
        public var rowsRead = 0
        public var members = 0
        /// Members by founding month (`2022-03`; `unknown` when the date is missing or unreadable).
        public var byMonth: [String: Int] = [:]
        /// Members by the district column as written (`unknown` when empty).
        public var byDistrict: [String: Int] = [:]
        public var byLayer: [String: Int] = [:]

        public init() {}
    }

    /// The cells a scan needs from a row.
    struct Fields: Sendable {
        let name: String
        let scope: String?
        let industry: String?
        let founded: String?
        let district: String?
    }

    public let classifier: Classifier
    public let options: RegistryImportOptions
    /// Members by confidence rather than by the default threshold (see `Classification.reading`).
    public var minConfidence: Double?
    /// How much of the file each parallel piece holds (smaller in tests, to cut records often).
    var pieceSize = 1 << 20

    public init(classifier: Classifier, options: RegistryImportOptions = .init()) {
        self.classifier = classifier
        self.options = options
    }

    public func run(_ url: URL, displayName: String? = nil) throws -> Counts {
        _ = try RegistryImporter.attributes(of: url, name: displayName ?? url.lastPathComponent)
        let format = try RegistryFormat(url: url, displayName: displayName)
        // A workbook or JSON file is read in one pass; so is a text file whose records cannot be cut apart, or
        // one that holds no data row (which the pass refuses as import does, saying why).
        guard format == .csv else { return try runInOnePass(url, displayName: displayName, format: format) }
        let counts: Counts
        do {
            counts = try runInParallel(TextExport(url: url, displayName: displayName, encoding: options.encoding))
        } catch is RecordChunks.Unaligned {
            return try runInOnePass(url, displayName: displayName, format: format)
        }
        guard counts.rowsRead == 0 else { return counts }
        return try runInOnePass(url, displayName: displayName, format: format)
    }

    /// One thread reads and parses while the calling thread classifies.
    func runInOnePass(_ url: URL, displayName: String? = nil, format: RegistryFormat = .csv) throws -> Counts {
        let name = displayName ?? url.lastPathComponent
        let channel = RowChannel<Fields>(capacity: 8)
        let options = options
        let done = channel.startProducer {
            try Self.read(format, url: url, file: name, options: options, into: channel)
        }
        defer { done.wait() }
        var counts = Counts()
        var months = MonthMemo()
        do {
            while let batch = try channel.receive() {
                for fields in batch { count(fields, into: &counts, months: &months) }
            }
        } catch {
            channel.cancel()
            throw error
        }
        return counts
    }

    private func count(_ fields: Fields, into counts: inout Counts, months: inout MonthMemo) {
        counts.rowsRead += 1
        let classification = classifier.classify(name: fields.name, scope: fields.scope, industry: fields.industry)
            .reading(minConfidence: minConfidence)
        guard classification.isMember else { return }
        counts.add(member: classification, month: months.month(of: fields.founded), district: fields.district)
    }

    /// Finds each table's header (or each JSON object's keys), then sends each data row's cells in batches; an
    /// object with no name key (a summary, a note) is no company.
    private static func read(
        _ format: RegistryFormat, url: URL, file: String, options: RegistryImportOptions,
        into channel: RowChannel<Fields>
    ) throws {
        var tables = TableFinder(file: file, mapping: options.mapping, format: format) { $0 }
        var batch: [Fields] = []
        batch.reserveCapacity(512)
        let add = { (row: RawRow, layout: HeaderLayout) in
            if layout.column(of: .name) != nil { batch.append(Self.fields(row, layout)) }
        }
        _ = try RegistryImporter.read(
            format, url: url, name: file, options: options,
            { row in
                try tables.accept(row, add)
                if batch.count >= 512 {
                    guard channel.send(batch) else { throw CancellationError() }
                    batch.removeAll(keepingCapacity: true)
                }
            }, bytesRead: { _ in })
        try tables.finish(add)
        if !batch.isEmpty { _ = channel.send(batch) }
    }

    private static func fields(_ row: RawRow, _ layout: HeaderLayout) -> Fields {
        func cell(_ field: RegistryField) -> String? {
            guard let column = layout.column(of: field), column < row.cells.count else { return nil }
            let text = row.cells[column]
            return TextFolding.isEmptyMarker(text) ? nil : text
        }
        return Fields(
            name: cell(.name) ?? "", scope: cell(.scope),
            industry: cell(.industryClass) ?? cell(.industryGroup) ?? cell(.industryDivision) ?? cell(.industry),
            founded: cell(.founded), district: cell(.district))
    }
}
