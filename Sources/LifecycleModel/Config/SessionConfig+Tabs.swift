extension SessionConfig {
    /// The most tabs a `tabs` config may list (a tab bar shows five, then "More";
    /// the model does not simulate "More").
    public static let maxTabs = 5

    /// `tabs` that cannot be simulated: empty, too many, a bad or repeated name.
    var tabsIssue: ConfigIssue? {
        guard let tabs else { return nil }
        guard (1...Self.maxTabs).contains(tabs.count) else {
            return ConfigIssue(
                field: "tabs",
                detail: "tabs must list 1 to \(Self.maxTabs) view-controller names, e.g. [\"home\",\"search\"]",
                allowed: [])
        }
        for (i, name) in tabs.enumerated() {
            guard !name.isEmpty, name.unicodeScalars.count <= Self.maxNameLength else {
                return ConfigIssue(
                    field: "tabs[\(i)]", detail: "tabs[\(i)] must be a name of 1 to \(Self.maxNameLength) characters",
                    allowed: [])
            }
            guard !tabs[..<i].contains(name) else {
                return ConfigIssue(
                    field: "tabs[\(i)]", detail: "tabs[\(i)] repeats \"\(name)\"; give each tab its own name",
                    allowed: [])
            }
        }
        return nil
    }
}
