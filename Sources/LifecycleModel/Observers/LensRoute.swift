/// Which lenses an input goes to, in the config's order, packed in two words: the tap
/// reads it for every input an observed action makes (about five), where walking the
/// snapshot's array of channels and the profile's array of subscriptions copied the
/// former and checked every lens (docs/architecture.md, "Observer machinery").
public struct LensRoute: Sendable, Equatable {
    /// Byte `i`: the slot (`LensSlots.Slot`) of the lens at position `i`.
    private let slots: UInt64
    /// Byte `k`: the positions (bit `i` for position `i`) of the lenses that take inputs
    /// of kind bit `k` (`FrameworkLens.inputs`).
    private let subscribers: UInt64

    /// The route of `lenses`, each with the kinds it takes. At most eight lenses (there
    /// are six frameworks).
    init(_ lenses: [(channel: ObserverChannel, inputs: LensInputKinds)]) {
        precondition(lenses.count <= 8, "a lens route holds eight lenses")
        var slots: UInt64 = 0
        var subscribers: UInt64 = 0
        for (position, lens) in lenses.enumerated() {
            // `notifications` has no lens, and so no slot: it takes no input.
            guard let slot = LensSlots.Slot(lens.channel) else { continue }
            slots |= UInt64(slot.rawValue) << (8 * position)
            for kind in 0..<8 where lens.inputs.rawValue & (1 << kind) != 0 {
                subscribers |= UInt64(1) << (8 * kind + position)
            }
        }
        self.slots = slots
        self.subscribers = subscribers
    }

    /// The positions of the lenses that take `kind` (a single kind), as a bit set.
    @inline(__always)
    func positions(taking kind: LensInputKinds) -> UInt8 {
        UInt8(truncatingIfNeeded: subscribers >> (8 * UInt64(kind.rawValue.trailingZeroBitCount)))
    }

    /// The slot of the lens at `position`.
    @inline(__always)
    func slot(at position: Int) -> LensSlots.Slot {
        LensSlots.Slot(rawValue: UInt8(truncatingIfNeeded: slots >> (8 * UInt64(position)))) ?? .reactNative
    }
}
