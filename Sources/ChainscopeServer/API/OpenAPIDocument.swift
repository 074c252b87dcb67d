import Foundation
import Hummingbird

/// The OpenAPI 3.1 document of `/api/v1`, a resource of this module; a test checks that it names every
/// route the router has and no other.
enum OpenAPIDocument {
    static func data() throws -> Data {
        guard let url = Bundle.module.url(forResource: "openapi", withExtension: "json", subdirectory: "Resources")
        else {
            throw Problem(.internalServerError, "The OpenAPI document is missing from this build.")
        }
        return try Data(contentsOf: url)
    }

    static func response() throws -> Response {
        Response(
            status: .ok, headers: [.contentType: "application/json; charset=utf-8"],
            body: .init(byteBuffer: ByteBuffer(bytes: try data())))
    }
}
