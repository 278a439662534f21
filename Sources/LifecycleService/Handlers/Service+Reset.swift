import ServiceHTTP

extension Service {
    /// `DELETE /v1/sessions`: forget every session (a test harness's clean slate).
    func resetSessions() -> ServiceResponse {
        metrics.record(.sessionsDeleted, store.removeAll())
        return ServiceResponse(status: 204)
    }
}
