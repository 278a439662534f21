import Foundation
import LifecycleModel

extension Service {
    /// Replays every journal in `--data-dir` into the store (at start, before serving).
    /// Returns how many sessions came back and what could not be read.
    public func restoreSessions() -> (restored: Int, problems: [String]) {
        guard let journal = store.journal else { return (0, []) }
        var (records, problems) = journal.readAll()
        var restored = 0
        for record in records {
            let config: SessionConfig
            do throws(Problem) { config = try ConfigDecoding.decode(record.config) } catch {
                problems.append("\(record.id.lowercased): config no longer valid (\(error.detail)); journal left as is")
                continue
            }
            var session = Session(
                id: record.id, config: config, maxLog: limits.maxLog,
                maxLogBytes: limits.maxLogBytes, memory: memory)
            for (n, value) in record.actions.enumerated() {
                do throws(Problem) {
                    let action = try ActionDecoding.decode(value)
                    do throws(ActionRefusal) { _ = try session.apply(action) } catch {
                        throw Problem.refused(error, allowed: Allowance(actions: [], variants: []))
                    }
                } catch {
                    problems.append(
                        "\(record.id.lowercased): action \(n + 1) replays differently (\(error.detail)); stopped there")
                    break
                }
            }
            store.restore(session, ordinal: record.ordinal)
            restored += 1
        }
        return (restored, problems)
    }
}
