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
}
