/// An iOS release, `MAJOR.MINOR`, within the range the simulator models.
///
/// Apple's numbering went from 18 to 26 (contract), so the supported majors are 11…18
/// and 26.
public struct IOSVersion: Sendable, Comparable, Hashable, CustomStringConvertible {
    public let major: Int
    public let minor: Int

    /// The majors the model has rules for.
    public static let supportedMajors: [Int] = Array(11...18) + [26]
    /// What a client may send, for error messages.
    public static let allowedDescription = "\"MAJOR.MINOR\" with MAJOR 11 to 18 or 26, e.g. \"11.0\", \"13.2\", \"17.0\", \"26.1\""

    public init?(major: Int, minor: Int) {
        guard Self.supportedMajors.contains(major), (0...99).contains(minor) else { return nil }
        self.major = major
        self.minor = minor
    }

    /// Parses `"MAJOR.MINOR"`; anything else (a patch part, spaces, a major out of range) is nil.
    public init?(_ text: String) {
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 2,
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
        guard let v = IOSVersion(major: major, minor: minor) else { preconditionFailure("rule threshold \(major).\(minor) out of range") }
        return v
    }
}
