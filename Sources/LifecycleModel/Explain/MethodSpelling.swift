/// Every way a log may spell a method the model emits, and which model method (its
/// Swift spelling, as `Callback.method` holds it) each spelling is: Swift's
/// `#function` (`application(_:didFinishLaunchingWithOptions:)`), the Objective-C
/// selector (`application:didFinishLaunchingWithOptions:`), the selector inside
/// `-[AppDelegate applicationDidBecomeActive:]`, and the bare base name where only one
/// method has it (`viewDidLoad`, `applicationDidBecomeActive`).
///
/// The known methods are not listed by hand: `catalog` collects them, with their
/// receivers, from what the model emits over a few broad configs, so a method added
/// to the model is recognised without a change here. A method's selector is the one the
/// typed vocabulary gives it (`CallbackMethod.selector`, Apple's Objective-C spelling,
/// `application:openURL:options:` for `application(_:open:options:)`): one source for
/// both, so a selector is never derived here. Closures, SwiftUI handlers, notifications
/// and framework events have none.
///
/// Observer channels (config `observers`) are in the catalog too: a notification is
/// recognised by its Swift name (`UIApplication.didBecomeActiveNotification`) and by
/// its Objective-C constant (`UIApplicationDidBecomeActiveNotification`). A framework
/// event (`pause`, `Activated`, `ON_RESUME`) is a plain word that prose uses too, so a
/// text line names it only with its channel before it (`flutter onResume`,
/// `[capacitor] pause`, `maui: Activated`); `callbacks` entries name it with `receiver`.
enum MethodSpelling {
    /// The model's methods (Swift spelling) and the receivers it gives each.
    static let catalog: [String: Set<Receiver>] = MethodCatalog.collected.receivers

    /// Whether `name` has the shape of a Swift method spelling, `base(labels:)`:
    /// `viewDidLoad()`, `applicationDidBecomeActive(_:)`,
    /// `application(_:didFinishLaunchingWithOptions:)` ([SE-0005] names the pieces).
    static func isSwiftSpelling(_ name: String) -> Bool {
        guard let open = name.firstIndex(of: "("), name.hasSuffix(")") else { return false }
        guard isIdentifier(String(name[..<open])) else { return false }
        let inner = name[name.index(after: open)..<name.index(before: name.endIndex)]
        if inner.isEmpty { return true }
        guard inner.hasSuffix(":") else { return false }
        return inner.dropLast().split(separator: ":", omittingEmptySubsequences: false).allSatisfy {
            $0 == "_" || isIdentifier(String($0))
        }
    }

    /// Every spelling of a known method that is not already its Swift spelling: the
    /// vocabulary's selectors, unique bare base names, and unique selector pieces.
    private static let spellings: [String: String] = {
        var out: [String: String] = [:]
        var bases: [String: Set<String>] = [:]
        var pieces: [String: Set<String>] = [:]
        for name in catalog.keys {
            for case let selector? in CallbackMethod.methods(named: name).map(\.selector) {
                out[selector] = name
                for piece in selector.split(separator: ":") { pieces[String(piece), default: []].insert(name) }
            }
            if let open = name.firstIndex(of: "(") {
                bases[String(name[..<open]), default: []].insert(name)
                for label in name[open...].dropFirst().dropLast().split(separator: ":") where label != "_" {
                    pieces[String(label), default: []].insert(name)
                }
            }
        }
        // The notifications' Objective-C constants ([A-appnotes], DOC).
        let notes =
            UIApplicationNotification.allCases.map { ($0.objectiveCName, $0.swiftName) }
            + UISceneNotification.allCases.map { ($0.objectiveCName, $0.swiftName) }
            + UIWindowNotification.allCases.map { ($0.objectiveCName, $0.swiftName) }
        for (constant, name) in notes where catalog[name] != nil { out[constant] = name }
        // A bare base name stands for its method only where no other method shares it
        // (`application` alone says nothing), and is camel case (`viewDidLoad`, not a
        // plain word such as `init` that prose uses).
        for (base, names) in bases
        where names.count == 1 && out[base] == nil && catalog[base] == nil && isCamelCase(base) {
            out[base] = names.first
        }
        // So does a selector piece only one method has, the shorthand people write for
        // `application(_:didFinishLaunchingWithOptions:)`: `didFinishLaunchingWithOptions`.
        for (piece, names) in pieces
        where names.count == 1 && out[piece] == nil && catalog[piece] == nil && bases[piece] == nil
            && isCamelCase(piece)
        {
            out[piece] = names.first
        }
        return out
    }()

