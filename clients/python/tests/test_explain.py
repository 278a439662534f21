"""``Client.explain`` and ``assert_explained`` against the live server (issue #21)."""

import pytest

from lifecycled import ExplainResult, InvalidField, assert_explained

PASTED = """\
2024-05-01 10:00:00.100 MyApp[812:4411] [Lifecycle] SceneDelegate scene(_:willConnectTo:options:)
2024-05-01 10:00:00.130 MyApp[812:4411] [Lifecycle] SceneDelegate sceneWillEnterForeground(_:)
2024-05-01 10:00:00.150 MyApp[812:4411] [Lifecycle] SceneDelegate sceneDidBecomeActive(_:)
2024-05-01 10:00:02.000 MyApp[812:4411] [Net] GET /feed 200
2024-05-01 10:00:09.200 MyApp[812:4411] [Lifecycle] -[SceneDelegate sceneWillResignActive:]
2024-05-01 10:00:09.700 MyApp[812:4411] [Lifecycle] SceneDelegate sceneDidEnterBackground(_:)
"""


def test_a_pasted_log_is_explained(lifecycled):
    result = lifecycled.explain(PASTED, ios_version="17.0")
    assert isinstance(result, ExplainResult)
    assert_explained(result, actions=["launch", "background"])
    assert result.ignored_lines == [4]
    assert result.entries == 5
    assert result.divergence is None and result.reason is None
    assert "sceneDidEnterBackground(_:)" in [c.method for c in result.callbacks]


def test_callback_objects_lines_and_from(lifecycled):
    objects = lifecycled.explain([{"method": "applicationWillResignActive:", "receiver": "AppDelegate"},
                                  "applicationDidEnterBackground(_:)"],
                                 {"lifecycle": "app", "iosVersion": "11.0"}, from_actions=["launch"], max_actions=3)
    assert_explained(objects, actions=["background"])
    lines = lifecycled.explain(["applicationWillResignActive:", "applicationDidEnterBackground:"],
                               lifecycle="app", from_actions=["launch"])
    assert lines.action_types == ["background"]


def test_assert_explained_fails_with_the_divergence(lifecycled):
    result = lifecycled.explain("sceneDidEnterBackground(_:)\nsceneWillResignActive(_:)", from_actions=["launch"])
    assert not result.explained and result.divergence["index"] == 0
    with pytest.raises(AssertionError) as caught:
        assert_explained(result)
    message = str(caught.value)
    assert "line 1: sceneDidEnterBackground(_:) is where no action sequence goes on" in message
    assert "UIKit could call instead: sceneDelegate sceneWillResignActive(_:) (after background)" in message
    with pytest.raises(AssertionError, match="not \\['launch'\\]"):
        assert_explained(lifecycled.explain(PASTED), actions=["launch"])


def test_bad_input_is_an_invalid_field(lifecycled):
    with pytest.raises(InvalidField) as caught:
        lifecycled.explain("no method on this line")
    assert caught.value.field == "log"


def test_a_log_from_a_running_app_says_what_it_assumed(lifecycled):
    result = lifecycled.explain("applicationWillResignActive:\napplication Did Enter Background\n"
                                "applicationDidBecomeActive:", lifecycle="app", ios_version="11.0")
    assert result.explained and result.explained_entries == 2
    assert [a["type"] for a in result.assumed["from"]] == ["launch"]
    assert result.alternatives and result.hints == []
    assert result.unread_lines[0]["method"] == "applicationDidEnterBackground(_:)"
