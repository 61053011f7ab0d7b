"""Regression gate on the deployed product path: compare the container's eval sidecars with the
committed release ones and fail when a figure falls below it by more than its tolerance
(resolver Acc@1 -0.5pp, harness pass-rate -2pp). Also records image size and start-to-ready time."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from eval.sidecar import load_sidecar

GATES = {  # runner -> (metric path, tolerance in percentage points)
    "resolver": (("metrics", "accuracy", "value"), 0.5),
    "harness": (("metrics", "overall", "value"), 2.0),
}
IMAGE_TARGET_BYTES = 600 * 1000 * 1000


def figure(sidecar: dict, path: tuple[str, ...]) -> float:
    value = sidecar
    for key in path:
        value = value[key]
    return float(value)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--release", required=True, help="folder of the committed release sidecars")
    ap.add_argument("--current", required=True, help="folder of the sidecars measured on the container")
    ap.add_argument("--image-bytes", type=int, required=True)
    ap.add_argument("--ready-seconds", type=float, required=True)
    ap.add_argument("--cold-ready-seconds", type=float, required=True, help="first start, gazetteer load included")
    ap.add_argument("--out", required=True)
    args = ap.parse_args()
    rows, failed = [], False
    for runner, (path, tol) in GATES.items():
        release = figure(load_sidecar(Path(args.release), runner), path) * 100
        current = figure(load_sidecar(Path(args.current), runner), path) * 100
        ok = current >= release - tol
        failed |= not ok
        rows.append({"runner": runner, "release_pct": release, "current_pct": current, "tolerance_pp": tol, "ok": ok})
        print(f"{runner:9s} release {release:6.2f}%  container {current:6.2f}%  tolerance -{tol}pp  {'ok' if ok else 'FAIL'}")
    result = {
        "gates": rows, "image_bytes": args.image_bytes, "image_target_bytes": IMAGE_TARGET_BYTES,
        "image_within_target": args.image_bytes <= IMAGE_TARGET_BYTES, "start_to_ready_s": args.ready_seconds,
        "cold_start_to_ready_s": args.cold_ready_seconds,
    }
    print(f"image {args.image_bytes / 1e6:.0f} MB (target <= 600 MB); start to ready {args.ready_seconds:.2f} s (cold, with gazetteer load: {args.cold_ready_seconds:.1f} s)")
    Path(args.out).write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
