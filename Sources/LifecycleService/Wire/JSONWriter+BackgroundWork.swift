import LifecycleModel

/// The wire form of the background-work fields (contract v1.1).
extension JSONWriter {
    /// Config: `sdkVersion` (resolved), `backgroundTasks`, `registersForRemoteNotifications`.
    mutating func writeBackgroundWork(_ c: SessionConfig) {
        member("sdkVersion", c.sdk.description)
        key("backgroundTasks")
        beginArray()
        for task in c.backgroundTasks {
            beginObject()
            member("identifier", task.identifier)
            member("kind", task.kind.rawValue)
            endObject()
        }
        endArray()
        key("registersForRemoteNotifications")
        bool(c.registersForRemoteNotifications)
    }

    /// State: `prewarm` (null, or where the prewarm paused and whether it still is)
    /// and `registeredBackgroundTasks`, after the state's other members (the leading
    /// commas are in the constant text).
    mutating func writeBackgroundWork(_ s: AppSnapshot) {
        text(#","prewarm":"#)
        object(s.prewarm) { w, p in
            w.member("stoppedAt", p.stoppedAt.rawValue)
            w.key("paused")
            w.bool(p.paused)
        }
        text(#","registeredBackgroundTasks":["#)
        for task in s.registeredBackgroundTasks { string(task.identifier) }
        endArray()
        // Issue #38: only while one runs, so other states answer byte for byte as before.
        if let task = s.background.continued {
            text(#","continuedProcessingTask":"#)
            beginObject()
            member("identifier", task.identifier)
            key("completesAt")
            number(task.completesAt)
            endObject()
        }
    }
}
