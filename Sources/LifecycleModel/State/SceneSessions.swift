/// The scene sessions of a scene-based app (facts §4): they outlive the process.
public struct SceneSessions: Sendable, Equatable {
    /// Most scene sessions an app holds in the model: a bound of the model, not of iPadOS,
    /// which documents none (UNSURE). Every scene session makes each later action, each
    /// `allowedActions` and each search step dearer (a session with 1,000 took a quarter
    /// of a second of CPU to read), so `openScene` beyond it is refused (issue #35).
    public static let maximum = 64

    /// In creation order.
    public internal(set) var scenes: [SceneSnapshot] = []
    /// The number the next scene session gets.
    private var nextSceneNumber = 1
    /// Activation counter for `SceneSnapshot.lastActivation`.
    private var activations = 0
    /// Sessions the user discarded while the app was not running, reported at the next launch.
    public private(set) var pendingDiscards: [String] = []

    /// A new scene session, unattached; returns its index.
    mutating func add() -> Int {
        scenes.append(SceneSnapshot(id: "scene-\(nextSceneNumber)", state: .unattached, lastActivation: 0))
        nextSceneNumber += 1
        return scenes.count - 1
    }

    /// The user sees scene `index` now (it becomes the one an icon tap brings back).
    mutating func markSeen(_ index: Int) {
        activations += 1
        scenes[index].lastActivation = activations
    }

    /// Discards session `index`; `report` false keeps it for the next launch's report.
    mutating func discard(_ index: Int, reportLater: Bool) {
        let id = scenes.remove(at: index).id
        if reportLater { pendingDiscards.append(id) }
    }

    /// Discards every session (a user's force-quit).
    mutating func discardAll(reportLater: Bool) {
        if reportLater { pendingDiscards += scenes.map(\.id) }
        scenes = []
    }

    /// The sessions to report at launch; they are reported once.
    mutating func takePendingDiscards() -> [String] {
        defer { pendingDiscards = [] }
        return pendingDiscards
    }

    /// The process ended: every scene is disconnected without a callback; the
    /// sessions themselves survive (facts §4).
    mutating func detachAll() {
        for i in scenes.indices { scenes[i].state = .unattached }
    }

    /// The system suspends the app: its background scenes are suspended with it (S2).
    mutating func suspendBackground() {
        for i in scenes.indices where scenes[i].state == .background { scenes[i].state = .suspended }
    }
}
