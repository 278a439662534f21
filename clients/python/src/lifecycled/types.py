"""Typed views of the server's JSON.

Each dataclass keeps the members this client knows as attributes and the whole
decoded object in ``raw``: the server may add members (the contract only grows),
and they stay reachable without a new client.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Dict, List, Literal, Mapping, Optional, TypedDict

AppState = Literal["notRunning", "inactive", "active", "background", "suspended"]
SceneState = Literal["unattached", "foregroundInactive", "foregroundActive", "background", "suspended"]


class Quirks(TypedDict, total=False):
    """The named choices of LIFECYCLE.md §8 (each optional; absent: its default)."""

    orientationQueries: bool
    switcherKillSequence: Literal["resignActiveThenTerminate", "resignActiveEnterBackgroundThenTerminate"]
    didEnterBackgroundOnBackgroundLaunch: bool
    protectedDataDelay: float
    warmHandlerPosition: Literal["beforeDidBecomeActive", "afterDidBecomeActive"]
    swiftUIAdaptorInit: Literal["afterAppInit", "beforeAppInit"]
    swiftUIScenePhaseTiming: Literal["afterSceneCallback", "beforeSceneCallback"]
    swiftUIColdUniversalLinkDelivered: bool
    darkModeSnapshotToggle: bool
    offscreenChildrenGetSizeTransition: bool
    tabSwitchWillOrder: Literal["newFirstOnFirstVisit", "oldFirst", "newFirst"]
    # Issue #11: background work, prewarming, push and the corrections from real logs.
    backgroundTaskExpirationLead: float
    lastWindowCloseTerminates: bool
    bgTaskConnectsScene: bool
    prewarmStopsAt: Literal["beforeMain", "afterDidFinish", "throughViewDidLoad"]
    pushTokenDelivery: Literal["afterDidBecomeActive", "beforeDidBecomeActive", "never"]
    # Issue #20: the observer channels' named choices.
    willEnterForegroundNotificationOrder: Literal["beforeDelegate", "afterDelegate"]
    sceneNotificationOrder: Literal["afterDelegate", "beforeDelegate"]
    appForegroundNotificationInScene: Literal["afterSceneActivation", "beforeSceneActivation"]
    scenePhaseAfterNotifications: bool
    sceneNotificationsInSceneless: Literal["warmOnly", "never"]
    notificationCenterPullReactivates: bool


class PermittedBackgroundTask(TypedDict):
    """A ``BGTaskSchedulerPermittedIdentifiers`` entry and its task kind."""

    identifier: str
    kind: Literal["appRefresh", "processing"]


#: The observer channels a config's ``observers`` may name (issue #20).
OBSERVER_CHANNELS = ("notifications", "reactNative", "flutter", "capacitor", "cordova", "maui",
                     "composeMultiplatform")

ObserverChannel = Literal["notifications", "reactNative", "flutter", "capacitor", "cordova", "maui",
                          "composeMultiplatform"]


def channel_receiver(channel: str) -> str:
    """The ``receiver`` of a channel's items: ``notificationCenter`` for the notifications,
    the channel's own name for a framework lens."""
    if channel not in OBSERVER_CHANNELS:
        raise ValueError(f"unknown observer channel {channel!r}; one of {', '.join(OBSERVER_CHANNELS)}")
    return "notificationCenter" if channel == "notifications" else channel


class SessionConfig(TypedDict, total=False):
    """A session config as ``POST /v1/sessions`` takes it; every field optional."""

    lifecycle: Literal["app", "scene"]
    iosVersion: str
    device: Literal["iphone", "ipad"]
    stateRestoration: bool
    notificationCenterDelegate: bool
    backgroundModes: List[Literal["fetch", "remote-notification", "location", "audio", "processing"]]
    supportsMultipleScenes: bool
    rootViewController: str
    ui: Literal["uikit", "swiftui"]
    tabs: List[str]
    quirks: Quirks
    sdkVersion: str
    backgroundTasks: List[PermittedBackgroundTask]
    registersForRemoteNotifications: bool
    observers: List[ObserverChannel]
    observerOptions: Dict[str, Dict[str, str]]


class Action(TypedDict, total=False):
    """``{"type": ..., parameters}``; see ``lifecycled.action``."""

    type: str


