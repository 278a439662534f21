"""Assertions on callback order that read well in a test and fail with a diff.

    assert_order(result.callbacks, [
        "applicationWillEnterForeground(_:)",
        ...,                                   # any callbacks, none included
        "applicationDidBecomeActive(_:)",
    ], receiver="appDelegate")

A pattern is a list, matched against the WHOLE (filtered) list of callbacks:
- a method name matches a callback with exactly that method;
- a name with ``*`` is a glob on the method (``"scene*"``, ``"*DidBecomeActive(_:)"``);
- ``"*"`` alone matches any one callback;
- ``...`` (Ellipsis) or ``"..."`` matches any run of callbacks, none included;
- ``"receiver.method"``-style is not needed: filter with ``receiver=`` (one name or several),
  ``scene=`` and ``view_controller=``, or write an entry as ``("sceneDelegate", "sceneDidBecomeActive(_:)")``.
On a mismatch the AssertionError shows the filtered callbacks against the pattern,
aligned, with ``-`` for what the pattern expected and did not get and ``+`` for callbacks
it did not expect.
"""

from __future__ import annotations

import fnmatch
from typing import Any, Iterable, List, Optional, Sequence, Tuple, Union

from .types import ActionResult, Callback, ExplainResult, SimulateResult, channel_receiver

Callbacks = Union[Iterable[Callback], ActionResult, SimulateResult]

ANY_RUN = "..."
ANY_ONE = "*"


def _as_list(callbacks: Callbacks) -> List[Callback]:
    if isinstance(callbacks, (ActionResult, SimulateResult)):
        return list(callbacks.callbacks)
    return list(callbacks)


def _names(value: Union[None, str, Iterable[str]]) -> Optional[set]:
    if value is None:
        return None
    return {value} if isinstance(value, str) else set(value)


def select(callbacks: Callbacks, *, receiver: Union[None, str, Iterable[str]] = None,
           scene: Optional[str] = None, view_controller: Optional[str] = None,
           channel: Union[None, str, Iterable[str]] = None, observers: Optional[bool] = None) -> List[Callback]:
    """The callbacks that pass the filters, in order. ``channel`` keeps the items of one
    observer channel (or several): ``"notifications"``, ``"flutter"``, …; ``observers=False``
    keeps the UIKit callbacks alone, ``observers=True`` every channel's items."""
    receivers = _names(receiver)
    channels = _names(channel)
    if channels is not None:
        channels = {channel_receiver(c) for c in channels}
    return [c for c in _as_list(callbacks)
            if (receivers is None or c.receiver in receivers)
            and (channels is None or c.receiver in channels)
            and (observers is None or (c.channel is not None) == observers)
            and (scene is None or c.scene_id == scene)
            and (view_controller is None or c.view_controller == view_controller)]


def methods(callbacks: Callbacks, **filters: Any) -> List[str]:
    """The method names of the callbacks that pass the filters (see ``select``)."""
    return [c.method for c in select(callbacks, **filters)]


def states(callbacks: Callbacks, channel: str) -> List[Any]:
    """A lens's states in order: ``args.state`` (or Capacitor's ``isActive``) of each item of
    ``channel`` that has one, e.g. ``states(result, "flutter") == ["inactive", "resumed"]``."""
    return [c.state for c in select(callbacks, channel=channel) if c.state is not None]


def _is_run(entry: Any) -> bool:
    return entry is Ellipsis or entry == ANY_RUN


def _matches(entry: Any, cb: Callback) -> bool:
    if isinstance(entry, tuple):
        receiver, method = entry
        return fnmatch.fnmatchcase(cb.receiver, receiver) and _matches(method, cb)
    if entry == ANY_ONE:
        return True
    if "*" in entry:
        # Only * is a wildcard: method names hold brackets and question marks of their own.
        return fnmatch.fnmatchcase(cb.method, entry.replace("[", "[[]").replace("?", "[?]"))
    return cb.method == entry


def _label(entry: Any) -> str:
    if _is_run(entry):
        return "..."
    if isinstance(entry, tuple):
        return f"{entry[0]} {entry[1]}"
    return str(entry)


