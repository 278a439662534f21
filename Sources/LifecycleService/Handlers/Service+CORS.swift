import ServiceHTTP

extension Service {
    /// Request headers a browser may send cross-origin, and response headers it may read.
    static let corsAllowedHeaders = "Content-Type, X-Request-Id"
    static let corsExposedHeaders = "Location, X-Request-Id, Retry-After"
    /// Seconds a browser may cache a preflight answer.
    static let corsMaxAge = 600

    /// The `Access-Control-Allow-Origin` value for this request, nil when CORS is off
    /// or the origin is not allowed.
    func allowedOrigin(_ request: ServiceRequest) -> String? {
        guard !settings.corsOrigins.isEmpty, let origin = request.headerValue("Origin") else { return nil }
        if settings.corsOrigins.contains("*") { return "*" }
        return settings.corsOrigins.contains(origin) ? origin : nil
    }

    /// A preflight (`OPTIONS` with `Origin` and `Access-Control-Request-Method`) from an
    /// allowed origin to an existing resource: 204 with what the resource accepts.
    /// Anything else, including every `OPTIONS` while CORS is off, is routed as usual
    /// (so `OPTIONS` is a 405 with `Allow`).
    func preflightResponse(_ request: ServiceRequest, _ route: Route?) -> ServiceResponse? {
        guard request.method == "OPTIONS", let route, !route.methods.isEmpty,
            request.headerValue("Access-Control-Request-Method") != nil,
            let origin = allowedOrigin(request)
        else { return nil }
        return ServiceResponse(
            status: 204,
            headers: [
                ("Access-Control-Allow-Origin", origin),
                ("Access-Control-Allow-Methods", route.methods.joined(separator: ", ")),
                ("Access-Control-Allow-Headers", Self.corsAllowedHeaders),
                ("Access-Control-Max-Age", String(Self.corsMaxAge)),
            ])
    }

    /// With CORS on: `Vary: Origin` on every response (the answer depends on it), and the
    /// allow/expose headers when the origin is allowed.
    func addCORSHeaders(_ request: ServiceRequest, to response: inout ServiceResponse) {
        guard !settings.corsOrigins.isEmpty else { return }
        response.addHeader("Vary", "Origin")
        guard response.status != 204 || response.headerValue("Access-Control-Allow-Origin") == nil,
            let origin = allowedOrigin(request)
        else { return }
        response.addHeader("Access-Control-Allow-Origin", origin)
        response.addHeader("Access-Control-Expose-Headers", Self.corsExposedHeaders)
    }
}