@dataclass(frozen=True)
class Callback:
    """One UIKit callback as the app received it."""

    seq: int
    receiver: str
    method: str
    app_state: str
    scene_id: Optional[str] = None
    scene_state: Optional[str] = None
    view_controller: Optional[str] = None
    args: Optional[Dict[str, Any]] = None
    raw: Dict[str, Any] = field(default_factory=dict, repr=False, compare=False)

    @classmethod
    def from_json(cls, obj: Mapping[str, Any]) -> "Callback":
        return cls(seq=obj["seq"], receiver=obj["receiver"], method=obj["method"], app_state=obj["appState"],
                   scene_id=obj.get("sceneId"), scene_state=obj.get("sceneState"),
                   view_controller=obj.get("viewController"), args=obj.get("args"), raw=dict(obj))

    @property
    def channel(self) -> Optional[str]:
        """The observer channel this item belongs to (``notifications``, ``flutter``, …), or
        None for a UIKit callback."""
        if self.receiver == "notificationCenter":
            return "notifications"
        return self.receiver if self.receiver in OBSERVER_CHANNELS else None

    @property
    def state(self) -> Optional[Any]:
        """A lens item's state argument (``args.state``, or ``args.isActive`` for Capacitor)."""
        if not self.args:
            return None
        return self.args.get("state", self.args.get("isActive"))

    def __str__(self) -> str:
        who = self.receiver
        if self.view_controller is not None:
            who += f"[{self.view_controller}]"
        if self.scene_id is not None:
            who += f"@{self.scene_id}"
        return f"#{self.seq} {who} {self.method} ({self.app_state})"


@dataclass(frozen=True)
class Scene:
    id: str
    state: str
    has_restoration_activity: bool
    raw: Dict[str, Any] = field(default_factory=dict, repr=False, compare=False)

    @classmethod
    def from_json(cls, obj: Mapping[str, Any]) -> "Scene":
        return cls(id=obj["id"], state=obj["state"],
                   has_restoration_activity=bool(obj.get("hasRestorationActivity")), raw=dict(obj))


@dataclass(frozen=True)
class State:
    """The session's state: ``app`` is the app state; ``scenes`` is ``None`` for a sceneless app."""

    app: str
    clock: float
    locked: bool
    restoration_archive: bool
    scenes: Optional[List[Scene]]
    windows: List[Dict[str, Any]]
    raw: Dict[str, Any] = field(default_factory=dict, repr=False, compare=False)

    @classmethod
    def from_json(cls, obj: Mapping[str, Any]) -> "State":
        scenes = obj.get("scenes")
        return cls(app=obj["app"], clock=obj.get("clock", 0), locked=bool(obj.get("locked")),
                   restoration_archive=bool(obj.get("restorationArchive")),
                   scenes=None if scenes is None else [Scene.from_json(s) for s in scenes],
                   windows=list(obj.get("windows", [])), raw=dict(obj))

    def __getitem__(self, key: str) -> Any:
        """Any member by its JSON name, e.g. ``state["suspendsAt"]``."""
        return self.raw[key]

    def scene(self, scene_id: str) -> Scene:
        """The scene with that id (``KeyError`` if none)."""
        for s in self.scenes or []:
            if s.id == scene_id:
                return s
        raise KeyError(scene_id)


@dataclass(frozen=True)
class ActionResult:
    """What one action did: the callbacks it invoked and the state after it."""

    action: Dict[str, Any]
    callbacks: List[Callback]
    state: State
    raw: Dict[str, Any] = field(default_factory=dict, repr=False, compare=False)

    @classmethod
    def from_json(cls, obj: Mapping[str, Any]) -> "ActionResult":
        return cls(action=dict(obj["action"]), callbacks=[Callback.from_json(c) for c in obj["callbacks"]],
                   state=State.from_json(obj["state"]), raw=dict(obj))

    @property
    def methods(self) -> List[str]:
        """The callbacks' method names, in order."""
        return [c.method for c in self.callbacks]


@dataclass(frozen=True)
class CallbackPage:
    callbacks: List[Callback]
    next: int
    dropped: int
    total: int

    @classmethod
    def from_json(cls, obj: Mapping[str, Any]) -> "CallbackPage":
        return cls(callbacks=[Callback.from_json(c) for c in obj["callbacks"]], next=obj["next"],
                   dropped=obj["dropped"], total=obj["total"])


@dataclass(frozen=True)
class SessionInfo:
    """``GET /v1/sessions/{id}``: the resolved config, the state and what is possible now."""

    id: str
    config: Dict[str, Any]
    state: State
    callback_count: int
    allowed_actions: List[str]
    #: the types only partly possible, with the values possible now: {"terminate": {"by": ["system"]}}
    allowed_variants: Dict[str, Dict[str, List[str]]] = field(default_factory=dict)
    raw: Dict[str, Any] = field(default_factory=dict, repr=False, compare=False)

    @classmethod
    def from_json(cls, obj: Mapping[str, Any]) -> "SessionInfo":
        return cls(id=obj["id"], config=dict(obj["config"]), state=State.from_json(obj["state"]),
                   callback_count=obj["callbackCount"], allowed_actions=list(obj.get("allowedActions", [])),
                   allowed_variants=dict(obj.get("allowedVariants", {})), raw=dict(obj))


