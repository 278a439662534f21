/// Anything that holds callbacks in order: a result (one action, a batch, a simulate run,
/// a path) or a list of them. The helpers pick out the part a test is about, as the
/// JavaScript and Python clients' `methods`, `states` and `appStateChanges` do.
public protocol CallbackList {
    /// Every callback, in order.
    var callbacks: [Callback] { get }
}

extension CallbackList {
    /// The method names `receiver` got, in order: `result.methods(receiver: "sceneDelegate")`.
    public func methods(receiver: String) -> [String] {
        callbacks.filter { $0.receiver == receiver }.map(\.method)
    }

    /// A channel's states in order: the `state` argument of each of its items that has one
    /// (Capacitor's `isActive` for `capacitor`), e.g. `states(channel: "flutter")` is
    /// `["inactive", "resumed"]` after a launch. Needs the channel in config `observers`.
    public func states(channel name: String) -> [JSONValue] {
        callbacks.channel(name).compactMap { $0.args?["state"] ?? $0.args?["isActive"] }
    }

    /// React Native's `AppState` changes as its `change` listener receives them, e.g.
    /// `["inactive", "background"]` for a trip to the home screen (config `observers:
    /// ["reactNative"]`; empty without it).
    public var appStateChanges: [String] {
        callbacks.channel("reactNative").filter { $0.method == "change" }.compactMap { $0.args?["state"]?.stringValue }
    }
}

extension ActionResult: CallbackList {}
extension BatchResult: CallbackList {}
extension SimulateResult: CallbackList {}
extension Array: CallbackList where Element == Callback {
    public var callbacks: [Callback] { self }
}

extension PathsResult: CallbackList {
    /// Every step's callbacks, in order.
    public var callbacks: [Callback] { steps.flatMap(\.callbacks) }
}
