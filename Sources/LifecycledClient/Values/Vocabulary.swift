// The enumerated strings of the contract (openapi.yaml's `AppState`, `SceneState`,
// `Lifecycle`, `Device`, `UIFramework`) as open string types: `.active` reads like an
// enum case, and a value a newer server adds still decodes instead of failing the
// whole response.

/// An open string type: a wire string with named values as static members. It is
/// written from a literal, encodes and decodes as the bare string and prints as it;
/// a type conforms with `rawValue` and `init(rawValue:)` alone.
public protocol OpenString: RawRepresentable, Hashable, Sendable, Codable, ExpressibleByStringLiteral,
    CustomStringConvertible
where RawValue == String, StringLiteralType == String {
    init(rawValue: String)
}

extension OpenString {
    public init(stringLiteral value: String) { self.init(rawValue: value) }
    public init(from decoder: any Decoder) throws { self.init(rawValue: try String(from: decoder)) }
    public func encode(to encoder: any Encoder) throws { try rawValue.encode(to: encoder) }
    public var description: String { rawValue }
}

/// `UIApplication.State` plus `notRunning` and `suspended` (openapi.yaml `AppState`).
public struct AppState: OpenString {
    public var rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }

    public static let notRunning: AppState = "notRunning"
    public static let inactive: AppState = "inactive"
    public static let active: AppState = "active"
    public static let background: AppState = "background"
    public static let suspended: AppState = "suspended"
}

/// `UIScene.ActivationState`, camelCase (openapi.yaml `SceneState`).
public struct SceneState: OpenString {
    public var rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }

    public static let unattached: SceneState = "unattached"
    public static let foregroundInactive: SceneState = "foregroundInactive"
    public static let foregroundActive: SceneState = "foregroundActive"
    public static let background: SceneState = "background"
    public static let suspended: SceneState = "suspended"
}

/// Which delegates the simulated app has: `app` (UIApplicationDelegate only) or
/// `scene` (UIScene-based, iOS 13 and later).
public struct Lifecycle: OpenString {
    public var rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }

    public static let app: Lifecycle = "app"
    public static let scene: Lifecycle = "scene"
}

/// The simulated device: `iphone` or `ipad`.
public struct Device: OpenString {
    public var rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }

    public static let iphone: Device = "iphone"
    public static let ipad: Device = "ipad"
}

/// The app's UI framework: `uikit`, or `swiftui` (the SwiftUI `App` life cycle).
public struct UIFramework: OpenString {
    public var rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }

    public static let uikit: UIFramework = "uikit"
    public static let swiftui: UIFramework = "swiftui"
}