def _align(pattern: Sequence[Any], actual: Sequence[Callback]) -> Tuple[int, List[Tuple[str, Any]]]:
    """Fewest edits that make ``actual`` match ``pattern``, and the alignment.

    Runs (``...``) absorb any callbacks for free; a callback no entry takes costs 1
    (``+``), an entry no callback matches costs 1 (``-``). Cost 0 is a match.
    """
    n, m = len(pattern), len(actual)
    inf = float("inf")
    # cost[i][j]: fewest edits to match pattern[i:] with actual[j:]
    cost = [[inf] * (m + 1) for _ in range(n + 1)]
    cost[n][m] = 0
    for i in range(n, -1, -1):
        for j in range(m, -1, -1):
            if i == n and j == m:
                continue
            best = inf
            if i < n and _is_run(pattern[i]):
                best = min(best, cost[i + 1][j])
                if j < m:
                    best = min(best, cost[i][j + 1])
            else:
                if i < n and j < m and _matches(pattern[i], actual[j]):
                    best = min(best, cost[i + 1][j + 1])
                if i < n:
                    best = min(best, cost[i + 1][j] + 1)
                if j < m:
                    best = min(best, cost[i][j + 1] + 1)
            cost[i][j] = best
    steps: List[Tuple[str, Any]] = []
    i = j = 0
    while i < n or j < m:
        here = cost[i][j]
        if i < n and _is_run(pattern[i]):
            if j < m and cost[i][j + 1] == here:
                steps.append(("~", actual[j])); j += 1
            else:
                i += 1
            continue
        if i < n and j < m and _matches(pattern[i], actual[j]) and cost[i + 1][j + 1] == here:
            steps.append((" ", actual[j])); i += 1; j += 1
        elif i < n and cost[i + 1][j] + 1 == here:
            steps.append(("-", pattern[i])); i += 1
        else:
            steps.append(("+", actual[j])); j += 1
    return int(cost[0][0]), steps


def order_diff(callbacks: Callbacks, pattern: Sequence[Any], **filters: Any) -> Optional[str]:
    """``None`` when the filtered callbacks match ``pattern``, else a readable diff."""
    actual = select(callbacks, **filters)
    edits, steps = _align(list(pattern), actual)
    if edits == 0:
        return None
    shown = ", ".join(f"{k}={v!r}" for k, v in filters.items() if v is not None)
    lines = [f"callback order differs ({edits} difference{'s' if edits != 1 else ''}"
             f"{'; ' + shown if shown else ''}):",
             "  '-' expected, not there; '+' there, not expected"
             + ("; '~' taken by '...'" if any(mark == "~" for mark, _ in steps) else "")]
    for mark, item in steps:
        if mark == "-":
            lines.append(f"  - {_label(item)}")
        else:
            lines.append(f"  {mark} {item}")
    if not actual:
        lines.append("  (no callbacks passed the filters)")
    return "\n".join(lines)


def assert_order(callbacks: Callbacks, pattern: Sequence[Any], *,
                 receiver: Union[None, str, Iterable[str]] = None, scene: Optional[str] = None,
                 view_controller: Optional[str] = None, channel: Union[None, str, Iterable[str]] = None,
                 observers: Optional[bool] = None) -> None:
    """Asserts that the callbacks (after the filters) match ``pattern`` from first to last."""
    __tracebackhide__ = True
    diff = order_diff(callbacks, pattern, receiver=receiver, scene=scene, view_controller=view_controller,
                      channel=channel, observers=observers)
    if diff is not None:
        raise AssertionError(diff)


def assert_called(callbacks: Callbacks, method: str, **filters: Any) -> Callback:
    """Asserts that some callback (after the filters) matches ``method``; answers the first."""
    __tracebackhide__ = True
    chosen = select(callbacks, **filters)
    for cb in chosen:
        if _matches(method, cb):
            return cb
    listing = "\n".join(f"    {c}" for c in chosen) or "    (none)"
    raise AssertionError(f"no callback {method!r} among:\n{listing}")


def assert_not_called(callbacks: Callbacks, method: str, **filters: Any) -> None:
    """Asserts that no callback (after the filters) matches ``method``."""
    __tracebackhide__ = True
    hits = [c for c in select(callbacks, **filters) if _matches(method, c)]
    if hits:
        raise AssertionError(f"{method!r} was called:\n" + "\n".join(f"    {c}" for c in hits))


def assert_explained(result: ExplainResult, actions: Optional[Sequence[str]] = None) -> ExplainResult:
    """Asserts that a log was explained (``Client.explain``), and with ``actions`` that the
    explanation's action types are those; returns the result.

    On failure the message says where the log diverged: the entry (and line) no action
    sequence reproduces, the actions of the longest explained prefix, what UIKit would
    call there instead, and the bound that stopped the search, if one did.
    """
    if not result.explained:
        lines = ["the log is not explained"]
        d = result.divergence or {}
        where = f"line {d['line']}" if "line" in d else f"entry {d.get('index', 0) + 1}"
        observed = d.get("observed")
        if observed:
            lines.append(f"{where}: {observed.get('method')} is where no action sequence goes on")
        else:
            lines.append(f"the log ends after {d.get('index', 0)} entries where UIKit goes on")
        lines.append(f"explained up to there by: {result.action_types or 'no action'}")
        for e in d.get("expected", []):
            who = e.get("viewController") or e.get("receiver") or ""
            lines.append(f"  UIKit could call instead: {who} {e.get('method')} (after {e.get('action')})")
        if result.reason:
            lines.append(f"the search stopped early: {result.reason.get('detail')}")
        raise AssertionError("\n".join(lines))
    if actions is not None and list(actions) != result.action_types:
        raise AssertionError(f"explained by {result.action_types}, not {list(actions)}")
    return result
