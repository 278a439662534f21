/// What a link, notification or quick action carries into the app, and who handles it.
///
/// Rules as data: the launch-options key (S1, R12) and the handler calls
/// (facts §3 step 5) for each kind of payload.
enum LaunchPayload: Sendable {
    case url(String)
    case universalLink(String)
    case notification(JSONValue)
    case shortcut(String)

    /// The universal-link activity type (S1's launch options).
    static let browsingWeb = "NSUserActivityTypeBrowsingWeb"

    /// The `launchOptions` of will/didFinishLaunching for a cold launch (S1; keys are
    /// `UIApplication.LaunchOptionsKey` names).
    var launchOptions: JSONValue {
        switch self {
        case .url(let url):
            .object(["url": .string(url)])
        case .universalLink:
            .object([
                "userActivityDictionary": .object([
                    "UIApplicationLaunchOptionsUserActivityTypeKey": .string(Self.browsingWeb)
                ])
            ])
        case .notification(let payload):
            .object(["remoteNotification": payload])
        case .shortcut(let type):
            .object(["shortcutItem": .object(["type": .string(type)])])
        }
    }

    /// Delivers the payload to its handler (the state is whatever the phase set:
    /// inactive during a launch or return to the foreground, active when already there).
    func deliver(into t: inout Transition) {
        switch self {
        case .url(let url):
            // S1: application(_:open:options:).
            t.call(.appDelegate(.openURL), args: .object(["url": .string(url)]))
        case .universalLink(let url):
            // S1: willContinueUserActivityWithType, then continue(_:restorationHandler:).
            t.call(
                .appDelegate(.willContinueUserActivity),
                args: .object(["userActivityType": .string(Self.browsingWeb)]))
            t.call(
                .appDelegate(.continueUserActivity),
                args: .object(["userActivityType": .string(Self.browsingWeb), "webpageURL": .string(url)]))
        case .notification(let payload):
            if t.config.notificationCenterDelegate {
                // facts §3 (MULTI, iOS 10+): a tap goes to the notification-center delegate if set.
                t.call(
                    .notificationCenterDelegate(.didReceive), on: .notificationCenterDelegate,
                    args: .object([
                        "actionIdentifier": .string("com.apple.UNNotificationDefaultActionIdentifier"),
                        "userInfo": payload,
                    ]))
            } else {
                // S1: otherwise the app delegate's fetch-completion variant.
                t.call(.appDelegate(.didReceiveRemoteNotification), args: .object(["userInfo": payload]))
            }
        case .shortcut(let type):
            // DOC: application(_:performActionFor:completionHandler:), cold (after
            // didFinishLaunching returned true) and warm alike (facts §3 step 5).
            t.call(
                .appDelegate(.performAction),
                args: .object(["shortcutItem": .object(["type": .string(type)])]))
        }
    }

    /// Whether the payload can reach an app that is already active.
    ///
    /// Links can (a link opened from within the app). A notification is shown over an
    /// active app only when a notification-center delegate presents it (DOC:
    /// `userNotificationCenter(_:willPresent:withCompletionHandler:)`), so only then
    /// can the user tap it.
    func reachesActiveApp(config: SessionConfig) -> Bool {
        switch self {
        case .url, .universalLink: true
        case .notification: config.notificationCenterDelegate
        case .shortcut: false  // quick actions live on the home screen
        }
    }
}
