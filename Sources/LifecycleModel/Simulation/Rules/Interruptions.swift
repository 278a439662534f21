extension Transition {
    /// Something covers the active app (S3, [A-state], MULTI): willResignActive, and
    /// the app stays on screen, inactive.
    mutating func beginInterruption(_ kind: InterruptionKind) throws(ActionRefusal) {
        try require(state.app == .active, "the app active in the foreground")
        if profile.usesScenes { return sceneBeginInterruption(kind) }
        call(AppDelegateMethod.willResignActive)
        enter(.inactive)
        state.interruption = kind
    }

    /// The interruption ends (S3, MULTI): back to the app → didBecomeActive, no
    /// willEnterForeground; the user went elsewhere → didEnterBackground.
    mutating func endInterruption(_ outcome: InterruptionOutcome) throws(ActionRefusal) {
        try require(state.interruption != nil, "an interruption in progress (interruptionBegan)")
        if profile.usesScenes { return sceneEndInterruption(outcome) }
        switch outcome {
        case .resume: becomeActive()
        case .leave: leaveForeground()
        }
    }
}
