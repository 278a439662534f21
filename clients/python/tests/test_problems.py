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
