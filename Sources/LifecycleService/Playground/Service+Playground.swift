import ServiceHTTP

extension Service {
    /// `GET /`: the playground page (text/html, self-contained).
    func playground() -> ServiceResponse {
        ServiceResponse(
            status: 200,
            headers: [
                ("Content-Type", "text/html; charset=utf-8"),
                ("Content-Security-Policy", PlaygroundPage.contentSecurityPolicy),
                ("Cache-Control", "no-cache"),
            ], body: PlaygroundPage.bytes)
    }
}
