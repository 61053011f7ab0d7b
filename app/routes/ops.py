"""Operations: health, readiness, metrics, arms, eval sidecars, shadow report.

Operator routes (``/v1/shadow/*``, ``/v1/eval?detail=true``, ``/metrics``) need
``Authorization: Bearer <ADDRNET_ADMIN_TOKEN>``; with no token configured they answer loopback clients
only (403 otherwise).
"""

from __future__ import annotations

import copy
import hmac
import ipaddress
import json
from datetime import UTC, datetime, timedelta
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import JSONResponse, Response
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from prometheus_client import CONTENT_TYPE_LATEST, generate_latest
from sqlalchemy.exc import SQLAlchemyError

from app import shadow
from app.deps import StateDep
from app.errors import (
    ERRORS_COMMON,
    ERRORS_DB,
    ERRORS_OPERATOR,
    APIError,
    error_body,
    public_reason,
    redact_paths,
)

router = APIRouter(tags=["operations"], responses=ERRORS_COMMON)

_bearer = HTTPBearer(auto_error=False, description="ADDRNET_ADMIN_TOKEN; unset: loopback clients only.")


def _is_loopback(host: str | None) -> bool:
    try:
        return host is not None and ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def require_operator(
    request: Request, state: StateDep, creds: Annotated[HTTPAuthorizationCredentials | None, Depends(_bearer)]
) -> None:
    token = state.settings.admin_token
    if token:
        given = creds.credentials if creds is not None and creds.scheme.lower() == "bearer" else ""
        if not hmac.compare_digest(given.encode(), token.encode()):
            raise APIError(401, "unauthorized", "operator routes need Authorization: Bearer <ADDRNET_ADMIN_TOKEN>",
                           headers={"WWW-Authenticate": "Bearer"})
        return
    if not _is_loopback(request.client.host if request.client else None):
        raise APIError(403, "forbidden", "ADDRNET_ADMIN_TOKEN is not set: operator routes answer loopback clients only")


OperatorDep = Annotated[None, Depends(require_operator)]


@router.get("/healthz", summary="The process is alive")
def healthz() -> dict[str, str]:
    return {"status": "ok"}


@router.get("/readyz", summary="200 when the primary arm is loaded and the gazetteer answers; 503 otherwise",
            responses={503: ERRORS_DB[503]})
def readyz(state: StateDep) -> JSONResponse:
    problems: dict[str, str] = {}
    if state.arms.get(None) is None:
        problems["primary_arm"] = state.arms.errors.get(state.arms.primary, f"arm {state.arms.primary!r} not found")
    db = state.db_problem(fresh=True)
    if db:
        problems["database"] = db
    if problems:
        body = error_body("not_ready", "; ".join(f"{k}: {v}" for k, v in problems.items()), problems)
        return JSONResponse(body, status_code=503)
    return JSONResponse({"status": "ready", "arms": state.arms.loaded_names()})  # arms still loading come later


@router.get("/metrics", summary="Prometheus metrics (operator)", response_class=Response, responses=ERRORS_OPERATOR)
def metrics(state: StateDep, _: OperatorDep) -> Response:
    state.metrics.flush_requests()
    return Response(generate_latest(state.metrics.registry), media_type=CONTENT_TYPE_LATEST)


@router.get("/v1/arms", summary="Loaded arms with their manifests; which is primary and which is shadow")
def arms(state: StateDep) -> dict[str, Any]:
    return _scrub(state.arms.describe())  # manifests written elsewhere may hold absolute paths


_SIDECARS: dict[str, tuple[float, Any]] = {}


def _read_json(path: Any) -> Any:
    """A sidecar's JSON, parsed once per file version (mtime)."""
    try:
        mtime = path.stat().st_mtime
        hit = _SIDECARS.get(str(path))
        if hit is None or hit[0] != mtime:
            hit = _SIDECARS[str(path)] = (mtime, json.loads(path.read_text(encoding="utf-8")))
        return copy.deepcopy(hit[1])
    except (OSError, ValueError):
        return None


def _scrub(obj: Any) -> Any:
    if isinstance(obj, str):
        return redact_paths(obj)
    if isinstance(obj, dict):
        return {redact_paths(str(k)): _scrub(v) for k, v in obj.items()}
    if isinstance(obj, list):
        return [_scrub(v) for v in obj]
    return obj


SIDECAR_SUMMARY_KEYS = ("runner", "arm", "date", "git_sha", "metrics")
DECISION_SUMMARY_KEYS = ("decision", "branch", "notes", "comparisons", "corpus_version", "tokenizer_version")


@router.get("/v1/eval", summary="The release's eval results per loaded arm and the decision (detail: operator)",
            responses=ERRORS_OPERATOR)
def eval_sidecars(
    request: Request,
    state: StateDep,
    creds: Annotated[HTTPAuthorizationCredentials | None, Depends(_bearer)],
    detail: bool = Query(False, description="Whole sidecars (failures, inputs, manifests); needs the operator token."),
) -> dict[str, Any]:
    if detail:
        require_operator(request, state, creds)
    root = state.settings.results_dir
    out: dict[str, Any] = {}
    for name in sorted(state.arms.taggers):
        folder = root / name
        sidecars = {p.stem: _read_json(p) for p in sorted(folder.glob("*.json"))} if folder.is_dir() else {}
        if not detail:
            sidecars = {k: {f: v[f] for f in SIDECAR_SUMMARY_KEYS if f in v} for k, v in sidecars.items()
                        if isinstance(v, dict)}
        out[name] = sidecars
    decision = _read_json(root / "decision.json") if (root / "decision.json").is_file() else None
    if isinstance(decision, dict) and not detail:
        decision = {k: decision[k] for k in DECISION_SUMMARY_KEYS if k in decision}
    return _scrub({"detail": detail, "arms": out, "decision": decision})


@router.get("/v1/shadow/report", summary="Shadow agreement per component, disagreements, latency, counters (operator)",
            responses={**ERRORS_OPERATOR, **ERRORS_DB})
def shadow_report(
    state: StateDep,
    _: OperatorDep,
    since: datetime | None = Query(None, description="ISO 8601 time; default: the last 24 hours"),
    examples: int = Query(10, ge=0, le=100, description="Latest disagreements to show."),
) -> dict[str, Any]:
    start = since or datetime.now(UTC) - timedelta(hours=24)
    if start.tzinfo is None:
        start = start.replace(tzinfo=UTC)
    runner = state.shadow
    counters = runner.stats() if runner else None
    engine = state.shadow_engine or state.engine
    if engine is None:
        raise APIError(503, "database_unavailable", state.engine_error or "no database configured")
    try:
        rep = shadow.report(engine, start, examples, state.settings.shadow_report_window,
                            state.settings.shadow_store_text)
    except SQLAlchemyError as exc:  # the counters live in the process: show them anyway
        raise APIError(503, "database_unavailable", public_reason(exc), {"counters": counters}) from None
    rep["primary_arm"], rep["shadow_arm"] = state.arms.primary, state.settings.shadow_arm
    rep["counters"] = counters
    return rep
