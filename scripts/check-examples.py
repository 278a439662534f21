#!/usr/bin/env python3
"""Every example in openapi.yaml checked against a live lifecycled (issue #23 item 5).

    .venv/bin/python scripts/check-examples.py [--binary .build/debug/lifecycled]
    .venv/bin/python scripts/check-examples.py --update     # rewrites the stale examples

Each example has a scenario below (SCENARIOS, keyed by the example's name as this
script prints it): how to get, from a real server, the request and the answer the
example stands for. Request examples are sent and must be accepted; response
examples (bodies, problems, headers, text) must equal what the server answers for
the scenario's request, after masking what changes from run to run (UUIDs, request
ids) and, where a scenario says so, numbers that depend on a flag the scenario had to
lower (a limit of 1 GiB cannot be reached in a test). An example without a scenario,
or a scenario without an example, fails the check: a new example needs a scenario.
Every example must also be valid against its own schema (JSON Schema 2020-12).

`--update` writes the server's answers into openapi.yaml in place of the stale
values, touching only the lines that differ (masked values keep the example's own
text, so ids do not churn); review the diff, then run the check again. Examples
that are excerpts (text, membership) are reported for a hand edit instead.
"""

from __future__ import annotations

import argparse
import http.client
import json
import os
import re
import shutil
import signal
import socket
import sys
import tempfile
import uuid
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable, Dict, List, Optional, Sequence, Tuple

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "clients" / "python" / "src"))
from lifecycled.server import Server  # noqa: E402  (the Python client's port-0 starter)

UUID = re.compile(r"[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}")
REQUEST_ID = re.compile(r"^[0-9a-f]{8}-[0-9a-f]+$")
EXAMPLE_REQUEST_ID = "5f0c9a31-1b"  # the request id the examples show


# ---- talking to servers ------------------------------------------------------------------


@dataclass
class Reply:
    status: int
    headers: Dict[str, str]
    text: str

    @property
    def json(self) -> Any:
        return json.loads(self.text)


class Live:
    """Servers started for the check (one per set of flags, fresh ones on request)."""

    def __init__(self, binary: str) -> None:
        self.binary = binary
        self.shared: Dict[Tuple[str, ...], Server] = {}
        self.started: List[Server] = []
        self.directories: List[str] = []

    def server(self, *args: str, fresh: bool = False) -> Server:
        key = tuple(args)
        if fresh or key not in self.shared:
            server = Server.start(self.binary, args=("--quiet", *args))
            self.started.append(server)
            if fresh:
                return server
            self.shared[key] = server
        return self.shared[key]

    def directory(self) -> str:
        """A temporary directory, removed with the servers."""
        self.directories.append(tempfile.mkdtemp(prefix="lifecycled-examples-"))
        return self.directories[-1]

    def stop(self) -> None:
        for server in self.started:
            server.stop()
        for directory in self.directories:
            shutil.rmtree(directory, ignore_errors=True)


def call(server: Server, method: str, path: str, body: Any = None, *, raw: Optional[bytes] = None,
         declared: Optional[int] = None) -> Reply:
    """One request; `body` is sent as JSON, `raw` as it is; `declared`: only a head announcing that many bytes."""
    host, port = server.url[len("http://"):].split(":")
    conn = http.client.HTTPConnection(host, int(port), timeout=60)
    payload = raw if raw is not None else (None if body is None else json.dumps(body).encode())
    try:
        if declared is not None:
            # Only the head, announcing a body of `declared` bytes: the server answers from
            # Content-Length alone (sending the body would race its close: a broken pipe).
            conn.putrequest(method, path)
            conn.putheader("Content-Length", str(declared))
            conn.endheaders()
        else:
            conn.request(method, path, body=payload, headers={"Content-Type": "application/json"} if payload else {})
        response = conn.getresponse()
        return Reply(response.status, {k.lower(): v for k, v in response.getheaders()},
                     response.read().decode("utf-8", "replace"))
    finally:
        conn.close()


def expect(reply: Reply, status: int, what: str) -> Reply:
    if reply.status != status:
        raise Mismatch(f"{what}: expected {status}, the server answered {reply.status}: {reply.text[:400]}")
    return reply


class Mismatch(Exception):
    """The scenario could not run as the example says (a request refused, a status changed)."""


def session(server: Server, config: Any, actions: Sequence[Any] = ()) -> str:
    """A new session with `config`, the `actions` applied as one batch; answers its id."""
    sid = expect(call(server, "POST", "/v1/sessions", config), 201, f"POST /v1/sessions {json.dumps(config)}").json["id"]
    if actions:
        expect(call(server, "POST", f"/v1/sessions/{sid}/actions", [as_action(a) for a in actions]), 200,
               f"the batch {json.dumps(actions)}")
    return sid


def as_action(a: Any) -> Any:
    return {"type": a} if isinstance(a, str) else a


def act(server: Server, sid: str, action: Any) -> Reply:
    return call(server, "POST", f"/v1/sessions/{sid}/actions", as_action(action))


# ---- scenarios ---------------------------------------------------------------------------


@dataclass
class Scenario:
    """How to check one example.

    mode: "equal" (run answers the value to compare), "request" (run sends the example and
    raises Mismatch when it is not accepted; answers None), "excerpt" (run answers a text
    the example's lines must appear in, together and in order), "member" (run answers a
    list the example must be in).
    masks: (regex, replacement) applied to every string on both sides before comparing.
    ignore: member names whose values are not compared (both sides must have them).
    """

    run: Callable[[Live, Any], Any]
    mode: str = "equal"
    masks: Sequence[Tuple[str, str]] = ()
    ignore: Sequence[str] = ()


SCENARIOS: Dict[str, Scenario] = {}


