import Foundation

/// The session's state after an action (openapi.yaml `State`).
///
/// The members most tests read are properties; every member, including ones a
/// newer server adds, is in `raw` (`state["suspendsAt"]`).
public struct State: Decodable, Hashable, Sendable {
    /// The app state.
    public var app: AppState
    /// Virtual time in seconds since the session began.
    public var clock: Double
    /// The device is locked.
    public var locked: Bool
    /// A state-restoration archive is on disk.
    public var restorationArchive: Bool
    /// What covers the app while it is inactive on screen (`call`, `siri`, …), or nil.
    public var interruption: String?
    /// `UIApplication.isProtectedDataAvailable` as the app last heard it.
    public var protectedDataAvailable: Bool
    /// The user force-quit the app and has not opened it since.
    public var userForceQuit: Bool
    /// `UIApplication.backgroundTimeRemaining` while a background task runs in the background.
    public var backgroundTimeRemaining: Double?
    /// When a backgrounded app with no background task will be suspended.
    public var suspendsAt: Double?
    /// Scene-based sessions only: the scene sessions, in creation order.
    public var scenes: [Scene]?
    /// Scene-based sessions only: discarded scene sessions not yet reported.
    public var pendingDiscards: [String]?
    /// The windows with their view-controller stacks and presentations, as sent.
    public var windows: [JSONValue]
    /// The whole state as sent.
    public var raw: JSONValue

    private enum CodingKeys: String, CodingKey {
        case app, clock, locked, restorationArchive, interruption, protectedDataAvailable, userForceQuit
        case backgroundTimeRemaining, suspendsAt, scenes, pendingDiscards, windows
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        app = try c.decode(AppState.self, forKey: .app)
        clock = try c.decodeIfPresent(Double.self, forKey: .clock) ?? 0
        locked = try c.decodeIfPresent(Bool.self, forKey: .locked) ?? false
        restorationArchive = try c.decodeIfPresent(Bool.self, forKey: .restorationArchive) ?? false
        interruption = try c.decodeIfPresent(String.self, forKey: .interruption)
        protectedDataAvailable = try c.decodeIfPresent(Bool.self, forKey: .protectedDataAvailable) ?? true
        userForceQuit = try c.decodeIfPresent(Bool.self, forKey: .userForceQuit) ?? false
        backgroundTimeRemaining = try c.decodeIfPresent(Double.self, forKey: .backgroundTimeRemaining)
        suspendsAt = try c.decodeIfPresent(Double.self, forKey: .suspendsAt)
        scenes = try c.decodeIfPresent([Scene].self, forKey: .scenes)
        pendingDiscards = try c.decodeIfPresent([String].self, forKey: .pendingDiscards)
        windows = try c.decodeIfPresent([JSONValue].self, forKey: .windows) ?? []
        raw = try JSONValue(from: decoder)
    }

    /// Any member by its JSON name, e.g. `state["lastTermination"]`.
    public subscript(member: String) -> JSONValue? { raw[member] }

    /// The scene session with this id, if there is one.
    public func scene(_ id: String) -> Scene? { scenes?.first { $0.id == id } }
}

/// One scene session and the state of its scene (openapi.yaml `Scene`).
public struct Scene: Codable, Hashable, Sendable {
    /// `scene-1`, `scene-2`, … per session.
    public var id: String
    public var state: SceneState
    /// `session.stateRestorationActivity` is set.
    public var hasRestorationActivity: Bool
}
