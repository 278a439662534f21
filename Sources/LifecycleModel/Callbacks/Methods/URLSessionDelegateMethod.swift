/// `URLSessionDelegate` / `URLSessionDownloadDelegate` methods (breadth §2.3).
///
/// The raw value is the method's place in the family (`CallbackMethod.index` adds the
/// family's base); append new methods at the end of a family or anywhere, the index follows.
public enum URLSessionDelegateMethod: Int, Sendable, CaseIterable {
    case didFinishDownloading
    case didComplete
    case didFinishEvents

    /// The Swift spelling, as Apple's documentation writes it (the wire's `method`).
    public var name: String {
        switch self {
        case .didFinishDownloading: "urlSession(_:downloadTask:didFinishDownloadingTo:)"
        case .didComplete: "urlSession(_:task:didCompleteWithError:)"
        case .didFinishEvents: "urlSessionDidFinishEvents(forBackgroundURLSession:)"
        }
    }

    /// The Objective-C selector; nil for a closure or a SwiftUI handler, which have none.
    public var selector: String? {
        switch self {
        case .didFinishDownloading: "URLSession:downloadTask:didFinishDownloadingToURL:"
        case .didComplete: "URLSession:task:didCompleteWithError:"
        case .didFinishEvents: "URLSessionDidFinishEventsForBackgroundURLSession:"
        }
    }

    /// The first index of the family in `CallbackMethod.index`.
    static var base: Int { BGTaskMethod.base + BGTaskMethod.allCases.count }
}
