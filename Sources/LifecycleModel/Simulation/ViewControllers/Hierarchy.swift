/// Walks over a window's view-controller hierarchy, in the order UIKit forwards
/// calls down it: the root context first (each tab, each stack member bottom to top),
/// then each presentation; every controller before its children (a container calls
/// `super`, which forwards, [A-vwt]; breadth §5.1). Reusable by any layer that maps
/// controller appearance to its own callbacks.
extension Transition {
    /// The controllers whose views are loaded, in forwarding order. With `offscreen`
    /// false, only each stack's top and the selected tab (quirk
    /// `offscreenChildrenGetSizeTransition`).
    func loadedControllers(_ w: Int, offscreen: Bool) -> [ViewControllerRef] {
        let window = state.windows[w]
        var refs: [ViewControllerRef] = []
        for c in window.contexts.indices {
            if c == 0, let bar = window.interface.tabBar {
                for t in bar.tabs.indices {
                    if t == bar.selected {
                        refs += stackMembers(
                            ViewControllerRef(window: w, context: 0, index: 0), count: window.contexts[0].stack.count,
                            offscreen: offscreen)
                    } else if offscreen && bar.tabs[t].loaded {
                        refs += stackMembers(
                            ViewControllerRef(window: w, context: 0, index: 0, tab: t), count: bar.tabs[t].stack.count,
                            offscreen: offscreen)
                    }
                }
            } else {
                refs += stackMembers(
                    ViewControllerRef(window: w, context: c, index: 0), count: window.contexts[c].stack.count,
                    offscreen: offscreen)
            }
        }
        return refs
    }

    /// The controllers on screen: from the last presentation that hides what is
    /// under it (or the root) up, each stack's top with its children (breadth §5.7:
    /// "each loaded, visible view controller").
    func visibleControllers(_ w: Int) -> [ViewControllerRef] {
        let window = state.windows[w]
        let first =
            window.contexts.indices.last { c in c > 0 && window.contexts[c].style.map(hidesPresenter) == true } ?? 0
        return (first..<window.contexts.count).flatMap { c in
            withChildren(ViewControllerRef(window: w, context: c, index: window.contexts[c].stack.count - 1))
        }
    }

    /// The members of one stack (or only its top), each followed by its children.
    private func stackMembers(_ base: ViewControllerRef, count: Int, offscreen: Bool) -> [ViewControllerRef] {
        (offscreen ? 0..<count : max(count - 1, 0)..<count).flatMap { k in
            var r = base
            r.index = k
            return withChildren(r)
        }
    }

    /// A controller, then its children, depth first.
    func withChildren(_ ref: ViewControllerRef) -> [ViewControllerRef] {
        let vc = state.windows[ref.window][ref]
        return [ref] + vc.children.indices.flatMap { withChildren(ref.child($0)) }
    }

    /// The window of a stage, on screen (sceneless: the app's).
    func foregroundWindows() -> [Int] {
        foregroundStages.compactMap { window(of: $0) }
    }
}
