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
        guard format == .csv else {
            throw IngestError(
                .unreadableFile, at: .init(file: displayName ?? url.lastPathComponent),
                expected: "a CSV or TSV export (scan reads text tables only)",
                found: (format == .xlsx ? "an XLSX workbook" : "a JSON file") + "; import it instead, or save it as CSV"
            )
        }
        let counts: Counts
        do {
            counts = try runInParallel(TextExport(url: url, displayName: displayName, encoding: options.encoding))
        } catch is RecordChunks.Unaligned {
            counts = try runInOnePass(url, displayName: displayName)
        }
        guard counts.rowsRead == 0 else { return counts }
        throw try noDataRows(url, name: displayName ?? url.lastPathComponent)
    }

    /// Why a file without a data row is refused, as import refuses it: it has no rows, or a header alone (at its
    /// line). Reads the file's first rows again, which is all such a file holds.
    private func noDataRows(_ url: URL, name: String) throws -> IngestError {
        var rows: [RawRow] = []
        try CSVReader(url: url, displayName: name, encoding: options.encoding).forEachRow { row in
            if rows.count < RowConsumer.headerSearchRows { rows.append(row) }
        }
        guard !rows.isEmpty else { return IngestError(.noRows, at: .init(file: name)) }
        let layout = try HeaderLayout.detect(in: rows, file: name, mapping: options.mapping)
        let header = rows.first { $0.number == layout.headerRow }
        return IngestError(.noDataRows(sheets: []), at: .init(file: name, line: header?.line))
    }

    /// One thread reads and parses while the calling thread classifies.
    func runInOnePass(_ url: URL, displayName: String? = nil) throws -> Counts {
        let name = displayName ?? url.lastPathComponent
        let channel = RowChannel<Fields>(capacity: 8)
        let reader = CSVReader(url: url, displayName: name, encoding: options.encoding)
        let mapping = options.mapping
        let done = channel.startProducer { try Self.read(reader, file: name, mapping: mapping, into: channel) }
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

    /// Finds the header among the first rows, then sends each data row's cells in batches.
    private static func read(
        _ reader: CSVReader, file: String, mapping: [String: RegistryField], into channel: RowChannel<Fields>
    ) throws {
        var pending: [RawRow] = []
        var layout: HeaderLayout?
        var batch: [Fields] = []
        batch.reserveCapacity(512)
        try reader.forEachRow { row in
            guard let layout else {
                pending.append(row)
                guard pending.count >= RowConsumer.headerSearchRows else { return }
                let found = try HeaderLayout.detect(in: pending, file: file, mapping: mapping)
                layout = found
                batch += pending.filter { $0.number > found.headerRow }.map { Self.fields($0, found) }
                pending = []
                return
            }
            batch.append(Self.fields(row, layout))
            if batch.count >= 512 {
                guard channel.send(batch) else { throw CancellationError() }
                batch.removeAll(keepingCapacity: true)
            }
        }
        if layout == nil, !pending.isEmpty {
            let found = try HeaderLayout.detect(in: pending, file: file, mapping: mapping)
            batch += pending.filter { $0.number > found.headerRow }.map { Self.fields($0, found) }
        }
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
