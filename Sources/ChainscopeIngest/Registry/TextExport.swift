public import Foundation

/// A text export to read: where it is, the name errors use, and its encoding (nil to detect).
public struct TextExport: Sendable {
    public let url: URL
    public let displayName: String
    public let encoding: TextEncoding?

    public init(url: URL, displayName: String? = nil, encoding: TextEncoding? = nil) {
        self.url = url
        self.displayName = displayName ?? url.lastPathComponent
        self.encoding = encoding
    }

    /// Hands each decoded piece (UTF-8 bytes cut at line ends) to `body`, then reports the bytes read so far;
    /// returns the encoding used.
    func forEachPiece(bytesRead: ((Int) -> Void)?, _ body: ([UInt8]) throws -> Void) throws -> TextEncoding {
        var chunks = try DecodedChunks(url: url, displayName: displayName, encoding: encoding)
        while let bytes = try chunks.next() {
            try body(bytes)
            bytesRead?(chunks.bytesRead)  // after the piece's rows, so that a report counts them
        }
        return chunks.encoding
    }

    /// `error`, a refusal of the text as read, told as a misread when `--encoding` asked for this encoding and
    /// the file's first bytes read as text in another (the one detection picks, if it does): nil otherwise.
    func misread(_ error: IngestError) -> IngestError? {
        guard let requested = encoding, let seen = error.refusal?.misreadText,
            let head = try? FileHandle(forReadingFrom: url).read(upToCount: 65_536)
        else { return nil }
        let readable = requested.readingAlternatives(of: head)
        let detected = TextEncoding.detect(head).0
        guard let likely = readable.contains(detected) ? detected : readable.first else { return nil }
        return IngestError(.misread(requested: requested, detected: likely, seen: seen), at: error.location)
    }
}

extension FileRefusal {
    /// For a refusal of what a text file says (its layout, quotes or JSON), which reading it in the wrong
    /// encoding causes: the header as read, or an empty text when there is none. Nil for other refusals.
    var misreadText: String? {
        switch self {
        case .unknownLayout(_, let found): found.joined(separator: ",")
        case .unclosedQuote, .noRows, .noJSONObjects, .jsonSyntax, .jsonNotAnObject, .jsonArrayOfArrays,
            .jsonUnclosedObject, .jsonUnclosedArray:
            ""
        default: nil
        }
    }
}
