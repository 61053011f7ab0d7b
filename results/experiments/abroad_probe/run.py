"""Addresses and place queries from about 90 countries, through a running service's text ``POST /resolve``.

``cases.tsv``: 231 inputs written by hand at stop 30 (full addresses in local formats, capitals, cities in their own
scripts, a city with its region or its country in its own language, overseas territories, postal districts), each
with the names accepted for the top result ("|"), its country and, for a few, its region. No eval file is in it. The
resolver rules of stop 30 came from failures in this very list, so before/after on it shows those rules work; it is
not an unbiased measure of them.

Run from the repository root against a served tree: ``python results/experiments/abroad_probe/run.py URL OUT.json [CASES.tsv]``.
"""

from __future__ import annotations

import json
import sys
import unicodedata
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parents[2]))

from eval.client import Client  # noqa: E402


def fold(name: str | None) -> str:
    text = unicodedata.normalize("NFKD", name or "")
    return " ".join("".join(ch for ch in text if not unicodedata.combining(ch)).casefold().split())


def main(url: str, out: str, cases: str = str(HERE / "cases.tsv")) -> int:
    rows = [line.rstrip("\n").split("\t") for line in Path(cases).open(encoding="utf-8")
            if line.strip() and not line.startswith("#")]  # fmt: skip
    results, right = [], 0
    client = Client(url, timeout=30)
    for text, names, cc, region in rows:
        body = client.resolve(text)
        top = (body.get("results") or [{}])[0]
        ok = (fold(top.get("name")) in {fold(n) for n in names.split("|")} and top.get("country") == cc
              and (not region or fold(top.get("region")) == fold(region)))  # fmt: skip
        right += ok
        results.append({"text": text, "want": [names, cc, region], "got": [top.get("name"), top.get("country"),
                        top.get("region")], "ok": ok, "reading": (body.get("reading") or {}).get("source")})  # fmt: skip
    summary = {"url": url, "n": len(rows), "right": right, "wrong": [r for r in results if not r["ok"]],
               "results": results}  # fmt: skip
    Path(out).write_text(json.dumps(summary, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print(f"{right}/{len(rows)} right -> {out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(*sys.argv[1:4]))
