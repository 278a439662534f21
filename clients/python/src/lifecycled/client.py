"""A small synchronous client for lifecycled (standard library only).

    client = Client("http://127.0.0.1:8080")
    app = client.create_session(lifecycle="app", ios_version="11.0")
    app.act("launch")
    result = app.act("openURL", url="myapp://item/42")   # ActionResult
    result.state.app                                     # "active"

Errors raise ``lifecycled.Problem`` subclasses (``ActionNotAllowed`` for a 409, ...).
Every endpoint goes through ``Client.request``, so a new one is a few lines.
"""

from __future__ import annotations

import http.client
import json
import urllib.parse
from typing import Any, Dict, Iterable, Iterator, List, Mapping, Optional, Tuple, Union

from .problems import Problem, SessionNotFound, problem_from
from .types import (ActionResult, BatchResult, Callback, CallbackPage, ExplainResult, Journal, SessionInfo, SimulateResult,
                    State)

ActionLike = Union[str, Mapping[str, Any]]


def camel(name: str) -> str:
    """``ios_version`` -> ``iosVersion``; camelCase names pass unchanged."""
    head, *rest = name.split("_")
    return head + "".join(part[:1].upper() + part[1:] for part in rest)


def camel_keys(fields: Mapping[str, Any]) -> Dict[str, Any]:
    """Top-level keys to camelCase (values, nested objects and quirk names are left as they are)."""
    return {camel(k): v for k, v in fields.items()}


def action(type: str, **params: Any) -> Dict[str, Any]:
    """An action object: ``action("openURL", url="x://y")`` -> ``{"type": "openURL", "url": "x://y"}``.

    Parameter names may be snake_case (``scene_id=`` is sent as ``sceneId``).
    """
    return {"type": type, **camel_keys(params)}


def as_action(item: ActionLike) -> Dict[str, Any]:
    """``"launch"`` -> ``{"type": "launch"}``; a mapping is sent as it is."""
    if isinstance(item, str):
        return {"type": item}
    return dict(item)


