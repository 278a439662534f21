/// The model: a pure, deterministic function (config, state, action) → (callbacks, state).
///
/// ```swift
/// let sim = Simulator(config: SessionConfig(lifecycle: .app, iosVersion: IOSVersion("11.0")!))
/// let launched = try sim.apply(.launch, to: AppSnapshot())
/// launched.callbacks.map(\.method)  // seed 001's cold-launch order
/// ```
public struct Simulator: Sendable {
    public let config: SessionConfig
    public let profile: Profile

    public init(config: SessionConfig) {
        self.config = config
        self.profile = Profile(config: config)
    }

    /// Applies one action. Throws, changing nothing, when a real device could not
    /// perform it in `state`.
    public func apply(_ action: Action, to state: AppSnapshot) throws(ActionRefusal) -> ActionOutcome {
        var t = Transition(config: config, profile: profile, action: action.kind, state: state)
        switch action {
        case .launch: try t.open(nil)
        case .openURL(let url): try t.open(.url(url))
        case .openUniversalLink(let url): try t.open(.universalLink(url))
        case .tapNotification(let payload): try t.open(.notification(payload))
        case .quickAction(let type): try t.open(.shortcut(type))
        case .background: try t.goHome()
        case .terminate(let cause): try t.terminateAction(by: cause)
        case .interruptionBegan(let kind): try t.beginInterruption(kind)
        case .interruptionEnded(let outcome): try t.endInterruption(outcome)
        case .lock: try t.lockDevice()
        case .unlock: try t.unlockDevice()
        case .memoryWarning: t.memoryWarning()
        case .receiveNotification(let payload): t.receiveNotification(payload)
        case .backgroundFetch: try t.backgroundEvent(.fetch)
        case .locationEvent: try t.backgroundEvent(.location)
        case .beginBackgroundTask(let name): try t.beginBackgroundTask(name: name)
        case .endBackgroundTask(let id): try t.endBackgroundTask(id: id)
        case .advanceTime(let seconds): t.advanceTime(by: seconds)
        case .openScene(let requester): try t.sceneAction { t throws(ActionRefusal) in try t.requestScene(by: requester) }
        case .activateScene(let id): try t.sceneAction { t throws(ActionRefusal) in try t.activateScene(id) }
        case .closeScene(let id): try t.sceneAction { t throws(ActionRefusal) in try t.closeScene(id) }
        case .disconnectScene(let id): try t.sceneAction { t throws(ActionRefusal) in try t.disconnectScene(id) }
        case .push(let name, let scene): try t.push(name, sceneId: scene)
        case .pop(let scene): try t.pop(sceneId: scene)
        case .present(let name, let style, let scene): try t.present(name, style: style ?? .pageSheet, sceneId: scene)
        case .dismiss(let scene): try t.dismiss(sceneId: scene)
        case .cancelInteractivePop(let scene): try t.cancelInteractivePop(sceneId: scene)
        }
        return t.outcome
    }

    /// `UIApplication.backgroundTimeRemaining` while a background task runs in the
    /// background; nil otherwise (in the foreground UIKit reports no limit).
    public func backgroundTimeRemaining(in state: AppSnapshot) -> Double? {
        state.background.deadline(app: state.app, limit: profile.backgroundTimeLimit).map { max(0, $0 - state.clock) }
    }

    /// The action kinds `state` allows: those the simulator itself accepts.
    public func allowedActions(in state: AppSnapshot) -> [ActionKind] {
        ActionKind.allCases.filter { (try? apply($0.sample(in: state), to: state)) != nil }
    }
}