    /// Lower camel case with at least two words: `viewDidLoad`, not `init` or `Options`.
    private static func isCamelCase(_ word: String) -> Bool {
        guard let first = word.first, first.isLowercase else { return false }
        return word.contains(where: \.isUppercase)
    }

    /// Each known name (bare base, piece, selector without colons) as its words,
    /// stemmed (`viewDidLoad`: view, did, load): how a line that writes a method in
    /// words (`view Did Load`, `will Finishing Launching With Options`) is recognised,
    /// to say what to write instead.
    static let phrases: [[String]: String] = {
        var out: [[String]: String] = [:]
        // Only what starts like a life-cycle method (`application…`, `view…`, `will…`):
        // a method in words is one of those, and prose is full of the other words.
        let starts = Set(lifecyclePrefixes.map(Phrase.stem)).union(["will", "did", "should"])
        func add(_ stems: [String], _ name: String) {
            guard let first = stems.first, starts.contains(first), out[stems] == nil else { return }
            out[stems] = name
        }
        for (spelling, name) in spellings where !spelling.contains(":") && !spelling.contains(".") {
            add(Phrase.stems(ofCamelCase: spelling), name)
        }
        for name in catalog.keys {
            guard let open = name.firstIndex(of: "("), isCamelCase(String(name[..<open])) else { continue }
            add(Phrase.stems(ofCamelCase: String(name[..<open])), name)
        }
        return out
    }()

    /// The first stem of every phrase: where a run of words may start spelling a method.
    static let phraseStarts: Set<String> = Set(phrases.keys.compactMap(\.first))

    /// The first words of the model's delegate and view-controller methods that go on
    /// with `Will`, `Did` or `Should` (`application`, `scene`, `view`, …): an unknown
    /// method spelled like them (`applicationDidTeleport(_:)`) is a life-cycle method
    /// the model does not know, which must diverge, while an app's own method
    /// (`setUpViews()`, `initWithCoder:`, `hideCover:`) is not a callback at all.
    private static let lifecyclePrefixes: Set<String> = {
        var out = Set<String>()
        for name in catalog.keys {
            let words = Phrase.words(ofCamelCase: String(name.prefix { $0 != "(" }))
            if words.count > 1, ["Will", "Did", "Should"].contains(words[1]) { out.insert(words[0]) }
        }
        return out
    }()

    /// Whether an unknown method's name (`sceneDidTeleport(_:)`, `application:didFoo:`)
    /// reads as a life-cycle callback: a first word of the vocabulary's delegate
    /// methods, then `Will`/`Did`/`Should`, or one of those words alone before its
    /// labels (`application(_:didTeleport:)`).
    static func looksLikeLifecycle(_ name: String) -> Bool {
        // The first word: up to the first capital, `(` or `:`.
        var first = ""
        var rest = Substring(name)
        for scalar in name.unicodeScalars {
            if scalar == "(" || scalar == ":" || scalar.properties.isUppercase { break }
            first.unicodeScalars.append(scalar)
        }
        guard lifecyclePrefixes.contains(first) else { return false }
        rest = rest.dropFirst(first.count)
        if rest.first == "(" || rest.first == ":" { return true }
        return ["Will", "Did", "Should"].contains { rest.hasPrefix($0) }
    }

    /// The model method a log token names, if it is one the model knows: its Swift
    /// spelling, a selector, or a unique bare base name.
    static func known(_ token: String) -> String? {
        if let receivers = catalog[token] { return isFrameworkEventOnly(receivers) ? nil : token }
        return spellings[token]
    }

    /// The framework events' names (`onResume`, `pause`, `ON_RESUME`).
    private static let frameworkEventNames = Set(FrameworkEvent.allCases.map(\.name))

