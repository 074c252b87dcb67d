import Foundation
import Synchronization

/// Hands batches from an import's synchronous body, which reads the file on a thread of its own, to the
/// store's asynchronous writer, at most `capacity` batches ahead, so memory stays bounded and reading
/// overlaps with the server's work. The writer never blocks a thread of the concurrency pool: it awaits
/// the stream; only the reading thread waits (for room).
final class ImportPipe<Batch: Sendable>: Sendable {
    let batches: AsyncStream<Batch>
    private let continuation: AsyncStream<Batch>.Continuation
    private let room: DispatchSemaphore
    private let isCancelled = Atomic<Bool>(false)

    init(capacity: Int) {
        (batches, continuation) = AsyncStream.makeStream(of: Batch.self, bufferingPolicy: .unbounded)
        room = DispatchSemaphore(value: capacity)
    }

    /// Waits for room and hands a batch over (reading thread); false when the writer gave up.
    func send(_ batch: Batch) -> Bool {
        room.wait()
        guard !isCancelled.load(ordering: .acquiring) else {
            room.signal()
            return false
        }
        continuation.yield(batch)
        return true
    }

    /// Tells the reading thread that a batch has been written (writer).
    func written() { room.signal() }

    /// Tells the reading thread to stop (writer): its next `send` returns false.
    func cancel() {
        isCancelled.store(true, ordering: .releasing)
        room.signal()
    }

    /// Ends the stream (reading thread, when its body has returned or thrown).
    func finish() { continuation.finish() }
}

/// The result of work done on a thread of its own, read after its pipe has finished.
final class ThreadResult<Value: Sendable>: Sendable {
    private let value = Mutex<Result<Value, any Error>?>(nil)

    func set(_ result: Result<Value, any Error>) { value.withLock { $0 = result } }

    func get() throws -> Value {
        guard let result = value.withLock({ $0 }) else { throw CancellationError() }
        return try result.get()
    }

    /// Runs `body` on a new thread with a stack large enough for parsing; `finish` is called after its
    /// result is set.
    static func start(
        _ body: @escaping @Sendable () throws -> Value, finish: @escaping @Sendable () -> Void
    ) -> ThreadResult {
        let result = ThreadResult()
        let thread = Thread {
            result.set(Result { try body() })
            finish()
        }
        thread.stackSize = 1 << 22
        thread.start()
        return result
    }
}
