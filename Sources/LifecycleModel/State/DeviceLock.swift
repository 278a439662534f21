/// `UIApplication.isProtectedDataAvailable` over a lock (DOC).
public enum ProtectedData: Sendable, Equatable {
    case available
    /// The device is locked and files with complete protection close at this time
    /// (quirk `protectedDataDelay`).
    case closing(at: Double)
    /// Closed: the device is locked and the delay has passed.
    case unavailable
}

/// The device lock, protected data, and what was on screen when the device locked
/// (it comes back on unlock).
public struct DeviceLock: Sendable, Equatable {
    public private(set) var isLocked = false
    /// Not `available` only while locked.
    public private(set) var protectedData = ProtectedData.available
    /// The app was in the foreground when the device was locked (unlock brings it back).
    private(set) var foregroundAtLock = false
    /// Scenes that were in the foreground when the device was locked.
    private(set) var scenesAtLock: [String] = []

    /// Locks at `clock`, remembering what is on screen.
    mutating func lock(at clock: Double, protectedDataDelay: Double, foreground: Bool, scenes: [String]) {
        isLocked = true
        foregroundAtLock = foreground
        scenesAtLock = scenes
        protectedData = .closing(at: clock + protectedDataDelay)
    }

    /// Unlocks; returns whether protected data had become unavailable.
    mutating func unlock() -> Bool {
        let hadLostData = protectedData == .unavailable
        isLocked = false
        protectedData = .available
        return hadLostData
    }

    /// What came back on unlock has been dealt with.
    mutating func forgetScreenAtLock() {
        foregroundAtLock = false
        scenesAtLock = []
    }

    /// The lock's delay has passed.
    mutating func protectedDataClosed() { protectedData = .unavailable }

    /// When protected data closes, while a lock's delay runs.
    var protectedDataClosesAt: Double? {
        if case .closing(let at) = protectedData { return at }
        return nil
    }

    /// No process, nothing on screen to bring back; the lock itself stays.
    mutating func processEnded() { forgetScreenAtLock() }
}
