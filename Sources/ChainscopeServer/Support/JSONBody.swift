import Foundation
import Hummingbird
import NIOCore

/// JSON responses: keys sorted so responses are stable, slashes unescaped, UTF-8 as is.
enum JSONBody {
    static func buffer(_ value: some Encodable) -> ByteBuffer {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        // Every value the API encodes is made of texts, numbers and finite decimals, which always encode.
        return ByteBuffer(bytes: (try? encoder.encode(value)) ?? Data("null".utf8))
    }

    static func response(_ value: some Encodable, status: HTTPResponse.Status = .ok) -> Response {
        response(json: buffer(value), status: status)
    }

    /// A response of JSON already encoded.
    static func response(json: ByteBuffer, status: HTTPResponse.Status = .ok) -> Response {
        Response(
            status: status, headers: [.contentType: "application/json; charset=utf-8"], body: .init(byteBuffer: json))
    }
}
