/// Words of identifiers and of prose, for telling a method written in words
/// (`application Did Become Active`) from one written as code.
enum Phrase {
    /// `viewDidLoad` → view, Did, Load; `UIApplicationEndBackgroundTask` → UI,
    /// Application, End, Background, Task. Digits stay with the word before them.
    static func words(ofCamelCase identifier: String) -> [String] {
        var out: [String] = []
        var current = String.UnicodeScalarView()
        let scalars = Array(identifier.unicodeScalars)
        for (i, c) in scalars.enumerated() {
            if c == "_" {
                if !current.isEmpty { out.append(String(current)) }
                current = String.UnicodeScalarView()
                continue
            }
            if c.properties.isUppercase, let last = current.last {
                let next = i + 1 < scalars.count ? scalars[i + 1] : nil
                // A new word: after a lower-case letter or digit, or the last capital of
                // an acronym before a lower-case letter (`UIApplication`: UI, Application).
                if last.properties.isLowercase || ("0"..."9").contains(last)
                    || (last.properties.isUppercase && next?.properties.isLowercase == true)
                {
                    out.append(String(current))
                    current = String.UnicodeScalarView()
                }
            }
            current.append(c)
        }
        if !current.isEmpty { out.append(String(current)) }
        return out
    }

    /// The words of an identifier, stemmed (`stem`).
    static func stems(ofCamelCase identifier: String) -> [String] {
        words(ofCamelCase: identifier).map(stem)
    }

    /// A word in lower case without the endings that change between a method's name
    /// and its description (`Finishing` and `finish`, `Options` and `option`).
    static func stem(_ word: String) -> String {
        var w = word.lowercased()
        for ending in ["ing", "ed", "s"] where w.count > ending.count + 3 && w.hasSuffix(ending) {
            w.removeLast(ending.count)
            break
        }
        return w
    }
}
