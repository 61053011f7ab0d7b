"""Every error leaves the service as ``{"error": {"code": ..., "message": ...}}``.

Messages never carry absolute paths, database hosts or ports (``redact_paths``, ``public_reason``): the
details go to the log. A 405 carries ``Allow``; a 401 carries ``WWW-Authenticate``.
"""

from __future__ import annotations

import re
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from pydantic import BaseModel, Field
from starlette.exceptions import HTTPException as StarletteHTTPException


class APIError(Exception):
    def __init__(self, status: int, code: str, message: str, details: Any = None,
                 headers: dict[str, str] | None = None) -> None:
        super().__init__(message)
        self.status, self.code, self.message, self.details, self.headers = status, code, message, details, headers


class ErrorInfo(BaseModel):
    code: str = Field(description="Stable machine-readable code, e.g. validation_error, database_unavailable.",
                      examples=["validation_error"])
    message: str = Field(description="What went wrong, for people.", examples=["text: text is empty"])
    details: Any = Field(None, description="Optional structured details (validation errors, readiness problems).")


class ErrorResponse(BaseModel):
    error: ErrorInfo


def _resp(description: str) -> dict[str, Any]:
    return {"model": ErrorResponse, "description": description}


#: OpenAPI error responses, per route kind
ERRORS_COMMON: dict[int | str, dict[str, Any]] = {
    404: _resp("Not found (no route; no slash redirects)."),
    405: _resp("Method not allowed; the `Allow` header lists the methods."),
}
ERRORS_BODY: dict[int | str, dict[str, Any]] = {
    400: _resp("The body is not valid JSON in UTF-8 (invalid_body)."),
    413: _resp("The body exceeds the byte limit (payload_too_large) or the batch limit (batch_too_large)."),
    422: _resp("The request does not match the schema (validation_error, invalid_components)."),
}
ERRORS_ARM: dict[int | str, dict[str, Any]] = {
    404: _resp("Unknown arm (unknown_arm), or no route."),
    503: _resp("The arm failed to load (arm_unavailable) or returned invalid output (arm_output_invalid)."),
}
ERRORS_DB: dict[int | str, dict[str, Any]] = {
    503: _resp("The gazetteer database is unavailable (database_unavailable) or an arm is unavailable."),
}
ERRORS_OPERATOR: dict[int | str, dict[str, Any]] = {
    401: _resp("Missing or wrong operator token (unauthorized)."),
    403: _resp("No operator token is configured and the client is not on loopback (forbidden)."),
}

_ABS_PATH = re.compile(r"(?<![\w.:/])(?:[A-Za-z]:)?/(?:[^\s'\"/:,;()<>]+/)+([^\s'\"/:,;()<>]*)")


def redact_paths(message: str) -> str:
    """Absolute paths keep only their last component: ``/srv/x/arms/B/model.onnx`` -> ``…/model.onnx``."""
    return _ABS_PATH.sub(lambda m: "…/" + m.group(1), message)


_DB_REASONS = (
    ("database file is missing", "the database file is missing"),
    ("not readable", "the database file is not readable"),
    ("not a regular file", "the database path is not a regular file"),
    ("was replaced", "the database file was replaced"),
    ("file is not a database", "the database file is corrupt"),
    ("database disk image is malformed", "the database file is corrupt"),
    ("unable to open database", "the database file cannot be opened"),
    ("no such table", "the database has no gazetteer (run `addrnet gazetteer load`)"),
    ("connection refused", "the database server refused the connection"),
    ("timeout", "the database server did not answer in time"),
    ("timed out", "the database server did not answer in time"),
    ("password authentication", "the database server refused the credentials"),
    ("does not exist", "the database does not exist"),
)


def public_reason(exc: BaseException) -> str:
    """A database failure in words safe to return: no path, host, port or SQL."""
    text = str(exc).lower()
    for needle, reason in _DB_REASONS:
        if needle in text:
            return f"database unavailable: {reason}"
    return f"database unavailable ({type(exc).__name__})"


_SURROGATE = re.compile("[\ud800-\udfff]")


def _encodable(obj: Any) -> Any:
    """Strings that UTF-8 can encode (lone surrogates echoed from the request become U+FFFD)."""
    if isinstance(obj, str):
        return _SURROGATE.sub("\ufffd", obj)
    if isinstance(obj, dict):
        return {_encodable(k): _encodable(v) for k, v in obj.items()}
    if isinstance(obj, list | tuple):
        return [_encodable(v) for v in obj]
    return obj


def error_body(code: str, message: str, details: Any = None) -> dict[str, Any]:
    err: dict[str, Any] = {"code": code, "message": message}
    if details is not None:
        err["details"] = details
    return {"error": _encodable(err)}


def _describe(errors: list[dict[str, Any]]) -> str:
    parts = []
    for e in errors[:5]:
        loc = ".".join(str(x) for x in e.get("loc", ()) if x != "body")
        parts.append(f"{loc or 'body'}: {e.get('msg', 'invalid')}")
    return "; ".join(parts)


_HTTP_CODES = {400: "invalid_body", 401: "unauthorized", 403: "forbidden", 404: "not_found",
               405: "method_not_allowed", 413: "payload_too_large"}


def install(app: FastAPI) -> None:
    @app.exception_handler(APIError)
    async def _api_error(_: Request, exc: APIError) -> JSONResponse:
        return JSONResponse(error_body(exc.code, exc.message, exc.details), status_code=exc.status,
                            headers=exc.headers)

    @app.exception_handler(RequestValidationError)
    async def _validation(_: Request, exc: RequestValidationError) -> JSONResponse:
        # each problem once: a body model read by the route and by its arm dependency is validated twice
        errors = list({(tuple(e["loc"]), e["type"], e["msg"]): {"loc": e["loc"], "msg": e["msg"], "type": e["type"]}
                       for e in exc.errors()}.values())
        if any(e.get("type") == "json_invalid" for e in errors):
            return JSONResponse(error_body("invalid_body", "the request body is not valid JSON in UTF-8"),
                                status_code=400)
        return JSONResponse(error_body("validation_error", _describe(errors), errors), status_code=422)

    @app.exception_handler(StarletteHTTPException)
    async def _http(_: Request, exc: StarletteHTTPException) -> JSONResponse:
        code = _HTTP_CODES.get(exc.status_code, "http_error")
        message = redact_paths(str(exc.detail))
        if exc.status_code == 400:
            message = "the request body is not valid JSON in UTF-8"
        elif exc.status_code == 404:
            message = "no such route (paths are exact: no trailing-slash redirects)"
        return JSONResponse(error_body(code, message), status_code=exc.status_code,
                            headers=getattr(exc, "headers", None))

    @app.exception_handler(Exception)
    async def _unhandled(_: Request, exc: Exception) -> JSONResponse:  # pragma: no cover - last resort
        return JSONResponse(error_body("internal_error", f"{type(exc).__name__}"), status_code=500)
