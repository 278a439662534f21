/// The five app states (S3, S4, DOC), with Apple's camelCase names.
///
/// Callbacks only ever run in `inactive`, `active` or `background`: a suspended app
/// runs no code and is not told when it is suspended (S4).
public enum AppState: String, Sendable, CaseIterable {
    case notRunning
    case inactive
    case active
    case background
    case suspended

    /// Whether the process exists and runs code (so it can receive callbacks).
    public var isExecuting: Bool {
        self == .inactive || self == .active || self == .background
    }
}

extension AppState {
    /// The state's place in `allCases`, for tables indexed by state.
    public var index: Int {
        switch self {
        case .notRunning: 0
        case .inactive: 1
        case .active: 2
        case .background: 3
        case .suspended: 4
        }
    }
}
