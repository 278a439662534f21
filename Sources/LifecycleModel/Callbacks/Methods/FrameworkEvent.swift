/// What a framework lens delivers to app code (issue #20; docs/observers.md, one
/// group per channel): React Native `AppState` ([RN-appstate]), Flutter's observer and
/// `AppLifecycleListener` ([FL-binding], [FL-listener]), Capacitor's App plugin
/// ([CAP-app]), Cordova's document events ([CDV-vc]), .NET MAUI's `Window` events
/// ([MAUI-life]) and androidx `Lifecycle.Event` for Compose Multiplatform ([CMP-life]).
///
/// `name` is the framework's own spelling (the wire's `method`); a name two
/// frameworks share (`pause`, `resume`: Capacitor and Cordova) is one case, heard by
/// both channels. None has an Objective-C selector.
public enum FrameworkEvent: Int, Sendable, CaseIterable {
    // React Native
    case change
    case memoryWarning
    // Flutter
    case didChangeAppLifecycleState
    case onResume
    case onInactive
    case onHide
    case onShow
    case onPause
    case onRestart
    case onDetach
    // Capacitor (and Cordova: pause, resume)
    case appStateChange
    case pause
    case resume
    // Cordova
    case resign
    case active
    // .NET MAUI
    case created
    case activated
    case deactivated
    case stopped
    case resumed
    case destroying
    // Compose Multiplatform (androidx Lifecycle.Event)
    case lifecycleOnCreate
    case lifecycleOnStart
    case lifecycleOnResume
    case lifecycleOnPause
    case lifecycleOnStop
    case lifecycleOnDestroy

    /// The framework's spelling (the wire's `method`).
    public var name: String {
        switch self {
        case .change: "change"
        case .memoryWarning: "memoryWarning"
        case .didChangeAppLifecycleState: "didChangeAppLifecycleState"
        case .onResume: "onResume"
        case .onInactive: "onInactive"
        case .onHide: "onHide"
        case .onShow: "onShow"
        case .onPause: "onPause"
        case .onRestart: "onRestart"
        case .onDetach: "onDetach"
        case .appStateChange: "appStateChange"
        case .pause: "pause"
        case .resume: "resume"
        case .resign: "resign"
        case .active: "active"
        case .created: "Created"
        case .activated: "Activated"
        case .deactivated: "Deactivated"
        case .stopped: "Stopped"
        case .resumed: "Resumed"
        case .destroying: "Destroying"
        case .lifecycleOnCreate: "ON_CREATE"
        case .lifecycleOnStart: "ON_START"
        case .lifecycleOnResume: "ON_RESUME"
        case .lifecycleOnPause: "ON_PAUSE"
        case .lifecycleOnStop: "ON_STOP"
        case .lifecycleOnDestroy: "ON_DESTROY"
        }
    }

    /// Framework events are not Objective-C methods.
    public var selector: String? { nil }

    /// The channels whose lens delivers this event.
    public var channels: [ObserverChannel] {
        switch self {
        case .change, .memoryWarning: [.reactNative]
        case .didChangeAppLifecycleState, .onResume, .onInactive, .onHide, .onShow, .onPause, .onRestart,
            .onDetach:
            [.flutter]
        case .appStateChange: [.capacitor]
        case .pause, .resume: [.capacitor, .cordova]
        case .resign, .active: [.cordova]
        case .created, .activated, .deactivated, .stopped, .resumed, .destroying: [.maui]
        case .lifecycleOnCreate, .lifecycleOnStart, .lifecycleOnResume, .lifecycleOnPause, .lifecycleOnStop,
            .lifecycleOnDestroy:
            [.composeMultiplatform]
        }
    }

    /// The first index of the family in `CallbackMethod.index`.
    static let base = NotificationMethod.base + NotificationMethod.allCases.count
}
