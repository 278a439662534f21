/// Where `AppSnapshot` keeps the observers' memory: one optional reference, nil in a
/// session without observers.
///
/// Why a box: a snapshot is copied for every action (`Simulator.apply`), and an
/// inline `ObserverSnapshot?` made that copy, and the state's size, grow for every
/// session, observers or not (bench/PROFILE.md, "Observers (issue #20)"). Behind one
/// reference a session without observers copies a nil pointer. The box is
/// copy-on-write: a snapshot changes it only when it holds the sole reference, so
/// snapshots stay values.
struct ObserverMemory: Sendable, Equatable {
    /// The box; nil until a session's observers first remember something.
    private var box: Box?

    /// Mutated only through `value`'s `_modify`, which first makes the box unique: a
    /// box shared between snapshots is never written, hence the unchecked conformance.
    private final class Box: @unchecked Sendable {
        var value: ObserverSnapshot?
        init(_ value: ObserverSnapshot?) { self.value = value }
    }

    init() {}

    /// The memory; nil without observers.
    var value: ObserverSnapshot? {
        get { box?.value }
        _modify {
            if !isKnownUniquelyReferenced(&box) { box = Box(box?.value) }
            if let unique = box {
                yield &unique.value
            } else {
                var none: ObserverSnapshot? = nil  // not reached: the box was just made
                yield &none
            }
        }
    }

    static func == (a: Self, b: Self) -> Bool {
        if a.box === b.box { return true }
        return a.value == b.value
    }
}
