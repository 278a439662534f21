import LifecycleModel
import Testing

@testable import LifecycleService

/// The action result's writer (runs of constant text, bench/PROFILE.md) gives the bytes
/// of the plain writer it replaced (one `key`/`member` call a member), for states
/// reached by random actions under configs that reach every part of the state:
/// background tasks, terminations, presented stacks, tabs, scenes, prewarm.
@Suite struct StateJSONTests {
    static let configs = [
        #"{"lifecycle":"app","iosVersion":"11.0","stateRestoration":true,"backgroundModes":["fetch","remote-notification"]}"#,
        #"{"lifecycle":"app","iosVersion":"17.0","tabs":["home","search","profile"],"notificationCenterDelegate":true}"#,
        #"{"iosVersion":"15.0","device":"ipad","supportsMultipleScenes":true,"stateRestoration":true,"backgroundModes":["location","fetch"]}"#,
        #"{"ui":"swiftui","iosVersion":"18.0","device":"ipad","supportsMultipleScenes":true,"backgroundModes":["fetch","remote-notification"]}"#,
        #"{"iosVersion":"16.0","tabs":["a","b"],"backgroundTasks":[{"identifier":"com.example.refresh","kind":"appRefresh"}],"registersForRemoteNotifications":true}"#,
        #"{"iosVersion":"26.0","backgroundTasks":[{"identifier":"com.example.export","kind":"continuedProcessing"}]}"#,
    ]

    /// Parts of the state the random walks must have written, so the comparison covers them.
    static let parts = [
        #""backgroundTasks":[{"#, #""lastTermination":{"#, #""presented":[{"#, #""tabs":[{"#, #""children":["#,
        #""sceneId":"#, #""scenes":[{"#, #""prewarm":{"#, #""interruption":""#, #""registeredBackgroundTasks":[""#,
        #""continuedProcessingTask":{"#,
    ]

    @Test func sameBytesAsThePlainWriter() throws {
        var seen: Set<String> = []
        for (n, configText) in Self.configs.enumerated() {
            let config = try ConfigDecoding.decode(JSONParser.parse(Array(configText.utf8)))
            let simulator = Simulator(config: config)
            var state = AppSnapshot()
            var g = Generator(seed: 0x5EED_0001 &+ UInt64(n))
            var applied = 0
            for step in 0..<1000 {
                let kinds = simulator.allowedActions(in: state)
                let kind = kinds.isEmpty ? ActionKind.launch : kinds[Int(g.next() % UInt64(kinds.count))]
                let action = kind.random(using: &g, in: state)
                guard let outcome = try? simulator.apply(action, to: state) else { continue }
                state = outcome.state
                applied += 1
                var fast = JSONWriter()
                fast.writeResult(
                    action: action, callbacks: .empty, state: state, simulator: simulator, path: outcome.steps)
                var plain = JSONWriter()
                plain.referenceResult(action: action, state: state, simulator: simulator, path: outcome.steps)
                let fastText = String(decoding: fast.bytes, as: UTF8.self)
                let plainText = String(decoding: plain.bytes, as: UTF8.self)
                #expect(fastText == plainText, "config \(n), step \(step), \(action.kind)")
                if fastText != plainText { return }
                for part in Self.parts where plainText.contains(part) { seen.insert(part) }
            }
            #expect(applied > 300, "config \(n)")
        }
        #expect(Set(Self.parts).subtracting(seen).isEmpty, "not reached: \(Set(Self.parts).subtracting(seen))")
    }

    @Test(arguments: [0.0, -0.0, 5, -5, 0.25, 1e15 - 1, 1e15, -1e15, 123.456, .infinity, -.infinity, .nan, 1e-7])
    func numbersAsBefore(_ d: Double) {
        var w = JSONWriter()
        w.number(d)
        let expected = d.rounded() == d && abs(d) < 1e15 ? String(Int(d)) : String(d)
        #expect(String(decoding: w.bytes, as: UTF8.self) == expected)
    }
}

/// The writer of the state as it was before the constant-text runs: the reference.
extension JSONWriter {
    fileprivate mutating func referenceResult(
        action: Action, state: AppSnapshot, simulator: Simulator, path: [TakenStep]
    ) {
        beginObject()
        key("action")
        referenceWrite(action)
        key("callbacks")
        beginArray()
        endArray()
        if action.kind == .moveTo {
            key("path")
            beginArray()
            for step in path {
                beginObject()
                key("action")
                referenceWrite(step.action)
                key("callbackCount")
                int(step.callbackCount)
                endObject()
            }
            endArray()
        }
        key("state")
        referenceWrite(state, simulator)
        endObject()
    }