def scenario(*names: str, mode: str = "equal", masks: Sequence[Tuple[str, str]] = (),
             ignore: Sequence[str] = ()) -> Callable[[Callable[[Live, Any], Any]], Callable[[Live, Any], Any]]:
    def register(run: Callable[[Live, Any], Any]) -> Callable[[Live, Any], Any]:
        for name in names:
            assert name not in SCENARIOS, f"two scenarios for {name}"
            SCENARIOS[name] = Scenario(run, mode, masks, ignore)
        return run
    return register


SEED001 = {"lifecycle": "app", "iosVersion": "11.0", "stateRestoration": True}
IOS11 = {"lifecycle": "app", "iosVersion": "11.0"}
IPAD = {"device": "ipad", "supportsMultipleScenes": True}
IPAD_RESTORING = {**IPAD, "stateRestoration": True}
DEEP_LINK = {"type": "openURL", "url": "appLaunchSeq://whatup"}


def shared(live: Live) -> Server:
    return live.server()


# health, readiness, metrics

@scenario("GET /healthz 200")
def _(live, example):
    return expect(call(shared(live), "GET", "/healthz"), 200, "GET /healthz").json


@scenario("GET /readyz 200")
def _(live, example):
    return expect(call(shared(live), "GET", "/readyz"), 200, "GET /readyz").json


@scenario("GET /metrics 200 text", mode="excerpt")
def _(live, example):
    server = live.server(fresh=True)
    for _ in range(3):
        session(server, {})
    return expect(call(server, "GET", "/metrics"), 200, "GET /metrics").text


# sessions

@scenario("GET /v1/sessions 200 morePages")
def _(live, example):
    server = live.server(fresh=True)
    session(server, SEED001)
    session(server, {})
    return expect(call(server, "GET", "/v1/sessions?limit=1"), 200, "GET /v1/sessions?limit=1").json


@scenario("GET /v1/sessions 200 lastPage")
def _(live, example):
    return expect(call(live.server(fresh=True), "GET", "/v1/sessions"), 200, "GET /v1/sessions").json


@scenario("POST /v1/sessions request defaults", "POST /v1/sessions request multipleScenes",
          "POST /v1/sessions request seed001", "POST /v1/sessions request appLifecycle",
          "POST /v1/sessions request everything", "schema SessionConfigInput[0]", "schema SessionConfigInput[1]",
          "schema SessionConfigInput[2]", "schema SessionConfigInput[3]", mode="request")
def _(live, example):
    expect(call(shared(live), "POST", "/v1/sessions", example), 201, "POST /v1/sessions")


@scenario("POST /v1/sessions 201 app")
def _(live, example):
    return expect(call(shared(live), "POST", "/v1/sessions", SEED001), 201, "POST /v1/sessions").json


@scenario("POST /v1/sessions 201 scene")
def _(live, example):
    return expect(call(shared(live), "POST", "/v1/sessions", {}), 201, "POST /v1/sessions").json


@scenario("GET /v1/sessions/{id} 200")
def _(live, example):
    server = shared(live)
    sid = session(server, SEED001, ["launch", "background", DEEP_LINK])
    return expect(call(server, "GET", f"/v1/sessions/{sid}"), 200, "GET /v1/sessions/{id}").json


@scenario("PUT /v1/sessions/{id} request", mode="request")
def _(live, example):
    expect(call(shared(live), "PUT", f"/v1/sessions/{uuid.uuid4()}", example), 201, "PUT /v1/sessions/{id}")


# actions: each request example in a state that accepts it

ACTION_CONTEXTS: Dict[str, Tuple[Any, Sequence[Any]]] = {
    "batch": ({}, ()),
    "launch": ({}, ()),
    "deepLink": (SEED001, ()),
    "universalLink": ({}, ()),
    "notification": ({}, ()),
    "background": ({}, ["launch"]),
    "terminate": ({}, ["launch"]),
    "beginBackgroundTask": ({}, ["launch"]),
    "advanceTime": ({}, ["launch", "background"]),
    "interruption": ({}, ["launch"]),
    "lock": ({}, ["launch"]),
    "openScene": (IPAD, ["launch"]),
    "activateScene": (IPAD, ["launch", {"type": "openScene", "by": "user"}, "background"]),
    "closeScene": (IPAD, ["launch", {"type": "openScene", "by": "user"}]),
    "disconnectScene": (IPAD, ["launch", {"type": "openScene", "by": "user"}, "background",
                               {"type": "advanceTime", "seconds": 10}]),
    "push": ({}, ["launch"]),
    "present": ({}, ["launch"]),
    "dismiss": ({}, ["launch", {"type": "present", "name": "compose"}]),
}


def _action_request(name: str) -> Callable[[Live, Any], None]:
    config, prelude = ACTION_CONTEXTS[name]

    def run(live: Live, example: Any) -> None:
        server = shared(live)
        sid = session(server, config, prelude)
        expect(call(server, "POST", f"/v1/sessions/{sid}/actions", example), 200,
               f"{json.dumps(example)} after {json.dumps(prelude)} ({json.dumps(config)})")
    return run


for _name in ACTION_CONTEXTS:
    SCENARIOS[f"POST /v1/sessions/{{id}}/actions request {_name}"] = Scenario(_action_request(_name), "request")


def _result(config: Any, prelude: Sequence[Any], action: Any) -> Callable[[Live, Any], Any]:
    def run(live: Live, example: Any) -> Any:
        server = shared(live)
        sid = session(server, config, prelude)
        return expect(act(server, sid, action), 200, f"{json.dumps(action)} after {json.dumps(prelude)}").json
    return run


