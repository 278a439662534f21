/// One line of a recorded callback log: a method the app logged, and, where the log
/// says so, who received it (`receiver`, e.g. `appDelegate` or `AppDelegate`) and
/// which view controller (or SwiftUI view) it was.
///
/// `method` may be spelled as Swift's `#function` (`applicationDidBecomeActive(_:)`),
/// as an Objective-C selector (`applicationDidBecomeActive:`) or as
/// `-[AppDelegate applicationDidBecomeActive:]`; `MethodSpelling` reads each.
public struct LogEntry: Sendable, Equatable {
    public var method: String
    public var receiver: String?
    public var viewController: String?
    /// What the log shows of the arguments (a URL in `url`, say); the search takes
    /// parameters from it, the match does not compare it.
    public var args: JSONValue?

    public init(method: String, receiver: String? = nil, viewController: String? = nil, args: JSONValue? = nil) {
        self.method = method
        self.receiver = receiver
        self.viewController = viewController
        self.args = args
    }
}
