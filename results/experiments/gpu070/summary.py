"""Collects this folder's runs into summary.json: arms A and B retrained on one lent H200 on corpus 0.7.0 (Korean
road-name addresses big to small, ``training/corpus_v7.py``; 0.6.0's flat and floor words, a door letter only after
a floor) with tokenizer 0.3.0 (Hangul syllables as pieces), beside the corpus 0.5.0 arms they replace
(``results/experiments/gpu050``), all with the place table and measured on the same real-text test set and the
Pelias harness (never fitted).

Two GPU runs, same recipe (2 x 64, bf16, batch 512, MLM 7,200 steps for A, 18,800 tagger steps per arm):
- ``first_*``: corpus 0.7.0 before the door-letter rule (the plan from the budget: ``first_gpu_plan.json``);
- the shipped run (``gpu_plan.json``, ``--steps 18800 --mlm-steps 7200``).

Inputs, written by the project's commands (README "Reproducing the shipped arms"): ``measure_{A,B}.json``
(``addrnet measure`` on corpus 0.7.0), ``measure050_{A,B}.json`` (on corpus 0.5.0, whose test split the old arms were
measured on), ``calibration_{A,B}.json``, ``places_{A,B}.json``, and the probes ``kr_words_*.json``
(``results/experiments/kr_words/run.py``) and ``unit_words_*.json`` (``results/experiments/unit_words/run.py``).
Run: ``python results/experiments/gpu070/summary.py`` from the repository root.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[2]
sys.path.insert(0, str(ROOT))

from bench.common import write_result  # noqa: E402
from training.measure import calibration_headline, headline  # noqa: E402

OLD = ROOT / "results" / "experiments" / "gpu050"


def _load(name: str, folder: Path = HERE) -> Any:
    return json.loads((folder / name).read_text(encoding="utf-8"))


def _probe(name: str) -> str:
    p = _load(name)
    return f"{p['right']}/{p['cases']}"


def _arm(prefix: str, arm: str, folder: Path = HERE) -> dict[str, Any]:
    m, places = _load(f"{prefix}measure_{arm}.json", folder), _load(f"{prefix}places_{arm}.json", folder)
    return {**headline(m), "harness": round(places["pelias_harness"]["pass_rate"], 4),
            "calibration": calibration_headline(_load(f"{prefix}calibration_{arm}.json", folder))}


def main() -> None:
    out: dict[str, Any] = {"experiment": "arms retrained on corpus 0.7.0 + tokenizer 0.3.0 against the corpus 0.5.0 arms",
                           "steps": {ln["name"]: {"mlm": ln["mlm_steps"], "tagger": ln["steps"]}
                                     for ln in _load("gpu_plan.json")["lanes"]}}
    for arm in ("A", "B"):
        new050 = headline(_load(f"measure050_{arm}.json"))
        first050 = headline(_load(f"first_measure050_{arm}.json"))
        out[f"arm_{arm}"] = {
            "shipped_070": {**_arm("", arm), "corpus_050_test": {k: new050[k] for k in ("test_exact", "test_f1")},
                            "kr_words": _probe(f"kr_words_{arm}.json"), "unit_words": _probe(f"unit_words_{arm}.json")},
            "first_try_070": {**_arm("first_", arm),
                              "corpus_050_test": {k: first050[k] for k in ("test_exact", "test_f1")}},
            "previous_050": {**_arm("", arm, OLD), "kr_words": _probe(f"kr_words_shipped050_{arm}.json"),
                             "unit_words": _probe(f"unit_words_shipped050_{arm}.json")},
        }
    write_result(HERE / "summary.json", out)


if __name__ == "__main__":
    main()
