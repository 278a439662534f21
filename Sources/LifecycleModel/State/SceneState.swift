/// `UIScene.ActivationState`, with Apple's camelCase names (S2, DOC).
public enum SceneState: String, Sendable, CaseIterable {
    case unattached
    case foregroundInactive
    case foregroundActive
    case background
    case suspended

    var isForeground: Bool { self == .foregroundActive || self == .foregroundInactive }
    var isConnected: Bool { self != .unattached }
}

/// One scene session (a window) and the state of its scene.
///
/// Scene sessions outlive the process (facts §4): after a kill every scene is
/// `unattached`, and the session comes back at the next launch without
/// `application(_:configurationForConnecting:options:)`.
public struct SceneSnapshot: Sendable, Equatable {
    /// The session's `persistentIdentifier`: `scene-1`, `scene-2`, … per session.
    public var id: String
    public var state: SceneState
    /// Activation order: the scene the user saw last has the highest (it is the one
    /// an icon tap or a link brings back).
    public var lastActivation: Int
    /// `session.stateRestorationActivity` is set: the scene was disconnected after
    /// `stateRestorationActivity(for:)` in an app that opts in (DOC).
    public var hasRestorationActivity = false
    /// The session has been connected before, in this process or an earlier one: only
    /// a session never connected gets configurationForConnecting (MULTI).
    public var everConnected = false

    public init(id: String, state: SceneState, lastActivation: Int) {
        self.id = id
        self.state = state
        self.lastActivation = lastActivation
    }
}

/// Who asks for a new scene (S2).
public enum SceneRequester: String, Sendable, CaseIterable {
    /// The user: the scene comes to the foreground.
    case user
    /// The system (e.g. to process an event): the scene connects straight into the background.
    case system
}
