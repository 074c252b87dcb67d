import ChainscopeCore
import ChainscopeIngest
import Foundation
import Hummingbird
import Logging
import NIOCore
import ServiceLifecycle
import Synchronization

/// Uploaded exports waiting to be imported, imported one at a time by a service that runs in the
/// application's service group, so a shutdown lets the running import finish or roll back cleanly.
final class ImportJobs: Service, Sendable {
    /// What a client sees of a job.
    struct Status: Codable, Sendable {
        enum State: String, Codable, Sendable { case queued, running, succeeded, failed }
        var id: Int
        var file: String
        var state: State
        /// The import the job made or found (the same content imported before), once it succeeded.
        var importID: Int64?
        var isNew: Bool?
        var counts: ImportCounts?
        /// Where the import's quarantined rows are listed, once it succeeded.
        var quarantine: String?
        /// Why the file was refused, when it failed; the database is as it was.
        var error: String?
        /// The same in Korean, Chinese and English, when the file itself was refused (its encoding, layout or
        /// format); a failure of the database has `error` only.
        var errorText: LocalizedText?
    }

    private struct Job: Sendable {
        let id: Int
        let file: URL
        let name: String
        let snapshotDate: CalendarDate?
    }

    private let store: any Store
    private let state: ServerState
    private let logger: Logger
    private let stream: AsyncStream<Job>
    private let continuation: AsyncStream<Job>.Continuation
    private let statuses = Mutex<(next: Int, byID: [Int: Status])>((1, [:]))
    private let folder: URL

    init(store: any Store, state: ServerState, logger: Logger) {
        self.store = store
        self.state = state
        self.logger = logger
        (stream, continuation) = AsyncStream.makeStream(of: Job.self)
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("chainscope-uploads-\(UUID())")
    }

    /// Writes an upload to disk as it arrives (never holding the whole file in memory), at most `limit`
    /// bytes, then queues its import. An upload over the limit or empty is refused and nothing is kept.
    func submit(
        _ body: some AsyncSequence<ByteBuffer, any Error>, name: String, snapshotDate: CalendarDate?, limit: Int
    ) async throws -> Status {
        let id = statuses.withLock { state in
            defer { state.next += 1 }
            return state.next
        }
        let jobFolder = folder.appendingPathComponent(String(id))
        try FileManager.default.createDirectory(at: jobFolder, withIntermediateDirectories: true)
        let file = jobFolder.appendingPathComponent(name)
        do {
            guard FileManager.default.createFile(atPath: file.path, contents: nil) else {
                throw Problem(.internalServerError, "The server could not keep the upload; its log says why.")
            }
            let handle = try FileHandle(forWritingTo: file)
            defer { try? handle.close() }
            var size = 0
            for try await buffer in body {
                size += buffer.readableBytes
                guard size <= limit else {
                    throw Problem(
                        .contentTooLarge, "The upload is larger than this server accepts (CHAINSCOPE_UPLOAD_LIMIT_MB).")
                }
                try handle.write(contentsOf: buffer.readableBytesView)
            }
            guard size > 0 else {
                throw Problem(.badRequest, "The upload is empty; send the export file as the request body.")
            }
        } catch {
            try? FileManager.default.removeItem(at: jobFolder)
            throw error
        }
        let status = Status(id: id, file: name, state: .queued)
        statuses.withLock { $0.byID[id] = status }
        continuation.yield(Job(id: id, file: file, name: name, snapshotDate: snapshotDate))
        return status
    }

    func status(_ id: Int) -> Status? { statuses.withLock { $0.byID[id] } }

    func run() async throws {
        await withGracefulShutdownHandler {
            for await job in stream { await perform(job) }
        } onGracefulShutdown: { [continuation] in
            continuation.finish()
        }
        try? FileManager.default.removeItem(at: folder)
    }

    private func perform(_ job: Job) async {
        update(job.id) { $0.state = .running }
        defer { try? FileManager.default.removeItem(at: job.file.deletingLastPathComponent()) }
        do {
            var options = RegistryImportOptions(snapshotDate: job.snapshotDate)
            if let chain = state.taxonomy("ai") { options.classifier = Classifier(chain) }
            let importer = RegistryImporter(regions: try await state.regions())
            let (record, isNew) = try await importer.run(job.file, options: options, into: store)
            _ = try await store.refreshSearchIndex()
            await state.invalidate()
            update(job.id) {
                $0.state = .succeeded
                $0.importID = record.id
                $0.isNew = isNew
                $0.counts = record.counts
                $0.quarantine = "/api/v1/imports/\(record.id)/quarantine"
            }
            logger.info("import job done", metadata: ["job": "\(job.id)", "import": "\(record.id)"])
        } catch {
            update(job.id) {
                $0.state = .failed
                $0.error = "\(error)"
                if let refused = error as? IngestError, refused.refusal != nil {
                    $0.errorText = LocalizedText(
                        zh: refused.description(in: .zh), ko: refused.description(in: .ko), en: refused.description)
                }
            }
            logger.warning("import job refused the file", metadata: ["job": "\(job.id)", "error": "\(error)"])
        }
    }

    private func update(_ id: Int, _ change: (inout Status) -> Void) {
        statuses.withLock { state in
            guard var status = state.byID[id] else { return }
            change(&status)
            state.byID[id] = status
        }
    }
}
