"""Annotated dependencies for the routes: the state, the service, the arm of a request, a database connection.

All are ``async def`` (FastAPI runs a plain ``def`` dependency in the thread pool) except the connection,
which may wait on the network and so stays off the event loop.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager, ExitStack, contextmanager
from typing import Annotated, Any

from fastapi import Depends, Query, Request
from sqlalchemy.engine import Connection, Engine
from sqlalchemy.exc import SQLAlchemyError

from app.errors import APIError, public_reason
from app.schemas import BatchRequest, ParseRequest, ResolveRequest
from app.service import Service, check_components
from app.state import AppState
from model.tagger import Tagger


async def get_state(request: Request) -> AppState:
    state: AppState = request.app.state.addrnet
    return state


StateDep = Annotated[AppState, Depends(get_state)]


def service_for(app: Any) -> Service:
    """The app's ``Service`` (made on first use)."""
    service: Service | None = getattr(app.state, "service", None)
    if service is None:
        service = app.state.service = Service(app.state.addrnet)
    return service


def service_of(request: Request) -> Service:
    """The app's ``Service``. Hot routes call this with their ``Request`` rather than taking ``ServiceDep``:
    every dependency costs FastAPI a solve per request."""
    return service_for(request.app)


async def get_service(request: Request) -> Service:
    return service_of(request)


ServiceDep = Annotated[Service, Depends(get_service)]

TokensQuery = Annotated[bool, Query(description="Include the per-token list (`tokens`) in each parse.")]


def pick_tagger(state: AppState, arm: str | None) -> Tagger:
    """The arm named ``arm`` (the primary when None), else the client's error (``ArmRegistry.require``)."""
    return state.arms.require(arm)


# The arm of a request (the parameter is named ``req`` like the route's body, so the body is read once;
# the state comes from the request itself: one dependency less to solve per request).
async def parse_arm(req: ParseRequest, request: Request) -> Tagger:
    return pick_tagger(request.app.state.addrnet, req.arm)


async def batch_arm(req: BatchRequest, request: Request) -> Tagger:
    return pick_tagger(request.app.state.addrnet, req.arm)


async def resolve_arm(req: ResolveRequest, request: Request) -> Tagger | None:
    """The arm that parses ``text``; None for a components request (whose labels are checked here)."""
    if req.text is None:
        check_components(req.components)
        return None
    return pick_tagger(request.app.state.addrnet, req.arm)


ParseArm = Annotated[Tagger, Depends(parse_arm)]
BatchArm = Annotated[Tagger, Depends(batch_arm)]
ResolveArm = Annotated[Tagger | None, Depends(resolve_arm)]


@contextmanager
def checked_out(state: AppState,
                checkout: Callable[[Engine], AbstractContextManager[Connection]] = Engine.connect) -> Iterator[Connection]:
    """A gazetteer connection from ``checkout(state.engine)`` for one use (default: a pool checkout, returned
    afterwards); no database or a failed checkout: 503 ``database_unavailable``."""
    if state.engine is None:
        raise APIError(503, "database_unavailable", state.engine_error or "no database configured")
    stack = ExitStack()
    try:
        conn = stack.enter_context(checkout(state.engine))
    except SQLAlchemyError as exc:
        raise APIError(503, "database_unavailable", public_reason(exc)) from None
    with stack:
        yield conn


def get_connection(state: StateDep) -> Iterator[Connection]:
    """A gazetteer connection for the request (thread pool), returned to the pool afterwards."""
    with checked_out(state) as conn:
        yield conn


ConnectionDep = Annotated[Connection, Depends(get_connection)]
