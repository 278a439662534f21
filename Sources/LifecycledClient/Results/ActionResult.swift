/// What one action did: the callbacks it invoked and the state after it (openapi.yaml `ActionResult`).
public struct ActionResult: Decodable, Hashable, Sendable {
    /// The action as the server applied it.
    public var action: Action
    /// The callbacks, in order (empty when none).
    public var callbacks: [Callback]
    /// The state after the action.
    public var state: State
    /// `moveTo` only: the plain actions it took, in order.
    public var path: [PathStep]?

    /// The callbacks' method names, in order.
    public var methods: [String] { callbacks.map(\.method) }
}

/// One plain action a `moveTo` took and how many of the result's callbacks it made.
public struct PathStep: Decodable, Hashable, Sendable {
    public var action: Action
    public var callbackCount: Int
}

/// A batch's answer: every step's result and the state after the last (openapi.yaml `BatchResult`).
public struct BatchResult: Decodable, Hashable, Sendable {
    public var steps: [ActionResult]
    public var state: State

    /// Every step's callbacks, in order.
    public var callbacks: [Callback] { steps.flatMap(\.callbacks) }
}

/// `POST /v1/simulate`: every step's result, the resolved config and the final state.
public struct SimulateResult: Decodable, Hashable, Sendable {
    public var steps: [ActionResult]
    public var config: SessionConfig
    public var state: State

    /// Every step's callbacks, in order.
    public var callbacks: [Callback] { steps.flatMap(\.callbacks) }
}