    /// Whether `token` is a framework event's name (with its channel, a line names it).
    static func isFrameworkEvent(_ token: Substring) -> Bool { frameworkEventNames.contains(String(token)) }

    /// The framework event `token` names when the line names its channel (`channel`,
    /// e.g. `flutter`, case-insensitive): the event and the channel's receiver.
    static func frameworkEvent(_ token: String, channel: String) -> (method: String, receiver: Receiver)? {
        guard let receivers = catalog[token], isFrameworkEventOnly(receivers),
            let named = ObserverChannel.allCases.first(where: { $0.rawValue.lowercased() == channel.lowercased() })
        else { return nil }
        let receiver = Receiver.observer(named)
        return receivers.contains(receiver) ? (token, receiver) : nil
    }

    /// Only framework lenses deliver it: a plain word, not a method's spelling.
    private static func isFrameworkEventOnly(_ receivers: Set<Receiver>) -> Bool {
        receivers.allSatisfy { $0.isObserver && $0 != .observer(.notifications) }
    }

    /// The model method `token` names, where it has the shape of a method even if the
    /// model does not know it: Swift `base(labels:)` and, when `selectorsCount` is
    /// set, `a:b:` (an unknown method that is clearly one must diverge, not vanish).
    static func method(in token: String, selectorsCount: Bool) -> String? {
        if let name = known(token) { return name }
        if isSwiftSpelling(token) { return token }
        if selectorsCount, isSelector(token) { return token }
        return nil
    }

    /// `a:`, `a:b:`: a selector with arguments.
    static func isSelector(_ token: String) -> Bool {
        guard token.hasSuffix(":") else { return false }
        return token.dropLast().split(separator: ":", omittingEmptySubsequences: false).allSatisfy {
            isIdentifier(String($0))
        }
    }

    /// `-[Class selector]` or `+[Class selector]` (what `__PRETTY_FUNCTION__` prints):
    /// the class and the method; nil when `token` is not one. A selector the model does
    /// not know starts with a lower-case letter or `_`: `[DEVICE LOG]` and `[App
    /// Lifecycle]` are tags (`URLSession:task:didCompleteWithError:` is a known one).
    static func objCMessage(_ token: Substring) -> (receiver: String, method: String)? {
        var t = token
        if t.first == "-" || t.first == "+" { t = t.dropFirst() }
        guard t.first == "[", t.last == "]" else { return nil }
        let parts = t.dropFirst().dropLast().split(separator: " ")
        guard parts.count == 2, isIdentifier(String(parts[0])) else { return nil }
        let selector = String(parts[1])
        guard isSelector(selector) || isIdentifier(selector) else { return nil }
        if let method = known(selector) { return (String(parts[0]), method) }
        guard let c = selector.first, c.isLowercase || c == "_" else { return nil }
        return (String(parts[0]), selector)
    }

    /// A Swift or Objective-C identifier: a letter or `_`, then letters, digits, `_`.
    static func isIdentifier(_ s: String) -> Bool {
        guard let first = s.unicodeScalars.first, first == "_" || isLetter(first) else { return false }
        return s.unicodeScalars.allSatisfy { $0 == "_" || isLetter($0) || ("0"..."9").contains($0) }
    }

    private static func isLetter(_ c: Unicode.Scalar) -> Bool { ("a"..."z").contains(c) || ("A"..."Z").contains(c) }
}

/// Collects the methods the model emits, with their receivers, by applying every
/// plain action (and the system's background-work events) in every state of a
/// small bounded search, over configs that between them switch every feature on.
enum MethodCatalog {
    /// What one action kind did over the catalog's states: the methods it made, and
    /// whether it ever changed the abstract state beyond the windows' stacks.
    struct KindEffect {
        var methods = Set<CallbackMethod>()
        var changesCore = false
    }

    struct Collected {
        var receivers: [String: Set<Receiver>] = [:]
        var effects: [ActionKind: KindEffect] = [:]
    }

    static let collected = collect()

