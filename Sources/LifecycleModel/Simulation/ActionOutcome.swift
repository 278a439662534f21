/// What one action did: the callbacks in the order UIKit makes them, and the app after.
public struct ActionOutcome: Sendable, Equatable {
    public var callbacks: [Callback]
    public var state: AppSnapshot
    /// The plain actions a `moveTo` took, in order (empty for every other action);
    /// `callbacks` holds theirs one after another.
    public var steps: [TakenStep] = []

    public init(callbacks: [Callback], state: AppSnapshot, steps: [TakenStep] = []) {
        self.callbacks = callbacks
        self.state = state
        self.steps = steps
    }
}

/// One plain action a `moveTo` took, and how many of the outcome's callbacks it made.
public struct TakenStep: Sendable, Equatable {
    public var action: Action
    public var callbackCount: Int

    public init(action: Action, callbackCount: Int) {
        self.action = action
        self.callbackCount = callbackCount
    }
}
