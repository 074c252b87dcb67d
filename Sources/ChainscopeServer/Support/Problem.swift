import Foundation
public import Hummingbird
import HummingbirdCore
import Logging
import NIOCore

/// An RFC 9457 problem: what went wrong with a request, as `application/problem+json`, in words a
/// client's user can act on. Nothing secret goes into it.
public struct Problem: Error, HTTPResponseError, Sendable {
    public let status: HTTPResponse.Status
    public let title: String
    public let detail: String
    /// The query parameter or header at fault, when one is.
    public var parameter: String?
    /// No route has the request's path: the dashboard says so in its reader's language and points to its menu.
    var isUnknownPath = false
    /// What a dashboard page was asked for that is not there (a company's id, an import's number), shown before
    /// `detail`, which the page wrote in its reader's language.
    var subject: String?
    var headers: HTTPFields = [:]

    public init(_ status: HTTPResponse.Status, _ detail: String, parameter: String? = nil) {
        self.status = status
        self.title = status.reasonPhrase
        self.detail = detail
        self.parameter = parameter
    }

    public func response(from request: Request, context: some RequestContext) throws -> Response {
        response(instance: request.uri.path)
    }

    func response(instance: String) -> Response {
        var body: [String: JSONValue] = [
            "type": .text("about:blank"), "title": .text(title), "status": .number(Int(status.code)),
            "detail": .text(detail), "instance": .text(instance),
        ]
        if let parameter { body["parameter"] = .text(parameter) }
        var headers = self.headers
        headers[.contentType] = "application/problem+json"
        return Response(status: status, headers: headers, body: .init(byteBuffer: JSONBody.buffer(body)))
    }

    static func badParameter(_ name: String, _ value: String, expected: String) -> Problem {
        Problem(.badRequest, "The parameter '\(name)' is '\(value)'; \(expected)", parameter: name)
    }
}

/// A JSON value for bodies built by hand (problems, small documents).
enum JSONValue: Encodable, Sendable {
    case text(String)
    case number(Int)
    case flag(Bool)
    case list([JSONValue])
    case object([String: JSONValue])
    case null

    func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .text(let text): try container.encode(text)
        case .number(let number): try container.encode(number)
        case .flag(let flag): try container.encode(flag)
        case .list(let list): try container.encode(list)
        case .object(let object): try container.encode(object)
        case .null: try container.encodeNil()
        }
    }
}

/// Turns every error under `/api/` into a problem document and every other into the dashboard's error
/// page; unexpected errors are logged and shown without their details.
struct ProblemMiddleware<Context: RequestContext>: RouterMiddleware {
    let page: @Sendable (Problem, Request) -> Response

    func handle(
        _ request: Request, context: Context, next: (Request, Context) async throws -> Response
    ) async throws -> Response {
        do {
            return try await next(request, context)
        } catch {
            let problem = Self.problem(for: error, request: request)
            if problem.status == .internalServerError {
                context.logger.error("request failed", metadata: ["error": "\(error)"])
            }
            return request.uri.path.hasPrefix("/api/")
                ? problem.response(instance: request.uri.path) : page(problem, request)
        }
    }

    static func problem(for error: any Error, request: Request) -> Problem {
        switch error {
        case let problem as Problem:
            return problem
        case let error as HTTPError where error.status == .notFound:
            var problem = Problem(
                .notFound, "Nothing is at \(request.uri.path). The API's paths are listed at /api/v1/openapi.json.")
            problem.isUnknownPath = true
            return problem
        case is NIOTooManyBytesError:
            return Problem(
                .contentTooLarge, "The upload is larger than this server accepts (CHAINSCOPE_UPLOAD_LIMIT_MB).")
        case let error as HTTPError where error.status == .contentTooLarge:
            return Problem(
                .contentTooLarge, "The upload is larger than this server accepts (CHAINSCOPE_UPLOAD_LIMIT_MB).")
        case let error as HTTPError where error.status.code < 500:
            return Problem(error.status, error.body ?? error.status.reasonPhrase)
        default:
            return Problem(.internalServerError, "The server could not answer; its log says why.")
        }
    }
}
