"""A probe of an arm's parses: each case is a text and the values wanted for some labels (a label wanted as None must be
absent); a case is right ("full") when every label given is. The ``results/experiments/*_probe/run.py`` scripts hold
their cases and call ``main`` (or ``run``)."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from bench.common import now, write_result
from model.tagger import Tagger

Case = tuple[str, dict[str, str | None]]


def run(name: str, cases: list[Case], arm: str | Path, out: str | Path) -> int:
    """Parse every case with the arm in ``arm`` and write the probe's JSON to ``out``; prints one line."""
    tagger = Tagger.load(arm)
    results, full, labels_right, labels = [], 0, 0, 0
    for text, want in cases:
        got: dict[str, list[str]] = {}
        for c in tagger.parse(text).components:
            got.setdefault(c.label, []).append(c.value)
        ok = {label: (got.get(label) == [value] if value is not None else label not in got)
              for label, value in want.items()}  # fmt: skip
        full += all(ok.values())
        labels_right += sum(ok.values())
        labels += len(ok)
        results.append({"text": text, "ok": all(ok.values()), "wrong": [k for k, v in ok.items() if not v],
                        "got": got})  # fmt: skip
    write_result(out, {"bench": name, "arm": str(arm), "date": now(), "n": len(cases), "full": full,
                       "labels_right": labels_right, "labels": labels, "results": results}, echo=False)  # fmt: skip
    print(f"{full}/{len(cases)} full, {labels_right}/{labels} labels -> {out}")
    return 0


def main(name: str, cases: list[Case], here: Path, argv: Sequence[str]) -> int:
    """A probe script's command line, ``[ARM_FOLDER [OUT]]``: the shipped arm A and ``here/result.json`` by default."""
    arm = argv[0] if argv else str(Path(__file__).resolve().parents[1] / "artifacts" / "arms" / "A")
    out = argv[1] if len(argv) > 1 else str(here / "result.json")
    return run(name, cases, arm, out)
