import Foundation
import Hummingbird

/// Writes need `Authorization: Bearer TOKEN` with the configured token. The token is compared in
/// constant time and never logged or echoed.
struct BearerToken: Sendable {
    let expected: [UInt8]?

    init(_ token: String?) { expected = token.map { Array($0.utf8) } }

    /// Whether writes are possible at all.
    var isConfigured: Bool { expected != nil }

    /// Whether the request carries the configured token.
    func admits(_ request: Request) -> Bool {
        guard let expected, let presented = Self.presented(in: request) else { return false }
        return Self.constantTimeEqual(Array(presented.utf8), expected)
    }

    /// Throws the problem a write without the right token gets: 403 when writes are disabled or the token
    /// is wrong, 401 with a challenge when none is given.
    func requireWriter(_ request: Request) throws(Problem) {
        guard isConfigured else {
            throw Problem(.forbidden, "Writes are disabled on this server: start it with CHAINSCOPE_API_TOKEN set.")
        }
        guard Self.presented(in: request) != nil else {
            var problem = Problem(
                .unauthorized, "This request changes data: send the API token as 'Authorization: Bearer TOKEN'.",
                parameter: "Authorization")
            problem.headers[.wwwAuthenticate] = "Bearer realm=\"chainscope\""
            throw problem
        }
        guard admits(request) else {
            throw Problem(.forbidden, "The bearer token is not this server's API token.", parameter: "Authorization")
        }
    }

    private static func presented(in request: Request) -> String? {
        guard let header = request.headers[.authorization] else { return nil }
        let parts = header.split(separator: " ", maxSplits: 1)
        guard parts.count == 2, parts[0].lowercased() == "bearer" else { return nil }
        return String(parts[1]).trimmingCharacters(in: .whitespaces)
    }

    /// Compares every byte of the longer text whatever differs, so the time taken says nothing about where.
    static func constantTimeEqual(_ lhs: [UInt8], _ rhs: [UInt8]) -> Bool {
        var difference = UInt8(truncatingIfNeeded: lhs.count ^ rhs.count) | (lhs.count == rhs.count ? 0 : 1)
        for index in 0..<max(lhs.count, rhs.count) {
            let left = index < lhs.count ? lhs[index] : 0
            let right = index < rhs.count ? rhs[index] : 0
            difference |= left ^ right
        }
        return difference == 0
    }
}
