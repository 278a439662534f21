/// What a `LifecycledClient` call throws.
public enum LifecycledError: Error, Sendable, CustomStringConvertible {
    /// The server answered an error (status 400 or more) with this problem.
    case problem(Problem)
    /// The answer was not what the contract says (`what` names the call, `reason` the mismatch).
    case unexpectedResponse(what: String, status: Int, reason: String)

    /// The problem, when the server answered one.
    public var problem: Problem? {
        if case .problem(let problem) = self { return problem }
        return nil
    }

    /// 409: the action types possible in the current state.
    public var allowedActions: [String]? { problem?.allowedActions }

    /// 409: what the refused action needs.
    public var needs: String? { problem?.needs }

    public var description: String {
        switch self {
        case .problem(let problem): "lifecycled: \(problem)"
        case .unexpectedResponse(let what, let status, let reason): "lifecycled: \(what): status \(status): \(reason)"
        }
    }
}
