/// Where `AppSnapshot` keeps the observers' memory: one optional reference
/// (`AppSnapshot.observerMemory`), nil in a session without observers.
///
/// Why a box: a snapshot is copied for every action (`Simulator.apply`), and an
/// inline `ObserverSnapshot?` made that copy, and the state's size, grow for every
/// session, observers or not (docs/architecture.md, "Observer machinery"). Behind one
/// reference a session without observers copies a nil pointer.
///
/// Copy on write by hand: the tap changes the memory only through
/// `AppSnapshot.changingObservers()`, which first makes the box the snapshot's own, and
/// keeps the reference it returns no longer than that change; a box two snapshots
/// share is never written, hence the unchecked conformance. (Accessors such as
/// `_modify` would do the same, but each call of such a coroutine allocated its frame.)
/// A session's box is usually its own already: `Simulator.apply(_:updating:)`
/// lends the session's state, the box with it, to the rules of a kind that refuses
/// before it acts, so it changes in place.
final class ObserverMemory: @unchecked Sendable, Equatable {
    /// Unchecked exclusivity: each access to a class's property was checked at run time
    /// (`swift_beginAccess`, a few dozen times an observed action), and
    /// the tap never holds two overlapping accesses (each is one statement or one call).
    @exclusivity(unchecked) var value: ObserverSnapshot

    init(_ value: ObserverSnapshot) { self.value = value }

    static func == (a: ObserverMemory, b: ObserverMemory) -> Bool {
        a === b || a.value == b.value
    }
}

extension AppSnapshot {
    /// The observers' memory, this snapshot's own, for a change in place; nil without
    /// observers. Hold it only for the change at hand: a later copy of the snapshot
    /// shares it again.
    mutating func changingObservers() -> ObserverMemory? {
        if !isKnownUniquelyReferenced(&observerMemory), let shared = observerMemory {
            observerMemory = ObserverMemory(shared.value)
        }
        return observerMemory
    }

    /// Changes the observers' memory in place with `body`; nil (and `body` not run)
    /// without observers. The box's reference lives only as long as the call, so that a
    /// later change finds it unique and does not copy it.
    @discardableResult
    mutating func changeObservers<R>(_ body: (inout ObserverSnapshot) -> R) -> R? {
        guard let memory = changingObservers() else { return nil }
        return body(&memory.value)
    }

    /// Replaces the observers' memory.
    mutating func replaceObservers(_ value: ObserverSnapshot) {
        if isKnownUniquelyReferenced(&observerMemory), let own = observerMemory {
            own.value = value
        } else {
            observerMemory = ObserverMemory(value)
        }
    }
}
