"""Address-level acceptance (after Pelias's OpenAddresses acceptance tests) and locality Acc@1 of the
eval points, both through text ``POST /resolve`` of a running service (arm A by default).

``acceptance``: rows of imported OA extracts (default: data/oa/corpus_openaddresses_fixtures.csv and
corpus_interpolation_fixtures.csv), one row per distinct (number, street, city, postcode), a seeded
uniform sample; each rendered in 4 styles -- ``full``; ``no_postcode``; ``lowercase_no_commas``;
``abbreviated_type`` (the street type abbreviated, or spelled out where the file abbreviates it) --
and counted as a hit when the top result lies within 50 m of the row's point. Target: >= 99% per style.

``eval-formats``: the OA eval points (EVAL ONLY: measured, never tuned on) rendered as ``full``,
``no_postcode``, ``lowercase_no_commas`` and ``number_street_postcode``; a hit when the top result
names the row's CITY in its REGION (the eval suite's rule). Target: >= 99% per format.

``--db URL`` imports the extracts into URL first (``addrnet gazetteer import-oa``) and serves URL on a
free port for the run; ``--url`` uses a running service instead. Writes
bench/results/address_acceptance[_<backend>].json or bench/results/resolver_eval_formats.json.
"""

from __future__ import annotations

import argparse
import csv
import os
import random
import re
import socket
import subprocess
import sys
import time
from collections import Counter
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import httpx

from addrnet.settings import get_settings
from bench.common import now, post_concurrently, write_result
from resolver.geo import haversine_km
from resolver.oa import NO_NUMBER, normalize_number
from resolver.streets import street_key

TARGET = 0.99
RADIUS_M = 50.0
STYLES = ("full", "no_postcode", "lowercase_no_commas", "abbreviated_type")
EVAL_FORMATS = ("full", "no_postcode", "lowercase_no_commas", "number_street_postcode")
STREET_FIRST = {"DE", "PL", "BE", "IT", "IS", "NL", "AT", "CH", "CZ", "DK", "NO", "SE", "FI", "ES", "PT", "BR"}
_ABBREV = [
    (r"\bStreet\b", "St"), (r"\bAvenue\b", "Ave"), (r"\bBoulevard\b", "Blvd"), (r"\bDrive\b", "Dr"),
    (r"\bRoad\b", "Rd"), (r"\bLane\b", "Ln"), (r"\bCourt\b", "Ct"), (r"\bPlace\b", "Pl"), (r"\bTerrace\b", "Ter"),
    (r"straße\b", "str."), (r"strasse\b", "str."), (r"\bStraße\b", "Str."), (r"\bUlica\b", "ul."),
    (r"\bAvenue\b", "av."), (r"\bBoulevard\b", "bd"),
]  # fmt: skip
_EXPAND = [
    (r"\bST\b", "STREET"), (r"\bAVE\b", "AVENUE"), (r"\bBLVD\b", "BOULEVARD"), (r"\bDR\b", "DRIVE"),
    (r"\bRD\b", "ROAD"), (r"\bLN\b", "LANE"), (r"\bCT\b", "COURT"), (r"\bPL\b", "PLACE"), (r"\bTER\b", "TERRACE"),
    (r"\bWAY\b", "WAY"), (r"\bSt\b", "Street"), (r"\bAve\b", "Avenue"),
]  # fmt: skip


def _country(row: dict[str, str]) -> str:
    src = (row.get("SOURCE") or "").split("/", 1)[0]
    if len(src) == 2:
        return src.upper()
    return "US" if float(row["LON"]) < -30 else "DE"  # the interpolation fixtures: New Jersey, Berlin


def swap_type(street: str) -> str:
    for pat, rep in _ABBREV:
        new = re.sub(pat, rep, street)
        if new != street:
            return new
    for pat, rep in _EXPAND:
        new = re.sub(pat, rep, street)
        if new != street:
            return new
    return street


def _keys(row: dict[str, str]) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """(number, street, city) and (number, street, city, postcode) identity of a row."""
    from resolver.names import normalize_name

    base = (normalize_number(row["NUMBER"]), street_key(row["STREET"])[0], normalize_name(row.get("CITY", "")))
    return base, (*base, row.get("POSTCODE", "").strip().upper())


