/// `locationEvent`: A location update launches or wakes the app (`location` mode).
public struct LocationEventAction: MemberlessAction {
    public init() {}

    static let action = Action.locationEvent
    static let rule = ActionRule(
        summary: "A location update launches or wakes the app (location mode; not after a force-quit).",
        sources: "S2, S4, DOC")

    func apply(to t: inout Transition) throws(ActionRefusal) {
        try t.backgroundEvent(.location)
    }
}
