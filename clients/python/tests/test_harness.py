"""Batches, journals, reset and did-you-mean (issue #13) against a live server."""

import pytest

from lifecycled import ActionNotAllowed, BatchResult, InvalidField, Journal, SessionNotFound, action


def test_act_batch_applies_in_order(new_session):
    app = new_session(lifecycle="app", ios_version="11.0")
    result = app.act_batch(["launch", "background", action("advanceTime", seconds=10)])
    assert isinstance(result, BatchResult)
    assert [s.action["type"] for s in result.steps] == ["launch", "background", "advanceTime"]
    assert result.state.app == "suspended"
    seqs = [c.seq for c in result.callbacks]
    assert seqs == list(range(1, len(seqs) + 1))
    assert app.last is result.steps[-1]


def test_a_refused_batch_changes_nothing(new_session):
    app = new_session(lifecycle="app", ios_version="11.0")
    app.act("launch")
    before = (app.info(), app.callbacks(), app.journal())
    with pytest.raises(ActionNotAllowed) as refused:
        app.act_batch(["background", "launch", "launch"])
    assert refused.value.step == 2
    assert refused.value.detail.startswith("step 2: launch")
    with pytest.raises(InvalidField) as bad:
        app.act_batch(["background", {"type": "openURL"}])
    assert (bad.value.field, bad.value.step) == ("actions[1].url", 1)
    assert (app.info(), app.callbacks(), app.journal()) == before


def test_journal_replays_exactly(lifecycled, new_session):
    app = new_session(lifecycle="scene", ios_version="17", device="ipad", supports_multiple_scenes=True)
    assert app.config["iosVersion"] == "17.0"
    app.act("launch")
    app.act("openScene", by="user")
    app.act_batch(["background", {"type": "receiveNotification", "payload": {"aps": {"content-available": 1}}}])
    with pytest.raises(ActionNotAllowed):
        app.act("unlock")
    journal = app.journal()
    assert isinstance(journal, Journal) and journal.complete
    assert [a["type"] for a in journal.actions] == ["launch", "openScene", "background", "receiveNotification"]
    copy = lifecycled.replay(journal)
    try:
        assert copy.callbacks() == app.callbacks()
        assert copy.state == app.state
        assert copy.journal() == journal
    finally:
        copy.delete()


def test_did_you_mean(new_session):
    with pytest.raises(InvalidField) as typo:
        new_session(lifcycle="app")
    assert typo.value.suggestion == "lifecycle"
    assert "did you mean lifecycle?" in typo.value.detail
    app = new_session()
    with pytest.raises(InvalidField) as kind:
        app.act("lanch")
    assert kind.value.suggestion == "launch"


def test_reset_forgets_every_session(lifecycled):
    a = lifecycled.create_session()
    b = lifecycled.create_session(lifecycle="app")
    lifecycled.reset()
    for s in (a, b):
        with pytest.raises(SessionNotFound):
            s.info()
    assert list(lifecycled.sessions()) == []


def test_allowed_variants(new_session):
    app = new_session(lifecycle="app", ios_version="17.0")
    app.act_batch(["launch", "lock"])
    assert app.info().allowed_variants == {"terminate": {"by": ["system"]}}
    with pytest.raises(ActionNotAllowed) as refused:
        app.act("terminate", by="user")
    assert refused.value.allowed_variants == {"terminate": {"by": ["system"]}}
    assert "possible now: terminate (by system)" in refused.value.detail