for _name, _config, _prelude, _action in [
    ("sceneColdLaunch", {}, (), "launch"),
    ("pushInScene", {}, ["launch"], {"type": "push", "name": "detail"}),
    ("disconnectScene", IPAD_RESTORING, ["launch", {"type": "openScene", "by": "user"}, "background",
                                         {"type": "advanceTime", "seconds": 10}],
     {"type": "disconnectScene", "sceneId": "scene-1"}),
    ("deepLinkFromBackground", SEED001, ["launch", "background"], DEEP_LINK),
    ("background", SEED001, ["launch"], "background"),
    ("backgroundTaskExpires", SEED001, ["launch", {"type": "beginBackgroundTask", "name": "upload"}, "background",
                                        {"type": "advanceTime", "seconds": 10}],
     {"type": "advanceTime", "seconds": 200}),
    ("terminateByUser", IOS11, ["launch"], {"type": "terminate", "by": "user"}),
]:
    SCENARIOS[f"POST /v1/sessions/{{id}}/actions 200 {_name}"] = Scenario(_result(_config, _prelude, _action))


def _deep_link_page(live: Live, query: str) -> Reply:
    """The page of seed 001's log after its launch and trip to the background: the deep link's callbacks."""
    server = shared(live)
    sid = session(server, SEED001, ["launch", "background"])
    before = expect(call(server, "GET", f"/v1/sessions/{sid}"), 200, "GET session").json["callbackCount"]
    expect(act(server, sid, DEEP_LINK), 200, "the deep link")
    return expect(call(server, "GET", f"/v1/sessions/{sid}/callbacks?after={before}{query}"), 200, "GET callbacks")


@scenario("GET /v1/sessions/{id}/callbacks 200")
def _(live, example):
    return _deep_link_page(live, "").json


@scenario("GET /v1/sessions/{id}/callbacks 200 text")
def _(live, example):
    return _deep_link_page(live, "&format=text").text


@scenario("GET /v1/sessions/{id}/journal 200")
def _(live, example):
    server = shared(live)
    sid = session(server, IOS11, ["launch", {"type": "openURL", "url": "myapp://x"}])
    return expect(call(server, "GET", f"/v1/sessions/{sid}/journal"), 200, "GET journal").json


# simulate and explore

@scenario("POST /v1/simulate request deepLinkColdLaunch", "POST /v1/simulate request iPadScenes",
          "POST /v1/simulate request defaults", "POST /v1/simulate request seed001", mode="request")
def _(live, example):
    expect(call(shared(live), "POST", "/v1/simulate", example), 200, "POST /v1/simulate")


@scenario("POST /v1/simulate 200")
def _(live, example):
    body = {"session": {"lifecycle": "app"}, "actions": [{"type": "terminate", "by": "system"}, DEEP_LINK]}
    return expect(call(shared(live), "POST", "/v1/simulate", body), 200, "POST /v1/simulate").json


@scenario("POST /v1/simulate 200 text", mode="excerpt")
def _(live, example):
    body = {"session": {"lifecycle": "app"}, "actions": ["launch"]}
    return expect(call(shared(live), "POST", "/v1/simulate?format=mermaid",
                       {**body, "actions": [as_action(a) for a in body["actions"]]}), 200, "simulate as mermaid").text


@scenario("POST /v1/paths request suspended", "POST /v1/paths request fromActive", mode="request")
def _(live, example):
    expect(call(shared(live), "POST", "/v1/paths", example), 200, "POST /v1/paths")


@scenario("POST /v1/coverage request", mode="request")
def _(live, example):
    expect(call(shared(live), "POST", "/v1/coverage", example), 200, "POST /v1/coverage")


@scenario("POST /v1/diff request", mode="request")
def _(live, example):
    expect(call(shared(live), "POST", "/v1/diff", example), 200, "POST /v1/diff")


# parameters and headers

@scenario("parameter SessionId")
def _(live, example):
    return expect(call(shared(live), "POST", "/v1/sessions", {}), 201, "POST /v1/sessions").json["id"]


@scenario("header Location")
def _(live, example):
    return expect(call(shared(live), "POST", "/v1/sessions", {}), 201, "POST /v1/sessions").headers["location"]


@scenario("header Allow")
def _(live, example):
    return expect(call(shared(live), "PUT", "/v1/sessions", {}), 405, "PUT /v1/sessions").headers["allow"]


@scenario("header RetryAfter")
def _(live, example):
    server = live.server("--max-sessions", "1")
    call(server, "POST", "/v1/sessions", {})
    return expect(call(server, "POST", "/v1/sessions", {}), 503, "past --max-sessions").headers["retry-after"]


@scenario("header XRequestId", masks=[(REQUEST_ID.pattern, "<request id>")])
def _(live, example):
    return call(shared(live), "GET", "/healthz").headers["x-request-id"]


# problems (components/responses)

def problem(method: str, path: str, body: Any = None, *, status: int, server: Optional[Callable[[Live], Server]] = None,
            raw: Optional[bytes] = None, before: Optional[Callable[[Server], str]] = None) -> Callable[[Live, Any], Any]:
    """A scenario answering the problem body of one request (`{id}` in `path` from `before`)."""
    def run(live: Live, example: Any) -> Any:
        srv = (server or shared)(live)
        target = path.replace("{id}", before(srv)) if before else path
        return expect(call(srv, method, target, body, raw=raw), status, f"{method} {target}").json
    return run


SCENARIOS["response BadQuery"] = Scenario(problem(
    "GET", "/v1/sessions/{id}/callbacks?limit=0", status=400, before=lambda s: session(s, {})))
SCENARIOS["response BadConfig sceneBeforeIOS13"] = Scenario(problem(
    "POST", "/v1/sessions", {"lifecycle": "scene", "iosVersion": "12.4"}, status=400))
SCENARIOS["response BadConfig multipleScenesWithoutScenes"] = Scenario(problem(
    "POST", "/v1/sessions", {"lifecycle": "app", "supportsMultipleScenes": True}, status=400))
SCENARIOS["response BadConfig invalidJSON"] = Scenario(problem(
    "POST", "/v1/sessions", raw=b'{"lifecycle":"app",}', status=400))
SCENARIOS["response BadAction"] = Scenario(problem(
    "POST", "/v1/sessions/{id}/actions", {"type": "fly"}, status=400, before=lambda s: session(s, {})))
