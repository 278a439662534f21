import LifecycleModel

/// Every action a session accepted, in order, in the canonical encoding the service
/// writes for an action (`JSONWriter.write(_: Action)`): `GET …/journal` answers them
/// and replaying them on a new session with the same config reproduces the log exactly
/// (the model is a pure function of config, state and action).
///
/// Kept encoded, comma-separated, ready to splice into the response: about 20 to 100
/// bytes per action. Unlike the callback log it cannot drop its oldest entries (a
/// replay needs them all), so past `byteCapacity` it stops recording and says so
/// (`isComplete` false) rather than grow without bound.
struct ActionJournal: Sendable {
    /// Default bound on one session's journal: about 30 000 actions.
    static let defaultByteCapacity = 1 << 20

    let byteCapacity: Int
    /// The encoded actions, comma-separated (the inside of a JSON array).
    private(set) var encodedActions: [UInt8] = []
    /// Actions recorded.
    private(set) var count = 0
    /// False once an action no longer fitted: the journal is a prefix of what happened.
    private(set) var isComplete = true

    init(byteCapacity: Int = ActionJournal.defaultByteCapacity) {
        self.byteCapacity = byteCapacity
    }

    /// Bytes held (the encoded actions and their commas), for memory accounting.
    var bytes: Int { encodedActions.count }

    mutating func record(_ action: Action) {
        guard isComplete else { return }
        var one = JSONWriter(capacity: 64)
        one.write(action)
        let separator = encodedActions.isEmpty ? 0 : 1
        guard encodedActions.count + separator + one.bytes.count <= byteCapacity else {
            isComplete = false
            return
        }
        if separator == 1 { encodedActions.append(UInt8(ascii: ",")) }
        encodedActions += one.bytes
        count += 1
    }
}
