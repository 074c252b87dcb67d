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

    /// Writes `rows` rows to the file at `url` (created or emptied in place: a symbolic link, /dev/null or a named
    /// pipe stays what it is) and their labels to the file at `labels`.
    public func write(
        rows: Int, to url: URL, encoding: TextEncoding = .utf8, labels: URL? = nil
    ) throws -> Summary {
        let file = try Self.open(url)
        let labelFile = try labels.map(Self.open)
        defer {
            try? file.close()
            try? labelFile?.close()
        }
        return try write(
            rows: rows, encoding: encoding, output: { try file.write(contentsOf: $0) },
            labels: labelFile.map { handle in { try handle.write(contentsOf: $0) } })
    }

    /// Writes `rows` rows through `output` and their labels through `labels`, a megabyte at a time.
    public func write(
        rows: Int, encoding: TextEncoding = .utf8, output: @escaping (Data) throws -> Void,
        labels: ((Data) throws -> Void)?
    ) throws -> Summary {
        var summary = Summary()
        var output = try BufferedOutput(encoding: encoding, output)
        var labelOutput = try labels.map { try BufferedOutput(encoding: .utf8, $0) }
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
        summary.bytes = try output.finish()
        _ = try labelOutput?.finish()
        return summary
    }

    private static func open(_ url: URL) throws -> FileHandle {
        let descriptor = Foundation.open(url.path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else {
            throw CocoaError(
                .fileWriteUnknown,
                userInfo: [
                    NSFilePathErrorKey: url.path,
                    NSUnderlyingErrorKey: POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO),
                ])
        }
        return FileHandle(fileDescriptor: descriptor, closeOnDealloc: true)
    }
}

/// Text written through a 1 MiB buffer in one encoding (UTF-16 with a byte-order mark).
struct BufferedOutput {
    let emit: (Data) throws -> Void
    let encoding: TextEncoding
    var buffer = ""
    var bytes = 0

    init(encoding: TextEncoding, _ emit: @escaping (Data) throws -> Void) throws {
        self.emit = emit
        self.encoding = encoding
        if encoding == .utf16LittleEndian { try write(Data([0xFF, 0xFE])) }
        if encoding == .utf16BigEndian { try write(Data([0xFE, 0xFF])) }
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
        try write(data)
        buffer = ""
    }

    private mutating func write(_ data: Data) throws {
        try emit(data)
        bytes += data.count
    }

    /// Writes what the buffer holds; returns the bytes written.
    mutating func finish() throws -> Int {
        try flush()
        return bytes
    }
}
