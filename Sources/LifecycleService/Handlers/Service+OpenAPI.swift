import ServiceHTTP

extension Service {
    /// The contract's bytes, made once.
    private static let openAPIBytes = Array(OpenAPIDocument.yaml.utf8)

    /// `GET /openapi.yaml`: the contract this binary was built with.
    func openAPIDocument() -> ServiceResponse {
        ServiceResponse(status: 200, headers: [("Content-Type", "application/yaml")], body: Self.openAPIBytes)
    }
}
