/// What the observers remember between actions (`AppSnapshot.observers`; nil in a
/// session without observers, so it never changes a state's JSON or its abstract
/// state): each lens's state, and what the notification poster has announced.
public struct ObserverSnapshot: Sendable, Equatable {
    /// The running lenses, in the config's order.
    public var lenses: [ChannelLens] {
        get { channels.compactMap { slots[$0] } }
        set {
            channels = newValue.map(\.channel)
            slots = LensSlots(newValue)
        }
    }
    /// The lenses' channels, in the config's order (the order their items take).
    private(set) var channels: [ObserverChannel]
    /// The lenses themselves, each in its channel's slot.
    var slots: LensSlots
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

    public init(lenses: [ChannelLens]) {
        channels = lenses.map(\.channel)
        slots = LensSlots(lenses)
    }
}
