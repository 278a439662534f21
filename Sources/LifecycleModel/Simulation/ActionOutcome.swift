/// What one action did: the callbacks in the order UIKit makes them, and the app after.
public struct ActionOutcome: Sendable, Equatable {
    public var callbacks: [Callback]
    public var state: AppSnapshot

    public init(callbacks: [Callback], state: AppSnapshot) {
        self.callbacks = callbacks
        self.state = state
    }
}
