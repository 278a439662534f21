"""Problems (RFC 9457) raised as typed exceptions.

Every error the server answers is ``application/problem+json`` with a ``type`` URN.
The client raises the subclass registered for that URN (``ActionNotAllowed`` for a
409, ``InvalidField`` for a 400 naming a field, ...), carrying the problem's members
as attributes; an unknown URN raises the base ``Problem``.
"""

from __future__ import annotations

from typing import Any, ClassVar, Dict, List, Mapping, Optional, Type

PREFIX = "urn:lifecycled:problem:"


def _seconds(value: Optional[str]) -> Optional[int]:
    try:
        return int(value) if value is not None else None
    except ValueError:
        return None


class Problem(Exception):
    """An error answered by lifecycled.

    ``type``, ``title``, ``status`` and ``detail`` are always there; the other
    members are ``None`` when the server did not send them. ``problem`` is the whole
    decoded body; members this client does not know are attributes too (snake_case).
    """

    #: The problem ``type`` URN this class stands for (``None``: any).
    urn: ClassVar[Optional[str]] = None

    def __init__(self, problem: Mapping[str, Any], *, method: str = "", path: str = "",
                 headers: Optional[Mapping[str, str]] = None) -> None:
        self.problem: Dict[str, Any] = dict(problem)
        lowered = {k.lower(): v for k, v in (headers or {}).items()}
        self.type: str = str(problem.get("type", ""))
        self.title: str = str(problem.get("title", ""))
        self.status: int = int(problem.get("status", 0) or 0)
        self.detail: str = str(problem.get("detail", ""))
        #: The request's id (the ``requestId`` member, else the ``X-Request-Id`` header): quote it in bug reports.
        self.request_id: Optional[str] = problem.get("requestId") or lowered.get("x-request-id")
        #: Seconds to wait before retrying (``Retry-After`` on 503s), ``None`` when not sent.
        self.retry_after: Optional[int] = _seconds(lowered.get("retry-after"))
        # 400
        self.field: Optional[str] = problem.get("field")
        self.allowed: Optional[List[str]] = problem.get("allowed")
        self.offset: Optional[int] = problem.get("offset")
        #: the known name or value closest to a mistyped one ("did you mean ...?")
        self.suggestion: Optional[str] = problem.get("suggestion")
        # 409
        self.action: Optional[str] = problem.get("action")
        self.state: Optional[str] = problem.get("state")
        self.needs: Optional[str] = problem.get("needs")
        self.allowed_actions: Optional[List[str]] = problem.get("allowedActions")
        #: the types only partly possible, with the values possible now: {"terminate": {"by": ["system"]}}
        self.allowed_variants: Optional[Dict[str, Dict[str, List[str]]]] = problem.get("allowedVariants")
        # /v1/simulate and batches: the index (from 0) of the action at fault
        self.step: Optional[int] = problem.get("step")
        # 503
        self.limit: Optional[int] = problem.get("limit")
        self.method = method
        self.path = path
        where = f"{method} {path}: " if method else ""
        super().__init__(f"{where}{self.status} {self.title}: {self.detail}")

    def __getattr__(self, name: str) -> Any:
        """Members this class does not name, in snake_case or as sent: ``problem.some_member``."""
        members = self.__dict__.get("problem")
        if name.startswith("_") or members is None:
            raise AttributeError(name)
        head, *rest = name.split("_")
        for key in (name, head + "".join(part[:1].upper() + part[1:] for part in rest)):
            if key in members:
                return members[key]
        raise AttributeError(f"{type(self).__name__} has no member {name!r} (the problem has {sorted(members)})")

    @property
    def name(self) -> str:
        """The short name of the type, e.g. ``action-not-allowed``."""
        return self.type[len(PREFIX):] if self.type.startswith(PREFIX) else self.type


class InvalidJSON(Problem):
    """400: the body is not strict JSON (``offset`` is the byte of the error)."""

    urn = PREFIX + "invalid-json"


class InvalidField(Problem):
    """400: a field is missing, mistyped, unknown or out of range (``field``, ``allowed``)."""

    urn = PREFIX + "invalid-field"


class BadRequest(Problem):
    """400: the request itself is malformed (framing, headers)."""

    urn = PREFIX + "bad-request"


class SessionNotFound(Problem):
    """404: the session was deleted, expired or never existed."""

    urn = PREFIX + "session-not-found"


class NotFound(Problem):
    """404: no such path."""

    urn = PREFIX + "not-found"


class MethodNotAllowed(Problem):
    """405: the path does not answer this method."""

    urn = PREFIX + "method-not-allowed"


class ActionNotAllowed(Problem):
    """409: a real device could not perform the action now (``action``, ``state``, ``needs``, ``allowed_actions``)."""

    urn = PREFIX + "action-not-allowed"


class PayloadTooLarge(Problem):
    """413: the body is larger than the server's ``--max-body``."""

    urn = PREFIX + "payload-too-large"


class SessionExists(Problem):
    """409: ``PUT /v1/sessions/{id}`` named a live session that has another config (``id``)."""

    urn = PREFIX + "session-exists"


class ResponseTooLarge(Problem):
    """413: the answer would exceed the server's ``--max-response`` (``limit``; ``step`` for simulate);
    an action answered so was not applied."""

    urn = PREFIX + "response-too-large"


class NotReady(Problem):
    """503: the server is draining or not ready (``/readyz``); retry after ``retry_after`` seconds."""

    urn = PREFIX + "not-ready"


class MemoryBudgetReached(Problem):
    """503: the server holds its ``--max-memory`` budget (``limit``); nothing was applied, retry after
    ``retry_after`` seconds."""

    urn = PREFIX + "memory-budget-reached"


class SessionLimitReached(Problem):
    """503: the server holds ``--max-sessions`` sessions (``limit``)."""

    urn = PREFIX + "session-limit-reached"


class InternalError(Problem):
    """500: a bug in the server."""

    urn = PREFIX + "internal-error"


#: URN -> exception class. New problem types register here (``register``).
PROBLEM_TYPES: Dict[str, Type[Problem]] = {}


def register(cls: Type[Problem]) -> Type[Problem]:
    """Maps ``cls.urn`` to ``cls`` so that responses of that type raise it."""
    if cls.urn:
        PROBLEM_TYPES[cls.urn] = cls
    return cls


for _cls in (InvalidJSON, InvalidField, BadRequest, SessionNotFound, NotFound, MethodNotAllowed,
             ActionNotAllowed, PayloadTooLarge, SessionLimitReached, InternalError, SessionExists,
             ResponseTooLarge, NotReady, MemoryBudgetReached):
    register(_cls)


def problem_from(body: Mapping[str, Any], *, method: str = "", path: str = "",
                 headers: Optional[Mapping[str, str]] = None) -> Problem:
    """The exception for a decoded problem body (``headers``: the response's, for ``Retry-After``)."""
    cls = PROBLEM_TYPES.get(str(body.get("type", "")), Problem)
    return cls(body, method=method, path=path, headers=headers)
