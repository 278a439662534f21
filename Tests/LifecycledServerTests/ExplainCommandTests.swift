// `lifecycled explain FILE`: the built executable reads a log file (issue #21).
import Foundation
import Testing

@Suite("Explain command") struct ExplainCommandTests {
    private func logFile(_ text: String) throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("explain-\(UUID().uuidString).log")
        try Data(text.utf8).write(to: url)
        return url
    }

    @Test func anExplainedLogPrintsItsActionsAndTheTraceAndExits0() throws {
        let file = try logFile(
            """
            10:00:00.1 MyApp[1:2] -[AppDelegate application:didFinishLaunchingWithOptions:]
            10:00:00.2 MyApp[1:2] -[AppDelegate applicationDidBecomeActive:]
            10:00:01.0 MyApp[1:2] fetched 3 items
            10:00:04.0 MyApp[1:2] -[AppDelegate applicationDidEnterBackground:]
            """)
        defer { try? FileManager.default.removeItem(at: file) }
        let outcome = try LifecycledProcess.run(
            ["explain", file.path, "--config", #"{"lifecycle":"app","iosVersion":"12.0"}"#])
        #expect(outcome.exitStatus == 0, "\(outcome.stderr)")
        #expect(outcome.stdout.hasPrefix("explained by 2 action(s): launch, background\n"), "\(outcome.stdout)")
        #expect(outcome.stdout.contains("ignored lines (no method): 3\n"))
        #expect(outcome.stdout.contains("# step 1: background"))
    }

    @Test func aDivergingLogSaysWhereAndExits1() throws {
        // didFinishLaunching before willFinishLaunching: no launch does that, from any state.
        let file = try logFile(
            "application(_:didFinishLaunchingWithOptions:)\napplication(_:willFinishLaunchingWithOptions:)\n")
        defer { try? FileManager.default.removeItem(at: file) }
        let config = try logFile(#"{"lifecycle":"app","iosVersion":"12.0"}"#)
        defer { try? FileManager.default.removeItem(at: config) }
        let outcome = try LifecycledProcess.run(["explain", file.path, "--config-file", config.path, "--max-actions=3"])
        #expect(outcome.exitStatus == 1)
        #expect(
            outcome.stdout.hasPrefix("not explained\nline 1: application(_:didFinishLaunchingWithOptions:)"),
            "\(outcome.stdout)")
        #expect(outcome.stdout.contains("UIKit could call instead: appDelegate"))
    }

    @Test func badUsageExits2AndBadInputPrintsTheProblem() throws {
        #expect(try LifecycledProcess.run(["explain"]).exitStatus == 2)
        #expect(try LifecycledProcess.run(["explain", "/no/such/file.log"]).exitStatus == 2)
        let help = try LifecycledProcess.run(["explain", "--help"])
        #expect(help.exitStatus == 0 && help.stdout.contains("--config-file"))
        let empty = try logFile("nothing here\n")
        defer { try? FileManager.default.removeItem(at: empty) }
        let refused = try LifecycledProcess.run(["explain", empty.path])
        #expect(refused.exitStatus == 1 && refused.stderr.contains("\"field\":\"log\""), "\(refused.stderr)")
    }
}
