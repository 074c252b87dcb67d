import Foundation

/// Cuts a CSV export into pieces of whole records, so that several threads can parse it at once.
/// A line feed ends a record when an even number of quotes comes before it in the file, which holds
/// for every well-formed RFC 4180 file; `CSVChunkParser` notices the files where it does not (a stray
/// quote inside an unquoted field) and the caller then reads the file in one pass instead.
struct RecordChunks {
    /// Whole records as UTF-8 bytes.
    struct Chunk: Sendable {
        let index: Int
        let bytes: [UInt8]
        /// Whether the bytes were checked as they were converted; UTF-8 is checked by the parser.
        let isValidated: Bool
        let isLast: Bool
        /// The file's encoding, for error messages.
        let encoding: TextEncoding
    }

    /// Why a file cannot be cut into record pieces.
    struct Unaligned: Error {}

    /// A run of text this long without a place to cut means the quotes cannot be paired.
    static let longestCarry = 16 << 20

    private var decoded: DecodedChunks
    private var carry: [UInt8] = []
    private var pending: [UInt8]?
    private var nextIndex = 0

    init(_ export: TextExport, pieceSize: Int = 1 << 20) throws(IngestError) {
        decoded = try DecodedChunks(
            url: export.url, displayName: export.displayName, encoding: export.encoding, defersUTF8Validation: true,
            chunkSize: pieceSize)
    }

    var encoding: TextEncoding { decoded.encoding }
    /// The file's first bytes, to choose the encodings an error suggests.
    var sample: Data { decoded.sample }

    /// The next piece of whole records, or nil at the end of the file.
    mutating func next() throws -> Chunk? {
        while true {
            let piece = try pending ?? decoded.next()
            pending = nil
            guard let piece else {
                guard !carry.isEmpty else { return nil }
                defer { carry = [] }
                return chunk(carry, isLast: true)
            }
            var buffer = carry
            buffer += piece
            carry = []
            guard let cut = Self.lastRecordEnd(in: buffer) else {
                guard buffer.count <= Self.longestCarry else { throw Unaligned() }
                carry = buffer
                continue
            }
            let upcoming = try decoded.next()
            pending = upcoming
            if cut == buffer.count { return chunk(buffer, isLast: upcoming == nil) }
            // The short tail is copied; the piece keeps its buffer.
            carry = Array(buffer[cut...])
            buffer.removeLast(buffer.count - cut)
            return chunk(buffer, isLast: false)
        }
    }

    private mutating func chunk(_ bytes: [UInt8], isLast: Bool) -> Chunk {
        defer { nextIndex += 1 }
        return Chunk(
            index: nextIndex, bytes: bytes, isValidated: encoding != .utf8,
            isLast: isLast, encoding: encoding)
    }

    /// The offset just past the last line feed that has an even number of quotes before it in `bytes`
    /// (which starts at a record boundary); nil when there is none.
    static func lastRecordEnd(in bytes: [UInt8]) -> Int? {
        bytes.withUnsafeBufferPointer { buffer -> Int? in
            guard let base = buffer.baseAddress else { return nil }
            // Quotes are rare in exports: find them with memchr, then walk the line feeds back from the end.
            var quotes: [Int] = []
            var from = base
            let end = base + buffer.count
            while from < end, let hit = memchr(from, 0x22, end - from) {
                let position = UnsafePointer(hit.assumingMemoryBound(to: UInt8.self))
                quotes.append(position - base)
                from = position + 1
            }
            var quotesBefore = quotes.count
            var position = buffer.count - 1
            while position >= 0 {
                if buffer[position] == 0x0A {
                    while quotesBefore > 0 && quotes[quotesBefore - 1] > position { quotesBefore -= 1 }
                    if quotesBefore % 2 == 0 { return position + 1 }
                }
                position -= 1
            }
            return nil
        }
    }
}
