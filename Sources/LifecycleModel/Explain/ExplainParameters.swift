/// The actions an explanation search tries: the plain actions of `paths`/`coverage`,
/// with the parameters the log gives in place of the samples: the URL of the next
/// entry that shows one (`openURL` for a custom scheme, `openUniversalLink` for
/// https) and, for `push`, `present` and `addChild`, each view-controller name the
/// log names (the sample name too, for controllers the log does not watch).
///
/// A URL changes only arguments, which the match does not compare, so one URL per
/// position is enough; names change which callbacks are watched, so each is tried.
struct ExplainParameters: Sendable {
    /// For each log position, the URL of the first entry from there on that shows
    /// one (else the last one before it).
    private let urls: [String?]
    private let names: [String]

    init(_ entries: [LogEntry]) {
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
        self.names = WatchedSet(entries.map(CallbackKey.init)).controllerNames
    }

    func candidates(simulator: Simulator, in state: AppSnapshot, at position: Int) -> [PlainAction] {
        let url = position < urls.count ? urls[position] : nil
        var out: [PlainAction] = []
        for plain in simulator.plainActions(in: state) {
            switch plain.action {
            case .openURL:
                if let url, !Self.isWeb(url) {
                    out.append(PlainAction(label: "openURL url=\(url)", action: .openURL(url: url)))
                } else {
                    out.append(plain)
                }
            case .openUniversalLink:
                if let url, Self.isWeb(url) {
                    out.append(PlainAction(label: "openUniversalLink url=\(url)", action: .openUniversalLink(url: url)))
                } else {
                    out.append(plain)
                }
            case .push(_, let scene):
                out += names.map { PlainAction(label: "push name=\($0)", action: .push(name: $0, sceneId: scene)) }
                out.append(plain)
            case .present(_, let style, let scene):
                out += names.map {
                    PlainAction(label: "present name=\($0)", action: .present(name: $0, style: style, sceneId: scene))
                }
                out.append(plain)
            case .addChild(_, let scene):
                out += names.map {
                    PlainAction(label: "addChild name=\($0)", action: .addChild(name: $0, sceneId: scene))
                }
                out.append(plain)
            default:
                out.append(plain)
            }
        }
        return out
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
