/// One action kind's home: its members, JSON decoding and encoding, rule text with its
/// sources, the sample `allowedActions` dry-runs, a random generator for the
/// random-sequence tests, the examples of the model reference, and how the simulator
/// applies it. Each kind has one type in `Actions/Kinds/`, named in `definition`.
protocol ActionDefinition {
    /// The members the action takes besides `type`.
    static var parameters: [String] { get }
    /// What it means and where its rules come from (docs/model.md).
    static var rule: ActionRule { get }
    /// The action from its JSON members.
    static func decode<F: ActionFields>(_ f: F) throws(F.Failure) -> Action
    /// Its JSON members besides `type`, in the order the service writes them.
    static func encode(_ action: Action) -> [JSONMember]
    /// Applies it to the work area; throws when a real device could not perform it.
    static func apply(_ action: Action, to t: inout Transition) throws(ActionRefusal)
    /// A representative action of this kind in `state`, used to ask the model which
    /// kinds a state allows (so the answer is the simulator's own, never a second table).
    static func sample(in state: AppSnapshot) -> Action
    /// A random action of this kind in `state`, for the random-sequence tests.
    static func random<G: RandomNumberGenerator>(using g: inout G, in state: AppSnapshot) -> Action
    /// The examples docs/model.md shows, with their labels.
    static var examples: [(label: String, action: Action)] { get }
}

/// What each action means and where its rules come from, as data: the model
/// reference (docs/model.md) is rendered from it and from the simulator.
public struct ActionRule: Sendable {
    public var summary: String
    /// The sources of the rule (short names of docs/sources.md: S1–S4, R12, A-…, DOC, MULTI).
    public var sources: String
}

extension ActionKind {
    /// The type that holds everything about this kind.
    var definition: any ActionDefinition.Type {
        switch self {
        case .launch: LaunchAction.self
        case .background: BackgroundAction.self
        case .openURL: OpenURLAction.self
        case .openUniversalLink: OpenUniversalLinkAction.self
        case .tapNotification: TapNotificationAction.self
        case .terminate: TerminateAction.self
        case .interruptionBegan: InterruptionBeganAction.self
        case .interruptionEnded: InterruptionEndedAction.self
        case .lock: LockAction.self
        case .unlock: UnlockAction.self
        case .memoryWarning: MemoryWarningAction.self
        case .receiveNotification: ReceiveNotificationAction.self
        case .backgroundFetch: BackgroundFetchAction.self
        case .locationEvent: LocationEventAction.self
        case .quickAction: QuickActionAction.self
        case .beginBackgroundTask: BeginBackgroundTaskAction.self
        case .endBackgroundTask: EndBackgroundTaskAction.self
        case .advanceTime: AdvanceTimeAction.self
        case .openScene: OpenSceneAction.self
        case .activateScene: ActivateSceneAction.self
        case .closeScene: CloseSceneAction.self
        case .disconnectScene: DisconnectSceneAction.self
        case .push: PushAction.self
        case .pop: PopAction.self
        case .present: PresentAction.self
        case .dismiss: DismissAction.self
        case .cancelInteractivePop: CancelInteractivePopAction.self
        case .rotate: RotateAction.self
        case .setAppearance: SetAppearanceAction.self
        case .selectTab: SelectTabAction.self
        case .addChild: AddChildAction.self
        case .removeChild: RemoveChildAction.self
        case .runBackgroundTask: RunBackgroundTaskAction.self
        case .backgroundURLSessionEvents: BackgroundURLSessionEventsAction.self
        case .prewarm: PrewarmAction.self
        case .moveTo: MoveToAction.self
        }
    }

    /// The members this kind takes besides `type`.
    public var parameters: [String] { definition.parameters }
    /// What it means and where its rules come from.
    public var rule: ActionRule { definition.rule }
    /// The examples the model reference shows.
    public var examples: [(label: String, action: Action)] { definition.examples }

