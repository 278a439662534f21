"""Problem bodies to exceptions (no server needed)."""

from lifecycled import ActionNotAllowed, problems


def test_problem_members_the_client_does_not_know_are_attributes():
    p = problems.problem_from({"type": "urn:lifecycled:problem:action-not-allowed", "title": "t", "status": 409,
                               "detail": "d", "failedIndex": 2})
    assert isinstance(p, ActionNotAllowed)
    assert p.failed_index == 2 and p.failedIndex == 2
    unknown = problems.problem_from({"type": "urn:lifecycled:problem:new-kind", "title": "t", "status": 422,
                                     "detail": "d"})
    assert type(unknown) is problems.Problem and unknown.name == "new-kind"


def test_the_newer_problem_types_raise_their_own_classes():
    for name, cls in [("session-exists", problems.SessionExists), ("not-ready", problems.NotReady),
                      ("memory-budget-reached", problems.MemoryBudgetReached),
                      ("response-too-large", problems.ResponseTooLarge)]:
        p = problems.problem_from({"type": problems.PREFIX + name, "title": "t", "status": 503, "detail": "d"})
        assert type(p) is cls and p.name == name


def test_request_id_and_retry_after_come_from_the_body_and_headers():
    p = problems.problem_from({"type": problems.PREFIX + "memory-budget-reached", "title": "t", "status": 503,
                               "detail": "d", "requestId": "abc"}, headers={"Retry-After": "2"})
    assert p.request_id == "abc" and p.retry_after == 2
    q = problems.problem_from({"type": problems.PREFIX + "not-found", "title": "t", "status": 404, "detail": "d"},
                              headers={"x-request-id": "fromheader"})
    assert q.request_id == "fromheader" and q.retry_after is None