SCENARIOS["response BadSimulate"] = Scenario(problem(
    "POST", "/v1/simulate", {"actions": [{"type": "launch"}, {"type": "fly"}]}, status=400))
SCENARIOS["response SessionNotFound"] = Scenario(problem(
    "GET", "/v1/sessions/6f1c2b9e-3d4a-4f0b-9a53-2c7e8d1f0a42", status=404))
SCENARIOS["response MethodNotAllowed"] = Scenario(problem("PUT", "/v1/sessions", {}, status=405))
# explain (issue #21): the request examples are answered (explained or not), the
# problem example is what a callbacks entry without a method gets.
@scenario("POST /v1/explain request pastedLog", "POST /v1/explain request callbacks",
          "POST /v1/explain request midSession", mode="request")
def _(live, example):
    expect(call(shared(live), "POST", "/v1/explain", example), 200, "POST /v1/explain")


# issue #34: what a log from a running app assumed (keybase's lines, one call printed
# twice), and how a line written in words reads.
KEYBASE = ("42884 2018-06-08 10:21:15.453 Keybase[10914:3793552] applicationWillResignActive: cancelling...\n"
           "49589 2018-06-08 10:21:27.848 Keybase[10914:3793552] applicationDidEnterBackground: cancelling...\n"
           "49848 2018-06-08 10:21:29.523 Keybase[10915:3793916] applicationDidBecomeActive: hiding keyz screen.\n")


@scenario("schema ExplainAssumption")
def _(live, example):
    reply = call(shared(live), "POST", "/v1/explain", {"config": {"lifecycle": "app", "iosVersion": "11.4"}, "log": KEYBASE})
    return expect(reply, 200, "POST /v1/explain").json["assumed"]


@scenario("schema UnreadLine")
def _(live, example):
    log = "-[AppDelegate application:didFinishLaunchingWithOptions:]\nrendering\nview Did Load\n"
    reply = call(shared(live), "POST", "/v1/explain", {"config": {"lifecycle": "app", "iosVersion": "11.0"}, "log": log})
    return expect(reply, 200, "POST /v1/explain").json["unreadLines"][0]


SCENARIOS["response BadExplainRequest"] = Scenario(problem(
    "POST", "/v1/explain", {"callbacks": [{"receiver": "sceneDelegate"}]}, status=400))
SCENARIOS["response BadExploreRequest"] = Scenario(problem(
    "POST", "/v1/coverage", {"bounds": {"depth": 7}}, status=400))
SCENARIOS["response TargetNotReachable"] = Scenario(problem(
    "POST", "/v1/paths", {"to": {"app": "background", "scene": "foregroundActive"}}, status=409))
SCENARIOS["response ActionNotPossible"] = Scenario(problem(
    "POST", "/v1/sessions/{id}/actions", {"type": "launch"}, status=409,
    before=lambda s: session(s, SEED001, ["launch"])))
# allowedVariants (issue #37): a locked device cannot be swiped away; the system can end the app.
LOCKED = {"lifecycle": "app", "iosVersion": "17.0"}
SCENARIOS["schema ConflictProblem"] = Scenario(problem(
    "POST", "/v1/sessions/{id}/actions", {"type": "terminate", "by": "user"}, status=409,
    before=lambda s: session(s, LOCKED, ["launch", "lock"])))


@scenario("schema AllowedVariants")
def _(live, example):
    server = shared(live)
    sid = session(server, LOCKED, ["launch", "lock"])
    return expect(call(server, "GET", f"/v1/sessions/{sid}"), 200, "GET /v1/sessions/{id}").json["allowedVariants"]


SCENARIOS["response StepNotPossible"] = Scenario(problem(
    "POST", "/v1/simulate", {"session": SEED001, "actions": [{"type": "launch"}, {"type": "launch"}]}, status=409))
SCENARIOS["response SessionExists"] = Scenario(problem(
    "PUT", "/v1/sessions/{id}", {"lifecycle": "app"}, status=409,
    before=lambda s: expect(call(s, "PUT", f"/v1/sessions/{uuid.uuid4()}", {}), 201, "PUT").json["id"]))
@scenario("response PayloadTooLarge")
def _(live, example):
    reply = call(shared(live), "POST", "/v1/sessions", declared=1048576 + 1)
    return expect(reply, 413, "a body past --max-body").json

# Limits of 16 MiB, 1 GiB or 100000 sessions cannot be reached in a check: these run a
# server with a low limit and mask the numbers that name it.
_LIMIT = [(r"\b\d{3,}\b", "<n>")]


@scenario("response SessionLimit", masks=_LIMIT + [(r"maximum of \d+ sessions", "maximum of <n> sessions")],
          ignore=["limit"])
def _(live, example):
    server = live.server("--max-sessions", "1")
    call(server, "POST", "/v1/sessions", {})
    return expect(call(server, "POST", "/v1/sessions", {}), 503, "past --max-sessions").json


@scenario("response MemoryFull", masks=_LIMIT, ignore=["limit"])
def _(live, example):
    server = live.server("--max-memory", "1m", fresh=True)
    cycle = [as_action(a) for _ in range(200) for a in ("launch", "background")]
    for _ in range(100):
        reply = call(server, "POST", "/v1/sessions", {})
        if reply.status == 503:
            return reply.json
        call(server, "POST", f"/v1/sessions/{reply.json['id']}/actions", cycle)
    raise Mismatch("--max-memory 1m was never reached")


@scenario("response SimulateTooLarge", masks=_LIMIT + [(r"step \d+", "step <n>"), (r"first \d+ steps", "first <n> steps")],
          ignore=["limit", "step"])
def _(live, example):
    server = live.server("--max-response", "64k")
    actions = [as_action(a) for _ in range(100) for a in ("launch", "background")]
    return expect(call(server, "POST", "/v1/simulate", {"actions": actions}), 413, "simulate past --max-response").json


