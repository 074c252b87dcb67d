import Foundation

/// A bounded hand-over of row batches from the reading thread to the writing one, so that reading
/// and normalising a file overlaps with writing it, while memory stays bounded by `capacity` batches.
final class RowChannel<Element>: @unchecked Sendable {
    private let condition = NSCondition()
    private var batches: [[Element]] = []
    private var isFinished = false
    private var isCancelled = false
    private var failure: (any Error)?
    let capacity: Int

    init(capacity: Int) { self.capacity = capacity }

    /// Waits for room and hands a batch over; false when the receiver gave up.
    func send(_ batch: [Element]) -> Bool {
        condition.lock()
        defer { condition.unlock() }
        while batches.count >= capacity && !isCancelled { condition.wait() }
        guard !isCancelled else { return false }
        batches.append(batch)
        condition.broadcast()
        return true
    }

    /// Ends the stream, with the sender's error if it failed.
    func finish(throwing error: (any Error)? = nil) {
        condition.lock()
        isFinished = true
        failure = error
        condition.broadcast()
        condition.unlock()
    }

    /// Tells the sender to stop.
    func cancel() {
        condition.lock()
        isCancelled = true
        condition.broadcast()
        condition.unlock()
    }

    /// The next batch; nil at the end; the sender's error if it failed.
    func receive() throws -> [Element]? {
        condition.lock()
        defer { condition.unlock() }
        while batches.isEmpty && !isFinished { condition.wait() }
        if !batches.isEmpty {
            condition.broadcast()
            return batches.removeFirst()
        }
        if let failure { throw failure }
        return nil
    }
}

extension RowChannel {
    /// Runs `produce` on a thread of its own, with a stack large enough for parsing, and ends the
    /// channel when it returns, with its error if it throws. Wait on the semaphore to join the thread.
    func startProducer(_ produce: @escaping @Sendable () throws -> Void) -> DispatchSemaphore {
        Self.startThread { [self] in
            do {
                try produce()
                finish()
            } catch {
                finish(throwing: error)
            }
        }
    }

    /// Runs `consume`, one of several receivers, on a thread of its own; an error it throws ends
    /// the channel for the others too. Wait on the semaphore to join the thread.
    func startWorker(_ consume: @escaping @Sendable () throws -> Void) -> DispatchSemaphore {
        Self.startThread { [self] in
            do {
                try consume()
            } catch {
                cancel()
                finish(throwing: error)
            }
        }
    }

    private static func startThread(_ body: @escaping @Sendable () -> Void) -> DispatchSemaphore {
        let done = DispatchSemaphore(value: 0)
        let thread = Thread {
            body()
            done.signal()
        }
        thread.stackSize = 1 << 22
        thread.start()
        return done
    }
}