    static func collect() -> Collected {
        var out = Collected()
        for config in configs {
            let sim = Simulator(config: config)
            let graph = StateGraph(
                simulator: sim, from: AppSnapshot(), bounds: ExplorationBounds(scenes: 2, tasks: 1, depth: 1),
                maxStates: 400)
            for node in graph.nodes {
                let rep = node.representative
                let system: [Action] =
                    ([ActionKind.runBackgroundTask, .backgroundURLSessionEvents]
                        .flatMap { sim.variants(of: $0, in: rep).map(\.action) })
                    + [.prewarm, .present(name: "sample", style: .fullScreen, sceneId: nil), visiblePush]
                let before = core(rep)
                for action in sim.plainActions(in: rep).map(\.action) + system {
                    guard let outcome = try? sim.apply(action, to: rep) else { continue }
                    var effect = out.effects[action.kind] ?? KindEffect()
                    if !effect.changesCore, core(outcome.state) != before { effect.changesCore = true }
                    for callback in outcome.callbacks {
                        effect.methods.insert(callback.method)
                        let key = CallbackKey(callback)
                        if let receiver = key.receiver { out.receivers[key.method, default: []].insert(receiver) }
                    }
                    out.effects[action.kind] = effect
                }
            }
        }
        return out
    }

    /// The abstract state without the windows' stacks.
    private static func core(_ state: AppSnapshot) -> AbstractState {
        var a = AbstractState(state)
        a.windows = []
        return a
    }

    /// A push with an alert: the plain actions' sample is silent, and only an alert
    /// over an active app is presented (`userNotificationCenter(_:willPresent:…)`, DOC).
    private static let visiblePush = Action.receiveNotification(
        payload: .object(["aps": .object(["alert": .string("sample")])]))

    /// Sceneless iOS 11, 12 and 15 (the secure restoration methods, iOS 13.2 and later, DOC),
    /// scene iPad with tabs, SwiftUI, iOS 27 with an iOS 26 SDK and background work:
    /// every receiver and feature of the model.
    private static var configs: [SessionConfig] {
        let all = Set(BackgroundMode.allCases)
        var app11 = SessionConfig(lifecycle: .app, iosVersion: .known(11, 0), stateRestoration: true)
        app11.notificationCenterDelegate = true
        app11.backgroundModes = all
        var app12 = SessionConfig(lifecycle: .app, iosVersion: .known(12, 4), stateRestoration: false)
        app12.backgroundModes = all
        app12.quirks.orientationQueries = true
        var app15 = SessionConfig(lifecycle: .app, iosVersion: .known(15, 0), stateRestoration: true)
        app15.notificationCenterDelegate = true
        var iPad = SessionConfig(
            lifecycle: .scene, iosVersion: .known(17, 0), device: .ipad, stateRestoration: true,
            notificationCenterDelegate: true, backgroundModes: all, supportsMultipleScenes: true,
            tabs: ["first", "second"])
        iPad.registersForRemoteNotifications = true
        let swiftUI = SessionConfig(
            lifecycle: .scene, iosVersion: .known(17, 0), notificationCenterDelegate: true, backgroundModes: all,
            ui: .swiftUI)
        var ios27 = SessionConfig(lifecycle: .scene, iosVersion: .known(27, 0), stateRestoration: true)
        ios27.sdkVersion = .known(26, 0)
        ios27.backgroundModes = all
        ios27.backgroundTasks = [
            .init(identifier: "com.example.refresh", kind: .appRefresh),
            .init(identifier: "com.example.cleanup", kind: .processing),
        ]
        ios27.registersForRemoteNotifications = true
        // Every observer channel (issue #20), sceneless on iOS 13 (its implicit scene's
        // notifications) and on a scene app with a root controller the lenses follow.
        var observed13 = SessionConfig(lifecycle: .app, iosVersion: .known(13, 0), stateRestoration: false)
        observed13.observers = ObserverChannel.allCases
        var observed17 = SessionConfig(lifecycle: .scene, iosVersion: .known(17, 0), stateRestoration: false)
        observed17.observers = ObserverChannel.allCases
        return [app11, app12, app15, iPad, swiftUI, ios27, observed13, observed17]
    }
}