    /// Decodes an action of this kind from its members.
    public func decode<F: ActionFields>(_ fields: F) throws(F.Failure) -> Action {
        try definition.decode(fields)
    }

    func sample(in state: AppSnapshot) -> Action { definition.sample(in: state) }

    /// A random action of this kind in `state` (the random-sequence tests draw kinds
    /// from `allCases`, then an action from here).
    public func random<G: RandomNumberGenerator>(using g: inout G, in state: AppSnapshot) -> Action {
        definition.random(using: &g, in: state)
    }
}

extension Action {
    /// The JSON members besides `type`, in the order the service writes them.
    public var members: [JSONMember] { kind.definition.encode(self) }
}

/// Random members the generators share.
enum RandomMembers {
    /// A scene to name: none (the default scene) a third of the time, else an existing one.
    static func sceneId<G: RandomNumberGenerator>(using g: inout G, in state: AppSnapshot) -> String? {
        let ids = state.scenes.map(\.id)
        return ids.isEmpty || Int.random(in: 0..<3, using: &g) == 0 ? nil : ids.randomElement(using: &g)
    }

    /// A silent push, an alert, or both.
    static func push<G: RandomNumberGenerator>(using g: inout G) -> JSONValue {
        [
            JSONValue.object(["aps": .object(["content-available": .number("1")])]),
            .object(["aps": .object(["alert": .string("hi")])]),
            .object(["aps": .object(["alert": .string("hi"), "content-available": .number("1")])]),
        ].randomElement(using: &g) ?? .null
    }

    static func choice<E: CaseIterable, G: RandomNumberGenerator>(_: E.Type, using g: inout G) -> E
    where E.AllCases: Collection {
        let all = Array(E.allCases)
        return all[Int.random(in: 0..<all.count, using: &g)]
    }
}

/// The `sceneId` member, when named.
func sceneMember(_ id: String?) -> [JSONMember] {
    id.map { [JSONMember("sceneId", .string($0))] } ?? []
}

/// A definition handed an action of another kind: `definition` rules it out.
func wrongKind(_ action: Action) {
    assertionFailure("\(action.kind) dispatched to the wrong definition")
}

/// An action without members (`launch`, `lock`, …): everything but its rule and
/// how it applies follows from the action itself.
protocol MemberlessAction: ActionDefinition {
    static var action: Action { get }
}

extension MemberlessAction {
    static var parameters: [String] { [] }
    static func decode<F: ActionFields>(_ f: F) throws(F.Failure) -> Action { action }
    static func encode(_ action: Action) -> [JSONMember] { [] }
    static func sample(in state: AppSnapshot) -> Action { action }
    static func random<G: RandomNumberGenerator>(using g: inout G, in state: AppSnapshot) -> Action { action }
    static var examples: [(label: String, action: Action)] { [("", action)] }
}

/// An action whose only member is an optional `sceneId` (the scene the user saw
/// last when absent).
protocol SceneTargetedAction: ActionDefinition {
    static func action(sceneId: String?) -> Action
    /// The scene the action names, or nil when `action` is of another kind.
    static func sceneId(of action: Action) -> String??
}

extension SceneTargetedAction {
    static var parameters: [String] { ["sceneId"] }
    static func decode<F: ActionFields>(_ f: F) throws(F.Failure) -> Action { action(sceneId: try f.sceneId()) }
    static func encode(_ action: Action) -> [JSONMember] {
        guard let id = sceneId(of: action) else {
            wrongKind(action)
            return []
        }
        return sceneMember(id)
    }
    static func sample(in state: AppSnapshot) -> Action { action(sceneId: nil) }
    static func random<G: RandomNumberGenerator>(using g: inout G, in state: AppSnapshot) -> Action {
        action(sceneId: RandomMembers.sceneId(using: &g, in: state))
    }
    static var examples: [(label: String, action: Action)] { [("", action(sceneId: nil))] }
}
