public import ChainscopeCore
import Foundation
public import Hummingbird
import HummingbirdCore
public import Logging
import Prometheus

/// The Chainscope web application: the JSON API under `/api/v1`, the dashboard at `/`, `/healthz` and
/// `/metrics`, with the import-job service it runs beside the HTTP server.
public struct ChainscopeServer: Sendable {
    public let store: any Store
    public let configuration: ServerConfiguration
    let state: ServerState
    let jobs: ImportJobs
    let token: BearerToken
    let metrics = PrometheusCollectorRegistry()
    let logger: Logger

    /// `taxonomies` are the ones the API and dashboard offer (the first is the default).
    public init(store: any Store, configuration: ServerConfiguration, taxonomies: [Taxonomy], logger: Logger) {
        self.store = store
        self.configuration = configuration
        self.logger = logger
        state = ServerState(store: store, configuration: configuration, taxonomies: taxonomies)
        jobs = ImportJobs(store: store, state: state, logger: logger)
        token = BearerToken(configuration.apiToken)
    }

    /// Every route with its middleware: problem documents, request logs (never the Authorization header)
    /// and metrics.
    public func router() -> Router<BasicRequestContext> {
        let router = Router(context: BasicRequestContext.self)
        router.add(middleware: LogRequestsMiddleware(.info, redactHeaders: [.authorization, .cookie]))
        router.add(middleware: RequestMetrics(registry: metrics))
        router.add(
            middleware: ProblemMiddleware { problem, request in
                DashboardPages(server: self).errorPage(problem, request: request)
            })
        router.get("/healthz") { _, _ in JSONBody.response(["status": "ok"]) }
        router.get("/metrics") { _, _ in
            Response(
                status: .ok, headers: [.contentType: "text/plain; version=0.0.4; charset=utf-8"],
                body: .init(byteBuffer: ByteBuffer(string: metrics.exposition)))
        }
        APIRoutes(server: self).add(to: router.group("/api/v1"))
        DashboardPages(server: self).add(to: router)
        return router
    }

    /// The application on the configured host and port; `onRunning` hears the bound port (useful with
    /// port 0).
    public func application(onRunning: @escaping @Sendable (Int) async -> Void = { _ in }) -> some ApplicationProtocol {
        Application(
            router: router(),
            configuration: .init(
                address: .hostname(configuration.host, port: configuration.port), serverName: "chainscope"),
            services: [jobs],
            onServerRunning: { channel in await onRunning(channel.localAddress?.port ?? configuration.port) },
            logger: logger)
    }

    /// Taxonomy of a request's `taxonomy` parameter (default: the first offered).
    func taxonomy(_ request: Request) throws(Problem) -> Taxonomy {
        let id = request.uri.queryParameters.get("taxonomy") ?? state.taxonomies.first?.id ?? "ai"
        guard let taxonomy = state.taxonomy(id) else {
            throw Problem.badParameter(
                "taxonomy", id, expected: "use one of: \(state.taxonomies.map(\.id).joined(separator: ", ")).")
        }
        return taxonomy
    }
}
