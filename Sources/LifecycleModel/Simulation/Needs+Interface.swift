/// The 409 texts of rotation, appearance, tabs and containment (breadth §5–6).
extension Needs {
    static let upsideDownOnIPhone =
        "an orientation an iPhone app supports by default (supportedInterfaceOrientations is allButUpsideDown on iPhone): send portrait, landscapeLeft or landscapeRight, or use device \"ipad\""
    static let darkModeVersion = "iosVersion 13.0 or later (Dark Mode and userInterfaceStyle arrive in iOS 13)"
    static let tabsConfigured = "a tab bar (config tabs, e.g. [\"home\",\"search\"])"
    static let activeToTap = "the app active (the user taps the tab bar)"
    static let nothingPresentedToTap = "nothing presented over the tab bar (dismiss first)"

    static func tabIndex(_ tabs: [String]) -> String {
        "index from 0 to \(tabs.count - 1): the tab bar has \(tabs.count) tab\(tabs.count == 1 ? "" : "s") (\(tabs.joined(separator: ", ")))"
    }

    static func childToRemove(_ name: String, parent: String, children: [String]) -> String {
        children.isEmpty
            ? "a child of the visible view controller to remove (\(parent) has none: addChild first)"
            : "the name of a child of \(parent) (not \"\(name)\"): \(children.joined(separator: ", "))"
    }
}
