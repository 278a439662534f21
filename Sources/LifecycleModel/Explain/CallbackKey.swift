/// What a log entry is matched on, and the one place that reads a `Callback` for it:
/// the method (Swift spelling), who received it and which view controller (or
/// SwiftUI view). A key from a log leaves out what the log did not say; a callback
/// matches it when every part the key has is equal.
///
/// Arguments, scene ids and states are not compared: a log seldom shows them, and
/// the issue's matching semantics (#21) are "the methods, with receiver or view
/// controller where given". Observer channels (notifications, framework events) will
/// add a channel part here when the model emits them.
public struct CallbackKey: Hashable, Sendable {
    public var method: String
    public var receiver: Receiver?
    public var viewController: String?

    public init(method: String, receiver: Receiver? = nil, viewController: String? = nil) {
        self.method = method
        self.receiver = receiver
        self.viewController = viewController
    }

    /// The full key of a callback the model made.
    init(_ callback: Callback) {
        self.init(method: callback.method.name, receiver: callback.receiver, viewController: callback.viewController)
    }

    /// The key of a log entry: its method in the model's spelling, its receiver where
    /// the name is one (`appDelegate`, `AppDelegate`, `MyAppSceneDelegate`), and as the
    /// view controller a receiver name that is not a delegate when the method is a view
    /// controller's or a SwiftUI view's (`DetailViewController viewDidLoad`). A
    /// receiver name that is neither says nothing and is left out.
    public init(_ entry: LogEntry) {
        var token = entry.method
        var receiverName = entry.receiver
        if let message = MethodSpelling.objCMessage(Substring(token)) {
            token = message.method
            receiverName = receiverName ?? message.receiver
        }
        let method = MethodSpelling.method(in: token, selectorsCount: true) ?? token
        var receiver: Receiver?
        var viewController = entry.viewController
        if let name = receiverName {
            if let r = Self.receiver(named: name) {
                receiver = r
            } else if viewController == nil, Self.hasViews(method) {
                viewController = name
            }
        }
        self.init(method: method, receiver: receiver, viewController: viewController)
    }

    /// Whether `callback` is this entry's callback.
    public func matches(_ callback: Callback) -> Bool {
        callback.method.name == method && (receiver.map { $0 == callback.receiver } ?? true)
            && (viewController.map { $0 == callback.viewController } ?? true)
    }

    /// The model emits this method, to this receiver if the key names one.
    var isEmitted: Bool {
        guard let receivers = MethodSpelling.catalog[method] else { return false }
        return receiver.map(receivers.contains) ?? true
    }

    /// The receiver a log's name stands for: a `Receiver` raw value in any case, or a
    /// class name ending in `AppDelegate` or `SceneDelegate`.
    static func receiver(named name: String) -> Receiver? {
        let lower = name.lowercased()
        if let r = Receiver.allCases.first(where: { $0.rawValue.lowercased() == lower }) { return r }
        if lower.hasSuffix("scenedelegate") { return .sceneDelegate }
        if lower.hasSuffix("appdelegate") { return .appDelegate }
        return nil
    }

    /// The model gives `method` to view controllers or SwiftUI views (so a receiver
    /// name before it is a controller's name).
    private static func hasViews(_ method: String) -> Bool {
        guard let receivers = MethodSpelling.catalog[method] else { return false }
        return receivers.contains(.viewController) || receivers.contains(.view)
    }
}

/// The watched set of a log: the keys of its entries. A callback is watched when it
/// matches one of them; an explanation's watched callbacks must be the log, in order.
struct WatchedSet: Sendable {
    let entries: [CallbackKey]
    private let byMethod: [String: [CallbackKey]]

    init(_ entries: [CallbackKey]) {
        self.entries = entries
        var byMethod: [String: [CallbackKey]] = [:]
        for key in Set(entries) { byMethod[key.method, default: []].append(key) }
        self.byMethod = byMethod
    }

    func watches(_ callback: Callback) -> Bool {
        byMethod[callback.method.name]?.contains { $0.matches(callback) } ?? false
    }

    /// How `callbacks` (one action's) go along the log from `position`: how many of
    /// the watched ones match in turn, how many are watched, and the first watched one
    /// that does not match (or runs past the log's end).
    func follow(_ callbacks: [Callback], from position: Int) -> (matched: Int, watched: Int, first: Callback?) {
        var matched = 0
        var watched = 0
        var first: Callback?
        for c in callbacks where watches(c) {
            if first == nil {
                let at = position + watched
                if at < entries.count, entries[at].matches(c) {
                    matched += 1
                } else {
                    first = c
                }
            }
            watched += 1
        }
        return (matched, watched, first)
    }

    /// The log watches a callback the interface decides (a view controller's or a
    /// view's, where trait and size changes land, or the window scene's update): only
    /// then does the search tell apart states that differ in orientation or appearance
    /// alone (the space is eight times larger with them).
    var watchesInterface: Bool {
        entries.contains { key in
            key.method.hasPrefix("windowScene(_:didUpdate")
                || (MethodSpelling.catalog[key.method].map { $0.contains(.viewController) || $0.contains(.view) }
                    ?? false)
        }
    }

    /// The view-controller names the log gives (for push, present, addChild), in order.
    var controllerNames: [String] {
        var seen = Set<String>()
        return entries.compactMap(\.viewController).filter { seen.insert($0).inserted }
    }
}
