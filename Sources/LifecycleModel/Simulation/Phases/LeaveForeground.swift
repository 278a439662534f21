extension Transition {
    /// facts §6: state is saved on entering the background (S1), leaving an
    /// archive on disk.
    mutating func saveStateIfOptedIn() {
        guard config.stateRestoration else { return }
        call(profile.restoration.shouldSave)
        call(profile.restoration.willEncode)
        // facts §9.1 (DOC, [A-preserve]): then each restorable view controller encodes
        // its state, from each window's root down (presented ones after their stack).
        for w in state.windows.indices {
            for c in state.windows[w].contexts.indices {
                for k in state.windows[w].contexts[c].stack.indices {
                    callViewController(
                        .viewController(.encodeRestorableState),
                        ViewControllerRef(window: w, context: c, index: k))
                }
            }
        }
        state.restorationArchive = true
        // breadth §8.6: the navigation controller encodes its children, so the archive
        // holds the stack; a tab bar's is not modelled (named choice).
        state.restorationStack =
            config.tabs == nil ? state.windows.first?.contexts.first?.stack.dropFirst().map(\.name) ?? [] : []
    }

    /// The app starts executing in the background: its background time counts from
    /// now, and it is suspended after `window` seconds unless a task runs (§5).
    mutating func startBackgroundTime(window: Double) {
        state.background.start(at: state.clock, window: window)
    }
}
