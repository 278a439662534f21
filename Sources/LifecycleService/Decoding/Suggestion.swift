/// "Did you mean …?" for a name or value the service does not know (issue #13).
///
/// A typo is the usual reason for an unknown field, action type or enum value, so the
/// 400 names the closest known one: same letters ignoring case, else one edit away,
/// else a prefix either way (`"back"` → `background`) when only one candidate fits,
/// else two edits away (never as many edits as the typo has letters: `"x"` suggests nothing).
enum Suggestion {
    static let maxDistance = 2

    /// The known name `input` most likely meant, or nil when none is close.
    static func closest(to input: String, among candidates: [String]) -> String? {
        guard !input.isEmpty, input.unicodeScalars.count <= 64 else { return nil }  // a long string is no typo
        let lowered = input.lowercased()
        if let same = candidates.first(where: { $0.lowercased() == lowered && $0 != input }) { return same }
        let typed = Array(lowered.unicodeScalars)
        var best: (name: String, distance: Int)?
        for c in candidates where c != input {
            let d = distance(typed, Array(c.lowercased().unicodeScalars), limit: maxDistance)
            if d <= maxDistance, d < typed.count, d < (best?.distance ?? .max) { best = (c, d) }
        }
        if let best, best.distance <= 1 { return best.name }
        // A unique prefix beats two edits: "back" means background, not lock.
        if typed.count >= 3 {
            let prefixed = candidates.filter {
                let known = $0.lowercased()
                return known != lowered && (known.hasPrefix(lowered) || (lowered.hasPrefix(known) && known.count >= 3))
            }
            // One that the others all extend (background, backgroundFetch) counts as unique.
            if let root = prefixed.min(by: { $0.count < $1.count }),
                prefixed.allSatisfy({ $0.lowercased().hasPrefix(root.lowercased()) })
            {
                return root
            }
        }
        return best?.name
    }

    /// Levenshtein distance, or `limit + 1` as soon as it must exceed `limit`.
    static func distance(_ a: [Unicode.Scalar], _ b: [Unicode.Scalar], limit: Int) -> Int {
        if abs(a.count - b.count) > limit { return limit + 1 }
        if a.isEmpty || b.isEmpty { return max(a.count, b.count) }
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            var rowMin = current[0]
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
                rowMin = min(rowMin, current[j])
            }
            if rowMin > limit { return limit + 1 }
            swap(&previous, &current)
        }
        return previous[b.count]
    }
}

extension Problem {
    /// Adds "did you mean X?" to the detail and `suggestion: X`, when a candidate is close to `input`.
    func suggesting(_ input: String, among candidates: [String]) -> Problem {
        guard let s = Suggestion.closest(to: input, among: candidates) else { return self }
        var copy = self.with("suggestion", .string(s))
        copy.detail += "; did you mean \(s)?"
        return copy
    }
}