@scenario("response ActionTooLarge", masks=_LIMIT, ignore=["limit"])
def _(live, example):
    server = live.server("--max-response", "1k")
    sid = session(server, {})
    return expect(act(server, sid, "launch"), 413, "an action past --max-response").json


@scenario("response ReadTooLarge", masks=_LIMIT, ignore=["limit"])
def _(live, example):
    server = live.server("--max-response", "1k")
    sid = session(server, {})  # a write answers in full; a read of the same session is refused
    return expect(call(server, "GET", f"/v1/sessions/{sid}"), 413, "a read past --max-response").json


@scenario("response JournalFailed", masks=[(r"cannot \w+ [^;]*; retry later", "cannot <write> <file>: <error>; retry later")])
def _(live, example):
    directory = live.directory()
    server = live.server("--data-dir", directory)
    sid = str(uuid.uuid4())
    os.mkdir(os.path.join(directory, f"{sid}.journal"))  # a directory where the journal file goes
    return expect(call(server, "PUT", f"/v1/sessions/{sid}", {}), 500, "PUT with an unwritable journal").json


# searches (issue #35): a step budget low enough to stop the default coverage; and a pool
# of one search thread and no queue, held by a search whose client then leaves.
@scenario("response SearchStopped")
def _(live, example):
    server = live.server("--search-steps", "1000")
    return expect(call(server, "POST", "/v1/coverage", {}), 422, "coverage past --search-steps").json


def _searches_running(server: Server) -> int:
    """`lifecycled_searches_running` from GET /metrics (not a search: it never waits for one)."""
    found = re.search(r"^lifecycled_searches_running (\d+)$", call(server, "GET", "/metrics").text, re.M)
    return int(found.group(1)) if found else 0


@scenario("response SearchesBusy", "response MemoryFullOrSearchesBusy")
def _(live, example):
    server = live.server("--search-threads", "1", "--search-queue", "0", "--search-deadline", "10m", fresh=True)
    host, port = server.url[len("http://"):].split(":")
    holder = socket.create_connection((host, int(port)), timeout=60)
    body = json.dumps({"config": {"iosVersion": "17.0", **IPAD}, "bounds": {"scenes": 1, "tasks": 2, "depth": 3}})
    holder.sendall(f"POST /v1/coverage HTTP/1.1\r\nHost: x\r\nContent-Length: {len(body)}\r\n\r\n{body}".encode())
    try:
        # Wait until the held search runs (a bounded number of times, never a fixed wait):
        # a /v1/paths sent before it would take the one search thread itself, and the
        # holder's search would be the one refused.
        for _ in range(2000):
            if _searches_running(server) == 1:
                break
        else:
            raise Mismatch("the held search never ran")
        for _ in range(2000):
            reply = call(server, "POST", "/v1/paths", {"to": {"app": "suspended"}})
            if reply.status == 503:
                return reply.json
        raise Mismatch("the search thread was never busy")
    finally:
        holder.close()
        server.process.kill()


@scenario("response NotReady")
def _(live, example):
    server = live.server("--drain-seconds", "60", fresh=True)
    server.process.send_signal(signal.SIGTERM)
    # The signal is handled on the server's own thread: ask until it answers that it drains
    # (a bounded number of times, never a fixed wait).
    for _ in range(2000):
        reply = call(server, "GET", "/readyz")
        if reply.status != 200:
            break
    server.process.kill()
    return expect(reply, 503, "GET /readyz while draining").json


# schemas

def _create_with(fields: Callable[[Any], Any]) -> Callable[[Live, Any], None]:
    """A request scenario: a session created with `fields(example)` must be accepted."""
    def run(live: Live, example: Any) -> None:
        expect(call(shared(live), "POST", "/v1/sessions", fields(example)), 201, f"POST /v1/sessions {fields(example)}")
    return run


def _resolved_version(live: Live, example: Any) -> Any:
    """What the server reports for `iosVersion: example` (a normalised version is its own answer)."""
    reply = call(shared(live), "POST", "/v1/sessions", {"iosVersion": example})
    return expect(reply, 201, f"iosVersion {example}").json["config"]["iosVersion"]


for _i in range(6):
    SCENARIOS[f"schema IOSVersion[{_i}]"] = Scenario(_create_with(lambda v: {"iosVersion": v}), "request")
for _i in range(2):
    SCENARIOS[f"schema NormalisedIOSVersion[{_i}]"] = Scenario(_resolved_version)
    SCENARIOS[f"schema SessionConfigInput.sdkVersion[{_i}]"] = Scenario(
        _create_with(lambda v: {"iosVersion": "27.0", "sdkVersion": v}), "request")


def _in_context(config: Any, prelude: Sequence[Any], wrap: Callable[[Any], Any] = lambda v: v):
    def run(live: Live, example: Any) -> None:
        server = shared(live)
        sid = session(server, config, prelude)
        sent = wrap(example)
        expect(act(server, sid, sent), 200, f"{json.dumps(sent)} after {json.dumps(prelude)} ({json.dumps(config)})")
    return run


