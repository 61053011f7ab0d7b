"""Sidecars: ``<runner>.json`` (every figure + provenance) and ``<runner>.md`` (the same figures).

``load_sidecar`` is the only reader: it checks the required fields of the runner's schema and raises
``SidecarError`` naming the missing field; it never fills in a default.
"""

from __future__ import annotations

import datetime as dt
import json
import subprocess
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

from model.artifact import sha256_file  # re-exported: eval.sidecar.sha256_file

SCHEMA_VERSION = 1
RUNNERS = ("resolver", "harness", "calibration", "components", "peers")

# Dotted paths every sidecar must carry, then the runner-specific ones.
COMMON_FIELDS = (
    "schema_version",
    "runner",
    "arm",
    "url",
    "date",
    "git_sha",
    "inputs",
    "params",
    "service_arms",
    "arm_manifest",
    "arm_manifest.version",
    "arm_manifest.corpus_version",
    "arm_manifest.tokenizer_version",
    "metrics",
    "failures",
)
PROPORTION = ("n", "successes", "value", "ci95")
RUNNER_FIELDS: dict[str, tuple[str, ...]] = {
    "resolver": (
        *(f"metrics.accuracy.{k}" for k in PROPORTION),
        "metrics.per_format",
        "metrics.distance_km.median",
        "metrics.distance_km.p90",
        "metrics.distance_km.within_10km",
        "metrics.excluded",
    ),
    "harness": (
        *(f"metrics.overall.{k}" for k in PROPORTION),
        "metrics.per_file",
        "metrics.per_country",
        "metrics.per_mode",
    ),
    "calibration": (
        "metrics.overall.n_components",
        "metrics.overall.n_conf_ge_0.9",
        "metrics.overall.wrong_at_conf_ge_0.9",
        "metrics.overall.p90_conf_of_wrong",
        "metrics.overall.ece",
        "metrics.per_source",
        "definitions",
    ),
    "components": (
        "metrics.micro.precision",
        "metrics.micro.recall",
        "metrics.micro.f1",
        "metrics.per_label",
        *(f"metrics.exact_match.{k}" for k in PROPORTION),
    ),
    "peers": ("metrics.systems", "metrics.harness", "metrics.resolver_inputs"),
}


class SidecarError(ValueError):
    """A sidecar is missing, unreadable, or lacks a required field."""


def _lookup(data: Any, dotted: str) -> tuple[bool, Any]:
    """Resolve a dotted path; keys may themselves contain dots ("n_conf_ge_0.9"), so try the longest
    key first."""
    if not dotted:
        return True, data
    if not isinstance(data, Mapping):
        return False, None
    parts = dotted.split(".")
    for i in range(len(parts), 0, -1):
        key = ".".join(parts[:i])
        if key in data:
            found, value = _lookup(data[key], ".".join(parts[i:]))
            if found:
                return True, value
    return False, None


def get(data: Mapping[str, Any], dotted: str) -> Any:
    found, value = _lookup(data, dotted)
    if not found:
        raise SidecarError(f"missing field {dotted!r}")
    return value


def validate(data: Any, runner: str, source: str = "<sidecar>") -> dict[str, Any]:
    if not isinstance(data, dict):
        raise SidecarError(f"{source}: a sidecar is a JSON object, got {type(data).__name__}")
    if runner not in RUNNER_FIELDS:
        raise SidecarError(f"{source}: unknown runner {runner!r}")
    missing = [f for f in (*COMMON_FIELDS, *RUNNER_FIELDS[runner]) if not _lookup(data, f)[0]]
    if missing:
        raise SidecarError(f"{source}: {runner} sidecar is missing required field(s): {', '.join(missing)}")
    if data["runner"] != runner:
        raise SidecarError(f"{source}: field 'runner' is {data['runner']!r}, expected {runner!r}")
    if data["schema_version"] != SCHEMA_VERSION:
        raise SidecarError(f"{source}: schema_version {data['schema_version']!r}, this reader knows {SCHEMA_VERSION}")
    return data