class Client:
    """One lifecycled server.

    ``url`` is its base, e.g. ``http://127.0.0.1:8080``; ``timeout`` is per request, in seconds.
    Safe to share between threads (one connection a request).
    """

    def __init__(self, url: str, *, timeout: float = 30.0) -> None:
        parts = urllib.parse.urlsplit(url)
        if parts.scheme != "http" or not parts.hostname:
            raise ValueError(f"lifecycled URL must be http://HOST:PORT, got {url!r}")
        self.url = url.rstrip("/")
        self._host = parts.hostname
        self._port = parts.port or 80
        self._base = parts.path.rstrip("/")
        self.timeout = timeout

    def __repr__(self) -> str:
        return f"Client({self.url!r})"

    # ---- transport ------------------------------------------------------

    def request(self, method: str, path: str, body: Any = None, *,
                query: Optional[Mapping[str, Any]] = None) -> Tuple[int, Dict[str, str], Any]:
        """Sends one request and answers ``(status, headers, decoded JSON or None)``.

        ``body`` is encoded as JSON, except ``bytes``, which are sent as they are.

        A status of 400 or more raises the problem's exception class.
        """
        target = self._base + path
        if query:
            target += "?" + urllib.parse.urlencode({k: v for k, v in query.items() if v is not None})
        headers = {"Accept": "application/json, application/problem+json"}
        payload = None
        if isinstance(body, (bytes, bytearray)):
            payload = bytes(body)
        elif body is not None:
            payload = json.dumps(body, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
            headers["Content-Type"] = "application/json"
        conn = http.client.HTTPConnection(self._host, self._port, timeout=self.timeout)
        try:
            conn.request(method, target, body=payload, headers=headers)
            response = conn.getresponse()
            raw = response.read()
            status = response.status
            response_headers = {k.lower(): v for k, v in response.getheaders()}
        finally:
            conn.close()
        decoded = json.loads(raw) if raw and "json" in response_headers.get("content-type", "") else None
        if status >= 400:
            if isinstance(decoded, dict) and "type" in decoded:
                raise problem_from(decoded, method=method, path=path, headers=response_headers)
            raise Problem({"type": "", "title": http.client.responses.get(status, "Error"), "status": status,
                           "detail": raw.decode("utf-8", "replace")}, method=method, path=path,
                          headers=response_headers)
        return status, response_headers, decoded

    def get(self, path: str, **query: Any) -> Any:
        return self.request("GET", path, query=query)[2]

    def post(self, path: str, body: Any) -> Any:
        return self.request("POST", path, body)[2]

    # ---- endpoints ------------------------------------------------------

    def health(self) -> bool:
        """``GET /healthz``: true when the server answers ``{"status":"ok"}``."""
        return self.get("/healthz") == {"status": "ok"}

    def create_session(self, config: Optional[Mapping[str, Any]] = None, **fields: Any) -> "Session":
        """``POST /v1/sessions``. Config as a dict and/or keywords (snake_case or camelCase)."""
        body = {**(dict(config) if config else {}), **camel_keys(fields)}
        return Session(self, self.post("/v1/sessions", body))

    def put_session(self, session_id: str, config: Optional[Mapping[str, Any]] = None, **fields: Any) -> "Session":
        """``PUT /v1/sessions/{id}``: creates the session with your UUID, or returns it when it already
        exists with the same config (idempotent); another config raises ``SessionExists``."""
        body = {**(dict(config) if config else {}), **camel_keys(fields)}
        return Session(self, self.request("PUT", f"/v1/sessions/{session_id}", body)[2])

    def session(self, session_id: str) -> "Session":
        """An existing session by id (``SessionNotFound`` if there is none)."""
        return Session(self, self.get(f"/v1/sessions/{session_id}"))

    def sessions(self, *, page_size: int = 100) -> Iterator[SessionInfo]:
        """Every live session, oldest first (``GET /v1/sessions``, page by page)."""
        after: Optional[int] = 0
        while after is not None:
            page = self.get("/v1/sessions", after=after, limit=page_size)
            for s in page["sessions"]:
                yield SessionInfo.from_json({**s, "allowedActions": s.get("allowedActions", [])})
            after = page["next"]

    def reset(self) -> None:
        """``DELETE /v1/sessions``: forgets every session on the server (not only this client's)."""
        self.request("DELETE", "/v1/sessions")

    def replay(self, journal: Journal) -> "Session":
        """A new session from a journal (``Session.journal()``): same config, same actions as one batch.

        Its log and state equal the journal's session's at the time the journal was read.
        """
        session = self.create_session(journal.config)
        if journal.actions:
            session.act_batch(journal.actions)
        return session

    def simulate(self, actions: Iterable[ActionLike], config: Optional[Mapping[str, Any]] = None,
                 **fields: Any) -> SimulateResult:
        """``POST /v1/simulate``: runs ``actions`` on a fresh session that is not kept."""
        body: Dict[str, Any] = {"actions": [as_action(a) for a in actions]}
        if config is not None or fields:
            body["session"] = {**(dict(config) if config else {}), **camel_keys(fields)}
        return SimulateResult.from_json(self.post("/v1/simulate", body))


    def explain(self, log: Union[str, Iterable[Union[str, Mapping[str, Any]]]],
                config: Optional[Mapping[str, Any]] = None, *, from_actions: Optional[Iterable[ActionLike]] = None,
                max_actions: Optional[int] = None, **fields: Any) -> ExplainResult:
        """``POST /v1/explain``: the user actions behind a recorded callback log.

        ``log`` is the log's text (one callback a line, as pasted from the console), or a
        list whose items are lines (strings) or callback objects (``{"method": ...,
        "receiver": ..., "viewController": ..., "args": ...}``). ``from_actions`` are
        applied first; config fields may be given as keywords, as in ``simulate``.
        """
        body: Dict[str, Any] = {}
        if isinstance(log, str):
            body["log"] = log
        else:
            items = list(log)
            if all(isinstance(item, str) for item in items):
                body["log"] = "\n".join(items)  # type: ignore[arg-type]
            else:
                body["callbacks"] = [{"method": item} if isinstance(item, str) else dict(item) for item in items]
        if config is not None or fields:
            body["config"] = {**(dict(config) if config else {}), **camel_keys(fields)}
        if from_actions is not None:
            body["from"] = [as_action(a) for a in from_actions]
        if max_actions is not None:
            body["maxActions"] = max_actions
        return ExplainResult.from_json(self.post("/v1/explain", body))


class Session:
    """One simulated app on the server."""

    def __init__(self, client: Client, created: Mapping[str, Any]) -> None:
        self.client = client
        self.id: str = created["id"]
        #: The resolved config (every field present), as the server reported it.
        self.config: Dict[str, Any] = dict(created["config"])
        self._path = f"/v1/sessions/{self.id}"
        self.last: Optional[ActionResult] = None

    def __repr__(self) -> str:
        return f"Session({self.id!r}, lifecycle={self.config.get('lifecycle')!r})"

    def __enter__(self) -> "Session":
        return self

    def __exit__(self, *exc: Any) -> None:
        self.delete(missing_ok=True)

    def act(self, type: Union[str, Mapping[str, Any]], **params: Any) -> ActionResult:
        """Applies one action: ``act("openURL", url="x://y")`` or ``act({"type": ...})``."""
        body = action(type, **params) if isinstance(type, str) else {**type, **camel_keys(params)}
        self.last = ActionResult.from_json(self.client.post(f"{self._path}/actions", body))
        return self.last

    def act_batch(self, actions: Iterable[ActionLike]) -> BatchResult:
        """Applies actions in order, all or nothing (``POST .../actions`` with an array).

        ``act_batch(["launch", "background", {"type": "advanceTime", "seconds": 10}])``.
        A refused step raises ``ActionNotAllowed`` with ``step`` (its index, from 0) and
        leaves the session exactly as it was; a malformed one raises ``InvalidField``.
        """
        body = [as_action(a) for a in actions]
        result = BatchResult.from_json(self.client.post(f"{self._path}/actions", body))
        if result.steps:
            self.last = result.steps[-1]
        return result

    def journal(self) -> Journal:
        """``GET /v1/sessions/{id}/journal``: the config and every accepted action, for ``Client.replay``."""
        return Journal.from_json(self.client.get(f"{self._path}/journal"))

    def info(self) -> SessionInfo:
        """``GET /v1/sessions/{id}``."""
        return SessionInfo.from_json(self.client.get(self._path))

    @property
    def state(self) -> State:
        """The current state (asks the server)."""
        return self.info().state

    @property
    def allowed_actions(self) -> List[str]:
        """The action types possible now (asks the server)."""
        return self.info().allowed_actions

    def callback_page(self, after: int = 0, limit: Optional[int] = None) -> CallbackPage:
        """One page of the log: callbacks with ``seq`` > ``after``, at most ``limit``."""
        return CallbackPage.from_json(self.client.get(f"{self._path}/callbacks", after=after, limit=limit))

    def callbacks(self, after: int = 0, *, page_size: int = 1000) -> List[Callback]:
        """The whole log after ``after`` (every page), oldest first."""
        out: List[Callback] = []
        while True:
            page = self.callback_page(after, page_size)
            out.extend(page.callbacks)
            if not page.callbacks or page.next >= page.total:
                return out
            after = page.next

    def delete(self, *, missing_ok: bool = False) -> None:
        """``DELETE /v1/sessions/{id}``."""
        try:
            self.client.request("DELETE", self._path)
        except SessionNotFound:
            if not missing_ok:
                raise

