import ChainscopeIngest
import Foundation

/// A one-line progress bar on standard error (share of the file, rows, MB/s, time left), drawn only when
/// standard error is a terminal and at most ten times a second.
final class ProgressBar: @unchecked Sendable {
    private let label: String
    private let lock = NSLock()
    private let start = Date()
    private var lastDrawn = Date.distantPast
    private var drew = false

    /// A bar, or nil when standard error is not a terminal.
    init?(label: String) {
        guard isatty(STDERR_FILENO) == 1 else { return nil }
        self.label = label
    }

    func update(_ progress: ImportProgress) {
        let (done, total) = (progress.bytesRead, progress.totalBytes)
        lock.lock()
        defer { lock.unlock() }
        let now = Date()
        guard now.timeIntervalSince(lastDrawn) >= 0.1 || done >= total else { return }
        lastDrawn = now
        drew = true
        let elapsed = max(now.timeIntervalSince(start), 0.001)
        let fraction = total > 0 ? min(1, Double(done) / Double(total)) : 0
        let speed = Double(done) / elapsed / 1_048_576
        let remaining = fraction > 0 ? Int(elapsed / fraction - elapsed) : 0
        let width = 24
        let filled = Int(fraction * Double(width))
        let bar = String(repeating: "█", count: filled) + String(repeating: "░", count: width - filled)
        let rows = progress.rowsRead.formatted(.number.grouping(.automatic).locale(Locale(identifier: "en_US")))
        let line = String(
            format: "\r%@ %@ %3.0f%%  %@ rows  %.1f MB/s  ETA %d:%02d ", label, bar, fraction * 100, rows, speed,
            remaining / 60, remaining % 60)
        FileHandle.standardError.write(Data(line.utf8))
    }

    /// Clears the line.
    func finish() {
        lock.lock()
        defer { lock.unlock() }
        if drew { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
    }
}
