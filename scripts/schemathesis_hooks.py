"""Schemathesis hooks for scripts/contract-test.sh (loaded through SCHEMATHESIS_HOOKS).

A `runBackgroundTask` action is schema-valid with any `identifier`, but the server
answers 400 naming `identifier` when the session's config does not register it (issue
#22: a bad field, not a refused action). Whether it does depends on the config, which
the schema cannot say, so generated bodies that send such an action with an
identifier their own config does not register are left out; the 400 itself is tested
in Tests/LifecycleServiceTests (BackgroundWorkServiceTests). The same holds for
`startContinuedProcessingTask` and the config's `continuedProcessing` tasks (issue
#38), and for a `runBackgroundTask` naming one of those (the system never runs them).

Likewise `observerOptions` for a framework that `observers` does not list is a 400
naming the field (issue #35): the schema cannot tie one member's keys to another's
items, so such configs are left out here and the 400 is tested in
Tests/LifecycleServiceTests (ObserverServiceTests).
"""
import schemathesis


def _registered(config, continued):
    """The identifiers of `config`'s scheduled tasks, or of its continued ones."""
    tasks = config.get("backgroundTasks") if isinstance(config, dict) else None
    if not isinstance(tasks, list):
        return set()
    return {t.get("identifier") for t in tasks
            if isinstance(t, dict) and (t.get("kind") == "continuedProcessing") == continued}


# The task actions and whether their identifier names a continued processing task.
_TASK_ACTIONS = {"runBackgroundTask": False, "startContinuedProcessingTask": True}


def _unregistered_task(actions, config):
    if not isinstance(actions, list):
        return False
    for a in actions:
        if not isinstance(a, dict) or a.get("type") not in _TASK_ACTIONS or "identifier" not in a:
            continue
        if a.get("identifier") not in _registered(config, _TASK_ACTIONS[a["type"]]):
            return True
    return False


def _configs(body):
    """The session configs a body holds: itself (a session's create or put), its
    `config`, `session`, `first` and `second` members, and the items of `configs`."""
    yield body
    for key in ("config", "session", "first", "second"):
        if isinstance(body.get(key), dict):
            yield body[key]
    for config in body.get("configs") or []:  # /v1/diff
        if isinstance(config, dict):
            yield config


def _options_not_observed(config):
    options = config.get("observerOptions")
    if not isinstance(options, dict):
        return False
    observers = config.get("observers")
    listed = set(observers) if isinstance(observers, list) else set()
    return any(name not in listed for name in options)


@schemathesis.hook
def filter_body(ctx, body):
    if not isinstance(body, dict):
        return True
    if any(_options_not_observed(c) for c in _configs(body)):
        return False
    # An action posted to a session: its config is not in the body.
    if body.get("type") in _TASK_ACTIONS and "identifier" in body:
        return False
    config = body.get("config", body.get("session"))
    return not any(_unregistered_task(body.get(k), config) for k in ("actions", "from"))
