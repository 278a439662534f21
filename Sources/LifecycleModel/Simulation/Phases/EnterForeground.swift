extension Transition {
    /// Return to the foreground from background or suspended (S1, DOC):
    /// willEnterForeground (background), the payload's handler (inactive),
    /// didBecomeActive (active). LIFECYCLE.md §2.1: always completed in one action.
    /// The same for an app that was launched into the background (no second
    /// didFinishLaunching; MULTI).
    mutating func enterForeground(payload: LaunchPayload?) {
        enter(.background)  // a suspended app is resumed into the background state first
        call(AppDelegateMethod.willEnterForeground)
        enter(.inactive)
        payload?.deliver(into: &self)
        becomeActive()
    }
}
