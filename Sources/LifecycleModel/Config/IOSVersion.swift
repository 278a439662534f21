/// An iOS release, `MAJOR.MINOR`, within the range the simulator models.
///
/// Apple's numbering went from 18 to 26 (contract), so the supported majors are 11…18,
/// 26 and 27 (iOS 27, September 2026: breadth §9.4).
public struct IOSVersion: Sendable, Comparable, Hashable, CustomStringConvertible {
    public let major: Int
    public let minor: Int

    /// The majors the model has rules for.
    public static let supportedMajors: [Int] = Array(11...18) + [26, 27]
    /// What a client may send, for error messages.
    public static let allowedDescription =
        "\"MAJOR.MINOR\" with MAJOR 11 to 18, 26 or 27, e.g. \"11.0\", \"13.2\", \"17.0\", \"27.0\" (\"17\" and \"17.0.1\" are read as \"17.0\")"

    public init?(major: Int, minor: Int) {
        guard Self.supportedMajors.contains(major), (0...99).contains(minor) else { return nil }
        self.major = major
        self.minor = minor
    }

    /// Parses `"MAJOR"`, `"MAJOR.MINOR"` or `"MAJOR.MINOR.PATCH"` (as
    /// `UIDevice.systemVersion` prints it; contract v1.1), normalised to `MAJOR.MINOR`
    /// (a missing minor is 0, a patch is dropped); anything else (spaces, a major out
    /// of range, empty parts) is nil.
    public init?(_ text: String) {
        var parts = text.split(separator: ".", omittingEmptySubsequences: false)
        if parts.count == 1 { parts.append("0") }
        guard parts.count == 2 || parts.count == 3,
            parts.allSatisfy({ !$0.isEmpty && $0.count <= 2 && $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) }),
            let major = Int(parts[0]), let minor = Int(parts[1])
        else { return nil }
        self.init(major: major, minor: minor)
    }

    public var description: String { "\(major).\(minor)" }

    public static func < (a: IOSVersion, b: IOSVersion) -> Bool {
        (a.major, a.minor) < (b.major, b.minor)
    }

    /// A version known to be in range, for rule thresholds.
    static func known(_ major: Int, _ minor: Int) -> IOSVersion {
        guard let v = IOSVersion(major: major, minor: minor) else {
            preconditionFailure("rule threshold \(major).\(minor) out of range")
        }
        return v
    }
}
