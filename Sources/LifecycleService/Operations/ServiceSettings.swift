/// What the service needs to know beyond its limits; the executable's flags set them.
public struct ServiceSettings: Sendable {
    /// The version `lifecycled_build_info` reports.
    public var version: String
    /// Origins allowed to call the API from a browser (`--cors-origin`); `*` allows any.
    /// Empty: CORS is off, no CORS headers are sent and `OPTIONS` is a 405 like any
    /// other method a resource does not have.
    public var corsOrigins: [String]
    /// `Retry-After` of `/readyz`'s 503 while draining, in seconds.
    public var drainRetryAfterSeconds: Int

    public init(version: String = "dev", corsOrigins: [String] = [], drainRetryAfterSeconds: Int = 5) {
        self.version = version
        self.corsOrigins = corsOrigins
        self.drainRetryAfterSeconds = max(1, drainRetryAfterSeconds)
    }
}