    fileprivate mutating func referenceWrite(_ a: Action) {
        beginObject()
        member("type", a.kind.rawValue)
        for m in a.members {
            key(escaping: m.key)
            value(m.value)
        }
        endObject()
    }

    fileprivate mutating func referenceWrite(_ s: AppSnapshot, _ simulator: Simulator) {
        beginObject()
        member("app", s.app.rawValue)
        key("clock")
        number(s.clock)
        key("restorationArchive")
        bool(s.restorationArchive)
        key("locked")
        bool(s.locked)
        key("interruption")
        if let i = s.interruption { string(i.rawValue) } else { null() }
        key("protectedDataAvailable")
        bool(s.protectedDataAvailable)
        key("backgroundTasks")
        beginArray()
        for task in s.backgroundTasks {
            beginObject()
            key("id")
            int(task.id)
            key("name")
            if let n = task.name { string(n) } else { null() }
            key("began")
            number(task.began)
            key("expirationHandlerCalled")
            bool(task.expirationHandlerCalled)
            endObject()
        }
        endArray()
        key("backgroundTimeRemaining")
        optionalNumber(simulator.backgroundTimeRemaining(in: s))
        key("suspendsAt")
        optionalNumber(s.background.suspension(app: s.app))
        key("userForceQuit")
        bool(s.userForceQuit)
        key("lastTermination")
        if let t = s.lastTermination {
            beginObject()
            member("reason", t.reason.rawValue)
            key("at")
            number(t.at)
            endObject()
        } else {
            null()
        }
        member("userInterfaceStyle", s.interface.style.rawValue)
        key("windows")
        beginArray()
        for window in s.windows {
            beginObject()
            if let id = window.sceneId { member("sceneId", id) }
            member("orientation", window.interface.orientation.rawValue)
            key("stack")
            referenceWrite(window.contexts[0].stack)
            key("presented")
            beginArray()
            for context in window.contexts.dropFirst() {
                beginObject()
                member("style", context.style?.rawValue ?? PresentationStyle.pageSheet.rawValue)
                key("stack")
                referenceWrite(context.stack)
                endObject()
            }
            endArray()
            if let bar = window.interface.tabBar, let stacks = window.tabStacks {
                key("selectedTab")
                int(bar.selected)
                key("tabs")
                beginArray()
                for (tab, stack) in zip(bar.tabs, stacks) {
                    beginObject()
                    member("name", tab.name)
                    key("loaded")
                    bool(tab.loaded)
                    key("stack")
                    referenceWrite(stack)
                    endObject()
                }
                endArray()
            }
            endObject()
        }
        endArray()
        key("prewarm")
        if let p = s.prewarm {
            beginObject()
            member("stoppedAt", p.stoppedAt.rawValue)
            key("paused")
            bool(p.paused)
            endObject()
        } else {
            null()
        }
        member("registeredBackgroundTasks", strings: s.registeredBackgroundTasks.map(\.identifier))
        if let task = s.background.continued {
            key("continuedProcessingTask")
            beginObject()
            member("identifier", task.identifier)
            key("completesAt")
            number(task.completesAt)
            endObject()
        }
        if simulator.profile.usesScenes {
            key("scenes")
            beginArray()
            for scene in s.scenes {
                beginObject()
                member("id", scene.id)
                member("state", scene.state.rawValue)
                key("hasRestorationActivity")
                bool(scene.hasRestorationActivity)
                endObject()
            }
            endArray()
            member("pendingDiscards", strings: s.pendingDiscards)
        }
        endObject()
    }

    fileprivate mutating func referenceWrite(_ stack: [ViewControllerSnapshot]) {
        beginArray()
        for vc in stack {
            beginObject()
            member("name", vc.name)
            member("appearance", vc.appearance.rawValue)
            if !vc.children.isEmpty {
                key("children")
                referenceWrite(vc.children)
            }
            endObject()
        }
        endArray()
    }
}

/// SplitMix64: seedable, so every run walks the same states.
private struct Generator: RandomNumberGenerator {
    private var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
