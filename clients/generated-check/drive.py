"""Drives a live lifecycled through the client openapi-python-client generated from
openapi.yaml (package `lifecycled_api`, on PYTHONPATH), and checks that every answer
comes back as its typed model: the session and its config, the action union, the
problem types, the callback pages, /v1/simulate, a batch, the journal and the reset.

    python drive.py http://127.0.0.1:PORT          (check.sh generates and runs it)
"""

import sys
import uuid
from http import HTTPStatus

from lifecycled_api import Client
from lifecycled_api.api.actions import apply_action, get_callbacks, get_journal
from lifecycled_api.api.health import get_health
from lifecycled_api.api.sessions import create_session, delete_session, get_session, list_sessions, reset_sessions
from lifecycled_api.api.simulate import simulate
from lifecycled_api.models import (ActionResult, ActionType, AdvanceTimeAction, AppState, BackgroundAction,
                                   BadRequestProblem, BatchResult, CallbackPage, CallbackReceiver, ConflictProblem, Health,
                                   Journal, LaunchAction, Lifecycle, NotFoundProblem, OpenURLAction, QuirksInput, Session,
                                   SessionConfig, SessionConfigInput, SessionList, SimulateRequest, SimulateResult,
                                   StepConflictProblem, SwitcherKillSequence)

checks = 0


def check(what, condition, got=None):
    global checks
    if not condition:
        print(f"generated-check: FAILED: {what}" + (f"\n  got: {got!r}" if got is not None else ""))
        sys.exit(1)
    checks += 1
    print(f"  ok  {what}")


