"""A probe of an arm's parses: each case is a text and the values wanted for some labels (a label wanted as None must be
absent); a case is right ("full") when every label given is. A probe is a folder ``results/experiments/<name>_probe``
whose ``cases.json`` holds ``about`` (what the cases are and when they were written) and ``sections`` (each a ``title``
and its ``cases``, ``[text, {label: value}]``).

Run from the repository root: ``python -m bench.label_probe PROBE_FOLDER [ARM_FOLDER [OUT]]`` (default: the shipped
arm A -> ``PROBE_FOLDER/result.json``).
"""

from __future__ import annotations

import json
import sys
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


def load(folder: str | Path) -> list[Case]:
    """The cases of the probe in ``folder``, in the order of its sections."""
    data = json.loads((Path(folder) / "cases.json").read_text(encoding="utf-8"))
    return [(text, want) for section in data["sections"] for text, want in section["cases"]]


def main(argv: Sequence[str]) -> int:
    """``PROBE_FOLDER [ARM_FOLDER [OUT]]``: the shipped arm A and ``PROBE_FOLDER/result.json`` by default; the probe is
    named after its folder."""
    if not argv:
        print(__doc__, file=sys.stderr)
        return 2
    folder = Path(argv[0])
    arm = argv[1] if len(argv) > 1 else str(Path(__file__).resolve().parents[1] / "artifacts" / "arms" / "A")
    out = argv[2] if len(argv) > 2 else str(folder / "result.json")
    return run(folder.resolve().name, load(folder), arm, out)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
