import ServiceHTTP

extension Service {
    /// `GET /openapi.yaml`: the contract this binary was built with. `PackageResources`
    /// is SwiftPM's: the bytes of openapi.yaml, embedded by Package.swift's `.embedInCode`.
    func openAPIDocument() -> ServiceResponse {
        ServiceResponse(
            status: 200, headers: [("Content-Type", "application/yaml")], body: PackageResources.openapi_yaml)
    }
}
