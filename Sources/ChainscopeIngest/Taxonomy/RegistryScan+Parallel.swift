import ChainscopeCore
import Foundation

extension RegistryScan {
    /// Cuts the file into pieces of whole records on this thread while one worker per core parses,
    /// classifies and counts them. Throws `RecordChunks.Unaligned` for a file whose records cannot
    /// be found without reading it in order.
    func runInParallel(_ export: TextExport) throws -> Counts {
        var chunks = try RecordChunks(export, pieceSize: pieceSize)
        guard let first = try chunks.next(),
            let plan = try ScanPlan(first: first, sample: chunks.sample, export: export, mapping: options.mapping)
        else { return Counts() }
        let results = ScanResults()
        let queue = RowChannel<RecordChunks.Chunk>(capacity: 4)
        let workerCount = max(1, ProcessInfo.processInfo.activeProcessorCount)
        let finished = (0..<workerCount).map { _ in
            queue.startWorker { [self] in try work(on: queue, plan: plan, results: results) }
        }
        var readerFailure: (index: Int, error: any Error)?
        var next: RecordChunks.Chunk? = first
        while let chunk = next {
            guard queue.send([chunk]) else { break }
            do {
                next = try chunks.next()
            } catch {
                readerFailure = (chunk.index + 1, error)
                break
            }
        }
        queue.finish()
        for done in finished { done.wait() }
        return try results.outcome(
            readerFailure: readerFailure, file: export.displayName, encoding: first.encoding, sample: chunks.sample)
    }

    private func work(on queue: RowChannel<RecordChunks.Chunk>, plan: ScanPlan, results: ScanResults) throws {
        var counts = Counts()
        var months = MonthMemo()
        let scratch = (name: ByteScratch(), scope: ByteScratch(), industry: ByteScratch(), other: ByteScratch())
        while let batch = try queue.receive() {
            for chunk in batch where !results.isStopped(before: chunk.index) {
                var parser = CSVChunkParser(delimiter: plan.delimiter, validates: !chunk.isValidated)
                var recordNumber = 0
                do {
                    let lines = try chunk.bytes.withUnsafeBufferPointer { bytes in
                        try parser.parse(bytes, isLast: chunk.isLast) { fields in
                            guard !ScanPlan.isBlank(fields, in: bytes, scratch: scratch.other) else { return }
                            recordNumber += 1
                            guard chunk.index > 0 || recordNumber > plan.headerRow else { return }
                            count(fields, in: bytes, plan: plan, scratch: scratch, into: &counts, months: &months)
                        }
                    }
                    results.finished(chunk.index, lines: lines)
                } catch {
                    results.failed(chunk.index, error)
                    queue.cancel()
                }
            }
        }
        results.add(counts)
    }

    private func count(
        _ fields: [CSVChunkParser.Field], in bytes: UnsafeBufferPointer<UInt8>, plan: ScanPlan,
        scratch: (name: ByteScratch, scope: ByteScratch, industry: ByteScratch, other: ByteScratch),
        into counts: inout Counts, months: inout MonthMemo
    ) {
        func cell(_ column: Int?, _ scratch: ByteScratch) -> UnsafeBufferPointer<UInt8>? {
            guard let column, column < fields.count else { return nil }
            let content = CSVChunkParser.content(of: fields[column], in: bytes, scratch: scratch)
            return ScanPlan.isEmptyMarker(content) ? nil : content
        }
        counts.rowsRead += 1
        let industry = plan.industry.lazy.compactMap { cell($0, scratch.industry) }.first
        let classification = classifier.classifyForCounting(
            name: cell(plan.name, scratch.name) ?? UnsafeBufferPointer(start: nil, count: 0),
            scope: cell(plan.scope, scratch.scope), industry: industry
        ).reading(minConfidence: minConfidence)
        guard classification.isMember else { return }
        func text(_ column: Int?) -> String? { cell(column, scratch.other).map { String(decoding: $0, as: UTF8.self) } }
        counts.add(member: classification, month: months.month(of: text(plan.founded)), district: text(plan.district))
    }
}

