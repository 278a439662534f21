/// Why an action cannot happen in the app's current state (HTTP 409).
///
/// A real device could not perform it: the user cannot tap the icon of an app that
/// is already on screen, nor send an app home that is not in the foreground.
public struct ActionRefusal: Error, Sendable, Equatable {
    public var action: ActionKind
    public var state: AppState
    /// What the action needs, in words, e.g. "the app in the foreground (active)".
    public var needs: String

    public init(action: ActionKind, state: AppState, needs: String) {
        self.action = action
        self.state = state
        self.needs = needs
    }
}
