"""lifecycled: a client for the lifecycled iOS life-cycle simulator, and a pytest plugin.

    from lifecycled import Client, assert_order

    app = Client("http://127.0.0.1:8080").create_session(lifecycle="app")
    result = app.act("launch")
    assert_order(result, ["application(_:willFinishLaunchingWithOptions:)", ...,
                          "applicationDidBecomeActive(_:)"], receiver="appDelegate")
"""

from .client import Client, Session, action
from .matching import (assert_called, assert_explained, assert_not_called, assert_order, methods, order_diff, select,
                       states)
from .problems import (ActionNotAllowed, BadRequest, InternalError, InvalidField, InvalidJSON, MemoryBudgetReached,
                       MethodNotAllowed, NotFound, NotReady, PayloadTooLarge, Problem, ResponseTooLarge,
                       SessionExists, SessionLimitReached, SessionNotFound)
from .server import Server, find_binary
from .types import (OBSERVER_CHANNELS, ActionResult, BatchResult, Callback, CallbackPage, ExplainResult, Journal, Scene,
                    SessionConfig, SessionInfo, SimulateResult, State, channel_receiver)

__version__ = "0.1.0"

__all__ = [
    "Client", "Session", "action",
    "assert_order", "assert_called", "assert_not_called", "assert_explained", "methods", "order_diff", "select",
    "states", "OBSERVER_CHANNELS", "channel_receiver",
    "Problem", "InvalidJSON", "InvalidField", "BadRequest", "SessionNotFound", "NotFound", "MethodNotAllowed",
    "ActionNotAllowed", "PayloadTooLarge", "SessionLimitReached", "InternalError", "SessionExists",
    "ResponseTooLarge", "NotReady", "MemoryBudgetReached",
    "Server", "find_binary",
    "ActionResult", "BatchResult", "Callback", "CallbackPage", "ExplainResult", "Journal", "Scene", "SessionConfig",
    "SessionInfo", "SimulateResult", "State",
]