def main(url):
    client = Client(base_url=url, raise_on_unexpected_status=True)

    health = get_health.sync(client=client)
    check("GET /healthz is a Health", isinstance(health, Health), health)

    # create: a typed config in, a typed session (with its resolved config) out
    config = SessionConfigInput(lifecycle=Lifecycle.APP, ios_version="11.0", state_restoration=True,
                                quirks=QuirksInput(switcher_kill_sequence=SwitcherKillSequence.RESIGNACTIVETHENTERMINATE))
    session = create_session.sync(client=client, body=config)
    check("POST /v1/sessions answers a Session", isinstance(session, Session), session)
    check("its config is a typed SessionConfig", isinstance(session.config, SessionConfig)
          and session.config.lifecycle == Lifecycle.APP and session.config.ios_version == "11.0"
          and session.config.state_restoration is True, session.config)
    check("the config's quirks are typed", session.config.quirks.orientation_queries is True
          and session.config.quirks.switcher_kill_sequence == SwitcherKillSequence.RESIGNACTIVETHENTERMINATE,
          session.config.quirks)
    check("state.app is an AppState", session.state.app == AppState.NOTRUNNING, session.state.app)
    check("allowedActions are ActionTypes", ActionType.LAUNCH in session.allowed_actions, session.allowed_actions)
    sid = uuid.UUID(session.id) if isinstance(session.id, str) else session.id

    # act: members of the action union in, the same union member back in the result
    seen = []
    for action in [LaunchAction(type_="launch"), BackgroundAction(type_="background"),
                   OpenURLAction(type_="openURL", url="appLaunchSeq://whatup")]:
        result = apply_action.sync(id=sid, client=client, body=action)
        check(f"{action.type_}: an ActionResult", isinstance(result, ActionResult), result)
        check(f"{action.type_}: result.action is a {type(action).__name__} again",
              type(result.action) is type(action) and result.action.to_dict() == action.to_dict(), result.action)
        seen += result.callbacks
    check("the deep link left the app active", result.state.app == AppState.ACTIVE, result.state.app)
    check("callbacks have typed receivers", result.callbacks[-1].receiver in set(CallbackReceiver)
          and result.callbacks[0].method == "applicationWillEnterForeground(_:)", result.callbacks[0])

    # a 409, read as its problem type
    refused = apply_action.sync(id=sid, client=client, body=LaunchAction(type_="launch"))
    check("launch while active is a ConflictProblem", isinstance(refused, ConflictProblem), refused)
    check("the problem's members are typed", refused.status == 409 and refused.action == ActionType.LAUNCH
          and refused.state == AppState.ACTIVE and ActionType.BACKGROUND in refused.allowed_actions
          and refused.type_ == "urn:lifecycled:problem:action-not-allowed" and refused.needs, refused)
    detailed = apply_action.sync_detailed(id=sid, client=client, body=LaunchAction(type_="launch"))
    check("sync_detailed: status 409, parsed ConflictProblem",
          detailed.status_code == HTTPStatus.CONFLICT and isinstance(detailed.parsed, ConflictProblem), detailed)

    # a 400 (a rule across fields), read as its problem type
    bad = create_session.sync(client=client, body=SessionConfigInput(lifecycle=Lifecycle.SCENE, ios_version="12.4"))
    check("scene on iOS 12.4 is a BadRequestProblem naming lifecycle",
          isinstance(bad, BadRequestProblem) and bad.status == 400 and bad.field == "lifecycle"
          and bad.allowed == ["app"], bad)

    # callbacks, page by page
    pages, after, got = 0, 0, []
    while True:
        page = get_callbacks.sync(id=sid, client=client, after=after, limit=4)
        check(f"callbacks page after={after} is a CallbackPage", isinstance(page, CallbackPage), page)
        pages += 1
        got += page.callbacks
        if page.next_ >= page.total:
            break
        after = page.next_
    check(f"the {pages} pages hold the whole log in order",
          [c.to_dict() for c in got] == [c.to_dict() for c in seen] and pages == -(-len(seen) // 4),
          [c.seq for c in got])

    listing = list_sessions.sync(client=client, limit=1000)
    check("GET /v1/sessions is a SessionList holding the session",
          isinstance(listing, SessionList) and any(s.id == session.id for s in listing.sessions), listing)

    # simulate: steps of the action union, a typed result; a 409 names its step
    run = simulate.sync(client=client, body=SimulateRequest(
        session=SessionConfigInput(lifecycle=Lifecycle.APP),
        actions=[LaunchAction(type_="launch"), BackgroundAction(type_="background"),
                 AdvanceTimeAction(type_="advanceTime", seconds=10)]))
    check("POST /v1/simulate is a SimulateResult", isinstance(run, SimulateResult), run)
    check("its steps carry their actions and the app ends suspended",
          [type(s.action).__name__ for s in run.steps] == ["LaunchAction", "BackgroundAction", "AdvanceTimeAction"]
          and run.state.app == AppState.SUSPENDED and run.config.lifecycle == Lifecycle.APP, run)
    stopped = simulate.sync(client=client, body=SimulateRequest(
        actions=[LaunchAction(type_="launch"), LaunchAction(type_="launch")]))
    check("a refused step is a StepConflictProblem with step 1",
          isinstance(stopped, StepConflictProblem) and stopped.step == 1, stopped)

    # a batch (issue #13): the same operation with a list, a BatchResult; a refused step names its index
    batch = apply_action.sync(id=sid, client=client, body=[BackgroundAction(type_="background"),
                                                           AdvanceTimeAction(type_="advanceTime", seconds=10)])
    check("a batch is a BatchResult", isinstance(batch, BatchResult) and len(batch.steps) == 2
          and batch.state.app == AppState.SUSPENDED, batch)
    stuck = apply_action.sync(id=sid, client=client, body=[LaunchAction(type_="launch"), LaunchAction(type_="launch")])
    check("a refused batch step is a ConflictProblem with step 1", isinstance(stuck, ConflictProblem)
          and stuck.step == 1, stuck)
    journal = get_journal.sync(id=sid, client=client)
    check("GET journal is a Journal of typed actions", isinstance(journal, Journal) and journal.complete
          and [type(a).__name__ for a in journal.actions][-2:] == ["BackgroundAction", "AdvanceTimeAction"], journal)

    # delete, then 404s as their problem type
    gone = delete_session.sync_detailed(id=sid, client=client)
    check("DELETE answers 204", gone.status_code == HTTPStatus.NO_CONTENT, gone.status_code)
    missing = get_session.sync(id=sid, client=client)
    check("the deleted session is a NotFoundProblem",
          isinstance(missing, NotFoundProblem) and missing.type_.value.endswith("session-not-found"), missing)

    reset = reset_sessions.sync_detailed(client=client)
    check("DELETE /v1/sessions answers 204 and the list is empty", reset.status_code == HTTPStatus.NO_CONTENT
          and list_sessions.sync(client=client).sessions == [], reset.status_code)

    print(f"generated-check: {checks} checks passed")


if __name__ == "__main__":
    main(sys.argv[1])
