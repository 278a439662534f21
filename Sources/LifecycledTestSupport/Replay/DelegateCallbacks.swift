import Foundation
import LifecycledClient

/// The life-cycle methods of `UIApplicationDelegate`, for an object a `NotificationReplay`
/// calls as the simulated app's delegate. Implement the ones your code cares about (the
/// others do nothing); each runs where UIKit calls it among the notifications.
///
/// On a device your real app delegate forwards to the same code: write the logic in a type
/// that conforms to this protocol, and have `UIApplicationDelegate`'s methods call it.
public protocol AppDelegateCallbacks: AnyObject {
    /// `application(_:willFinishLaunchingWithOptions:)`; `launchOptions` as the server reports them.
    func application(_ application: SimulatedApplication, willFinishLaunchingWithOptions launchOptions: JSONValue?)
    /// `application(_:didFinishLaunchingWithOptions:)`.
    func application(_ application: SimulatedApplication, didFinishLaunchingWithOptions launchOptions: JSONValue?)
    /// `applicationDidBecomeActive(_:)`.
    func applicationDidBecomeActive(_ application: SimulatedApplication)
    /// `applicationWillResignActive(_:)`.
    func applicationWillResignActive(_ application: SimulatedApplication)
    /// `applicationDidEnterBackground(_:)`.
    func applicationDidEnterBackground(_ application: SimulatedApplication)
    /// `applicationWillEnterForeground(_:)`.
    func applicationWillEnterForeground(_ application: SimulatedApplication)
    /// `applicationWillTerminate(_:)`.
    func applicationWillTerminate(_ application: SimulatedApplication)
    /// `applicationDidReceiveMemoryWarning(_:)`.
    func applicationDidReceiveMemoryWarning(_ application: SimulatedApplication)
    /// `application(_:open:options:)`.
    func application(_ application: SimulatedApplication, open url: String)
}

extension AppDelegateCallbacks {
    public func application(_ application: SimulatedApplication, willFinishLaunchingWithOptions: JSONValue?) {}
    public func application(_ application: SimulatedApplication, didFinishLaunchingWithOptions: JSONValue?) {}
    public func applicationDidBecomeActive(_ application: SimulatedApplication) {}
    public func applicationWillResignActive(_ application: SimulatedApplication) {}
    public func applicationDidEnterBackground(_ application: SimulatedApplication) {}
    public func applicationWillEnterForeground(_ application: SimulatedApplication) {}
    public func applicationWillTerminate(_ application: SimulatedApplication) {}
    public func applicationDidReceiveMemoryWarning(_ application: SimulatedApplication) {}
    public func application(_ application: SimulatedApplication, open url: String) {}
}

/// The life-cycle methods of `UIWindowSceneDelegate`, for an object a `NotificationReplay`
/// calls as the simulated app's scene delegate (scene-based apps). Implement the ones your
/// code cares about.
public protocol SceneDelegateCallbacks: AnyObject {
    /// `scene(_:willConnectTo:options:)`; `options` as the server reports them.
    func scene(_ scene: SimulatedScene, willConnectWithOptions options: JSONValue?)
    /// `sceneDidDisconnect(_:)`.
    func sceneDidDisconnect(_ scene: SimulatedScene)
    /// `sceneDidBecomeActive(_:)`.
    func sceneDidBecomeActive(_ scene: SimulatedScene)
    /// `sceneWillResignActive(_:)`.
    func sceneWillResignActive(_ scene: SimulatedScene)
    /// `sceneWillEnterForeground(_:)`.
    func sceneWillEnterForeground(_ scene: SimulatedScene)
    /// `sceneDidEnterBackground(_:)`.
    func sceneDidEnterBackground(_ scene: SimulatedScene)
    /// `scene(_:openURLContexts:)`.
    func scene(_ scene: SimulatedScene, openURL url: String)
}

extension SceneDelegateCallbacks {
    public func scene(_ scene: SimulatedScene, willConnectWithOptions options: JSONValue?) {}
    public func sceneDidDisconnect(_ scene: SimulatedScene) {}
    public func sceneDidBecomeActive(_ scene: SimulatedScene) {}
    public func sceneWillResignActive(_ scene: SimulatedScene) {}
    public func sceneWillEnterForeground(_ scene: SimulatedScene) {}
    public func sceneDidEnterBackground(_ scene: SimulatedScene) {}
    public func scene(_ scene: SimulatedScene, openURL url: String) {}
}
