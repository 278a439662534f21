import LifecycleModel

/// The `,"args":{…}` member of a callback with each observer argument
/// (`ObserverArgument`), encoded once for the process by the general path from the
/// argument's JSON, so its bytes are that path's: a logged observer item keeps its
/// typed argument and is written from these.
struct ArgumentTails: Sendable {
    static let shared = ArgumentTails()

    /// Every tail, one after the other.
    let bytes: [UInt8]
    /// Where each is in `bytes`, by `ObserverArgument.index`.
    private let spans: [Range<Int>]

    private init() {
        var bytes: [UInt8] = []
        var spans: [Range<Int>] = []
        for (i, argument) in ObserverArgument.allCases.enumerated() {
            precondition(argument.index == i, "\(argument): ObserverArgument.allCases is not in index order")
            let tail = JSONWriter.argumentsMember(argument.json)
            spans.append(bytes.count..<(bytes.count + tail.count))
            bytes += tail
        }
        self.bytes = bytes
        self.spans = spans
    }

    /// Where `,"args":…` of `argument` is in `bytes`.
    func span(_ argument: ObserverArgument) -> Range<Int> {
        spans[argument.index]
    }
}
