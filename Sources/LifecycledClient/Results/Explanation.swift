/// One entry of a log to explain (`POST /v1/explain`'s `callbacks`), or an entry the
/// answer names (the divergent one, and what UIKit could call instead).
public struct LogEntry: Codable, Hashable, Sendable {
    /// The method, in any spelling a log uses (Swift, Objective-C selector, notification name).
    public var method: String
    /// The receiver as the log names it (`AppDelegate`, `sceneDelegate`, `flutter`, …).
    public var receiver: String?
    /// The view controller (or SwiftUI view) the entry is about.
    public var viewController: String?
    /// Arguments as logged (a URL among them is the one `openURL` sends).
    public var args: JSONValue?
    /// In `expected`: the action that makes this callback next.
    public var action: String?

    public init(_ method: String, receiver: String? = nil, viewController: String? = nil, args: JSONValue? = nil) {
        self.method = method
        self.receiver = receiver
        self.viewController = viewController
        self.args = args
    }
}

/// `POST /v1/explain`: the user actions behind a recorded log, or where no action
/// sequence goes on.
public struct Explanation: Decodable, Hashable, Sendable {
    /// Some action sequence's watched callbacks are the whole log.
    public var explained: Bool
    /// The shortest explanation; when not explained, the longest explained prefix's actions.
    public var actions: [Action]
    /// Where the log diverges; nil when explained.
    public var divergence: Divergence?
    /// The bound that stopped the search short (`maxActions`, the node budget), as the server says it.
    public var reason: JSONValue?
    /// (State, log position) pairs the search visited.
    public var nodesVisited: Int
    /// Entries in the log.
    public var entries: Int
    /// Non-blank text lines with no method, by number from 1.
    public var ignoredLines: [Int]
    /// Leading entries `actions` reproduce (all of them when explained; issue #34).
    public var explainedEntries: Int?
    /// Other explanations as short that tell another story (issue #34).
    public var alternatives: [[Action]]?
    /// What the answer assumed that the request did not say; nil when nothing (issue #34).
    public var assumed: Assumption?
    /// Configs near the request's under which more of the log is explained (issue #34).
    public var hints: [Hint]?
    /// Lines that spell a life-cycle event in words, with what to write (issue #34).
    public var unreadLines: [UnreadLine]?
    /// Each action's result, as `simulate` gives it.
    public var steps: [ActionResult]

    /// Every step's callbacks, in order.
    public var callbacks: [Callback] { steps.flatMap(\.callbacks) }

    /// Actions assumed before a log from a running app, and the config members set
    /// otherwise than the request's.
    public struct Assumption: Decodable, Hashable, Sendable {
        public var from: [Action]
        public var config: JSONValue
        public var detail: String
    }

    /// A nearby config and how much of the log it explains.
    public struct Hint: Decodable, Hashable, Sendable {
        public var config: JSONValue
        public var explainedEntries: Int
        public var detail: String
    }

    /// A line not read, and what to write instead.
    public struct UnreadLine: Decodable, Hashable, Sendable {
        public var line: Int
        public var text: String
        public var method: String?
        public var hint: String
    }

    /// Where a log stops being explained.
    public struct Divergence: Decodable, Hashable, Sendable {
        /// Leading entries some action sequence reproduces; the entry here diverges.
        public var index: Int
        /// The text log's line of that entry.
        public var line: Int?
        /// The entry at `index`; nil when the log ends where UIKit goes on.
        public var observed: LogEntry?
        /// What UIKit could call next instead, each with the action that makes it.
        public var expected: [LogEntry]
    }
}
