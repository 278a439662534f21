"""A SwiftUI App life-cycle session through the client (issue #12 item 5)."""

import pytest

from lifecycled import InvalidField


def test_swiftui_session_reports_app_adaptor_scene_and_view(new_session):
    app = new_session(ui="swiftui")
    assert app.config["ui"] == "swiftui" and app.config["lifecycle"] == "scene"
    launch = app.act("launch").callbacks
    assert [(c.receiver, c.method) for c in launch[:2]] == [("app", "App.init()"), ("appDelegateAdaptor", "init()")]
    assert [c.args for c in launch if c.receiver == "app" and c.method == "onChange(of: scenePhase)"] == [
        {"from": "inactive", "to": "active"}]
    pushed = app.act("push", name="detail").callbacks
    assert [(c.receiver, c.view_controller, c.method) for c in pushed] == [
        ("view", "detail", "onAppear(perform:)"), ("view", "root", "onDisappear(perform:)")]


def test_swiftui_on_ios_13_says_what_to_send(new_session):
    with pytest.raises(InvalidField) as e:
        new_session(ui="swiftui", ios_version="13.0")
    assert "14.0" in str(e.value)
