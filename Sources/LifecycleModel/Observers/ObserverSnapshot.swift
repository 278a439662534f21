/// What the observers remember between actions (`AppSnapshot.observers`; nil in a
/// session without observers, so it never changes a state's JSON or its abstract
/// state): each lens's state, and what the notification poster has announced.
public struct ObserverSnapshot: Sendable, Equatable {
    /// The running lenses, in the config's order (the order their items take).
    public var lenses: [RunningLens]
    /// `applicationState` as the app-level notifications of a scene app have announced
    /// it: it follows the most active scene, but only once the poster has said so
    /// (a UIScene notification can arrive before it changes; [BATCH-life]).
    public var announced: AppState = .notRunning
    /// Scenes that connected in this turn and have not entered the foreground yet: they
    /// still read `unattached` ([BATCH-life], LOG).
    public var freshScenes: [String] = []
    /// The app-level willEnterForeground waits for a fresh scene's activation (quirk
    /// `appForegroundNotificationInScene`).
    public var foregroundDeferred = false
    /// The process ran `didFinishLaunching` in this turn: its cold launch, where a
    /// sceneless app's implicit scene posts nothing.
    public var launchTurn = false
    /// The key window: its scene (nil for a sceneless app's window); absent when none is key.
    public var keyWindow: String?? = .none
    /// The memory warning's notification waits for the view controllers' calls.
    public var memoryWarningPending = false

    public init(lenses: [RunningLens]) {
        self.lenses = lenses
    }

    /// Folds `input` into each lens that acts on its kind (`FrameworkLens.inputs`), in
    /// order, appending the items they make to `items`, each in `itemState`.
    mutating func observe(_ input: LensInput, itemState: AppState, into items: inout [Callback]) {
        let kind = input.kind
        for i in lenses.indices where lenses[i].inputs.contains(kind) {
            lenses[i].observe(input, itemState: itemState, into: &items)
        }
    }
}
