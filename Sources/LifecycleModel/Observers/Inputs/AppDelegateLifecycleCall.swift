/// The `UIApplicationDelegate` life-cycle methods a framework bridge hooks by being
/// (or wrapping) the app delegate, as .NET MAUI does ([MAUI-life]).
///
/// The raw value is the method as Apple's documentation writes it, the same text the
/// model's app-delegate callbacks carry.
public enum AppDelegateLifecycleCall: String, Sendable, CaseIterable {
    case didFinishLaunching = "application(_:didFinishLaunchingWithOptions:)"
    case didBecomeActive = "applicationDidBecomeActive(_:)"
    case willResignActive = "applicationWillResignActive(_:)"
    case didEnterBackground = "applicationDidEnterBackground(_:)"
    case willEnterForeground = "applicationWillEnterForeground(_:)"
    case willTerminate = "applicationWillTerminate(_:)"

    /// The call of a typed app-delegate method; nil for one a bridge does not hook.
    init?(_ method: CallbackMethod) {
        switch method {
        case .appDelegate(.didFinishLaunching): self = .didFinishLaunching
        case .appDelegate(.didBecomeActive): self = .didBecomeActive
        case .appDelegate(.willResignActive): self = .willResignActive
        case .appDelegate(.didEnterBackground): self = .didEnterBackground
        case .appDelegate(.willEnterForeground): self = .willEnterForeground
        case .appDelegate(.willTerminate): self = .willTerminate
        default: return nil
        }
    }
}
