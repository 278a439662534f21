/// One action kind's home, and the payload of its actions: its members as stored
/// properties, their JSON decoding and encoding, rule text with its sources, its
/// variants (what `allowedActions` dry-runs and the searches take as steps), a random
/// generator for the random-sequence tests, the examples of the model reference, and
/// how the simulator applies it. Each kind has one type in `Actions/Kinds/`, named in
/// `definition`; `Action.visit` is the one place an action's payload is taken out.
protocol ActionDefinition: Sendable, Equatable {
    /// The members the action takes besides `type` (any other is a 400), with what a
    /// client offers for each (the playground's inputs).
    static var parameters: [ActionParameter] { get }
    /// What it means and where its rules come from (docs/model.md).
    static var rule: ActionRule { get }
    /// The action from its JSON members.
    static func decode<F: ActionFields>(_ f: F) throws(F.Failure) -> Action
    /// Its JSON members besides `type`, in the order the service writes them.
    var members: [JSONMember] { get }
    /// Applies it to the work area; throws when a real device could not perform it.
    func apply(to t: inout Transition) throws(ActionRefusal)
    /// The actions of this kind that `state` tells apart, each with its label, in order
    /// (e.g. `terminate` by the user and by the system, a scene action on each scene).
    /// `allowedActions` lists the kind when the simulator accepts one of them (so the
    /// answer is the simulator's own, never a second table); the searches (paths,
    /// coverage, `moveTo`) take them as their steps when the kind `isPlain`.
    static func variants(in state: AppSnapshot, of simulator: Simulator) -> [ActionVariant]
    /// Whether the searches take this kind's variants as steps: true but for the kinds
    /// whose file says why not.
    static var isPlain: Bool { get }
    /// Whether `apply` refuses, if it does, before it changes or records anything (its
    /// rules check, then act): true but for the kinds whose file says why not. The
    /// simulator then lends the session's state, the observers' memory with it, to the
    /// rules instead of copying it for a rollback (`Simulator.apply(_:updating:)`, which
    /// asserts it in debug builds); the random walks of `RefusalBeforeEffectsTests` hold
    /// every kind to it.
    static var refusesBeforeActing: Bool { get }
    /// A member the config rules out, found before the action is applied (a 400 naming
    /// the member, not a 409); nil when the config allows it.
    func check(against config: SessionConfig) -> InvalidMember?
    /// A random action of this kind in `state`, for the random-sequence tests.
    static func random<G: RandomNumberGenerator>(using g: inout G, in state: AppSnapshot) -> Action
    /// The examples docs/model.md shows, with their labels.
    static var examples: [(label: String, action: Action)] { get }
}

/// What is done with an action's payload, whatever its kind (`Action.visit`).
protocol PayloadVisitor {
    associatedtype Context
    associatedtype Result
    associatedtype Failure: Error
    static func visit<Payload: ActionDefinition>(_ payload: Payload, _ context: inout Context) throws(Failure) -> Result
}

/// Applies the action to a work area.
enum Applying: PayloadVisitor {
    static func visit<Payload: ActionDefinition>(_ payload: Payload, _ t: inout Transition) throws(ActionRefusal) {
        try payload.apply(to: &t)
    }
}

/// The action's JSON members besides `type`.
enum Encoding: PayloadVisitor {
    static func visit<Payload: ActionDefinition>(_ payload: Payload, _: inout Void) -> [JSONMember] {
        payload.members
    }
}

/// A member of the action the config rules out.
enum Checking: PayloadVisitor {
    static func visit<Payload: ActionDefinition>(_ payload: Payload, _ config: inout SessionConfig) -> InvalidMember? {
        payload.check(against: config)
    }
}

/// One action of a kind as a state tells it apart from the kind's others, with the
/// label the searches count it under (`terminate by=user`, `closeScene scene=#2`,
/// `advanceTime next event`; the kind's name when it has one variant).
public struct ActionVariant: Sendable, Equatable {
    public var label: String
    public var action: Action
    /// False for a variant the searches leave out although the state allows it: time
    /// passing with nothing due moves only the clock, which abstract states leave out.
    public var isPlain: Bool
    /// For a kind whose variants are the values of one member (`choiceVariants`): this
    /// variant's member and value (`by`, `system`), which `allowedVariants` reports.
    public var choice: VariantChoice?

    public init(label: String, action: Action, isPlain: Bool = true, choice: VariantChoice? = nil) {
        self.label = label
        self.action = action
        self.isPlain = isPlain
        self.choice = choice
    }

    /// The only variant of its kind, labelled with the kind's name.
    init(_ action: Action) {
        self.init(label: action.kind.rawValue, action: action)
    }
}

