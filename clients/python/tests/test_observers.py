"""Observer channels (issue #20): filter a result by channel, offline and against the server."""

import re
import urllib.request

import pytest

from lifecycled import (OBSERVER_CHANNELS, Callback, InvalidField, assert_order, channel_receiver, methods, select,
                        states)


def cb(seq, method, receiver, args=None, scene=None):
    return Callback(seq=seq, receiver=receiver, method=method, app_state="active", args=args, scene_id=scene)


LOG = [
    cb(1, "sceneDidBecomeActive(_:)", "sceneDelegate", scene="scene-1"),
    cb(2, "UIScene.didActivateNotification", "notificationCenter", scene="scene-1"),
    cb(3, "UIApplication.didBecomeActiveNotification", "notificationCenter"),
    cb(4, "didChangeAppLifecycleState", "flutter", {"state": "resumed"}),
    cb(5, "onResume", "flutter"),
    cb(6, "appStateChange", "capacitor", {"isActive": True}),
]


def test_channel_names_and_receivers():
    assert OBSERVER_CHANNELS[0] == "notifications" and "composeMultiplatform" in OBSERVER_CHANNELS
    assert channel_receiver("notifications") == "notificationCenter"
    assert channel_receiver("maui") == "maui"
    with pytest.raises(ValueError, match="reactNative"):
        channel_receiver("reactnative")


def test_the_channels_are_the_running_servers_contract(lifecycled_url):
    """OBSERVER_CHANNELS is the ObserverChannel enum of the openapi.yaml the server serves."""
    with urllib.request.urlopen(f"{lifecycled_url}/openapi.yaml") as response:
        contract = response.read().decode()
    listed = re.search(r"\n {4}ObserverChannel:\n(?: {6}.*\n)*? {6}enum: \[([^\]]*)\]", contract)
    assert listed, "the served openapi.yaml has no ObserverChannel enum"
    assert list(OBSERVER_CHANNELS) == [name.strip() for name in listed.group(1).split(",")]


def test_select_by_channel_and_observers():
    assert methods(LOG, channel="notifications") == [
        "UIScene.didActivateNotification", "UIApplication.didBecomeActiveNotification"]
    assert methods(LOG, channel=["flutter", "capacitor"]) == ["didChangeAppLifecycleState", "onResume",
                                                              "appStateChange"]
    assert methods(LOG, observers=False) == ["sceneDidBecomeActive(_:)"]
    assert [c.channel for c in select(LOG, observers=True)] == [
        "notifications", "notifications", "flutter", "flutter", "capacitor"]
    assert LOG[0].channel is None


def test_states_reads_each_lens_argument():
    assert states(LOG, "flutter") == ["resumed"]
    assert states(LOG, "capacitor") == [True]
    assert states(LOG, "reactNative") == []


def test_assert_order_by_channel_fails_with_the_channels_items():
    assert_order(LOG, ["didChangeAppLifecycleState", "onResume"], channel="flutter")
    with pytest.raises(AssertionError, match="onResume"):
        assert_order(LOG, ["onResume", "didChangeAppLifecycleState"], channel="flutter")


def test_a_launch_home_return_seen_by_flutter_and_notifications(observed_session):
    app = observed_session("notifications", "flutter", iosVersion="17.0")
    assert app.config["observers"] == ["notifications", "flutter"]
    launch = app.act("launch")
    home = app.act("background")
    back = app.act("launch")
    assert states(launch, "flutter") == ["inactive", "resumed"]
    assert states(home, "flutter") == ["inactive", "hidden", "paused"]
    assert states(back, "flutter") == ["hidden", "inactive", "resumed"]
    assert_order(home, ["UIScene.willDeactivateNotification", "UIApplication.willResignActiveNotification",
                        "UIScene.didEnterBackgroundNotification", "UIApplication.didEnterBackgroundNotification"],
                 channel="notifications")
    # The delegates are those of a session without observers.
    plain = app.client.create_session(iosVersion="17.0")
    try:
        assert methods(plain.act("launch"), observers=False) == methods(launch, observers=False)
    finally:
        plain.delete()


def test_a_bad_channel_names_the_field(observed_session, new_session):
    with pytest.raises(ValueError):
        observed_session("swiftui")
    with pytest.raises(InvalidField) as e:
        new_session(observers=["notifications", "notifications"])
    assert e.value.field == "observers[1]"
