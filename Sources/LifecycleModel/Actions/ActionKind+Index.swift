extension ActionKind {
    /// The kind's place in `allCases`, for tables indexed by kind (the service's
    /// per-kind encodings and counters): a plain switch, no search.
    public var index: Int {
        switch self {
        case .launch: 0
        case .background: 1
        case .openURL: 2
        case .openUniversalLink: 3
        case .tapNotification: 4
        case .terminate: 5
        case .interruptionBegan: 6
        case .interruptionEnded: 7
        case .lock: 8
        case .unlock: 9
        case .memoryWarning: 10
        case .receiveNotification: 11
        case .backgroundFetch: 12
        case .locationEvent: 13
        case .quickAction: 14
        case .beginBackgroundTask: 15
        case .endBackgroundTask: 16
        case .advanceTime: 17
        case .openScene: 18
        case .activateScene: 19
        case .closeScene: 20
        case .disconnectScene: 21
        case .push: 22
        case .pop: 23
        case .present: 24
        case .dismiss: 25
        case .cancelInteractivePop: 26
        case .rotate: 27
        case .setAppearance: 28
        case .selectTab: 29
        case .addChild: 30
        case .removeChild: 31
        case .runBackgroundTask: 32
        case .backgroundURLSessionEvents: 33
        case .prewarm: 34
        case .moveTo: 35
        }
    }
}
