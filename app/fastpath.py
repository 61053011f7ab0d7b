"""``POST /parse``, ``POST /parse/batch`` and ``POST /resolve`` without FastAPI's routing and dependency solving,
for the usual request (issue 14).

``FastParseMiddleware`` sits inside the request-id/metrics/log middleware (``app.observe``) and the body
limit (``app.limits``), so those see every request alike. For ``POST /parse`` (``/parse/batch``) it parses
the body with orjson and validates it with the route's own model (``ParseRequest.model_validate``,
``BatchRequest.model_validate``, as FastAPI does after its JSON decoding), reads the query (``tokens``,
``labels``) and makes the route's one call (``Service.parse``, ``Service.parse_batch_async``, then
``routes.parse.in_view``) with the loaded arm the request names. ``POST /resolve`` bodies go to the route
module's own ``answer_fast`` (``app.routes.resolve``: the usual text request on a SQLite gazetteer).

Anything else goes to the FastAPI route with the body replayed, so it answers exactly as the route does:
a body that is not a JSON object or fails validation, a content type other than JSON, a query value this
path does not read the way FastAPI would (anything but ``true``/``false``/``1``/``0`` for ``tokens``, a
repeated parameter), an arm that is not loaded, an ``APIError`` from the service (a batch over the limit).
The routes stay the ones in the OpenAPI schema; ``ADDRNET_PARSE_FAST_PATH=false`` turns this path off.
"""

from __future__ import annotations

from typing import Any, cast, get_args
from urllib.parse import parse_qsl

import orjson
from pydantic import ValidationError
from starlette.types import ASGIApp, Receive, Scope, Send

from app.deps import service_for
from app.errors import APIError
from app.limits import replaying
from app.routes import resolve
from app.routes.parse import LabelsQuery, in_view, router
from app.schemas import BatchRequest, ParseRequest

PATH = "/parse"
BATCH_PATH = "/parse/batch"
RESOLVE_PATH = "/resolve"
PATHS = frozenset({PATH, BATCH_PATH, RESOLVE_PATH})
_JSON = b"application/json"
_BOOLS = {"true": True, "false": False, "1": True, "0": False}
_VIEWS = frozenset(get_args(get_args(LabelsQuery)[0]))


def _route(path: str) -> Any:
    """The route of POST ``path``, as the router would set it in the scope (app.observe labels metrics and
    logs by it)."""
    return next(r for r in router.routes if getattr(r, "path", None) == path and "POST" in getattr(r, "methods", ()))


ROUTE = _route(PATH)
BATCH_ROUTE = _route(BATCH_PATH)


def _query(raw: bytes) -> tuple[bool, str] | None:
    """(tokens, labels) of a query string, or None when FastAPI's reading of it might differ."""
    if not raw:
        return False, "addrnet"
    seen: dict[str, str] = {}
    for key, value in parse_qsl(raw.decode("latin-1"), keep_blank_values=True):
        if key in seen:
            return None
        seen[key] = value
    tokens = _BOOLS.get(seen.get("tokens", "false"))
    labels = seen.get("labels", "addrnet")
    if tokens is None or labels not in _VIEWS:
        return None
    return tokens, labels


def _json_body(scope: Scope) -> bool:
    """True when FastAPI would decode the body as JSON (no content type, or ``application/json``)."""
    for key, value in scope["headers"]:
        if key == b"content-type":
            return value.split(b";", 1)[0].strip().lower() == _JSON
    return True


class FastParseMiddleware:
    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["path"] not in PATHS or scope["method"] != "POST":
            await self.app(scope, receive, send)
            return
        chunks = []
        while True:
            message = await receive()
            if message["type"] != "http.request":  # the client went away
                return
            chunks.append(message.get("body", b""))
            if not message.get("more_body", False):
                break
        body = b"".join(chunks)
        response = await self._answer(scope, body)
        if response is not None:
            await response(scope, receive, send)
            return
        await self.app(scope, replaying(body, receive), send)

    async def _answer(self, scope: Scope, body: bytes) -> Any:
        """The route's response for a usual request; None: let the route answer."""
        app: Any = scope.get("app")
        state = getattr(getattr(app, "state", None), "addrnet", None)
        if state is None or not state.settings.parse_fast_path or not _json_body(scope):
            return None
        if scope["path"] == RESOLVE_PATH:  # no query parameters; the route's own fast answer
            try:
                return await resolve.answer_fast(app, cast(dict[str, Any], scope), orjson.loads(body))
            except orjson.JSONDecodeError:
                return None
        query = _query(scope.get("query_string", b""))
        if query is None:
            return None
        try:
            data = orjson.loads(body)
        except orjson.JSONDecodeError:
            return None
        if not isinstance(data, dict):
            return None
        batch = scope["path"] == BATCH_PATH
        try:
            req: ParseRequest | BatchRequest = (BatchRequest if batch else ParseRequest).model_validate(data)
        except ValidationError:
            return None
        tagger = state.arms.get(req.arm)
        if tagger is None:
            return None
        tokens, labels = query
        try:
            if isinstance(req, BatchRequest):
                if len(req.texts) > state.settings.max_batch:  # the route's 413
                    return None
                scope["route"] = BATCH_ROUTE
                response = await service_for(app).parse_batch_async(tagger, req.texts, tokens)
            else:
                scope["route"] = ROUTE
                response = await service_for(app).parse(tagger, req.text, tokens)
        except APIError:
            return None
        return in_view(response, labels)
