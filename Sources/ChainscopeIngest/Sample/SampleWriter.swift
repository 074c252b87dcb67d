public import Foundation

/// Writes a synthetic export (a notice row, the header, the rows) and its ground-truth label file.
public struct SampleWriter: Sendable {
    public let generator: SampleGenerator

    public init(generator: SampleGenerator) { self.generator = generator }

    /// What was written.
    public struct Summary: Sendable {
        public var rows = 0
        public var aiCompanies = 0
        public var flawedRows = 0
        public var bytes = 0
    }

    public func write(
        rows: Int, to url: URL, encoding: TextEncoding = .utf8, labels: URL? = nil
    ) throws -> Summary {
        var summary = Summary()
        var output = try BufferedOutput(url: url, encoding: encoding)
        var labelOutput = try labels.map { try BufferedOutput(url: $0, encoding: .utf8) }
        try output.write(CSVRecord.line([SampleGenerator.notice]))
        try output.write(CSVRecord.line(SampleGenerator.header))
        try labelOutput?.write("credit_code,is_ai,layer,segments\n")
        for index in 0..<rows {
            let row = generator.row(index)
            try output.write(CSVRecord.line(row.cells))
            summary.rows += 1
            if row.isFlawed {
                summary.flawedRows += 1
                continue
            }
            if row.isAI { summary.aiCompanies += 1 }
            let label = [row.creditCode, row.isAI ? "1" : "0", row.layer ?? "", row.segments.joined(separator: ";")]
            try labelOutput?.write(label.joined(separator: ",") + "\n")
        }
        summary.bytes = try output.close()
        _ = try labelOutput?.close()
        return summary
    }
}

/// A file written through a 1 MiB buffer in one encoding (UTF-16 with a byte-order mark).
struct BufferedOutput {
    let handle: FileHandle
    let encoding: TextEncoding
    var buffer = ""
    var bytes = 0

    init(url: URL, encoding: TextEncoding) throws {
        // Created or emptied in place: a symbolic link, /dev/null or a named pipe stays what it is.
        let descriptor = open(url.path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else {
            throw CocoaError(.fileWriteNoPermission, userInfo: [NSFilePathErrorKey: url.path])
        }
        handle = FileHandle(fileDescriptor: descriptor, closeOnDealloc: true)
        self.encoding = encoding
        if encoding == .utf16LittleEndian { try emit(Data([0xFF, 0xFE])) }
        if encoding == .utf16BigEndian { try emit(Data([0xFE, 0xFF])) }
    }

    mutating func write(_ text: String) throws {
        buffer += text
        if buffer.utf8.count >= 1 << 20 { try flush() }
    }

    mutating func flush() throws {
        guard !buffer.isEmpty else { return }
        guard let data = buffer.data(using: encoding.foundation) else {
            throw CocoaError(.fileWriteInapplicableStringEncoding)
        }
        try emit(data)
        buffer = ""
    }

    private mutating func emit(_ data: Data) throws {
        try handle.write(contentsOf: data)
        bytes += data.count
    }

    /// Flushes and closes; returns the bytes written.
    mutating func close() throws -> Int {
        try flush()
        try handle.close()
        return bytes
    }
}
