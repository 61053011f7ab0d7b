"""``POST /parse``, ``POST /parse/batch`` and ``POST /resolve`` without FastAPI's routing and dependency solving,
for the usual request (issue 14).

``FastParseFront`` answers the usual ``POST /parse`` outside every other middleware (``app.main`` puts it
around the whole stack, FastAPI's own error middleware included): it reads the body (a declared length
within the body limit, ``app.limits``), parses it with orjson (which takes strict UTF-8 only, as the body
limit checks), checks it as ``ParseRequest`` would (``parse_request``: a plain check that accepts only what
the model accepts, unchanged), reads the query (``tokens``, ``labels``), makes the route's one call
(``Service.parse_body``, then ``routes.parse.view_body``) and sends the route's bytes and headers with the
request id (``app.observe``), then counts and logs the request as ``app.observe`` does.

``FastParseMiddleware`` sits inside the request-id/metrics/log middleware (``app.observe``) and the body
limit (``app.limits``), so those see every request alike. For ``POST /parse/batch`` (and a ``/parse`` the
front handed on) it parses the body with orjson and validates it with the route's own model
(``BatchRequest.model_validate``, as FastAPI does after its JSON decoding), reads the query and makes the
route's one call (``Service.parse_batch_async``, then ``routes.parse.in_view``) with the loaded arm the
request names. ``POST /resolve`` bodies go to the route module's own ``answer_fast`` (``app.routes.resolve``:
the usual text request on a SQLite gazetteer).

Anything else goes on (the front: to the whole stack; the middleware: to the FastAPI route) with the body
replayed, so it answers exactly as the route does: a body that is not a JSON object or fails validation, a
content type other than JSON, no or a too large ``content-length``, a query value this path does not read
the way FastAPI would (anything but ``true``/``false``/``1``/``0`` for ``tokens``, a repeated parameter), an
arm that is not loaded, an error from the service (``APIError``: a batch over the limit; any exception
before the front answered, which the stack then meets again and answers as ever). The routes stay the ones
in the OpenAPI schema; ``ADDRNET_PARSE_FAST_PATH=false`` turns these paths off.
"""

from __future__ import annotations

import time
from typing import Any, cast, get_args
from urllib.parse import parse_qsl

import orjson
from pydantic import ValidationError
from starlette.types import ASGIApp, Receive, Scope, Send

from app.deps import service_for
from app.errors import APIError
from app.limits import replaying
from app.observe import ARM_HEADER, REQUEST_ID_HEADER, done, given_id
from app.routes import post_route, resolve
from app.routes.parse import LabelsQuery, in_view, router, view_body
from app.schemas import BatchRequest, ParseRequest, check_text

PATH = "/parse"
BATCH_PATH = "/parse/batch"
RESOLVE_PATH = "/resolve"
PATHS = frozenset({PATH, BATCH_PATH, RESOLVE_PATH})
_JSON = b"application/json"
_BOOLS = {"true": True, "false": False, "1": True, "0": False}
_VIEWS = frozenset(get_args(get_args(LabelsQuery)[0]))


ROUTE = post_route(router, PATH)
BATCH_ROUTE = post_route(router, BATCH_PATH)


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


def _is_json(content_type: bytes | None) -> bool:
    """True when FastAPI would decode a body of this content type as JSON (None: no header)."""
    return content_type is None or content_type.split(b";", 1)[0].strip().lower() == _JSON


def _json_body(scope: Scope) -> bool:
    """True when FastAPI would decode the body as JSON (no content type, or ``application/json``)."""
    return _is_json(next((value for key, value in scope["headers"] if key == b"content-type"), None))


_ARM_RAW = ARM_HEADER.encode()
_REQUEST_ID_RAW = REQUEST_ID_HEADER.encode()
_PARSE_KEYS = (frozenset({"text"}), frozenset({"text", "arm"}))


def parse_request(data: Any) -> tuple[str, str | None] | None:
    """(text, arm) of a decoded /parse body that ``ParseRequest`` accepts as it is, without building the
    model; None for anything else (the route then answers, with the model's own error)."""
    if type(data) is not dict or data.keys() not in _PARSE_KEYS:
        return None
    text, arm = data["text"], data.get("arm")
    if type(text) is not str or (arm is not None and type(arm) is not str):
        return None
    try:
        check_text(text)
    except ValueError:
        return None
    return text, arm


async def _read_body(receive: Receive) -> bytes | None:
    """The whole request body; None when the client went away meanwhile."""
    chunks = []
    while True:
        message = await receive()
        if message["type"] != "http.request":
            return None
        chunks.append(message.get("body", b""))
        if not message.get("more_body", False):
            return chunks[0] if len(chunks) == 1 else b"".join(chunks)


class FastParseFront:
    """The usual ``POST /parse``, answered outside every other middleware (the module's docstring)."""

    def __init__(self, app: ASGIApp, max_bytes: int) -> None:
        self.app, self.max_bytes = app, max_bytes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["path"] != PATH or scope["method"] != "POST":
            await self.app(scope, receive, send)
            return
        app: Any = scope.get("app")
        state = getattr(getattr(app, "state", None), "addrnet", None)
        length = content_type = rid = None
        for key, value in scope["headers"]:
            if key == b"content-length":
                length = value  # the last one, as the body limit reads it
            elif key == b"content-type":
                content_type = value if content_type is None else content_type
            elif key == _REQUEST_ID_RAW:
                rid = value if rid is None else rid
        query = _query(scope.get("query_string", b""))
        if (state is None or not state.settings.parse_fast_path or query is None or length is None
                or not length.isdigit() or int(length) > self.max_bytes
                or not _is_json(content_type)):
            await self.app(scope, receive, send)
            return
        body = await _read_body(receive)
        if body is None:
            return
        t0 = time.perf_counter()
        try:
            request = parse_request(orjson.loads(body)) if len(body) <= self.max_bytes else None
        except orjson.JSONDecodeError:
            request = None
        tagger = state.arms.get(request[1]) if request is not None else None
        if request is None or tagger is None:
            await self.app(scope, replaying(body, receive), send)
            return
        tokens, labels = query
        try:
            out = view_body(await service_for(app).parse_body(tagger, request[0], tokens), labels)
        except Exception:  # noqa: BLE001 - the whole stack meets it again and answers as it always does
            await self.app(scope, replaying(body, receive), send)
            return
        request_id = given_id(rid)
        scope.setdefault("state", {})["request_id"] = request_id
        await send({"type": "http.response.start", "status": 200, "headers": [
            (_ARM_RAW, tagger.name.encode("latin-1")), (b"content-length", b"%d" % len(out)),
            (b"content-type", _JSON), (_REQUEST_ID_RAW, request_id.encode())]})
        await send({"type": "http.response.body", "body": out})
        done(state, request_id, "POST", PATH, tagger.name, 200, time.perf_counter() - t0)


class FastParseMiddleware:
    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["path"] not in PATHS or scope["method"] != "POST":
            await self.app(scope, receive, send)
            return
        body = await _read_body(receive)
        if body is None:  # the client went away
            return
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
            if isinstance(req, BatchRequest):  # over the batch limit: APIError, the route's 413
                scope["route"] = BATCH_ROUTE
                response = await service_for(app).parse_batch_async(tagger, req.texts, tokens)
            else:
                scope["route"] = ROUTE
                response = await service_for(app).parse(tagger, req.text, tokens)
        except APIError:
            return None
        return in_view(response, labels)
