"""Operations: health, readiness, metrics, arms, eval sidecars, shadow report."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from typing import Any

from fastapi import APIRouter, Query
from fastapi.responses import JSONResponse, Response
from prometheus_client import CONTENT_TYPE_LATEST, generate_latest
from sqlalchemy.exc import SQLAlchemyError

from app import shadow
from app.deps import StateDep
from app.errors import APIError, error_body

router = APIRouter(tags=["operations"])


@router.get("/healthz", summary="The process is alive")
def healthz() -> dict[str, str]:
    return {"status": "ok"}


@router.get("/readyz", summary="200 when the arms are loaded and the database answers; 503 otherwise")
def readyz(state: StateDep) -> JSONResponse:
    problems: dict[str, str] = {}
    if state.arms.get(None) is None:
        problems["primary_arm"] = state.arms.errors.get(state.arms.primary, f"arm {state.arms.primary!r} not found")
    db = state.db_problem()
    if db:
        problems["database"] = db
    if problems:
        body = error_body("not_ready", "; ".join(f"{k}: {v}" for k, v in problems.items()), problems)
        return JSONResponse(body, status_code=503)
    return JSONResponse({"status": "ready", "arms": sorted(state.arms.taggers)})


@router.get("/metrics", summary="Prometheus metrics", response_class=Response)
def metrics(state: StateDep) -> Response:
    return Response(generate_latest(state.metrics.registry), media_type=CONTENT_TYPE_LATEST)


@router.get("/v1/arms", summary="Loaded arms with their manifests; which is primary and which is shadow")
def arms(state: StateDep) -> dict[str, Any]:
    return state.arms.describe()


def _read_json(path: Any) -> Any:
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None


@router.get("/v1/eval", summary="The release's eval sidecars for each loaded arm, and the decision")
def eval_sidecars(state: StateDep) -> dict[str, Any]:
    root = state.settings.results_dir
    out: dict[str, Any] = {}
    for name in sorted(state.arms.taggers):
        folder = root / name
        out[name] = {p.stem: _read_json(p) for p in sorted(folder.glob("*.json"))} if folder.is_dir() else {}
    decision = _read_json(root / "decision.json") if (root / "decision.json").is_file() else None
    return {"results_dir": str(root), "arms": out, "decision": decision}


@router.get("/v1/shadow/report", summary="Shadow agreement per component, disagreement examples, latency")
def shadow_report(
    state: StateDep,
    since: datetime | None = Query(None, description="ISO 8601 time; default: the last 24 hours"),
    examples: int = Query(10, ge=0, le=100),
) -> dict[str, Any]:
    if state.engine is None:
        raise APIError(503, "database_unavailable", state.engine_error or "no database configured")
    start = since or datetime.now(UTC) - timedelta(hours=24)
    if start.tzinfo is None:
        start = start.replace(tzinfo=UTC)
    try:
        rep = shadow.report(state.engine, start, examples)
    except SQLAlchemyError as exc:
        raise APIError(503, "database_unavailable", str(exc).splitlines()[0][:200]) from None
    runner = state.shadow
    rep["primary_arm"], rep["shadow_arm"] = state.arms.primary, state.settings.shadow_arm
    rep["runtime"] = (
        {"dropped": runner.dropped, "errors": runner.errors, "done": runner.done, "queued": runner.queue.qsize()}
        if runner else None
    )
    return rep
