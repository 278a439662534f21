import LifecycleModel

/// The words people try for an action type, each pointing to the real one with one line
/// of why (issue #37): "goHome" is no typo of `background`, so the edit distance of
/// `Suggestion` cannot find it. Looked up ignoring case, before the typo rules.
enum ActionTypeGuesses {
    /// The real type and why, for a word people try.
    struct Guess {
        let type: ActionKind
        let why: String
    }

    static func guess(_ word: String) -> Guess? { table[word.lowercased()] }

    private static let home = Guess(
        type: .background, why: "going Home, by the gesture or the button, sends the app to the background")
    private static let suspend = Guess(
        type: .background,
        why: "the app is suspended a few seconds after it enters the background: background, then advanceTime")
    private static let foreground = Guess(
        type: .launch, why: "tapping the icon launches the app, or brings it back from the background")
    private static let resume = Guess(
        type: .launch,
        why:
            "tapping the icon brings the app back from the background; after a call or a pulled-down sheet, send interruptionEnded with outcome resume"
    )
    private static let kill = Guess(
        type: .terminate,
        why: "a swipe in the app switcher is terminate with by user; the system ending the app is by system")
    private static let link = Guess(
        type: .openURL, why: "a custom-scheme link is openURL; an https link the app claims is openUniversalLink")
    private static let notification = Guess(
        type: .receiveNotification,
        why: "a push arriving is receiveNotification; the user tapping it is tapNotification")
    private static let interruption = Guess(
        type: .interruptionBegan,
        why:
            "something covering the app is interruptionBegan with a kind (call, systemAlert, notificationCenter, controlCenter, appSwitcher, siri)"
    )
    private static let lock = Guess(type: .lock, why: "the side button locks the device: lock, then unlock")
    private static let unlock = Guess(type: .unlock, why: "unlocking the device is unlock")
    private static let wait = Guess(type: .advanceTime, why: "time passes with advanceTime and seconds")
    private static let fetch = Guess(
        type: .backgroundFetch, why: "a Background App Refresh wake-up is backgroundFetch (backgroundModes fetch)")
    private static let rotate = Guess(type: .rotate, why: "turning the device is rotate with an orientation")
    private static let appearance = Guess(
        type: .setAppearance, why: "Dark Mode is setAppearance with style dark or light")
    private static let memory = Guess(type: .memoryWarning, why: "low memory is memoryWarning")

    static let table: [String: Guess] = {
        let groups: [(Guess, [String])] = [
            (home, ["goHome", "home", "homeButton", "pressHome", "enterBackground", "minimize", "leave", "exitApp"]),
            (suspend, ["suspend", "sleepApp"]),
            (
                foreground,
                [
                    "foreground", "enterForeground", "open", "openApp", "tapIcon", "start", "coldLaunch", "coldStart",
                    "reopen", "returnToApp", "activate", "becomeActive",
                ]
            ),
            (resume, ["resume"]),
            (kill, ["kill", "quit", "forceQuit", "close", "closeApp", "swipeAway", "exit"]),
            (link, ["deepLink", "url", "link", "openLink", "customScheme"]),
            (notification, ["notification", "pushNotification", "remoteNotification", "receivePush"]),
            (
                interruption,
                ["call", "incomingCall", "phoneCall", "alert", "controlCenter", "notificationCenter", "siri"]
            ),
            (lock, ["lockScreen", "lockDevice", "screenOff", "sleep"]),
            (unlock, ["unlockDevice", "wake", "screenOn"]),
            (wait, ["wait", "elapse", "tick", "time", "advance", "passTime"]),
            (fetch, ["fetch", "backgroundRefresh", "refresh", "appRefresh"]),
            (rotate, ["rotateDevice", "orientation", "landscape", "portrait"]),
            (appearance, ["darkMode", "lightMode", "appearance", "theme"]),
            (memory, ["lowMemory", "memoryPressure"]),
        ]
        var table: [String: Guess] = [:]
        for (guess, words) in groups {
            for word in words { table[word.lowercased()] = guess }
        }
        return table
    }()
}

extension Problem {
    /// "Did you mean …?" for an unknown action type: a word people try (with why), else a typo.
    func suggestingActionType(_ input: String, among candidates: [String]) -> Problem {
        guard let guess = ActionTypeGuesses.guess(input), guess.type.rawValue != input else {
            return suggesting(input, among: candidates)
        }
        var copy = self.with("suggestion", .string(guess.type.rawValue))
        copy.detail += "; did you mean \(guess.type.rawValue)? (\(guess.why))"
        return copy
    }
}
