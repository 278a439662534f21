extension Transition {
    /// Something covers the active app (S3, [A-state], MULTI; §4, DOC):
    /// (scene)WillResignActive, and the app stays on screen, inactive.
    mutating func beginInterruption(_ kind: InterruptionKind) throws(ActionRefusal) {
        try require(state.app == .active, Needs.activeInForeground)
        for s in foregroundStages where stageState(s) == .foregroundActive { resignActive(s) }
        if kind == .notificationCenter && profile.notificationCenterPullReactivates {
            // Quirk notificationCenterPullReactivates ([OR49216830], iOS 11–12): with the
            // sheet fully down the app is active again for a moment, then resigns.
            for s in foregroundStages {
                becomeActive(s)
                resignActive(s)
            }
        }
        state.interruption = kind
    }

    /// The interruption ends (S3, MULTI): back to the app → didBecomeActive, no
    /// willEnterForeground; the user went elsewhere → didEnterBackground.
    mutating func endInterruption(_ outcome: InterruptionOutcome) throws(ActionRefusal) {
        try require(state.interruption != nil, Needs.interruptionInProgress)
        switch outcome {
        case .resume:
            for s in foregroundStages { becomeActive(s) }
        case .leave:
            leaveForeground()
        }
    }
}
