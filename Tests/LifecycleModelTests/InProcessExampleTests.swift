// docs/guide/clients.md "Use the model in a Swift test (no server)": the example, compiled and run.
// Between the two marker lines this file must equal the code block of README.md or docs/guide/clients.md
// (ReadmeSnippetTests), so the README cannot drift from code that builds.
// begin README in-process example
import LifecycleModel
import Testing

@Test func deepLinkIntoARunningApp() throws {
    let version = try #require(IOSVersion("15.0"))
    let simulator = Simulator(config: SessionConfig(lifecycle: .app, iosVersion: version))

    // The user taps the icon: a cold launch, every callback in UIKit's order.
    let launched = try simulator.apply(.launch, to: AppSnapshot())
    #expect(launched.state.app == .active)
    #expect(launched.callbacks.map(\.method).contains(.appDelegate(.didFinishLaunching)))

    // A deep link into the running app.
    let opened = try simulator.apply(.openURL(url: "myapp://item/42"), to: launched.state)
    let handler = try #require(opened.callbacks.first { $0.method == .appDelegate(.openURL) })
    #expect(handler.receiver == .appDelegate)
    #expect(handler.args?["url"]?.stringValue == "myapp://item/42")

    // What a real device could not do is refused, and says what it needs.
    let refusal = try #require(throws: ActionRefusal.self) {
        try simulator.apply(.launch, to: opened.state)
    }
    #expect(refusal.state == .active)
    #expect(!refusal.needs.isEmpty)
    #expect(!simulator.allowedActions(in: opened.state).contains(.launch))
}
// end README in-process example
