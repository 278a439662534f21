/// `UIApplication.isProtectedDataAvailable` while the device is locked (DOC): it is
/// available whenever the device is unlocked, so only a lock has this state.
public enum ProtectedData: Sendable, Equatable {
    /// Files with complete protection close at this time (quirk `protectedDataDelay`).
    case closing(at: Double)
    /// Closed: the lock's delay has passed.
    case unavailable
}

/// What was in the foreground when the device locked: unlock brings it back.
public struct ScreenAtLock: Sendable, Equatable {
    /// The app itself was in the foreground (what a sceneless app brings back).
    var app = false
    /// The scenes that were in the foreground (what a scene app brings back).
    var scenes: [String] = []
}

/// The device lock. Protected data and the screen at lock exist only while the
/// device is locked, so an unlocked device cannot hold a stale screen or closed data.
public enum DeviceLock: Sendable, Equatable {
    case unlocked
    case locked(ProtectedData, screen: ScreenAtLock)

    public var isLocked: Bool { self != .unlocked }

    /// Protected data's state under the lock; nil when unlocked (available).
    public var protectedData: ProtectedData? {
        if case .locked(let data, _) = self { return data }
        return nil
    }

    /// `UIApplication.isProtectedDataAvailable` as the app last heard it.
    public var isProtectedDataAvailable: Bool { protectedData != .unavailable }

    /// When protected data closes, while a lock's delay runs.
    var protectedDataClosesAt: Double? {
        if case .closing(let at) = protectedData { return at }
        return nil
    }

    /// Locks at `clock`, remembering what is on screen.
    mutating func lock(at clock: Double, protectedDataDelay: Double, screen: ScreenAtLock) {
        self = .locked(.closing(at: clock + protectedDataDelay), screen: screen)
    }

    /// Unlocks; returns what was on screen at lock and whether protected data had
    /// become unavailable (nil if the device was not locked).
    mutating func unlock() -> (screen: ScreenAtLock, hadLostData: Bool)? {
        guard case .locked(let data, let screen) = self else { return nil }
        self = .unlocked
        return (screen, data == .unavailable)
    }

    /// The lock's delay has passed.
    mutating func protectedDataClosed() {
        if case .locked(_, let screen) = self { self = .locked(.unavailable, screen: screen) }
    }

    /// No process, nothing on screen to bring back; the lock itself stays.
    mutating func processEnded() {
        if case .locked(let data, _) = self { self = .locked(data, screen: ScreenAtLock()) }
    }
}
