/// A view controller's appearance state: Apple's "Valid state transitions" figure
/// ([A-vc], DOC; facts §1).
public enum Appearance: String, Sendable, CaseIterable {
    case disappeared, appearing, appeared, disappearing

    /// The appearance callbacks that move a view controller along the figure.
    public enum Event: Sendable, CaseIterable {
        case viewWillAppear, viewDidAppear, viewWillDisappear, viewDidDisappear

        /// The view-controller method that reports the event.
        public var method: ViewControllerMethod {
            switch self {
            case .viewWillAppear: .viewWillAppear
            case .viewDidAppear: .viewDidAppear
            case .viewWillDisappear: .viewWillDisappear
            case .viewDidDisappear: .viewDidDisappear
            }
        }

        /// The event a callback reports; nil for any other method.
        public init?(_ method: CallbackMethod) {
            switch method {
            case .viewController(.viewWillAppear): self = .viewWillAppear
            case .viewController(.viewDidAppear): self = .viewDidAppear
            case .viewController(.viewWillDisappear): self = .viewWillDisappear
            case .viewController(.viewDidDisappear): self = .viewDidDisappear
            default: return nil
            }
        }
    }

    /// The state after `event`, or nil when the figure has no such edge. This is the
    /// only way a view controller's appearance changes, so no other transition can
    /// happen: disappeared →(willAppear) appearing →(didAppear) appeared
    /// →(willDisappear) disappearing →(didDisappear) disappeared, plus the two
    /// reversals appearing →(willDisappear) disappearing and disappearing
    /// →(willAppear) appearing ("not every will is paired with a did").
    public func after(_ event: Event) -> Appearance? {
        switch (self, event) {
        case (.disappeared, .viewWillAppear): .appearing
        case (.appearing, .viewDidAppear): .appeared
        case (.appeared, .viewWillDisappear): .disappearing
        case (.disappearing, .viewDidDisappear): .disappeared
        case (.appearing, .viewWillDisappear): .disappearing
        case (.disappearing, .viewWillAppear): .appearing
        default: nil
        }
    }
}

/// One view controller in a window.
public struct ViewControllerSnapshot: Sendable, Equatable {
    public var name: String
    public private(set) var appearance: Appearance = .disappeared
    /// Child view controllers it contains (`addChild`; breadth §6.5), in order.
    public var children: [ViewControllerSnapshot] = []
    /// Traits it missed while off screen (breadth §5.9): what it last heard, or nil
    /// when it is in step with its window (ContainerState.swift).
    var missedTraits: MissedTraits?

    public init(name: String) { self.name = name }

    /// Applies an appearance event along the figure; false (and no change) if the
    /// figure forbids it.
    mutating func apply(_ event: Appearance.Event) -> Bool {
        guard let next = appearance.after(event) else { return false }
        appearance = next
        return true
    }
}

/// How a view controller is presented modally.
public enum PresentationStyle: String, Sendable, CaseIterable {
    case fullScreen, pageSheet, formSheet, overFullScreen
}

/// A navigation stack: the window's root one, or one presented modally over it.
public struct PresentationContext: Sendable, Equatable {
    /// nil for the window's root context.
    public var style: PresentationStyle?
    /// Bottom to top; the last one is visible.
    public var stack: [ViewControllerSnapshot]
}

/// A window and the view controllers in it: one per sceneless app, one per
/// connected scene in a scene-based app (each scene has its own window: facts §4).
public struct WindowSnapshot: Sendable, Equatable {
    /// The scene the window belongs to (nil in a sceneless app).
    public var sceneId: String?
    /// The root context first, then each presentation over it, in order.
    public var contexts: [PresentationContext]
    /// The root view controller has been shown (its first appearance happened).
    public var rootShown = false
    /// Orientation, appearance and tab bar (breadth §5–6; ContainerState.swift).
    public var interface: WindowInterface

    init(sceneId: String?, rootName: String, interface: WindowInterface) {
        self.sceneId = sceneId
        self.contexts = [PresentationContext(style: nil, stack: [ViewControllerSnapshot(name: rootName)])]
        self.interface = interface
    }
}
