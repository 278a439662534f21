"""The client against a live server (the plugin's fixtures start it)."""

import pytest

from lifecycled import ActionNotAllowed, InvalidField, InvalidJSON, SessionNotFound, action


def test_health(lifecycled):
    assert lifecycled.health()


def test_create_with_snake_case_fields_resolves_the_config(new_session):
    app = new_session(lifecycle="app", ios_version="11.0", state_restoration=True)
    assert app.config["lifecycle"] == "app"
    assert app.config["iosVersion"] == "11.0"
    assert app.config["stateRestoration"] is True
    assert app.state.app == "notRunning"
    assert app.state.scenes is None
    assert "launch" in app.allowed_actions


def test_act_returns_typed_callbacks_and_state(new_session):
    app = new_session()  # {}: a scene-based iOS 17 app
    result = app.act("launch")
    assert result.action == {"type": "launch"}
    assert [c.seq for c in result.callbacks] == list(range(1, len(result.callbacks) + 1))
    first = result.callbacks[0]
    assert (first.receiver, first.method, first.app_state) == (
        "appDelegate", "application(_:willFinishLaunchingWithOptions:)", "background")
    active = [c for c in result.callbacks if c.method == "sceneDidBecomeActive(_:)"]
    assert active and active[0].scene_id == "scene-1" and active[0].scene_state == "foregroundActive"
    assert result.state.app == "active"
    assert result.state.scene("scene-1").state == "foregroundActive"
    assert app.last is result


def test_act_parameters_in_snake_case(new_session):
    app = new_session(device="ipad", supports_multiple_scenes=True)
    app.act("launch")
    assert app.act("openScene", by="system").state.scene("scene-2").state == "background"
    result = app.act("activateScene", scene_id="scene-2")
    assert result.action == {"type": "activateScene", "sceneId": "scene-2"}
    assert result.state.scene("scene-2").state == "foregroundActive"


def test_a_409_is_an_action_not_allowed_carrying_the_problem(new_session):
    app = new_session(lifecycle="app")
    with pytest.raises(ActionNotAllowed) as caught:
        app.act("background")
    problem = caught.value
    assert problem.status == 409
    assert problem.type == "urn:lifecycled:problem:action-not-allowed"
    assert problem.name == "action-not-allowed"
    assert problem.action == "background"
    assert problem.state == "notRunning"
    assert problem.needs
    assert "launch" in problem.allowed_actions
    assert problem.detail in str(problem)
    assert problem.problem["allowedActions"] == problem.allowed_actions
    with pytest.raises(AttributeError, match="no member 'no_such_member'"):
        problem.no_such_member
    assert app.state.app == "notRunning"  # nothing changed
    assert app.callbacks() == []


def test_a_bad_field_is_an_invalid_field_naming_it(new_session, lifecycled):
    with pytest.raises(InvalidField) as caught:
        new_session(device="watch")
    assert caught.value.status == 400
    assert caught.value.field == "device"
    assert caught.value.allowed == ["iphone", "ipad"]
    app = new_session()
    with pytest.raises(InvalidField) as caught:
        app.act("fly")
    assert caught.value.field == "type"
    assert "launch" in caught.value.allowed


def test_invalid_json_carries_the_offset(lifecycled):
    with pytest.raises(InvalidJSON) as caught:
        lifecycled.request("POST", "/v1/sessions", b'{"device":}')
    assert caught.value.status == 400
    assert caught.value.offset == 10


def test_unknown_and_deleted_sessions_are_session_not_found(lifecycled, new_session):
    with pytest.raises(SessionNotFound):
        lifecycled.session("00000000-0000-4000-8000-000000000000")
    app = new_session()
    app.delete()
    with pytest.raises(SessionNotFound) as caught:
        app.act("launch")
    assert caught.value.status == 404
    app.delete(missing_ok=True)


def test_callbacks_pages_through_the_whole_log(new_session):
    app = new_session(lifecycle="app")
    seen = []
    for kind in ["launch", "background", "launch", "background", "launch"]:
        seen += app.act(kind).callbacks
    assert len(seen) > 7
    assert app.callbacks(page_size=3) == seen
    assert app.callbacks(after=5, page_size=2) == seen[5:]
    page = app.callback_page(after=0, limit=4)
    assert page.callbacks == seen[:4] and page.next == 4 and page.total == len(seen) and page.dropped == 0


def test_session_by_id_and_in_the_listing(lifecycled, new_session):
    app = new_session(lifecycle="app")
    app.act("launch")
    again = lifecycled.session(app.id)
    assert again.id == app.id and again.config == app.config
    listed = {s.id: s for s in lifecycled.sessions(page_size=1)}
    assert listed[app.id].state.app == "active"


def test_simulate_runs_steps_on_a_fresh_session(lifecycled):
    result = lifecycled.simulate(["launch", "background", action("advanceTime", seconds=10)], lifecycle="app")
    assert [s.action["type"] for s in result.steps] == ["launch", "background", "advanceTime"]
    assert result.state.app == "suspended"
    assert result.config["lifecycle"] == "app"
    assert [c.seq for c in result.callbacks] == list(range(1, len(result.callbacks) + 1))


def test_simulate_names_the_step_that_failed(lifecycled):
    with pytest.raises(ActionNotAllowed) as caught:
        lifecycled.simulate(["launch", "launch"])
    assert caught.value.step == 1
    assert caught.value.action == "launch"


def test_put_session_creates_with_your_id_and_is_idempotent(lifecycled):
    import uuid

    from lifecycled import SessionExists

    sid = str(uuid.uuid4())
    app = lifecycled.put_session(sid, lifecycle="app", ios_version="11.0")
    try:
        assert app.id == sid and app.config["lifecycle"] == "app"
        again = lifecycled.put_session(sid, {"lifecycle": "app"}, ios_version="11.0")
        assert again.id == sid
        with pytest.raises(SessionExists) as caught:
            lifecycled.put_session(sid, lifecycle="scene")
        assert caught.value.status == 409 and caught.value.request_id
    finally:
        app.delete(missing_ok=True)
