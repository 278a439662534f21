/// `rotate`: The device (or an iPad window) turns to an orientation.
public struct RotateAction: ActionDefinition {
    public var orientation: InterfaceOrientation
    public var sceneId: String?

    public init(orientation: InterfaceOrientation, sceneId: String?) {
        self.orientation = orientation
        self.sceneId = sceneId
    }

    static let parameters: [ActionParameter] = [
        .choice("orientation", InterfaceOrientation.self, first: .landscapeLeft), .sceneId,
    ]
    static let rule = ActionRule(
        summary:
            "Rotation: the trait transition when size classes change (iPhone portrait ↔ landscape), viewWillTransition root first and forwarded, the trait change, the window scene's geometry callback (by version), layout (none for a 180° turn, which keeps the size). Foreground only; iPhone apps refuse portraitUpsideDown.",
        sources:
            "breadth §5.1–5.2, §5.5, §5.11, §9.3; [A-vwt] DOC; [ADK] MULTI; [A-wsd] DOC; [CMP-rot] CODE, [LLSC46] SINGLE"
    )

    static func decode<F: ActionFields>(_ f: F) throws(F.Failure) -> Action {
        let o = try f.require(
            "orientation", f.choice("orientation", InterfaceOrientation.self),
            hint: "one of \(InterfaceOrientation.allCases.map(\.rawValue).joined(separator: ", "))")
        return .rotate(orientation: o, sceneId: try f.sceneId())
    }

    var members: [JSONMember] {
        return [JSONMember("orientation", .string(orientation.rawValue))] + sceneMember(sceneId)
    }

    func apply(to t: inout Transition) throws(ActionRefusal) {
        try t.rotate(to: orientation, sceneId: sceneId)
    }

    /// Orientations every device supports (an iPad also takes portraitUpsideDown).
    private static let everywhere: [InterfaceOrientation] = [.portrait, .landscapeLeft, .landscapeRight]

    /// The quarter turn (`rotate`: to landscapeLeft from portrait or upside down, back
    /// to portrait from landscape), and a turn to the other orientation of each axis:
    /// `rotate other portrait` (iPad: to upside down, or from it back to portrait) and
    /// `rotate other landscape` (to landscapeRight, or from it to landscapeLeft). Those
    /// give the searches the half turns (breadth §5.11) that their abstract state,
    /// which leaves the orientation out, cannot name: portrait → upside down on an iPad
    /// from any representative, and landscapeLeft → landscapeRight wherever a coverage
    /// sequence takes the quarter turn and then the next variant in the same state.
    /// Each is offered in every orientation, so a sequence can always take it where it
    /// stands; upside down comes first so that an iPad's sequence takes both half turns.
    static func variants(in state: AppSnapshot, of simulator: Simulator) -> [ActionVariant] {
        let current = state.defaultWindow?.interface.orientation
        func other(_ axis: String, _ a: InterfaceOrientation, _ b: InterfaceOrientation) -> ActionVariant {
            ActionVariant(
                label: "rotate other \(axis)", action: .rotate(orientation: current == b ? a : b, sceneId: nil))
        }
        let quarter: InterfaceOrientation = current.map { $0.isPortrait ? .landscapeLeft : .portrait } ?? .portrait
        return (simulator.profile.ui.supportsUpsideDown ? [other("portrait", .portrait, .portraitUpsideDown)] : [])
            + [
                ActionVariant(.rotate(orientation: quarter, sceneId: nil)),
                other("landscape", .landscapeLeft, .landscapeRight),
            ]
    }

    static func random<G: RandomNumberGenerator>(using g: inout G, in state: AppSnapshot) -> Action {
        .rotate(orientation: everywhere.randomElement(using: &g) ?? .landscapeLeft, sceneId: nil)
    }

    static var examples: [(label: String, action: Action)] {
        [
            ("to landscape", .rotate(orientation: .landscapeLeft, sceneId: nil)),
            ("upside down (iPad only)", .rotate(orientation: .portraitUpsideDown, sceneId: nil)),
        ]
    }
}

extension Action {
    public static func rotate(orientation: InterfaceOrientation, sceneId: String?) -> Action {
        .rotate(RotateAction(orientation: orientation, sceneId: sceneId))
    }
}
