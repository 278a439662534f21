import LifecycleModel

extension ActionKind {
    /// The kind's position in `allCases` as the enum stores it (a payload-free enum is
    /// its one-byte case number, in declaration order), without a search of `allCases`
    /// (bench/PROFILE.md, perf-store). A caller indexes its own per-kind table with it
    /// and checks that entry's kind, falling back to a search if the layout ever differs.
    var caseNumber: Int {
        guard MemoryLayout<ActionKind>.size == 1 else { return 0 }
        return Int(withUnsafeBytes(of: self) { $0[0] })
    }
}
