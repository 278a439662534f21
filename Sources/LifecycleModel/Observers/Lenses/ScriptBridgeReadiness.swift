/// When the JavaScript side of a web-view or React Native bridge can hear native
/// events: a named choice shared by the React Native, Capacitor and Cordova lenses.
///
/// Each of the three forwards a notification to JavaScript only once script code
/// listens: React Native starts observing when `AppState.js` adds its listener
/// ([RN-appstate]), Capacitor drops an event nobody listens to ([CAP-app]), and
/// Cordova evaluates `cordova.fireDocumentEvent` in a page that has not loaded
/// `cordova.js` yet, where the guarding `try` swallows it ([CDV-vc]). The bundle or
/// page loads asynchronously, after the launch's own UIKit calls, so the choice
/// (UNSURE, a launch race) is: nothing is heard during the turn a process starts in;
/// from the first `endOfTurn` after `processStart` on, everything is. A prewarmed
/// process (whose launch continues later) is therefore listening by the time the
/// user opens the app.
public enum ScriptBridgeReadiness: String, Sendable, Equatable {
    /// No process yet (or the previous one ended without the stream saying so).
    case noProcess
    /// The process started during this turn; script code does not listen yet.
    case loading
    /// Script code listens.
    case listening

    /// Advances on the inputs that change readiness; true when `input` reaches script
    /// code (the caller then acts on it).
    mutating func hears(_ input: LensInput) -> Bool {
        switch input {
        case .processStart:
            self = .loading
            return false
        case .endOfTurn:
            let heard = self == .listening
            if self == .loading { self = .listening }
            return heard
        default:
            return self == .listening
        }
    }
}
