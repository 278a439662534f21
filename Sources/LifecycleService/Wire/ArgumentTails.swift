import LifecycleModel

/// The tail (`,"args":{…}`) of a plain callback with each observer argument
/// (`ObserverArgument`), encoded once by the general path of `LoggedCallback.logging`
/// from the argument's JSON, so its bytes and its cost are that path's. A logged
/// observer item then shares its tail instead of encoding and allocating its own
/// (bench/PROFILE.md, "Observers (issue #20)").
final class ArgumentTails: Sendable {
    static let shared = ArgumentTails()

    private let tails: [(tail: [[UInt8]], cost: Int)]

    private init() {
        tails = ObserverArgument.allCases.map { argument in
            let logged = LoggedCallback(
                seq: 1,
                callback: Callback(.reactNative, method: .framework(.change), appState: .active, args: argument.json),
                sharing: nil)
            return (logged.tail, logged.cost)
        }
    }

    /// The tail of `argument` and the bytes a logged callback with it accounts for.
    func tail(_ argument: ObserverArgument) -> (tail: [[UInt8]], cost: Int) {
        tails[argument.index]
    }
}