/// A member of an action that the session's config rules out (e.g. a BGTask
/// identifier the config does not register): the service answers 400 naming it.
public struct InvalidMember: Sendable, Equatable {
    /// The member's name, e.g. `identifier`.
    public var member: String
    /// What is wrong and what to send instead, to follow the member's full name
    /// (`actions[2].identifier must be …`).
    public var reason: String
    /// The values the config allows, when there is a list.
    public var allowed: [String]
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
        case .startContinuedProcessingTask: StartContinuedProcessingTaskAction.self
        case .cancelContinuedProcessingTask: CancelContinuedProcessingTaskAction.self
        case .moveTo: MoveToAction.self
        }
    }

    /// The names of the members this kind takes besides `type`.
    public var parameters: [String] { definition.parameters.map(\.name) }
    /// The members this kind takes besides `type`, with what a client offers for each.
    public var parameterInputs: [ActionParameter] { definition.parameters }
    /// What it means and where its rules come from.
    public var rule: ActionRule { definition.rule }
    /// The examples the model reference shows.
    public var examples: [(label: String, action: Action)] { definition.examples }

    /// Decodes an action of this kind from its members.
    public func decode<F: ActionFields>(_ fields: F) throws(F.Failure) -> Action {
        try definition.decode(fields)
    }

    /// Whether the searches (paths, coverage, `moveTo`) take this kind as a step.
    public var isPlain: Bool { definition.isPlain }

    /// A member of `action` (of this kind) that `config` rules out, if any.
    public func check(_ action: Action, against config: SessionConfig) -> InvalidMember? {
        var config = config
        return action.visit(Checking.self, &config)
    }

    /// A random action of this kind in `state` (the random-sequence tests draw kinds
    /// from `allCases`, then an action from here).
    public func random<G: RandomNumberGenerator>(using g: inout G, in state: AppSnapshot) -> Action {
        definition.random(using: &g, in: state)
    }
}

extension Action {
    /// The JSON members besides `type`, in the order the service writes them.
    public var members: [JSONMember] {
        var none: Void = ()
        return visit(Encoding.self, &none)
    }
}

extension ActionDefinition {
    static var isPlain: Bool { true }
    static var refusesBeforeActing: Bool { true }
    func check(against config: SessionConfig) -> InvalidMember? { nil }
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

/// One variant per scene session, named `<kind> scene=#<n>` (from 1, in creation
/// order): what each scene allows differs (activating the one in front is refused,
/// another is not).
func perSceneVariants(in state: AppSnapshot, _ action: (String) -> Action) -> [ActionVariant] {
    state.scenes.enumerated().map { i, scene in
        let a = action(scene.id)
        return ActionVariant(label: "\(a.kind.rawValue) scene=#\(i + 1)", action: a)
    }
}

/// One variant per value of a member, named `<kind> <member>=<value>`.
func choiceVariants<E: CaseIterable & RawRepresentable>(
    _ member: String, _: E.Type, _ action: (E) -> Action
) -> [ActionVariant] where E.RawValue == String {
    E.allCases.map { value in
        let a = action(value)
        return ActionVariant(
            label: "\(a.kind.rawValue) \(member)=\(value.rawValue)", action: a,
            choice: VariantChoice(member: member, value: value.rawValue))
    }
}

/// The member and value that set a variant apart from its kind's others (`by` `system`).
public struct VariantChoice: Sendable, Equatable {
    public var member: String
    public var value: String

    public init(member: String, value: String) {
        self.member = member
        self.value = value
    }
}

/// The `sceneId` member, when named.
func sceneMember(_ id: String?) -> [JSONMember] {
    id.map { [JSONMember("sceneId", .string($0))] } ?? []
}

/// An action without members (`launch`, `lock`, …): everything but its rule and
/// how it applies follows from the action itself.
protocol MemberlessAction: ActionDefinition {
    static var action: Action { get }
}

extension MemberlessAction {
    static var parameters: [ActionParameter] { [] }
    static func decode<F: ActionFields>(_ f: F) throws(F.Failure) -> Action { action }
    var members: [JSONMember] { [] }
    static func variants(in state: AppSnapshot, of simulator: Simulator) -> [ActionVariant] {
        [ActionVariant(action)]
    }
    static func random<G: RandomNumberGenerator>(using g: inout G, in state: AppSnapshot) -> Action { action }
    static var examples: [(label: String, action: Action)] { [("", action)] }
}

/// An action whose only member is an optional `sceneId` (the scene the user saw
/// last when absent).
protocol SceneTargetedAction: ActionDefinition {
    var sceneId: String? { get }
    init(sceneId: String?)
    /// The action of this kind on scene `sceneId`.
    static func action(sceneId: String?) -> Action
}

extension SceneTargetedAction {
    static var parameters: [ActionParameter] { [.sceneId] }
    static func decode<F: ActionFields>(_ f: F) throws(F.Failure) -> Action { action(sceneId: try f.sceneId()) }
    var members: [JSONMember] { sceneMember(sceneId) }
    /// The scene the user saw last: most of these act on the top of its window.
    static func variants(in state: AppSnapshot, of simulator: Simulator) -> [ActionVariant] {
        [ActionVariant(action(sceneId: nil))]
    }
    static func random<G: RandomNumberGenerator>(using g: inout G, in state: AppSnapshot) -> Action {
        action(sceneId: RandomMembers.sceneId(using: &g, in: state))
    }
    static var examples: [(label: String, action: Action)] { [("", action(sceneId: nil))] }
}

extension ActionKind {
    /// The kind's place in `allCases`, for tables indexed by kind (the service's
    /// per-kind encodings and counters): its place in the declaration, which every kind
    /// has (the count, past every table, is never returned).
    public var index: Int {
        Self.declared.firstIndex(of: self) ?? Self.declared.count
    }

    /// Every kind, in declaration order.
    private static let declared = allCases
}
