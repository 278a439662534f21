/// Background URL sessions (breadth §2).
extension Transition {
    /// `backgroundURLSessionEvents`: relaunch (breadth §2.1, DOC) or wake (breadth §2.2,
    /// DOC) into the background; never after a user's force-quit (breadth §2.5, DOC,
    /// [A-urlcfg]). A foreground app's session delivers directly, without handleEvents.
    mutating func backgroundURLSessionEvents(_ identifier: String) throws(ActionRefusal) {
        try require(!state.app.isForegroundApp, Needs.notInForegroundForURLSession)
        let deliver = { (t: inout Transition) in t.deliverURLSessionEvents(identifier) }
        switch state.app {
        case .notRunning:
            try require(!state.userForceQuit, Needs.notForceQuitTransfers)
            launchIntoBackground(options: .null) { t in
                t.connectSceneForBackgroundWork()
                deliver(&t)
            }
        case .suspended:
            wakeInBackground(handler: deliver)
        default:
            handleInBackground(handler: deliver)
        }
    }

    /// breadth §2.3 (MULTI after handleEvents; SINGLE plus Apple's wording for
    /// handleEvents after didFinishLaunching): the app delegate's handleEvents (it
    /// stays an app-delegate method in scene apps, breadth §2.1), the recreated
    /// session's delegate calls for its one finished task (a documented choice: one
    /// download), then urlSessionDidFinishEvents, after which the app calls the stored
    /// completion handler (breadth §2.4).
    mutating func deliverURLSessionEvents(_ identifier: String) {
        let session = JSONValue.string(identifier)
        call(.appDelegate(.handleEventsForBackgroundURLSession), args: .object(["identifier": session]))
        call(
            .urlSessionDelegate(.didFinishDownloading), on: .urlSessionDelegate,
            args: .object(["session": session, "taskIdentifier": .number("1")]))
        call(
            .urlSessionDelegate(.didComplete), on: .urlSessionDelegate,
            args: .object(["session": session, "taskIdentifier": .number("1"), "error": .null]))
        call(
            .urlSessionDelegate(.didFinishEvents), on: .urlSessionDelegate,
            args: .object(["session": session]))
    }
}
