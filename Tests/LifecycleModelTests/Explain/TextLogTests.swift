import LifecycleModel
import Testing

/// Each way a pasted log spells a line, read by `TextLog.parse`.
@Suite struct TextLogTests {
    private func one(_ line: String) -> LogEntry? {
        let log = TextLog.parse(line)
        return log.entries.count == 1 ? log.entries[0].entry : nil
    }

    @Test func swiftFunctionSpellings() {
        #expect(
            one("application(_:didFinishLaunchingWithOptions:)")?.method
                == "application(_:didFinishLaunchingWithOptions:)")
        #expect(one("viewDidLoad()")?.method == "viewDidLoad()")
        let qualified = one("SceneDelegate.sceneDidBecomeActive(_:)")
        #expect(qualified == LogEntry(method: "sceneDidBecomeActive(_:)", receiver: "SceneDelegate"))
        #expect(one("onChange(of: scenePhase)")?.method == "onChange(of: scenePhase)")
    }

    @Test func objectiveCSelectors() {
        #expect(
            one("application:didFinishLaunchingWithOptions:")?.method == "application(_:didFinishLaunchingWithOptions:)"
        )
        #expect(one("applicationDidBecomeActive:")?.method == "applicationDidBecomeActive(_:)")
        #expect(one("application:openURL:options:")?.method == "application(_:open:options:)")
        #expect(one("scene:willConnectToSession:options:")?.method == "scene(_:willConnectTo:options:)")
        let message = one("-[AppDelegate applicationDidBecomeActive:]")
        #expect(message == LogEntry(method: "applicationDidBecomeActive(_:)", receiver: "AppDelegate"))
        #expect(
            one("2017-10-03 10:00:00.1 App[12:34] -[DetailViewController viewDidLoad]")
                == LogEntry(method: "viewDidLoad()", receiver: "DetailViewController"))
    }

    /// A selector reads as its method by the vocabulary's spelling, where Swift's import
    /// renamed the pieces too (`setTaskCompletedWithSuccess:` is `setTaskCompleted(success:)`).
    @Test func everySelectorOfTheVocabularyReadsAsItsMethod() {
        let selectors = CallbackMethod.allCases.compactMap { m in m.selector.map { (m.name, $0) } }
        #expect(selectors.count > 60, "only \(selectors.count) selectors: is the vocabulary read?")
        for (name, selector) in selectors where selector.contains(":") {
            #expect(one(selector)?.method == name, "\(selector)")
            #expect(one("-[Receiver \(selector)]")?.method == name, "\(selector)")
        }
        #expect(one("setTaskCompletedWithSuccess:")?.method == "setTaskCompleted(success:)")
    }

    @Test func bareBaseNamesOnlyWhereUnique() {
        #expect(one("applicationDidBecomeActive")?.method == "applicationDidBecomeActive(_:)")
        #expect(one("viewDidLoad")?.method == "viewDidLoad()")
        // `application` names a dozen methods: not one of them.
        #expect(TextLog.parse("application").ignoredLines == [1])
    }

    @Test func prefixesTagsAndReceivers() {
        let xcode =
            "2024-05-01 10:00:00.123456+0200 MyApp[1234:567890] [Lifecycle] AppDelegate applicationWillResignActive(_:)"
        #expect(one(xcode) == LogEntry(method: "applicationWillResignActive(_:)", receiver: "AppDelegate"))
        #expect(
            one("12:00:01 [UI] DetailViewController: viewWillAppear(_:)")
                == LogEntry(method: "viewWillAppear(_:)", receiver: "DetailViewController"))
        // A tag is not a receiver, nor is a lower-case word.
        #expect(one("[AppDelegate] applicationDidBecomeActive(_:)")?.receiver == nil)
        #expect(one("called applicationDidBecomeActive(_:)")?.receiver == nil)
    }

    @Test func urlsBecomeArgs() {
        let entry = one("AppDelegate application(_:open:options:) url=myapp://item/7,")
        #expect(entry?.method == "application(_:open:options:)")
        #expect(entry?.args == .object(["url": .string("myapp://item/7")]))
    }

    @Test func unknownLinesAreReportedBlankLinesAreNot() {
        let log = TextLog.parse(
            "launching…\n\nviewDidLoad()\n   \nNote: something happened\nfooBar(_:)\r\nsceneDidTeleport(_:)\n")
        #expect(log.entries.map(\.number) == [3, 7])
        // `fooBar(_:)` is the app's own method (issue #34): not a callback, so ignored.
        #expect(log.ignoredLines == [1, 5, 6])
        // `sceneDidTeleport(_:)` reads as a scene delegate's callback the model does not
        // know: an entry (it will diverge), not ignored.
        #expect(log.entries.last?.entry.method == "sceneDidTeleport(_:)")
    }
}
