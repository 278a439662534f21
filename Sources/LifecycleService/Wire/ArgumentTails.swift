import LifecycleModel

/// The `,"args":{…}` member of a callback with each observer argument
/// (`ObserverArgument`), encoded once for the process by the general path from the
/// argument's JSON, so its bytes are that path's: a logged observer item copies it
/// instead of encoding its arguments (bench/PROFILE.md, "Observers (issue #20)").
///
/// Pointers into memory that is never freed (the table lives as long as the process).
struct ArgumentTails: @unchecked Sendable {
    static let shared = ArgumentTails()

    private let tails: UnsafePointer<UnsafeBufferPointer<UInt8>>

    private init() {
        let all = ObserverArgument.allCases
        let table = UnsafeMutablePointer<UnsafeBufferPointer<UInt8>>.allocate(capacity: max(1, all.count))
        for argument in all {
            // After a first member, so the comma is the general path's.
            var w = JSONWriter(capacity: 64)
            w.beginObject()
            w.key("seq")
            w.int(0)
            let mark = w.count
            w.key("args")
            w.value(argument.json)
            let member = w.bytes[mark...]
            let bytes = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: member.count)
            _ = bytes.initialize(from: member)
            (table + argument.index).initialize(to: UnsafeBufferPointer(bytes))
        }
        tails = UnsafePointer(table)
    }

    /// `,"args":…` of `argument`.
    @inline(__always)
    func tail(_ argument: ObserverArgument) -> UnsafeBufferPointer<UInt8> {
        tails[argument.index]
    }
}
