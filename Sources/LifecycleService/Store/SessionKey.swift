import Foundation

/// A session id as a dictionary key: its 16 bytes as two words.
///
/// `UUID`'s own `hash(into:)` feeds its bytes to the hasher one buffer at a time; two
/// word-sized `combine`s cost a fraction of that (the shard lookup was most of
/// `SessionStore.find`). Still the seeded SipHash of
/// `Hasher`, not a plain fold of the bits: clients choose ids (`PUT /v1/sessions/{id}`),
/// so they must not be able to choose colliding ones.
struct SessionKey: Hashable, Sendable {
    let high: UInt64
    let low: UInt64

    init(_ id: UUID) {
        let words = withUnsafeBytes(of: id.uuid) { raw in
            (
                raw.loadUnaligned(fromByteOffset: 0, as: UInt64.self),
                raw.loadUnaligned(fromByteOffset: 8, as: UInt64.self)
            )
        }
        high = words.0
        low = words.1
    }

    func hash(into hasher: inout Hasher) {
        hasher.combine(high)
        hasher.combine(low)
    }
}