def render(row: dict[str, str], style: str) -> str:
    number, street = " ".join(row["NUMBER"].split()), " ".join(row["STREET"].split())
    city, region, postcode = row.get("CITY", "").strip(), row.get("REGION", "").strip(), row.get("POSTCODE", "").strip()
    if style == "abbreviated_type":
        street = swap_type(street)
    if style == "no_postcode":
        postcode = ""
    cc = _country(row)
    if cc in STREET_FIRST:
        parts = [f"{street} {number}", " ".join(x for x in (postcode, city) if x), region if cc != "DE" else ""]
    else:
        parts = [f"{number} {street}", city, " ".join(x for x in (region, postcode) if x)]
    text = ", ".join(p for p in parts if p)
    if style == "lowercase_no_commas":
        text = text.lower().replace(",", "")
    return text


def render_eval(row: dict[str, str], fmt: str) -> str:
    number, street = " ".join(row["NUMBER"].split()), " ".join(row["STREET"].split())
    city, region, postcode = row["CITY"].strip(), row["REGION"].strip(), row["POSTCODE"].strip()
    if fmt == "number_street_postcode":
        return f"{number} {street}, {postcode}" if postcode else f"{number} {street}, {region}"
    parts = [f"{number} {street}", city, " ".join(x for x in (region, "" if fmt == "no_postcode" else postcode) if x)]
    text = ", ".join(p for p in parts if p)
    return text.lower().replace(",", "") if fmt == "lowercase_no_commas" else text


def fold(name: str) -> str:
    from eval.scoring import fold_place_name

    return fold_place_name(name)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@contextmanager
def serving(db_url: str, arm: str) -> Iterator[str]:
    port = _free_port()
    env = {**os.environ, "ADDRNET_DATABASE_URL": db_url, "ADDRNET_PRIMARY_ARM": arm}
    env.pop("ADDRNET_SHADOW_ARM", None)
    proc = subprocess.Popen([sys.executable, "-m", "addrnet.cli", "serve", "--host", "127.0.0.1", "--port", str(port)],
                            env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)  # fmt: skip
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.time() + 120
        while True:
            if proc.poll() is not None:
                raise RuntimeError("addrnet serve exited")
            try:
                if httpx.get(f"{url}/healthz", timeout=1).status_code == 200:
                    break
            except httpx.HTTPError:
                pass
            if time.time() > deadline:
                raise RuntimeError("addrnet serve did not start")
            time.sleep(0.2)
        yield url
    finally:
        proc.terminate()
        try:
            proc.wait(10)
        except subprocess.TimeoutExpired:
            proc.kill()


def resolve_jobs(url: str, jobs: list[tuple[str, str, dict[str, str]]], judge: Callable[[dict[str, str], dict[str, Any] | None], tuple[bool, Any]],
         arm: str | None, concurrency: int) -> list[dict[str, Any]]:  # fmt: skip
    def one(client: Any, job: tuple[str, str, dict[str, str]]) -> dict[str, Any]:
        style, text, row = job
        body: dict[str, Any] = {"text": text, "limit": 1}
        if arm:
            body["arm"] = arm
        r = client.post("/resolve", json=body)
        data = r.json() if r.status_code == 200 else {}
        top = (data.get("results") or [None])[0]
        ok, detail = judge(row, top)
        return {"style": style, "text": text, "ok": ok, "detail": detail, "status": r.status_code,
                "level": top and top.get("level"), "reading": (data.get("reading") or {}).get("source"),
                "row": row}

    return post_concurrently(url, jobs, one, concurrency)


def per_style(recs: list[dict[str, Any]], styles: tuple[str, ...]) -> dict[str, Any]:
    per: dict[str, Any] = {}
    for s in styles:
        sub = [r for r in recs if r["style"] == s]
        hits = sum(r["ok"] for r in sub)
        per[s] = {"n": len(sub), "hits": hits, "rate": round(hits / len(sub), 4) if sub else None,
                  "levels": dict(Counter(str(r["level"]) for r in sub))}  # fmt: skip
    return per


