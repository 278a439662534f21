import LifecycleModel

/// The case number of a payload-free enum value (its one byte, in declaration order),
/// without a search of `allCases` (bench/PROFILE.md, perf-store); nil when the type is
/// not laid out as one byte. A caller indexes its own per-case table with it and checks
/// that entry's case, falling back to the general path if they ever differ.
func caseNumber<E>(of value: E) -> Int? {
    guard MemoryLayout<E>.size == 1 else { return nil }
    return Int(withUnsafeBytes(of: value) { $0[0] })
}

extension ActionKind {
    /// `caseNumber(of:)` for a kind (0 if the layout differs; callers check the entry).
    var caseNumber: Int { LifecycleService.caseNumber(of: self) ?? 0 }
}