@dataclass(frozen=True)
class SimulateResult:
    """``POST /v1/simulate``: every step's result, the resolved config and the final state."""

    steps: List[ActionResult]
    config: Dict[str, Any]
    state: State
    raw: Dict[str, Any] = field(default_factory=dict, repr=False, compare=False)

    @classmethod
    def from_json(cls, obj: Mapping[str, Any]) -> "SimulateResult":
        return cls(steps=[ActionResult.from_json(s) for s in obj["steps"]], config=dict(obj["config"]),
                   state=State.from_json(obj["state"]), raw=dict(obj))

    @property
    def callbacks(self) -> List[Callback]:
        """Every step's callbacks, in order."""
        return [c for step in self.steps for c in step.callbacks]


@dataclass(frozen=True)
class ExplainResult:
    """``POST /v1/explain``: the actions behind a recorded log, or where it diverges.

    ``actions`` is the shortest explanation or, when ``explained`` is false, the actions of
    the longest explained prefix; ``divergence`` (``index``, ``line``, ``observed``,
    ``expected``) and ``reason`` are the server's objects, ``None`` when absent. Issue #34:
    ``explained_entries``, ``alternatives`` (other action lists as short), ``assumed``
    (``from``, ``config``, ``detail``; ``None`` when nothing was assumed), ``hints`` and
    ``unread_lines`` as the server gives them.
    """

    explained: bool
    actions: List[Dict[str, Any]]
    steps: List[ActionResult]
    divergence: Optional[Dict[str, Any]]
    reason: Optional[Dict[str, Any]]
    nodes_visited: int
    entries: int
    ignored_lines: List[int]
    config: Dict[str, Any]
    state: State
    raw: Dict[str, Any] = field(default_factory=dict, repr=False, compare=False)
    explained_entries: int = 0
    alternatives: List[List[Dict[str, Any]]] = field(default_factory=list)
    assumed: Optional[Dict[str, Any]] = None
    hints: List[Dict[str, Any]] = field(default_factory=list)
    unread_lines: List[Dict[str, Any]] = field(default_factory=list)

    @classmethod
    def from_json(cls, obj: Mapping[str, Any]) -> "ExplainResult":
        return cls(explained=bool(obj["explained"]), actions=[dict(a) for a in obj["actions"]],
                   steps=[ActionResult.from_json(s) for s in obj["steps"]], divergence=obj.get("divergence"),
                   reason=obj.get("reason"), nodes_visited=int(obj["nodesVisited"]), entries=int(obj["entries"]),
                   ignored_lines=list(obj["ignoredLines"]), config=dict(obj["config"]),
                   state=State.from_json(obj["state"]), raw=dict(obj),
                   explained_entries=int(obj.get("explainedEntries", 0)),
                   alternatives=[[dict(a) for a in alt] for alt in obj.get("alternatives", [])],
                   assumed=obj.get("assumed"), hints=list(obj.get("hints", [])),
                   unread_lines=list(obj.get("unreadLines", [])))

    @property
    def callbacks(self) -> List[Callback]:
        """Every step's callbacks, in order (those the log shows and those it does not)."""
        return [c for step in self.steps for c in step.callbacks]

    @property
    def action_types(self) -> List[str]:
        """The actions' ``type``s, in order."""
        return [a["type"] for a in self.actions]


@dataclass(frozen=True)
class BatchResult:
    """A batch (``Session.act_batch``): every step's result and the state after the last."""

    steps: List[ActionResult]
    state: State
    raw: Dict[str, Any] = field(default_factory=dict, repr=False, compare=False)

    @classmethod
    def from_json(cls, obj: Mapping[str, Any]) -> "BatchResult":
        return cls(steps=[ActionResult.from_json(s) for s in obj["steps"]], state=State.from_json(obj["state"]),
                   raw=dict(obj))

    @property
    def callbacks(self) -> List[Callback]:
        """Every step's callbacks, in order."""
        return [c for step in self.steps for c in step.callbacks]


@dataclass(frozen=True)
class Journal:
    """``GET /v1/sessions/{id}/journal``: the resolved config and every accepted action, in order.

    ``Client.replay(journal)`` makes a new session with the same log and state.
    ``complete`` is false only when the server stopped recording (the journal outgrew its bound).
    """

    config: Dict[str, Any]
    actions: List[Dict[str, Any]]
    complete: bool = True
    raw: Dict[str, Any] = field(default_factory=dict, repr=False, compare=False)

    @classmethod
    def from_json(cls, obj: Mapping[str, Any]) -> "Journal":
        return cls(config=dict(obj["config"]), actions=[dict(a) for a in obj["actions"]],
                   complete=bool(obj.get("complete", True)), raw=dict(obj))
