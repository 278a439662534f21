import Foundation
import Testing

@testable import LifecycleModel

/// The parts of `AppSnapshot` keep their own invariants, and a sceneless app is the
/// one-scene case of the scene machinery.
@Suite struct StateStructureTests {
    @Test func backgroundTimeDerivesItsDeadlines() {
        var b = BackgroundTime()
        b.start(at: 10, window: 5)
        #expect(b.since == 10 && b.suspendAt == 15)
        #expect(b.deadline(app: .background, limit: 30) == nil, "no task, no background-time limit")
        #expect(b.suspension(app: .background) == 15)
        let first = b.begin(name: "a", at: 11)
        #expect(first == 1)
        #expect(b.deadline(app: .background, limit: 30) == 40)
        #expect(b.deadline(app: .active, limit: 30) == nil, "no limit in the foreground")
        #expect(b.suspension(app: .background) == nil, "a running task holds suspension off")
        b.extend(at: 12, by: 30)
        #expect(b.suspendAt == 42)
        b.processEnded()
        #expect(b.tasks.isEmpty && b.since == nil && b.suspendAt == nil)
        let second = b.begin(name: nil, at: 50)
        #expect(second == 2, "task ids are never reused in a session")
        let endedGone = b.end(id: 1)
        let endedRunning = b.end(id: 2)
        #expect(!endedGone && endedRunning)
    }

    @Test func deviceLockOwnsProtectedData() {
        var lock = DeviceLock.unlocked
        #expect(lock.unlock() == nil, "an unlocked device does not unlock")
        #expect(lock == .unlocked && lock.isProtectedDataAvailable)
        let screen = ScreenAtLock(app: true, scenes: ["scene-1"])
        lock.lock(at: 100, protectedDataDelay: 10, screen: screen)
        #expect(lock.isLocked && lock.protectedData == .closing(at: 110) && lock.protectedDataClosesAt == 110)
        #expect(lock.isProtectedDataAvailable, "available until the delay has passed")
        lock.protectedDataClosed()
        #expect(lock.protectedData == .unavailable && lock.protectedDataClosesAt == nil)
        #expect(!lock.isProtectedDataAvailable)
        lock.processEnded()
        #expect(lock == .locked(.unavailable, screen: ScreenAtLock()), "the lock outlives the process, the screen not")
        let unlocked = lock.unlock()
        #expect(unlocked?.hadLostData == true, "protected data had been lost")
        #expect(unlocked?.screen == ScreenAtLock())
        #expect(lock == .unlocked && lock.protectedData == nil && lock.isProtectedDataAvailable)
    }

    /// What unlock brings back is what was on screen at lock, and nothing once unlocked.
    @Test func theScreenAtLockComesBackOnceOnUnlock() {
        var lock = DeviceLock.unlocked
        let screen = ScreenAtLock(app: false, scenes: ["scene-2", "scene-1"])
        lock.lock(at: 0, protectedDataDelay: 10, screen: screen)
        let unlocked = lock.unlock()
        #expect(unlocked?.screen == screen && unlocked?.hadLostData == false)
        #expect(lock.unlock() == nil)
    }

    @Test func sceneSessionsNumberAndReportDiscards() {
        var s = SceneSessions()
        let first = s.add()
        let second = s.add()
        #expect(first == 0 && second == 1)
        #expect(s.scenes.map(\.id) == ["scene-1", "scene-2"])
        s.markSeen(1)
        s.discard(0, reportLater: true)
        #expect(s.scenes.map(\.id) == ["scene-2"] && s.pendingDiscards == ["scene-1"])
        let reported = s.takePendingDiscards()
        #expect(reported == ["scene-1"] && s.pendingDiscards.isEmpty)
        let third = s.add()
        #expect(third == 1 && s.scenes.last?.id == "scene-3", "session numbers are never reused")
        s.discardAll(reportLater: false)
        #expect(s.scenes.isEmpty && s.pendingDiscards.isEmpty)
    }

    /// The same warm transitions make the same primitives in both apps, named by each
    /// profile's `DelegateVocabulary` (`StageEvent`).
    @Test func scenelessIsTheOneSceneCase() throws {
        let steps: [Action] = [
            .background, .launch, .interruptionBegan(kind: .call), .interruptionEnded(outcome: .resume),
            .lock, .unlock, .interruptionBegan(kind: .siri), .interruptionEnded(outcome: .leave), .launch,
        ]
        let app = appSimulator("17.0")
        let scene = sceneSimulator("17.0")
        var appState = try app.run([.launch]).state
        var sceneState = try scene.run([.launch]).state
        let events: [StageEvent] = [.willEnterForeground, .didBecomeActive, .willResignActive, .didEnterBackground]
        let rename = Dictionary(
            uniqueKeysWithValues: events.map {
                (CallbackMethod.sceneDelegate($0.sceneDelegate).name, CallbackMethod.appDelegate($0.appDelegate).name)
            })
        for step in steps {
            let a = try app.apply(step, to: appState)
            let s = try scene.apply(step, to: sceneState)
            #expect(
                s.calls.map { c in rename.reduce(c) { $0.replacingOccurrences(of: $1.key, with: $1.value) } }
                    == a.calls, "\(step.kind)")
            #expect(a.state.app == s.state.app, "\(step.kind)")
            appState = a.state
            sceneState = s.state
        }
    }

    /// One text for one condition, whichever kind of app (issue #8).
    @Test func refusalsReadTheSameInBothApps() throws {
        for sim in [appSimulator("17.0"), sceneSimulator("17.0")] {
            let active = try sim.run([.launch]).state
            #expect(throws: ActionRefusal(action: .launch, state: .active, needs: Needs.notInForeground)) {
                try sim.apply(.launch, to: active)
            }
        }
    }
}
