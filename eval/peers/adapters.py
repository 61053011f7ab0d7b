"""Peer parsers run locally (pelias-parser under node, usaddress in-process); their outputs are mapped
to addrnet components ``{"label", "value", "start", "end"}`` so the same scoring code applies."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from model.labels import PELIAS_TO_ADDRNET, USADDRESS_TO_ADDRNET

PELIAS_VERSION = "4.1.0"
SCRIPT = Path(__file__).with_name("pelias_parse.js")


class PeerUnavailable(RuntimeError):
    """The peer could not be installed or started; the reason goes into the sidecar."""


# --------------------------------------------------------------------------------------------------
# pelias-parser


def install_pelias(cache_dir: Path, timeout: float = 300.0) -> Path:
    """``npm install --prefix <cache_dir> pelias-parser@4.1.0 lodash`` once; returns node_modules."""
    modules = Path(cache_dir) / "node_modules"
    pkg = modules / "pelias-parser" / "package.json"
    if pkg.is_file() and (modules / "lodash").is_dir():
        version = json.loads(pkg.read_text(encoding="utf-8")).get("version")
        if version == PELIAS_VERSION:
            return modules
    for tool in ("node", "npm"):
        if shutil.which(tool) is None:
            raise PeerUnavailable(f"{tool} not found on PATH")
    Path(cache_dir).mkdir(parents=True, exist_ok=True)
    cmd = ["npm", "install", "--no-audit", "--no-fund", "--prefix", str(cache_dir),
           f"pelias-parser@{PELIAS_VERSION}", "lodash"]
    try:
        proc = subprocess.run(cmd, capture_output=True, text=True, timeout=timeout)
    except subprocess.TimeoutExpired as exc:
        raise PeerUnavailable(f"`{' '.join(cmd)}` timed out after {timeout:.0f}s (offline?)") from exc
    if proc.returncode != 0 or not pkg.is_file():
        tail = (proc.stderr or proc.stdout).strip().splitlines()[-5:]
        raise PeerUnavailable(f"`{' '.join(cmd)}` failed (rc {proc.returncode}): {' / '.join(tail)}")
    return modules


def pelias_parse(texts: Sequence[str], node_modules: Path, timeout: float = 600.0) -> list[list[dict[str, Any]]]:
    """Top-solution components per text; pelias labels mapped through ``PELIAS_TO_ADDRNET``; labels
    without a mapping (e.g. ``unit_type``) are dropped, as usaddress's ``None`` labels are."""
    payload = "".join(json.dumps({"id": i, "text": t}) + "\n" for i, t in enumerate(texts))
    env = {**os.environ, "NODE_PATH": str(node_modules)}
    try:
        proc = subprocess.run(["node", str(SCRIPT)], input=payload, capture_output=True, text=True,
                              env=env, timeout=timeout)
    except (OSError, subprocess.TimeoutExpired) as exc:
        raise PeerUnavailable(f"node {SCRIPT.name}: {exc}") from exc
    if proc.returncode != 0:
        raise PeerUnavailable(f"node {SCRIPT.name} exited {proc.returncode}: {proc.stderr.strip()[-500:]}")
    out: list[list[dict[str, Any]]] = [[] for _ in texts]
    seen = 0
    for line in proc.stdout.splitlines():
        if not line.strip():
            continue
        item = json.loads(line)
        seen += 1
        if "error" in item:
            continue  # an exception inside pelias-parser: scored as an empty parse
        comps = [{"label": PELIAS_TO_ADDRNET[lab], "value": val, "start": s, "end": e}
                 for lab, val, s, e in item["components"] if lab in PELIAS_TO_ADDRNET]
        out[int(item["id"])] = sorted(comps, key=lambda c: c["start"])
    if seen != len(texts):
        raise PeerUnavailable(f"node {SCRIPT.name} answered {seen} lines for {len(texts)} inputs")
    return out


# --------------------------------------------------------------------------------------------------
# usaddress


def usaddress_version() -> str:
    from importlib.metadata import version

    return version("usaddress")


def usaddress_parse_one(text: str) -> list[dict[str, Any]]:
    """usaddress tokens -> addrnet components: consecutive tokens mapping to the same addrnet label
    form one component whose value is the text from the first token's start to the last token's end
    (trailing "," / ";" stripped); ``None``-mapped labels split components and are dropped."""
    import usaddress

    try:
        tagged = usaddress.parse(text)
    except Exception:  # usaddress raises on some inputs; an empty parse is what a user would get
        return []
    spans: list[tuple[str | None, int, int]] = []
    pos = 0
    for token, label in tagged:
        start = text.find(token, pos)
        if start < 0:
            continue
        end = start + len(token)
        pos = end
        while end > start and text[end - 1] in ",;":
            end -= 1
        while start < end and text[start] in ",;":
            start += 1
        if start >= end:
            continue
        spans.append((USADDRESS_TO_ADDRNET.get(label), start, end))
    comps: list[dict[str, Any]] = []
    prev: str | None = None
    for label, start, end in spans:
        if label is None:
            prev = None
            continue
        if comps and label == prev and "," not in text[comps[-1]["end"]:start] and ";" not in text[comps[-1]["end"]:start]:
            comps[-1]["end"] = end
            comps[-1]["value"] = text[comps[-1]["start"]:end]
        else:
            comps.append({"label": label, "value": text[start:end], "start": start, "end": end})
        prev = label
    return comps


def usaddress_parse(texts: Sequence[str]) -> list[list[dict[str, Any]]]:
    return [usaddress_parse_one(t) for t in texts]