extension RegistryScan.Counts {
    /// Counts a member by its founding month (see `MonthMemo`), district as written (`unknown` when
    /// empty) and main layer.
    mutating func add(member classification: Classification, month: String, district: String?) {
        members += 1
        byMonth[month, default: 0] += 1
        byDistrict[district ?? "unknown", default: 0] += 1
        byLayer[classification.mainLayer ?? "unknown", default: 0] += 1
    }

    mutating func add(_ other: Self) {
        rowsRead += other.rowsRead
        members += other.members
        byMonth.merge(other.byMonth, uniquingKeysWith: +)
        byDistrict.merge(other.byDistrict, uniquingKeysWith: +)
        byLayer.merge(other.byLayer, uniquingKeysWith: +)
    }
}

/// Founding months by the date as written, `unknown` when it is missing or unreadable: an export repeats
/// a few thousand dates, each read once.
struct MonthMemo {
    private var months: [String: String] = [:]

    mutating func month(of founded: String?) -> String {
        guard let founded else { return "unknown" }
        if let month = months[founded] { return month }
        var month = "unknown"
        if case .success(let date?) = RegistryDate.parse(founded) { month = String(date.description.prefix(7)) }
        // Bounded, for a file of free-text dates.
        if months.count < 100_000 { months[founded] = month }
        return month
    }
}

/// What the workers of a parallel scan found, piece by piece, so that the first problem in file
/// order is the one reported, with its line counted over the pieces before it.
final class ScanResults: @unchecked Sendable {
    private let lock = NSLock()
    private var counts = RegistryScan.Counts()
    private var lines: [Int: Int] = [:]
    private var failures: [Int: any Error] = [:]

    /// Whether a piece before `index` failed, so that later pieces need not be read.
    func isStopped(before index: Int) -> Bool {
        lock.withLock { failures.keys.contains { $0 < index } }
    }

    func finished(_ index: Int, lines count: Int) { lock.withLock { lines[index] = count } }

    func failed(_ index: Int, _ error: any Error) { lock.withLock { failures[index] = error } }

    func add(_ worker: RegistryScan.Counts) { lock.withLock { counts.add(worker) } }

    /// The counts, or the first failure in file order with its line in the whole file.
    func outcome(
        readerFailure: (index: Int, error: any Error)?, file: String, encoding: TextEncoding, sample: Data
    ) throws -> RegistryScan.Counts {
        try lock.withLock {
            var all = failures
            if let readerFailure { all[readerFailure.index] = readerFailure.error }
            guard let (index, error) = all.min(by: { $0.key < $1.key }) else { return counts }
            let before = (0..<index).reduce(0) { $0 + (lines[$1] ?? 0) }
            try Self.throwError(for: error, linesBefore: before, file: file, encoding: encoding, sample: sample)
            return counts
        }
    }

    /// Throws `error`, a parser's problem as the error a sequential read gives, located in the file.
    static func throwError(
        for error: any Error, linesBefore before: Int, file: String, encoding: TextEncoding, sample: Data
    ) throws {
        guard let problem = error as? CSVChunkParser.Problem else { throw error }
        switch problem {
        case .invalidUTF8(let line):
            throw DecodedChunks.undecodable(file: file, line: before + line, encoding: encoding, sample: sample)
        case .truncatedCharacter(let line):
            throw DecodedChunks.truncated(file: file, line: before + line, encoding: encoding)
        case .replacementCharacter(let line):
            throw DecodedChunks.replacementCharacter(file: file, line: before + line)
        case .unclosedQuote(let line): throw CSVParser.unclosedQuote(file: file, line: before + line)
        case .unaligned: throw RecordChunks.Unaligned()
        }
    }
}
