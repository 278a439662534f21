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
        if let p = s.prewarm {
            text(#"{"stoppedAt":"#)
            string(p.stoppedAt.rawValue)
            text(#","paused":"#)
            bool(p.paused)
            endObject()
        } else {
            null()
        }
        text(#","registeredBackgroundTasks":["#)
        for task in s.registeredBackgroundTasks { string(task.identifier) }
        endArray()
    }
}
