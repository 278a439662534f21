extension CallbackMethod {
    /// The method spelled `name` that `receiver` hears: how a logged callback (its
    /// `receiver` and `method` members) reads back; nil when none matches.
    public init?(named name: String, receiver: Receiver) {
        guard let m = Self.methods(named: name).first(where: { $0.isHeard(by: receiver) }) else { return nil }
        self = m
    }

    /// Whether the model can record this method on `receiver`: a family goes to the
    /// object that implements it; the app delegate's methods also reach a SwiftUI
    /// app's adaptor delegate, and SwiftUI's handlers go to the App, the adaptor, the
    /// scenes and the views (breadth §7).
    public func isHeard(by receiver: Receiver) -> Bool {
        switch self {
        case .appDelegate: receiver == .appDelegate || receiver == .appDelegateAdaptor
        case .sceneDelegate: receiver == .sceneDelegate
        case .viewController: receiver == .viewController
        case .notificationCenterDelegate: receiver == .notificationCenterDelegate
        case .locationManagerDelegate: receiver == .locationManagerDelegate
        case .backgroundTask: receiver == .backgroundTask
        case .bgTask: receiver == .bgTask
        case .urlSessionDelegate: receiver == .urlSessionDelegate
        case .tabBarControllerDelegate: receiver == .tabBarControllerDelegate
        case .swiftUI(let m):
            switch m {
            case .appInit: receiver == .app
            case .adaptorInit: receiver == .appDelegateAdaptor
            case .scenePhaseChange: receiver == .app || receiver == .scene
            case .onAppear, .onDisappear, .onOpenURL, .onContinueUserActivity: receiver == .view
            }
        case .notification: receiver == .observer(.notifications)
        case .framework(let e): receiver == .observer(e.channel)
        }
    }
}
