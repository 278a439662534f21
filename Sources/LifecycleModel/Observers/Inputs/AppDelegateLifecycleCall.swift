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
}
