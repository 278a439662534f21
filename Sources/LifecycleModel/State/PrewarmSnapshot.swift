/// A process the system prewarmed (breadth §3): where it paused, and whether it is
/// still paused there (the user has not opened it yet).
public struct PrewarmSnapshot: Sendable, Equatable {
    public var stoppedAt: PrewarmStop
    /// Still paused: the launch has not continued.
    public var paused: Bool

    public init(stoppedAt: PrewarmStop, paused: Bool) {
        self.stoppedAt = stoppedAt
        self.paused = paused
    }
}
