import Foundation

/// Where a command writes a long output a piece at a time: a file, created or emptied in place (so that a device
/// such as /dev/null, a named pipe or a symbolic link stays what it is), or standard output.
final class OutputFile {
    let path: String?
    private let handle: FileHandle

    init(_ path: String?) throws(CommandError) {
        self.path = path
        guard let path else {
            handle = .standardOutput
            return
        }
        let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else {
            throw CommandError("Cannot write \(path): \(String(cString: strerror(errno))).", exitCode: 74)
        }
        handle = FileHandle(fileDescriptor: descriptor, closeOnDealloc: true)
    }

    /// Writes `data` as the file at `path`: a regular file (or a new one) is replaced whole, so that a failed write
    /// leaves the earlier file; anything else (/dev/stdout, /dev/null, a named pipe, a symbolic link) is written
    /// into, and stays what it is.
    static func replace(_ path: String, with data: Data) throws(CommandError) {
        var status = stat()
        guard lstat(path, &status) == 0, status.st_mode & S_IFMT != S_IFREG else {
            do {
                try data.write(to: URL(fileURLWithPath: path), options: .atomic)
            } catch {
                throw CommandError("Cannot write \(path): \(error.localizedDescription)", exitCode: 74)
            }
            return
        }
        try OutputFile(path).write(data)
    }

    func write(_ data: Data) throws(CommandError) {
        do {
            try handle.write(contentsOf: data)
        } catch {
            throw CommandError("Cannot write \(path ?? "standard output"): \(error.localizedDescription)", exitCode: 74)
        }
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
