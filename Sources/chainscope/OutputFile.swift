import Foundation

/// Where a command writes a long output a piece at a time: a file or standard output.
///
/// A regular file (or a new one) is written beside itself and renamed over the path by `commit()`, so that a command
/// that fails half-way, or before its first line, leaves the earlier file whole and no part of a new one. Anything
/// else (/dev/stdout, /dev/null, a named pipe, a symbolic link) is written into and stays what it is.
final class OutputFile {
    let path: String?
    private let handle: FileHandle
    /// The file beside `path` that `commit()` renames over it; nil when writing into `path` itself.
    private var temporary: String?

    init(_ path: String?) throws(CommandError) {
        self.path = path
        guard let path else {
            handle = .standardOutput
            return
        }
        var status = stat()
        let exists = lstat(path, &status) == 0
        var descriptor: Int32
        if exists && status.st_mode & S_IFMT != S_IFREG {
            descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        } else {
            let folder = (path as NSString).deletingLastPathComponent
            let prefix = (folder.isEmpty ? "." : folder) + "/." + (path as NSString).lastPathComponent + "."
            // A new name beside the file, created by this call alone (O_EXCL), with the mode a new file gets.
            repeat {
                let candidate = prefix + String(UInt64.random(in: 0..<(1 << 40)), radix: 36)
                descriptor = open(candidate, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o666)
                if descriptor >= 0 { temporary = candidate }
            } while descriptor < 0 && errno == EEXIST
            // A file replaced keeps its mode.
            if descriptor >= 0 && exists { _ = fchmod(descriptor, status.st_mode & 0o7777) }
        }
        guard descriptor >= 0 else { throw Self.failure(path, String(cString: strerror(errno))) }
        handle = FileHandle(fileDescriptor: descriptor, closeOnDealloc: true)
    }

    deinit {
        if let temporary { unlink(temporary) }
    }

    /// Writes `data` as the whole file at `path`.
    static func replace(_ path: String, with data: Data) throws(CommandError) {
        let file = try OutputFile(path)
        try file.write(data)
        try file.commit()
    }

    func write(_ data: Data) throws(CommandError) {
        do {
            try handle.write(contentsOf: data)
        } catch {
            throw Self.failure(path ?? "standard output", error.localizedDescription)
        }
    }

    /// Makes what was written the file at `path`; without it a regular file is left as it was.
    func commit() throws(CommandError) {
        guard let temporary, let path else { return }
        guard rename(temporary, path) == 0 else { throw Self.failure(path, String(cString: strerror(errno))) }
        self.temporary = nil
    }

    /// Writing `path` failed for `reason`: an I/O error.
    static func failure(_ path: String, _ reason: String) -> CommandError {
        let reason = reason.hasSuffix(".") ? String(reason.dropLast()) : reason
        return CommandError(
            ko: "\(path)에 쓸 수 없습니다: \(reason).", zh: "无法写入 \(path)：\(reason)。",
            en: "Cannot write \(path): \(reason).", exitCode: 74)
    }
}

extension JSONOutput {
    /// Prints a JSON array an element at a time, exactly as `text` prints the whole array, so that a long one is
    /// never held whole.
    struct ArrayWriter {
        private var count = 0

        mutating func append(_ value: some Encodable) {
            let element = JSONOutput.text(value).split(separator: "\n", omittingEmptySubsequences: false)
                .map { "  " + $0 }.joined(separator: "\n")
            print((count == 0 ? "[\n" : ",\n") + element, terminator: "")
            count += 1
        }

        func finish() { print(count == 0 ? JSONOutput.text([Int]()) : "\n]") }
    }
}
