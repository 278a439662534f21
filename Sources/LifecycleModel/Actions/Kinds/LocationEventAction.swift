/// `locationEvent`: A location update launches or wakes the app (`location` mode).
enum LocationEventAction: MemberlessAction {
    static let action = Action.locationEvent
    static let rule = ActionRule(
        summary: "A location update launches or wakes the app (location mode; not after a force-quit).",
        sources: "S2, S4, DOC")

    static func apply(_ action: Action, to t: inout Transition) throws(ActionRefusal) {
        try t.backgroundEvent(.location)
    }
}