for _name, _config, _prelude, _wrap in [
    ("OpenURLAction", {}, (), None),
    ("OpenUniversalLinkAction", {}, (), None),
    ("PushAction", {}, ["launch"], None),
    ("PresentAction", {}, ["launch"], None),
    ("RotateAction", {}, ["launch"], None),
    ("SetAppearanceAction", {}, ["launch"], None),
    ("SelectTabAction", {"tabs": ["home", "search"]}, ["launch"], None),
    ("AddChildAction", {}, ["launch"], None),
    ("RemoveChildAction", {}, ["launch", {"type": "addChild", "name": "banner"}], None),
    ("MoveToAction", {}, (), None),
    ("TapNotificationAction.payload", {}, (), lambda v: {"type": "tapNotification", "payload": v}),
    ("ReceiveNotificationAction.payload", {"backgroundModes": ["remote-notification"]}, ["launch"],
     lambda v: {"type": "receiveNotification", "payload": v}),
    ("QuickActionAction.shortcutType", {}, (), lambda v: {"type": "quickAction", "shortcutType": v}),
    ("ViewControllerName", {}, ["launch"], lambda v: {"type": "push", "name": v}),
    ("WindowSceneIdInput", {}, ["launch"], lambda v: {"type": "push", "name": "detail", "sceneId": v}),
    ("SceneIdInput", IPAD, ["launch", {"type": "openScene", "by": "user"}, "background"],
     lambda v: {"type": "activateScene", "sceneId": v}),
    ("CustomSchemeURL", {}, (), lambda v: {"type": "openURL", "url": v}),
    ("UniversalLinkURL", {}, (), lambda v: {"type": "openUniversalLink", "url": v}),
]:
    SCENARIOS[f"schema {_name}"] = Scenario(_in_context(_config, _prelude, _wrap or (lambda v: v)), "request")


@scenario("schema SceneId")
def _(live, example):
    server = shared(live)
    sid = session(server, {}, ["launch"])
    return expect(call(server, "GET", f"/v1/sessions/{sid}"), 200, "GET session").json["state"]["scenes"][0]["id"]


@scenario("schema Callback.method[0]", "schema Callback.method[1]", mode="member")
def _(live, example):
    server = shared(live)
    sid = session(server, IOS11)
    return [c["method"] for c in expect(act(server, sid, "launch"), 200, "launch").json["callbacks"]]


@scenario("schema Callback")
def _(live, example):
    server = shared(live)
    sid = session(server, SEED001, ["launch", "background"])
    callbacks = expect(act(server, sid, DEEP_LINK), 200, "openURL").json["callbacks"]
    for c in callbacks:
        if c["method"] == "application(_:open:options:)":
            return c
    raise Mismatch(f"seed 001's deep link no longer calls application(_:open:options:): {callbacks}")


# ---- the examples in openapi.yaml --------------------------------------------------------


@dataclass
class Example:
    name: str
    node: yaml.Node
    value: Any
    #: the schema the example is an instance of (a media type's, parameter's or header's
    #: `schema`, or the schema that carries it), None when there is none
    schema: Optional[Any] = None


def _construct(node: yaml.Node) -> Any:
    return yaml.SafeLoader("").construct_object(node, deep=True)


def _name(path: Sequence[str], index: Optional[str]) -> str:
    """A readable name for the example at `path` (the keys down to `example`/`examples`)."""
    suffix = "" if index is None else (f"[{index}]" if index.isdigit() else f" {index}")
    if path[0] == "paths":
        route, method = path[1], path[2].upper()
        if path[3] == "requestBody":
            return f"{method} {route} request{suffix}"
        status = path[4]  # paths, route, method, responses, status, content, media type
        kind = " text" if path[6] == "text/plain" else ""
        return f"{method} {route} {status}{kind}{suffix}"
    kind, component = path[1], path[2]
    if kind == "responses":
        return f"response {component}{suffix}"
    if kind == "schemas":
        props = [p for i, p in enumerate(path[3:]) if i % 2 == 1 and path[3 + i - 1] == "properties"]
        return f"schema {'.'.join([component, *props])}{suffix}"
    return f"{kind[:-1]} {component}{suffix}"


def examples(root: yaml.Node) -> List[Example]:
    found: List[Example] = []

    def walk(node: yaml.Node, path: List[str]) -> None:
        if isinstance(node, yaml.MappingNode):
            members = {key.value: value for key, value in node.value}
            in_schemas = path[:2] == ["components", "schemas"]
            schema = _construct(node) if in_schemas else (_construct(members["schema"]) if "schema" in members else None)
            if isinstance(schema, dict):
                schema = {k: v for k, v in schema.items() if k not in ("example", "examples")}
            for key, value in node.value:
                k = key.value
                if k == "example":
                    found.append(Example(_name(path, None), value, _construct(value), schema))
                elif k == "examples" and isinstance(value, yaml.MappingNode):  # a media type's named examples
                    for name, entry in value.value:
                        inner = dict((kk.value, vv) for kk, vv in entry.value)
                        found.append(Example(_name(path, name.value), inner["value"], _construct(inner["value"]), schema))
                elif k == "examples" and isinstance(value, yaml.SequenceNode):  # a schema's list
                    for i, item in enumerate(value.value):
                        found.append(Example(_name(path, str(i)), item, _construct(item), schema))
                else:
                    walk(value, path + [k])
        elif isinstance(node, yaml.SequenceNode):
            for i, item in enumerate(node.value):
                walk(item, path + [str(i)])

    walk(root, [])
    return found


SPEC_URI = "urn:lifecycled:openapi.yaml"


def schema_errors(example: Example, document: Any) -> List[str]:
    """Where the example breaks its own schema (JSON Schema 2020-12, refs into openapi.yaml)."""
    if example.schema is None:
        return []
    import jsonschema  # in .venv with openapi-spec-validator
    from referencing import Registry, Resource
    from referencing.jsonschema import DRAFT202012

    registry = Registry().with_resource(SPEC_URI, Resource(contents=document, specification=DRAFT202012))
    # The schema's local refs ("#/components/...") point into openapi.yaml.
    schema = json.loads(json.dumps(example.schema).replace('"#/components/', f'"{SPEC_URI}#/components/'))
    validator = jsonschema.Draft202012Validator(schema, registry=registry)
    return [f"{'/'.join(map(str, e.absolute_path)) or '(value)'}: {e.message[:300]}"
            for e in validator.iter_errors(example.value)]


# ---- comparing ---------------------------------------------------------------------------


def normalise(value: Any, sc: Scenario) -> Any:
    if isinstance(value, dict):
        return {k: ("<ignored>" if k in sc.ignore or k == "requestId" else normalise(v, sc)) for k, v in value.items()}
    if isinstance(value, list):
        return [normalise(v, sc) for v in value]
    if isinstance(value, str):
        text = UUID.sub("<uuid>", value)
        for pattern, replacement in sc.masks:
            text = re.sub(pattern, replacement, text)
        return text
    return value