def acceptance(url: str, files: list[Path], sample: int, seed: int, arm: str | None, concurrency: int) -> dict[str, Any]:
    rows: list[dict[str, str]] = []
    seen: set[tuple[str, ...]] = set()
    for f in files:
        with f.open(encoding="utf-8", newline="") as fh:
            for row in csv.DictReader(fh):
                key = (row["NUMBER"].strip().upper(), row["STREET"].strip().upper(), row.get("CITY", "").strip().upper(),
                       row.get("POSTCODE", "").strip(), _country(row))  # fmt: skip
                if normalize_number(row["NUMBER"]) in ("", *NO_NUMBER) or not street_key(row["STREET"])[0] or key in seen:
                    continue  # the rows import-oa skips
                seen.add(key)
                rows.append(row)
    by_source = Counter(r.get("SOURCE", "") for r in rows)
    # the truth itself is ambiguous when one (number, street, city[, postcode]) is two points > 50 m apart
    spread: dict[tuple[str, ...], list[tuple[float, float]]] = {}
    for r in rows:
        for k in _keys(r):
            spread.setdefault(k, []).append((float(r["LAT"]), float(r["LON"])))
    undecidable = {k for k, pts in spread.items()
                   if any(haversine_km(*a, *b) * 1000 > RADIUS_M for a in pts[:50] for b in pts[:50])}  # fmt: skip
    no_place = [r for r in rows if not r.get("CITY", "").strip() and not r.get("POSTCODE", "").strip()]
    rows = [r for r in rows if r.get("CITY", "").strip() or r.get("POSTCODE", "").strip()]
    picked = random.Random(seed).sample(rows, min(sample, len(rows)))  # uniform over the extract's rows

    def judge(row: dict[str, str], top: dict[str, Any] | None) -> tuple[bool, Any]:
        if not top or top.get("lat") is None:
            return False, None
        d = haversine_km(float(row["LAT"]), float(row["LON"]), float(top["lat"]), float(top["lon"])) * 1000
        return d <= RADIUS_M, round(d, 1)

    jobs = [(s, render(r, s), r) for r in picked for s in STYLES]
    t0 = time.perf_counter()
    recs = resolve_jobs(url, jobs, judge, arm, concurrency)
    for rec in recs:
        k_city, k_pc = _keys(rec["row"])
        rec["decidable"] = (k_city if rec["style"] == "no_postcode" else k_pc) not in undecidable
    per = per_style([r for r in recs if r["decidable"]], STYLES)
    per_all = per_style(recs, STYLES)
    return {
        "bench": "address_acceptance", "date": now(), "url": url, "arm": arm, "files": [str(f) for f in files],
        "rows": len(picked), "distinct_rows": len(rows), "sources": len(by_source), "radius_m": RADIUS_M,
        "target": TARGET, "per_style": per, "per_style_all_rows": {k: v["rate"] for k, v in per_all.items()},
        "undecidable": {s: sum(1 for r in recs if r["style"] == s and not r["decidable"]) for s in STYLES},
        "excluded_no_city_no_postcode": len(no_place),
        "rule": "per_style counts rows whose text can name one point: rows whose (number, street, city) -- or "
                "(number, street, city, postcode) when the style keeps the postcode -- lie at points more than "
                "50 m apart in the extract are undecidable and reported apart; rows with neither city nor "
                "postcode name no place and are left out",
        "seconds": round(time.perf_counter() - t0, 1),
        "pass": all(v["rate"] is not None and v["rate"] >= TARGET for v in per.values()),
        "misses": [{k: v for k, v in r.items() if k != "row"} for r in recs if not r["ok"] and r["decidable"]][:60],
    }  # fmt: skip


def eval_formats(url: str, csv_path: Path, arm: str | None, concurrency: int) -> dict[str, Any]:
    with csv_path.open(encoding="utf-8", newline="") as fh:
        return eval_format_rows(url, list(csv.DictReader(fh)), arm, concurrency) | {"csv": str(csv_path)}


