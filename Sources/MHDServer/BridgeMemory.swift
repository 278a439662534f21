import ServiceHTTP

// Request bodies being received and responses not yet sent, counted against the
// service's memory budget (`--max-memory`): a client that sends
// many large bodies or does not read its answers cannot make the process hold
// more than the budget. Each request's counted bytes are in `RequestState.held`
// and released when libmicrohttpd reports the request complete.

/// Before reading a body of `length` bytes (Content-Length): false, counting
/// nothing, when the budget cannot take it.
func reserveBody(_ length: Int, _ state: inout RequestState, _ context: ServerContext) -> Bool {
    guard let memory = context.memory else { return true }
    guard memory.tryCharge(length) else { return false }
    state.held += length
    return true
}

/// A body piece arrived: counts what a Content-Length did not announce (chunked bodies).
func chargeBodyPiece(_ size: Int, _ state: inout RequestState, _ context: ServerContext) {
    guard let memory = context.memory else { return }
    let excess = state.body.count + size - state.held
    if excess > 0 {
        memory.charge(excess)
        state.held += excess
    }
}

/// The handler's answer, counted until it is sent; the request body is no longer held.
/// For GET and HEAD, the budget's 503 instead when it cannot take a large answer (they
/// are safe to retry). Any other method's answer is sent and counted anyway: its
/// handler may have changed something, and a 503 would make a client retrying apply
/// it twice (handlers refuse new work themselves while the budget is exhausted).
func admitResponse(
    _ response: ServiceResponse, _ state: inout RequestState, _ context: ServerContext
) -> ServiceResponse {
    guard let memory = context.memory else { return response }
    memory.release(state.held)
    state.held = 0
    let safe = state.method == "GET" || state.method == "HEAD"
    guard safe else {
        memory.charge(response.bodyCount)
        state.held = response.bodyCount
        return response
    }
    let answer = memory.tryCharge(response.bodyCount) ? response : memory.refusal
    if answer.bodyCount != response.bodyCount { memory.charge(answer.bodyCount) }
    state.held = answer.bodyCount
    return answer
}

/// The request is over (answered, abandoned or timed out): its bytes are free.
func releaseHeld(_ state: inout RequestState, _ context: ServerContext) {
    context.memory?.release(state.held)
    state.held = 0
}