def load_sidecar(folder: Path, runner: str) -> dict[str, Any]:
    path = Path(folder) / f"{runner}.json"
    if not path.is_file():
        raise SidecarError(f"{path}: no such sidecar (run `addrnet eval {runner}` first)")
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise SidecarError(f"{path}: unreadable sidecar: {exc}") from exc
    return validate(data, runner, str(path))


# --------------------------------------------------------------------------------------------------
# provenance


def git_sha(root: Path | None = None) -> str:
    root = root or Path(__file__).resolve().parents[1]
    try:
        sha = subprocess.run(["git", "rev-parse", "HEAD"], cwd=root, capture_output=True, text=True,
                             timeout=10, check=True).stdout.strip()
        dirty = subprocess.run(["git", "status", "--porcelain", "--untracked-files=no"], cwd=root,
                               capture_output=True, text=True, timeout=10).stdout.strip()
    except (OSError, subprocess.SubprocessError):
        return "unknown"
    return sha + ("-dirty" if dirty else "")


def provenance(runner: str, url: str, arm: str | None, service_arms: Mapping[str, Any],
               inputs: Iterable[Path], params: Mapping[str, Any]) -> dict[str, Any]:
    """The fields every sidecar starts with. ``arm`` None means the service's primary."""
    arm_name = arm or service_arms.get("primary")
    manifest = (service_arms.get("arms") or {}).get(arm_name)
    if manifest is None:
        raise SidecarError(f"the service at {url} does not list arm {arm_name!r} in /v1/arms")
    return {
        "schema_version": SCHEMA_VERSION,
        "runner": runner,
        "arm": arm_name,
        "arm_requested": arm,
        "url": url,
        "date": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
        "git_sha": git_sha(),
        "inputs": {str(Path(p).resolve()): sha256_file(p) for p in inputs},
        "params": dict(params),
        "service_arms": dict(service_arms),
        "arm_manifest": dict(manifest),
    }


# --------------------------------------------------------------------------------------------------
# writing


def fmt(value: Any, pct: bool = False) -> str:
    if value is None:
        return "—"
    if isinstance(value, bool):
        return str(value)
    if isinstance(value, float):
        return f"{100 * value:.2f}%" if pct else f"{value:.4g}"
    return str(value)


def fmt_prop(p: Mapping[str, Any]) -> str:
    lo, hi = p["ci95"]
    return f"{100 * p['value']:.2f}% ({p['successes']}/{p['n']}; 95% CI {100 * lo:.1f}–{100 * hi:.1f})"


def md_table(header: list[str], rows: Iterable[Iterable[Any]]) -> str:
    def cell(x: Any) -> str:
        return str(x).replace("|", "\\|").replace("\n", " ")

    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    lines += ["| " + " | ".join(cell(x) for x in row) + " |" for row in rows]
    return "\n".join(lines)


def md_header(data: Mapping[str, Any], title: str) -> str:
    m = data["arm_manifest"]
    inputs = "\n".join(f"- `{p}` sha256 `{h}`" for p, h in data["inputs"].items())
    return (
        f"# {title}\n\n"
        f"- arm **{data['arm']}** (version {m.get('version')}, corpus {m.get('corpus_version')}, "
        f"tokenizer {m.get('tokenizer_version')})\n"
        f"- service {data['url']}, git {data['git_sha']}, {data['date']}\n"
        f"- params: `{json.dumps(data['params'], sort_keys=True)}`\n{inputs}\n"
    )


def write_sidecar(out: Path, data: dict[str, Any], markdown: str) -> Path:
    validate(data, data["runner"], "<about to write>")
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    path = out / f"{data['runner']}.json"
    path.write_text(json.dumps(data, indent=2, ensure_ascii=False, default=str) + "\n", encoding="utf-8")
    (out / f"{data['runner']}.md").write_text(markdown, encoding="utf-8")
    return path
