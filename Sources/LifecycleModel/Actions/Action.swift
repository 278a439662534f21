/// Something the user or the system does to the app (API.md, "Action object").
public enum Action: Sendable, Equatable {
    /// The user taps the app icon: a cold launch, or a return to the foreground.
    case launch
    /// The user leaves the app for the home screen.
    case background
    /// A custom-scheme deep link opens the app.
    case openURL(url: String)
    /// A universal (https) link opens the app.
    case openUniversalLink(url: String)
    /// The user taps a remote notification; `payload` is the APNs JSON object.
    case tapNotification(payload: JSONValue)
    /// The process ends.
    case terminate(by: TerminationCause)

    public var kind: ActionKind {
        switch self {
        case .launch: .launch
        case .background: .background
        case .openURL: .openURL
        case .openUniversalLink: .openUniversalLink
        case .tapNotification: .tapNotification
        case .terminate: .terminate
        }
    }
}

/// The action `type` names a client sends.
public enum ActionKind: String, Sendable, CaseIterable {
    case launch, background, openURL, openUniversalLink, tapNotification, terminate

    /// A representative action of this kind, used to ask the model which kinds a
    /// state allows (so the answer is the simulator's own, never a second table).
    var sample: Action {
        switch self {
        case .launch: .launch
        case .background: .background
        case .openURL: .openURL(url: "app://sample")
        case .openUniversalLink: .openUniversalLink(url: "https://example.com/")
        case .tapNotification: .tapNotification(payload: .object(["aps": .object([:])]))
        case .terminate: .terminate(by: .user)
        }
    }
}

/// Who ends the process.
public enum TerminationCause: String, Sendable, CaseIterable {
    /// Swiped away in the app switcher (a force-quit: deletes the restoration archive).
    case user
    /// Killed by the system (keeps the restoration archive).
    case system
}
