import Hummingbird
import Prometheus

/// Counts requests and their durations by route and status into the server's own registry (no
/// process-wide metrics system), which `/metrics` writes out in Prometheus's text format.
struct RequestMetrics<Context: RequestContext>: RouterMiddleware {
    let registry: PrometheusCollectorRegistry
    let clock = ContinuousClock()

    static var requests: MetricNameDescriptor {
        MetricNameDescriptor(
            namespace: "chainscope", metricName: "http_requests", unitName: "total", helpText: "HTTP requests answered")
    }
    static var durations: MetricNameDescriptor {
        MetricNameDescriptor(
            namespace: "chainscope", metricName: "http_request_duration", unitName: "seconds",
            helpText: "Time to answer an HTTP request")
    }

    static var buckets: [Duration] {
        [
            .milliseconds(1), .milliseconds(5), .milliseconds(10), .milliseconds(25), .milliseconds(50),
            .milliseconds(100), .milliseconds(250), .milliseconds(500), .seconds(1), .seconds(5),
        ]
    }

    func handle(
        _ request: Request, context: Context, next: (Request, Context) async throws -> Response
    ) async throws -> Response {
        let start = clock.now
        let response = try await next(request, context)
        // Unmatched paths share one label, so a scan of random URLs cannot grow the registry.
        let route = context.endpointPath ?? "unmatched"
        let labels = [("method", request.method.rawValue), ("route", route)]
        registry.makeCounter(descriptor: Self.requests, labels: labels + [("status", String(response.status.code))])
            .increment()
        registry.makeDurationHistogram(descriptor: Self.durations, labels: labels, buckets: Self.buckets)
            .record(clock.now - start)
        return response
    }
}

extension PrometheusCollectorRegistry {
    /// The registry in Prometheus's text format.
    var exposition: String {
        var buffer: [UInt8] = []
        emit(into: &buffer)
        return String(decoding: buffer, as: UTF8.self)
    }
}
