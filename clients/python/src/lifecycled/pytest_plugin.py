"""pytest plugin (entry point ``pytest11``): fixtures for tests against lifecycled.

Fixtures:
- ``lifecycled_url``: the server's base URL. ``$LIFECYCLED_URL`` when set, else a
  ``lifecycled`` binary started once per test run on a free port (``$LIFECYCLED_BIN``,
  else ``lifecycled`` on PATH, else ``.build/release/lifecycled`` or ``.build/debug/lifecycled``
  here or above: ``find_binary``) and
  stopped at the end.
- ``lifecycled``: a ``Client`` for it.
- ``new_session``: a factory, ``new_session(lifecycle="app", ios_version="11.0")`` ->
  ``Session``; the sessions it made are deleted after the test.
- ``observed_session``: the same with observer channels on,
  ``observed_session("flutter", iosVersion="17.0")``; filter its results by channel
  with ``select(result, channel="flutter")`` or ``states(result, "flutter")``.

Assertion helpers (``assert_order``, ``assert_called``, ``assert_not_called``) come from
``lifecycled`` itself.
"""

from __future__ import annotations

import os
from typing import Any, Callable, Iterator, List, Mapping, Optional

import pytest

from .client import Client, Session
from .server import Server
from .types import channel_receiver

SessionFactory = Callable[..., Session]


def pytest_addoption(parser: pytest.Parser) -> None:
    group = parser.getgroup("lifecycled")
    group.addoption("--lifecycled-url", default=None,
                    help="use the lifecycled server at this URL (default: $LIFECYCLED_URL, else start one)")
    group.addoption("--lifecycled-bin", default=None,
                    help="the lifecycled binary to start (default: $LIFECYCLED_BIN, PATH, .build/release, .build/debug)")


def pytest_report_header(config: pytest.Config) -> Optional[str]:
    url = config.getoption("--lifecycled-url") or os.environ.get("LIFECYCLED_URL")
    return f"lifecycled: {url}" if url else None


@pytest.fixture(scope="session")
def lifecycled_url(request: pytest.FixtureRequest) -> Iterator[str]:
    """The base URL of a lifecycled server for the whole test run."""
    url = request.config.getoption("--lifecycled-url") or os.environ.get("LIFECYCLED_URL")
    if url:
        yield url.rstrip("/")
        return
    binary = request.config.getoption("--lifecycled-bin")
    server = Server.start(binary)
    try:
        yield server.url
    finally:
        status = server.stop()
        if status not in (0, None):
            pytest.fail(f"lifecycled exited with status {status}:\n{server.stderr()}", pytrace=False)


@pytest.fixture(scope="session")
def lifecycled(lifecycled_url: str) -> Client:
    """A ``lifecycled.Client`` for the test run's server."""
    return Client(lifecycled_url)


@pytest.fixture
def new_session(lifecycled: Client) -> Iterator[SessionFactory]:
    """``new_session(config=None, **fields) -> Session``; every session made is deleted after the test."""
    made: List[Session] = []

    def make(config: Optional[Mapping[str, Any]] = None, **fields: Any) -> Session:
        session = lifecycled.create_session(config, **fields)
        made.append(session)
        return session

    yield make
    for session in made:
        session.delete(missing_ok=True)


@pytest.fixture
def observed_session(new_session: SessionFactory) -> SessionFactory:
    """``observed_session(*channels, **fields) -> Session`` with ``observers`` set to the
    channels (issue #20), e.g. ``observed_session("notifications", "reactNative")``."""

    def make(*channels: str, **fields: Any) -> Session:
        if not channels:
            raise ValueError("name at least one observer channel, e.g. observed_session(\"flutter\")")
        for channel in channels:
            channel_receiver(channel)  # a ValueError naming the channels for a typo
        return new_session(observers=list(channels), **fields)

    return make
