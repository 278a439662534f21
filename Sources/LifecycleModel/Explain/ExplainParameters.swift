/// The actions an explanation search tries: the plain actions of `paths`/`coverage`,
/// with the parameters the log gives in place of the samples: for `push`, `present`
/// and `addChild`, each view-controller name the log names (the sample name only when
/// it names none: a controller the log cannot see would only multiply the states a
/// log of named controllers is searched over); for `openURL` (a custom scheme) and
/// `openUniversalLink` (https), the URL of the next entry that shows one.
///
/// A candidate is known by its label (`background`, `push name=detail`, `closeScene
/// scene=#2`), which names scenes by their place, not their id: the search finds a
/// candidate in one state and replays it in another state of the same kind. A URL
/// changes only arguments, which the match does not compare, so the search tries one
/// URL and the answer takes the URL of the action's place in the log (`action(_:at:)`);
/// names change which callbacks are watched, so each is a candidate of its own.
struct ExplainParameters: Sendable {
    /// For each log position, the URL of the first entry from there on that shows
    /// one (else the last one before it).
    private let urls: [String?]
    /// The names the log gives its view controllers, in order.
    let names: [String]

    init(_ entries: [LogEntry], names: [String]) {
        var urls = [String?](repeating: nil, count: entries.count + 1)
        var next: String?
        for i in entries.indices.reversed() {
            if let url = entries[i].args.flatMap(Self.url(in:)) { next = url }
            urls[i] = next
        }
        var last: String?
        for i in urls.indices {
            if urls[i] == nil { urls[i] = last } else { last = urls[i] }
        }
        self.urls = urls
        self.names = names
    }

    /// The candidates in `state`, each with its label.
    func candidates(simulator: Simulator, in state: AppSnapshot) -> [PlainAction] {
        var out: [PlainAction] = []
        for plain in simulator.plainActions(in: state) {
            switch plain.action {
            case .push(let push):
                out += names.map {
                    PlainAction(label: "push name=\($0)", action: .push(name: $0, sceneId: push.sceneId))
                }
                if !names.isEmpty { continue }
            case .present(let present):
                out += names.map {
                    PlainAction(
                        label: "present name=\($0)",
                        action: .present(name: $0, style: present.style, sceneId: present.sceneId))
                }
                if !names.isEmpty { continue }
            case .addChild(let add):
                out += names.map {
                    PlainAction(label: "addChild name=\($0)", action: .addChild(name: $0, sceneId: add.sceneId))
                }
                if !names.isEmpty { continue }
            default:
                break
            }
            out.append(plain)
        }
        return out
    }

    /// `action` as the answer gives it at log position `position`: a link with the
    /// URL the log shows there, where it shows one of the link's kind.
    func action(_ action: Action, at position: Int) -> Action {
        let url = position < urls.count ? urls[position] : nil
        switch action {
        case .openURL:
            if let url, !Self.isWeb(url) { return .openURL(url: url) }
        case .openUniversalLink:
            if let url, Self.isWeb(url) { return .openUniversalLink(url: url) }
        default:
            break
        }
        return action
    }

    /// `label` as the answer gives it at `position` (`openURL url=myapp://item/7`).
    func label(_ label: String, of action: Action, at position: Int) -> String {
        switch self.action(action, at: position) {
        case .openURL(let link) where link.url != Self.sample(of: action): "openURL url=\(link.url)"
        case .openUniversalLink(let link) where link.url != Self.sample(of: action):
            "openUniversalLink url=\(link.url)"
        default: label
        }
    }

    private static func sample(of action: Action) -> String? {
        switch action {
        case .openURL(let link): link.url
        case .openUniversalLink(let link): link.url
        default: nil
        }
    }

    /// The first string in `args` that is a URL (`scheme://…`).
    private static func url(in args: JSONValue) -> String? {
        switch args {
        case .string(let s): s.contains("://") ? s : nil
        case .array(let items): items.lazy.compactMap(url(in:)).first
        case .object(let members): members.lazy.compactMap { url(in: $0.value) }.first
        default: nil
        }
    }

    private static func isWeb(_ url: String) -> Bool {
        url.lowercased().hasPrefix("https://") || url.lowercased().hasPrefix("http://")
    }
}
