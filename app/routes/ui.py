"""The pages for people: the playground (GET /), the eval dashboard (/ui/eval) and the shadow dashboard
(/ui/shadow). Plain HTML, CSS and JavaScript from app/static: no build step, nothing fetched from the network.

The pages call the public API (/parse, /resolve, /v1/shadow/report) from the browser. Two small JSON
routes serve what no public route gives in a compact form: the page settings (/ui/config.json) and a
summary of the eval sidecars (/ui/eval/data.json), read from disk on every request, never copied.
"""

from __future__ import annotations

import json
import re
from functools import lru_cache
from pathlib import Path
from typing import Any

from fastapi import APIRouter
from fastapi.responses import FileResponse

from app.deps import StateDep
from app.errors import APIError
from model.labels import LABELS

router = APIRouter(include_in_schema=False)

STATIC = Path(__file__).resolve().parents[1] / "static"
_TYPES = {".html": "text/html; charset=utf-8", ".css": "text/css; charset=utf-8",
          ".js": "text/javascript; charset=utf-8", ".svg": "image/svg+xml"}
_NAME = re.compile(r"^[A-Za-z0-9_][A-Za-z0-9_.-]{0,63}$")  # no path separators, no leading dot
_NO_CACHE = {"Cache-Control": "no-cache"}


def _page(name: str) -> FileResponse:
    return FileResponse(STATIC / name, media_type=_TYPES[".html"], headers=_NO_CACHE)


@router.get("/")
def playground() -> FileResponse:
    return _page("index.html")


@router.get("/ui/eval")
def eval_page() -> FileResponse:
    return _page("eval.html")


@router.get("/ui/shadow")
def shadow_page() -> FileResponse:
    return _page("shadow.html")


@router.get("/ui/static/{name}")
def static_file(name: str) -> FileResponse:
    path = STATIC / name
    if not _NAME.match(name) or path.suffix not in _TYPES or not path.is_file():
        raise APIError(404, "not_found", f"no static file {name!r}")
    return FileResponse(path, media_type=_TYPES[path.suffix], headers=_NO_CACHE)


@router.get("/ui/config.json")
def config(state: StateDep) -> dict[str, Any]:
    s = state.settings
    return {
        "labels": list(LABELS),
        "max_text_chars": s.max_text_chars,
        "max_batch": s.max_batch,
        "resolve_limit_max": s.resolve_limit_max,
        "primary_arm": state.arms.primary,
        "shadow_arm": s.shadow_arm,
        "arms": sorted(state.arms.taggers),
    }


@lru_cache(maxsize=64)
def _load(path: str, mtime_ns: int, size: int) -> Any:
    return json.loads(Path(path).read_text(encoding="utf-8"))


def read_json(path: Path) -> Any:
    """A sidecar's JSON, re-read whenever the file changes (the eval rewrites them); None when unreadable."""
    try:
        st = path.stat()
        return _load(str(path), st.st_mtime_ns, st.st_size)
    except (OSError, ValueError):
        return None


def _get(d: Any, *keys: str) -> Any:
    for k in keys:
        if not isinstance(d, dict):
            return None
        d = d.get(k)
    return d


def _eval_arms(results: Path, decision: Any) -> list[str]:
    names = set()
    if results.is_dir():
        names |= {p.name for p in results.iterdir() if p.is_dir() and any(p.glob("*.json"))}
    if isinstance(_get(decision, "arms"), dict):
        names |= set(decision["arms"])
    return sorted(n for n in names if _NAME.match(n))


def _reliability_path(results: Path, arm: str) -> Path:
    name = _get(read_json(results / arm / "calibration.json"), "reliability_png")
    name = name if isinstance(name, str) and _NAME.match(name) else "calibration_reliability.png"
    return results / arm / name


def _summary(side: Any) -> dict[str, Any] | None:
    if not isinstance(side, dict):
        return None
    return {"date": side.get("date"), "git_sha": side.get("git_sha"), "metrics": side.get("metrics")}


@router.get("/ui/eval/data.json")
def eval_data(state: StateDep) -> dict[str, Any]:
    """The release decision and the figures per arm, read from the eval's sidecars (no absolute paths)."""
    results, arms_dir = state.settings.results_dir, state.settings.arms_dir
    decision = read_json(results / "decision.json")
    if isinstance(decision, dict):
        decision = {k: decision.get(k) for k in (
            "decision", "branch", "notes", "rule", "comparisons", "paired", "informational", "corpus_version",
            "tokenizer_version", "peers_harness_pass_rate")}
    arms: dict[str, Any] = {}
    for arm in _eval_arms(results, decision):
        resolver = read_json(results / arm / "resolver.json")
        calibration = read_json(results / arm / "calibration.json")
        harness = read_json(results / arm / "harness.json")
        components = read_json(results / arm / "components.json")
        metrics = _get(resolver, "metrics") or {}
        cal = _get(calibration, "metrics", "overall") or {}
        arms[arm] = {
            "date": _get(resolver, "date"),
            "git_sha": _get(resolver, "git_sha"),
            "resolver": {k: metrics.get(k) for k in ("accuracy", "acc_at_5", "per_format", "no_result",
                                                     "errors", "distance_km")} if metrics else None,
            "calibration": {k: cal.get(k) for k in ("ece", "wrong_at_conf_ge_0.9", "p90_conf_of_wrong",
                                                    "n_components", "bins")} if cal else None,
            "harness": _get(harness, "metrics", "overall"),
            "components": {k: _get(components, "metrics", k) for k in ("micro", "exact_match")}
            if components else None,
            "images": {
                "reliability": f"/ui/eval/img/{arm}/reliability.png"
                if _reliability_path(results, arm).is_file() else None,
                "curves": f"/ui/eval/img/{arm}/curves.png" if (arms_dir / arm / "curves.png").is_file() else None,
            },
        }
    return {"decision": decision, "arms": arms}


@router.get("/ui/eval/img/{arm}/{kind}.png")
def eval_image(arm: str, kind: str, state: StateDep) -> FileResponse:
    if not _NAME.match(arm) or kind not in ("reliability", "curves"):
        raise APIError(404, "not_found", "no such image")
    s = state.settings
    path = _reliability_path(s.results_dir, arm) if kind == "reliability" else s.arms_dir / arm / "curves.png"
    if not path.is_file():
        raise APIError(404, "not_found", f"no {kind} image for arm {arm!r}")
    return FileResponse(path, media_type="image/png", headers=_NO_CACHE)