def same(a: Any, b: Any) -> bool:
    """JSON equality: booleans are not numbers, 10 equals 10.0, member order does not count."""
    if isinstance(a, bool) or isinstance(b, bool):
        return type(a) is type(b) and a == b
    if isinstance(a, (int, float)) and isinstance(b, (int, float)):
        return a == b
    if isinstance(a, dict) and isinstance(b, dict):
        return a.keys() == b.keys() and all(same(a[k], b[k]) for k in a)
    if isinstance(a, list) and isinstance(b, list):
        return len(a) == len(b) and all(same(x, y) for x, y in zip(a, b))
    return type(a) is type(b) and a == b


def differences(example: Any, actual: Any, where: str = "") -> List[str]:
    if same(example, actual):
        return []
    if isinstance(example, dict) and isinstance(actual, dict):
        out = []
        for k in actual:
            if k not in example:
                out.append(f"{where}.{k}: not in the example; the server sends {json.dumps(actual[k])[:160]}")
        for k in example:
            if k not in actual:
                out.append(f"{where}.{k}: in the example, not sent by the server")
            else:
                out.extend(differences(example[k], actual[k], f"{where}.{k}"))
        return out
    if isinstance(example, list) and isinstance(actual, list) and len(example) == len(actual):
        return [d for i, (x, y) in enumerate(zip(example, actual)) for d in differences(x, y, f"{where}[{i}]")]
    return [f"{where or '(value)'}: the example has {json.dumps(example)[:200]}; the server answers {json.dumps(actual)[:200]}"]


def merge(old: Any, new: Any, sc: Scenario) -> Any:
    """The server's value, keeping the example's own text wherever the two are equal once masked."""
    if same(normalise(old, sc), normalise(new, sc)):
        return old
    if isinstance(old, dict) and isinstance(new, dict):
        kept = {"requestId", *sc.ignore}  # masked members keep the example's value
        return {k: (old[k] if k in kept else merge(old[k], v, sc)) if k in old
                else (EXAMPLE_REQUEST_ID if k == "requestId" else v) for k, v in new.items()}
    if isinstance(old, list) and isinstance(new, list):
        return [merge(old[i], v, sc) if i < len(old) else v for i, v in enumerate(new)]
    return new


# ---- rewriting openapi.yaml in place (--update) ------------------------------------------


def _scalar(value: Any, flow: bool) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return json.dumps(value)
    text = str(value)
    plain_ok = (text and text == text.strip() and "\n" not in text and not text.startswith(("- ", "? ", "-\t"))
                and (not flow or not any(c in text for c in ",[]{}")))
    if plain_ok:
        try:
            probe = f"[{text}]" if flow else f"k: {text}"
            loaded = yaml.safe_load(probe)
            if (loaded == [text]) if flow else (loaded == {"k": text}):
                return text
        except yaml.YAMLError:
            pass
    return json.dumps(text, ensure_ascii=False)


def _flow(value: Any) -> str:
    if isinstance(value, dict):
        return "{" + ", ".join(f"{_scalar(k, True)}: {_flow(v)}" for k, v in value.items()) + "}"
    if isinstance(value, list):
        return "[" + ", ".join(_flow(v) for v in value) + "]"
    return _scalar(value, True)


def _inline(value: Any) -> bool:
    """Written on the key's line: scalars, empty collections, lists of scalars."""
    if isinstance(value, (dict, list)) and not value:
        return True
    if isinstance(value, list):
        return all(not isinstance(v, (dict, list)) for v in value)
    return not isinstance(value, dict)


def emit(value: Any, column: int) -> str:
    """`value` as block YAML whose first line starts at `column` (already positioned)."""
    pad = " " * column
    if isinstance(value, str) and "\n" in value:
        return "|\n" + "".join(f"{pad}  {line}\n" for line in value.rstrip("\n").split("\n")).rstrip("\n")
    if _inline(value):
        return _flow(value)
    lines: List[str] = []
    if isinstance(value, dict):
        for k, v in value.items():
            if _inline(v) and not (isinstance(v, str) and "\n" in v):
                shown = _flow(v) if isinstance(v, (dict, list)) else _scalar(v, False)
                lines.append(f"{_scalar(k, False)}: {shown}")
            elif isinstance(v, str):
                lines.append(f"{_scalar(k, False)}: {emit(v, column)}")
            else:
                lines.append(f"{_scalar(k, False)}:\n{pad}  {emit(v, column + 2)}")
    else:
        for v in value:
            lines.append(f"- {emit(v, column + 2)}")
    return f"\n{pad}".join(lines)


def _end(node: yaml.Node) -> int:
    """Where a node's text ends (block collections: their last value's end)."""
    if isinstance(node, yaml.MappingNode) and not node.flow_style and node.value:
        return _end(node.value[-1][1])
    if isinstance(node, yaml.SequenceNode) and not node.flow_style and node.value:
        return _end(node.value[-1])
    return node.end_mark.index


def _block(node: yaml.Node) -> bool:
    return isinstance(node, (yaml.MappingNode, yaml.SequenceNode)) and not node.flow_style and bool(node.value)


