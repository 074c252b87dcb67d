import ChainscopeCore
import Foundation

/// Reads and maps a file on a thread of its own, handing prepared rows to the writer through a
/// bounded channel. The writer joins it before the import's transaction ends, so it never outlives
/// the import.
final class ReadingThread: @unchecked Sendable {
    let channel = RowChannel<PreparedRow>(capacity: 8)
    private var done: DispatchSemaphore?
    // Written by the thread before it ends, read after `join()`.
    private(set) var encoding: TextEncoding?
    private(set) var warnings: [ImportWarning] = []
    static let batchSize = 512

    /// `read` hands each row of the file to the closure it is given, which answers how many data rows it made
    /// ready (none for a title or header row; those held back until the header is known, when it is found).
    init(consumer: RowConsumer, read: @escaping @Sendable ((RawRow) throws -> Int) throws -> TextEncoding?) {
        done = channel.startProducer { [self] in
            var consumer = consumer
            var batch: [PreparedRow] = []
            batch.reserveCapacity(Self.batchSize)
            encoding = try read { row in
                let count = try consumer.accept(row, into: &batch)
                if batch.count >= Self.batchSize {
                    guard channel.send(batch) else { throw CancellationError() }
                    batch.removeAll(keepingCapacity: true)
                }
                return count
            }
            try consumer.finish(into: &batch)
            if !batch.isEmpty { _ = channel.send(batch) }
            warnings = consumer.warnings
        }
    }

    /// Waits until the thread has finished.
    func join() { done?.wait() }
}
