/// An interface orientation (`UIInterfaceOrientation`).
public enum InterfaceOrientation: String, Sendable, CaseIterable {
    case portrait, portraitUpsideDown, landscapeLeft, landscapeRight

    public var isPortrait: Bool { self == .portrait || self == .portraitUpsideDown }
}

/// `UIUserInterfaceStyle` as the user sets it (Dark Mode, iOS 13+).
public enum UserInterfaceStyle: String, Sendable, CaseIterable {
    case light, dark

    public var opposite: UserInterfaceStyle { self == .light ? .dark : .light }
}

/// What the device and the user set for every window: the last orientation the
/// device was turned to (new windows start in it) and the Dark Mode setting.
public struct InterfaceSettings: Sendable, Equatable {
    public var orientation: InterfaceOrientation = .portrait
    public var style: UserInterfaceStyle = .light
}

/// A window's own interface: its orientation, the appearance its view controllers
/// last heard of (a change made while the window was off screen reaches them on the
/// way back, breadth §5.9), and its tab bar controller if it has one.
public struct WindowInterface: Sendable, Equatable {
    public var orientation: InterfaceOrientation
    public var style: UserInterfaceStyle
    public var tabBar: TabBarSnapshot?
}

/// A `UITabBarController` at the root of a window (config `tabs`; breadth §6).
///
/// The selected tab's stack is the window's root stack (`contexts[0].stack`), where
/// push and pop act; the other tabs keep theirs here. So `tabs[selected].stack` is
/// always empty, and a tab that never was selected has not loaded (breadth §6.3).
public struct TabBarSnapshot: Sendable, Equatable {
    public internal(set) var selected: Int
    public internal(set) var tabs: [TabSnapshot]

    init(names: [String]) {
        selected = 0
        tabs = names.enumerated().map { TabSnapshot(name: $0.element, loaded: $0.offset == 0) }
    }
}

/// One tab: its root view controller's name and, while not selected, its stack.
public struct TabSnapshot: Sendable, Equatable {
    public var name: String
    /// Its view has loaded (at its first selection; the first tab at launch).
    public internal(set) var loaded: Bool
    /// Its navigation stack while another tab is selected (empty when selected or unloaded).
    public internal(set) var stack: [ViewControllerSnapshot] = []

    init(name: String, loaded: Bool) {
        self.name = name
        self.loaded = loaded
    }
}

extension WindowSnapshot {
    /// Each tab's stack, the selected one's read from the root context; nil without tabs.
    public var tabStacks: [[ViewControllerSnapshot]]? {
        guard let bar = interface.tabBar else { return nil }
        return bar.tabs.indices.map { $0 == bar.selected ? contexts[0].stack : bar.tabs[$0].stack }
    }

    /// The view controller a reference points at (a stack member, a tab's, or a child).
    subscript(ref: ViewControllerRef) -> ViewControllerSnapshot {
        get {
            var vc: ViewControllerSnapshot
            if let t = ref.tab, let bar = interface.tabBar {
                vc = bar.tabs[t].stack[ref.index]
            } else {
                vc = contexts[ref.context].stack[ref.index]
            }
            for k in ref.path { vc = vc.children[k] }
            return vc
        }
        set {
            if let t = ref.tab {
                interface.tabBar?.tabs[t].stack[ref.index].set(newValue, at: ref.path[...])
            } else {
                contexts[ref.context].stack[ref.index].set(newValue, at: ref.path[...])
            }
        }
    }
}

extension ViewControllerSnapshot {
    fileprivate mutating func set(_ value: ViewControllerSnapshot, at path: ArraySlice<Int>) {
        guard let k = path.first else {
            self = value
            return
        }
        children[k].set(value, at: path.dropFirst())
    }
}

extension WindowSnapshot {
    /// The controller on top: the last context's stack top.
    public var visibleTop: ViewControllerSnapshot {
        contexts[contexts.count - 1].stack[contexts[contexts.count - 1].stack.count - 1]
    }
}

extension AppSnapshot {
    /// The window an action without `sceneId` acts on: the sceneless app's, or that
    /// of the scene on screen the user saw last.
    var defaultWindow: WindowSnapshot? {
        guard !scenes.isEmpty else { return windows.first }
        let scene = scenes.filter { $0.state.isForeground }.max { $0.lastActivation < $1.lastActivation }
        return windows.first { $0.sceneId == scene?.id }
    }
}

/// The traits a controller last heard before a change it missed while off screen.
struct MissedTraits: Sendable, Equatable {
    var style: UserInterfaceStyle
    var portrait: Bool
}