def patches(node: yaml.Node, old: Any, new: Any) -> List[Tuple[int, int, str]]:
    """Text edits that turn `node` (holding `old`) into `new`, touching only what differs.

    A block mapping keeps its members in their order: changed ones are patched, gone ones
    removed, new ones inserted after the member the server sends before them.
    """
    if same(old, new):
        return []
    column = node.start_mark.column
    if isinstance(node, yaml.MappingNode) and _block(node) and isinstance(new, dict) and isinstance(old, dict):
        members = [(k.value, k, v) for k, v in node.value]
        values = {name: v for name, _, v in members}
        out: List[Tuple[int, int, str]] = []
        pad = "\n" + " " * column
        for i, (name, knode, vnode) in enumerate(members):
            if name in new:
                out.extend(patches(vnode, old[name], new[name]))
            elif i > 0:  # a member the server no longer sends: from the previous one's end
                out.append((_end(members[i - 1][2]), _end(vnode), ""))
            else:
                out.append((knode.start_mark.index, members[1][1].start_mark.index, ""))
        inserts: Dict[int, List[str]] = {}
        order = list(new)
        for k in order:
            if k in old:
                continue
            before = [p for p in order[: order.index(k)] if p in old]
            anchor = _end(values[before[-1]]) if before else -1
            inserts.setdefault(anchor, []).append(emit({k: new[k]}, column))
        for anchor, texts in inserts.items():
            if anchor >= 0:
                out.append((anchor, anchor, "".join(pad + t for t in texts)))
            else:
                first = members[0][1].start_mark.index
                out.append((first, first, "".join(t + pad for t in texts)))
        return out
    if isinstance(node, yaml.SequenceNode) and _block(node) and isinstance(new, list) and isinstance(old, list) \
            and len(old) == len(new):
        return [p for item, o, n in zip(node.value, old, new) for p in patches(item, o, n)]
    start, stop = node.start_mark.index, _end(node)
    if isinstance(node, yaml.ScalarNode) and node.style == "|" and isinstance(new, str):
        # A literal block: its node starts at "|" and ends after its last line; keep the
        # indentation of its lines.
        source = node.end_mark.buffer
        first = source.index("\n", start) + 1
        indent = " " * (len(source[first:]) - len(source[first:].lstrip(" ")))
        body = "".join(f"{indent}{line}\n" if line else "\n" for line in new.rstrip("\n").split("\n"))
        return [(start, stop, "|\n" + body)]
    if _block(node) or (isinstance(new, str) and "\n" in new):
        return [(start, stop, emit(new, column))]
    # A scalar or flow collection in place: scalars reached here are in block context.
    return [(start, stop, _flow(new) if isinstance(new, (dict, list)) else _scalar(new, False))]


def apply(text: str, edits: List[Tuple[int, int, str]]) -> str:
    for start, stop, replacement in sorted(edits, key=lambda e: (e[0], e[1]), reverse=True):
        text = text[:start] + replacement + text[stop:]
    return text


# ---- main --------------------------------------------------------------------------------


def excerpt_ok(example: str, actual: str) -> bool:
    want = example.rstrip("\n").split("\n")
    have = actual.rstrip("\n").split("\n")
    return any(have[i:i + len(want)] == want for i in range(len(have) - len(want) + 1))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--binary", default=os.environ.get("LIFECYCLED_BIN", str(ROOT / ".build/debug/lifecycled")))
    parser.add_argument("--spec", default=str(ROOT / "openapi.yaml"))
    parser.add_argument("--update", action="store_true", help="rewrite stale examples with the server's answers")
    parser.add_argument("--only", help="check only the examples whose name contains this text")
    options = parser.parse_args()

    spec_path = Path(options.spec)
    text = spec_path.read_text()
    found = examples(yaml.compose(text, Loader=yaml.SafeLoader))
    document = yaml.safe_load(text)
    names = [e.name for e in found]
    problems: List[str] = []
    for name in sorted({n for n in names if names.count(n) > 1}):
        problems.append(f"{name}: two examples have this name")
    for name in sorted(set(SCENARIOS) - set(names)):
        problems.append(f"{name}: a scenario for an example openapi.yaml does not have")
    live = Live(options.binary)
    edits: List[Tuple[int, int, str]] = []
    checked = 0
    try:
        for ex in found:
            if options.only and options.only not in ex.name:
                continue
            sc = SCENARIOS.get(ex.name)
            if sc is None:
                problems.append(f"{ex.name}: no scenario checks this example (add one to scripts/check-examples.py)")
                continue
            checked += 1
            broken = schema_errors(ex, document)
            if broken:
                problems.append(f"{ex.name}: the example does not match its schema:\n"
                                + "".join(f"      {b}\n" for b in broken[:8]).rstrip("\n"))
            try:
                actual = sc.run(live, ex.value)
            except Mismatch as error:
                problems.append(f"{ex.name}: {error}")
                continue
            if sc.mode == "request":
                continue
            if sc.mode == "member":
                if ex.value not in actual:
                    problems.append(f"{ex.name}: {ex.value!r} is not among {actual}")
                continue
            if sc.mode == "excerpt":
                if not excerpt_ok(ex.value, actual):
                    problems.append(f"{ex.name}: these lines are not in the server's answer (edit by hand):\n"
                                    + "".join(f"      | {line}\n" for line in ex.value.rstrip("\n").split("\n"))
                                    + "    the server answers:\n"
                                    + "".join(f"      | {line}\n" for line in actual.rstrip("\n").split("\n")[:12]))
                continue
            left, right = normalise(ex.value, sc), normalise(actual, sc)
            if same(left, right):
                continue
            if options.update:
                edits.extend(patches(ex.node, ex.value, merge(ex.value, actual, sc)))
                print(f"updated: {ex.name}")
            else:
                listed = differences(left, right)
                problems.append(f"{ex.name}: the example differs from the server's answer "
                                f"({len(listed)} difference{'s' if len(listed) != 1 else ''}):\n"
                                + "".join(f"      {d}\n" for d in listed[:12]).rstrip("\n"))
    finally:
        live.stop()
    if edits:
        updated = apply(text, edits)
        yaml.safe_load(updated)  # still YAML
        spec_path.write_text(updated)
        print(f"{spec_path}: {len(edits)} edits; review `git diff`, then run the check again")
    for p in problems:
        print(f"FAIL {p}")
    print(f"examples: {len(found)} in {spec_path.name}, {checked} checked, {len(problems)} failing")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
