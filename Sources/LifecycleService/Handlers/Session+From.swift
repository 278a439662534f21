import Foundation
import LifecycleModel

extension Session {
    /// A throwaway session of `config` after the request's `from` actions (paths,
    /// explain): a refused step is a 409 naming `from[i]` and its `step`.
    static func after(_ from: [Action], config: SessionConfig) throws(Problem) -> Session {
        var session = Session(id: UUID(), config: config, maxLog: Int.max)
        for (i, action) in from.enumerated() {
            do throws(ActionRefusal) { _ = try session.apply(action) } catch {
                var p = Problem.refused(
                    error, allowed: session.allowance, choice: session.simulator.choice(of: action)
                ).with("step", .number(String(i)))
                p.detail = "from[\(i)]: " + p.detail
                throw p
            }
        }
        return session
    }
}
