"""Collects the figures of this folder's runs into summary.json (run after the runs it reads)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent


def _load(name: str) -> Any:
    return json.loads((HERE / name).read_text(encoding="utf-8"))


def main() -> int:
    out: dict[str, Any] = {"experiment": "resolver_nsp summary"}
    for which in ("before", "after"):
        m = _load(f"eval_{which}/resolver.json")["metrics"]
        out[f"eval_resolver_{which}"] = {
            "acc_at_1": round(m["accuracy"]["value"], 4),
            "per_format": {k: {"successes": v["successes"], "n": v["n"], "acc_at_1": round(v["value"], 4)}
                           for k, v in m["per_format"].items()},
        }  # fmt: skip
    out["eval_note"] = ("before: a service on the code before this work (git worktree at 29606cd) and its gazetteer; "
                        "after: the current code on a gazetteer reloaded with the current loader (addrnet gazetteer "
                        "load, no OA import); arm A")
    gold = _load("gold_sqlite.json")
    out["gold_components"] = {"acc_at_1": gold["top1_locality_accuracy"], "rows": gold["rows"]}
    out["zip_choice_dev"] = _load("zip_choice_dev.json")["accuracy"]
    http = _load("resolver_http_interleaved.json")
    out["http_c8_server_cpu_ms_per_request"] = {k: [r["server_cpu_ms_per_request"] for r in v]
                                                for k, v in http["rounds"].items()}  # fmt: skip
    out["http_c8_latency_ms"] = {"after": {"p50": http["p50_ms"], "p99": http["p99_ms"]},
                                 "before": {"p50": http["baseline"]["p50_ms"], "p99": http["baseline"]["p99_ms"]}}
    for which in ("before", "after"):
        r = _load(f"resolver_inproc_{which}.json")
        out[f"inproc_{which}"] = {"p50_ms": r["p50_ms"], "p99_ms": r["p99_ms"], "cpu_mean_ms": r["cpu"]["mean_ms"]}
    pg = _load("pg_trgm_timing.json")
    out["pg_fuzzy_statement_ms_median"] = {"old_index": pg["median_old_ms"], "new_index": pg["median_new_ms"]}
    (HERE / "summary.json").write_text(json.dumps(out, indent=2) + "\n", encoding="utf-8")
    print(json.dumps(out, indent=2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