def eval_format_rows(url: str, rows: list[dict[str, str]], arm: str | None, concurrency: int) -> dict[str, Any]:
    """``eval_formats`` on OA rows already read (those with a CITY and a LAT)."""
    rows = [r for r in rows if r.get("CITY", "").strip() and r.get("LAT")]

    def judge(row: dict[str, str], top: dict[str, Any] | None) -> tuple[bool, Any]:
        if not top:
            return False, None
        ok = (top.get("country") in (None, "", "US") and fold(str(top.get("name") or "")) == fold(row["CITY"])
              and str(top.get("region_code") or "").upper() == row["REGION"].strip().upper())  # fmt: skip
        return ok, {"got": [top.get("name"), top.get("region_code"), top.get("country"), top.get("level")],
                    "want": [row["CITY"], row["REGION"]]}  # fmt: skip

    jobs = [(f, render_eval(r, f), r) for r in rows for f in EVAL_FORMATS]
    t0 = time.perf_counter()
    recs = resolve_jobs(url, jobs, judge, arm, concurrency)
    per = per_style(recs, EVAL_FORMATS)
    return {
        "bench": "resolver_eval_formats", "date": now(), "url": url, "arm": arm,
        "points": len(rows), "target": TARGET, "per_format": per, "seconds": round(time.perf_counter() - t0, 1),
        "truth": "top result's name folds to CITY and its region_code is REGION (as eval/runners.is_locality_match)",
        "pass": all(v["rate"] is not None and v["rate"] >= TARGET for v in per.values()),
        "misses": [{k: v for k, v in r.items() if k != "row"} for r in recs if not r["ok"]][:100],
    }  # fmt: skip


def main(argv: list[str] | None = None) -> int:
    settings = get_settings()
    oa = Path(settings.source_data_dir) / "oa"
    p = argparse.ArgumentParser(prog="addrnet bench address", description=__doc__,
                                formatter_class=argparse.RawDescriptionHelpFormatter)  # fmt: skip
    p.add_argument("mode", choices=["acceptance", "eval-formats"])
    p.add_argument("--url", default=None, help="a running service (default: serve --db for the run)")
    p.add_argument("--db", default=None, help="database URL to import into and serve (acceptance) or serve (eval-formats)")
    p.add_argument("--files", nargs="*", default=[str(oa / "corpus_openaddresses_fixtures.csv"),
                                                  str(oa / "corpus_interpolation_fixtures.csv")])  # fmt: skip
    p.add_argument("--csv", default=str(oa / "eval_points.csv"))
    p.add_argument("--sample", type=int, default=1500, help="rows per acceptance run (default: %(default)s)")
    p.add_argument("--seed", type=int, default=15)
    p.add_argument("--arm", default="A")
    p.add_argument("--concurrency", type=int, default=4)
    p.add_argument("--backend", choices=["sqlite", "postgresql"], default=None,
                   help="the database behind --url (recorded in the result and its file name)")
    p.add_argument("--out", default=None)
    a = p.parse_args(argv)
    if a.url is None and a.db is None:
        p.error("give --url (a running service) or --db (import and serve it for the run)")
    files = [Path(f) for f in a.files]
    if a.mode == "acceptance" and a.db:
        from resolver.loader import load
        from resolver.oa import import_oa

        load(a.db, if_empty=True, progress=False)  # the gazetteer the addresses hang from, unless present
        print(import_oa(a.db, files, progress=False), file=sys.stderr)

    def go(url: str) -> dict[str, Any]:
        if a.mode == "acceptance":
            return acceptance(url, files, a.sample, a.seed, a.arm, a.concurrency)
        return eval_formats(url, Path(a.csv), a.arm, a.concurrency)

    if a.url:
        result = go(a.url)
    else:
        with serving(a.db, a.arm) as url:
            result = go(url)
    backend = a.backend or ("postgresql" if (a.db or "").startswith("postgresql") else "sqlite")
    result["backend"] = backend if (a.db or a.backend) else "as served"
    out = a.out or ("bench/results/resolver_eval_formats.json" if a.mode == "eval-formats"
                    else f"bench/results/address_acceptance_{backend}.json")  # fmt: skip
    write_result(out, result, echo=False)
    rates = result.get("per_style") or result.get("per_format") or {}
    print(f"{a.mode}: " + ", ".join(f"{k} {v['rate']:.4f} ({v['hits']}/{v['n']})" for k, v in rates.items())
          + f" -> {out}")  # fmt: skip
    return 0 if result["pass"] else 1


if __name__ == "__main__":
    raise SystemExit(main())
