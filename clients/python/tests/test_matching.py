"""assert_order and friends on callbacks built here (no server needed)."""

import pytest

from lifecycled import Callback, assert_called, assert_not_called, assert_order, methods, order_diff


def cb(seq, method, receiver="appDelegate", vc=None, scene=None):
    return Callback(seq=seq, receiver=receiver, method=method, app_state="inactive", view_controller=vc,
                    scene_id=scene, scene_state="foregroundInactive" if scene else None)


LOG = [
    cb(1, "application(_:willFinishLaunchingWithOptions:)"),
    cb(2, "application(_:didFinishLaunchingWithOptions:)"),
    cb(3, "loadView()", "viewController", vc="root"),
    cb(4, "viewDidLoad()", "viewController", vc="root"),
    cb(5, "sceneWillEnterForeground(_:)", "sceneDelegate", scene="scene-1"),
    cb(6, "sceneDidBecomeActive(_:)", "sceneDelegate", scene="scene-1"),
    cb(7, "viewDidAppear(_:)", "viewController", vc="root"),
]


def test_exact_order_matches():
    assert_order(LOG, [c.method for c in LOG])


def test_ellipsis_and_string_dots_absorb_any_run_including_none():
    assert_order(LOG, ["application(_:willFinishLaunchingWithOptions:)", ..., "viewDidAppear(_:)"])
    assert_order(LOG, [..., "sceneDidBecomeActive(_:)", "..."])
    assert_order(LOG, [..., "application(_:willFinishLaunchingWithOptions:)", ..., "viewDidAppear(_:)", ...])


def test_star_matches_exactly_one_and_globs_match_method_names():
    assert_order(LOG, ["*", "*", "loadView()", ..., "*"])
    assert_order(LOG, ["application(*", "application(*", ..., "scene*", "scene*DidBecome*", "*"])
    assert order_diff(LOG, ["*"] * 6) is not None  # one too few


def test_receiver_scene_and_view_controller_filters():
    assert_order(LOG, ["application(_:willFinishLaunchingWithOptions:)",
                       "application(_:didFinishLaunchingWithOptions:)"], receiver="appDelegate")
    assert_order(LOG, ["sceneWillEnterForeground(_:)", "sceneDidBecomeActive(_:)"], scene="scene-1")
    assert_order(LOG, ["loadView()", "viewDidLoad()", "viewDidAppear(_:)"], view_controller="root")
    assert methods(LOG, receiver=["appDelegate", "sceneDelegate"]) == [
        "application(_:willFinishLaunchingWithOptions:)", "application(_:didFinishLaunchingWithOptions:)",
        "sceneWillEnterForeground(_:)", "sceneDidBecomeActive(_:)"]


def test_receiver_method_pairs():
    assert_order(LOG, [..., ("sceneDelegate", "sceneDidBecomeActive(_:)"), ("viewController", "viewDidAppear(_:)")])
    assert order_diff(LOG, [..., ("appDelegate", "viewDidAppear(_:)")]) is not None


def test_a_mismatch_is_a_readable_diff():
    with pytest.raises(AssertionError) as caught:
        assert_order(LOG, ["application(_:willFinishLaunchingWithOptions:)",
                           "applicationDidBecomeActive(_:)",
                           "application(_:didFinishLaunchingWithOptions:)", ...], receiver="appDelegate")
    text = str(caught.value)
    assert text.splitlines()[0] == "callback order differs (1 difference; receiver='appDelegate'):"
    assert "  - applicationDidBecomeActive(_:)" in text.splitlines()
    assert "    #1 appDelegate application(_:willFinishLaunchingWithOptions:) (inactive)" in text.splitlines()


def test_unexpected_callbacks_are_marked_plus():
    diff = order_diff(LOG, ["application(_:willFinishLaunchingWithOptions:)", "viewDidAppear(_:)"])
    lines = diff.splitlines()
    assert lines[0].startswith("callback order differs (5 differences")
    assert sum(1 for line in lines if line.startswith("  + ")) == 5
    assert "  + #6 sceneDelegate@scene-1 sceneDidBecomeActive(_:) (inactive)" in lines


def test_brackets_and_question_marks_in_method_names_are_literal():
    log = [cb(1, "application(_:open:options:)"), cb(2, "x[?]")]
    assert_order(log, ["application(_:open:*", "x[?]"])
    assert order_diff(log, ["*", "x?"]) is not None


def test_called_and_not_called():
    hit = assert_called(LOG, "viewDidLoad()", view_controller="root")
    assert hit.seq == 4
    assert_not_called(LOG, "applicationWillTerminate(_:)")
    with pytest.raises(AssertionError, match="'sceneDidBecomeActive\\(_:\\)' was called"):
        assert_not_called(LOG, "sceneDidBecomeActive(_:)")
    with pytest.raises(AssertionError, match="no callback 'viewDidLoad"):
        assert_called(LOG, "viewDidLoad()", receiver="appDelegate")

