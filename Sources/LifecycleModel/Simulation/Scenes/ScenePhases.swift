extension Transition {
    /// Connects scene `index` (§4 steps 4–5): `configurationForConnecting` only for a
    /// session never connected before (MULTI), then `scene(_:willConnectTo:options:)`
    /// while the scene is still unattached, with the payload in the options.
    mutating func connect(_ index: Int, options: JSONValue) {
        let scene = state.scenes[index]
        if !scene.everConnected {
            call(
                .appDelegate(.configurationForConnecting),
                args: .object(["sessionRole": .string("windowApplication"), "persistentIdentifier": .string(scene.id)]))
        }
        callScene(
            .willConnect, index,
            args: .object([
                "session": .object([
                    "persistentIdentifier": .string(scene.id), "isNew": .bool(!scene.everConnected),
                    "stateRestorationActivity": .bool(scene.hasRestorationActivity),
                ]),
                "options": options,
            ]))
        state.scenes[index].everConnected = true
        state.scenes[index].hasRestorationActivity = false
        setScene(index, .background)
        // Issue #5: the scene's window and root view controller load as it connects.
        createWindow(sceneId: scene.id)
    }

    /// `sceneDidDisconnect(_:)`: the scene is unattached and its window goes.
    mutating func disconnect(_ index: Int) {
        callScene(.didDisconnect, index)
        setScene(index, .unattached)
        removeWindow(sceneId: state.scenes[index].id)
    }
}
