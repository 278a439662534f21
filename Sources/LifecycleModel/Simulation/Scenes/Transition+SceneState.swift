extension Transition {
    /// Moves scene `index` to `sceneState` and the app with it: in a scene-based app
    /// the app state is that of its most active scene ([A-state], DOC).
    mutating func setScene(_ index: Int, _ sceneState: SceneState) {
        state.scenes[index].state = sceneState
        let states = state.scenes.map(\.state)
        if states.contains(.foregroundActive) {
            enter(.active)
        } else if states.contains(.foregroundInactive) {
            enter(.inactive)
        } else if state.app == .active || state.app == .inactive {
            enter(.background)
        }
    }

    /// The scene an action names, or by default the one the user saw last among the
    /// scenes whose state `qualifies` (a named scene is returned whatever its state,
    /// so the caller can say what is wrong with it).
    func sceneIndex(_ id: String?, where qualifies: (SceneState) -> Bool = { _ in true }) -> Int? {
        if let id { return state.scenes.firstIndex { $0.id == id } }
        return state.scenes.indices.filter { qualifies(state.scenes[$0].state) }
            .max { state.scenes[$0].lastActivation < state.scenes[$1].lastActivation }
    }

    /// Indices of the scenes on screen.
    var foregroundScenes: [Int] { state.scenes.indices.filter { state.scenes[$0].state.isForeground } }

    /// A new scene session, unattached.
    mutating func newScene() -> Int {
        state.sessions.add()
    }
}
