"""An address written on lines: the corpus's real_test rows and the first 3,000 test rows with every ", " written
as a line break ("\\n "; the same offsets), parsed by arm A as served (line breaks read as commas,
``model.normalize``) and as before this change (line breaks as spaces, emulated by turning them into spaces),
beside the one-line form. Exact match = every gold span and no other.

Run: ``python results/experiments/line_breaks/run.py`` from the repository root (corpus/0.5.0 built) ->
``result.json``.
"""

from __future__ import annotations

import itertools
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[2]
sys.path.insert(0, str(ROOT))

from bench.common import now, write_result  # noqa: E402
from model.tagger import Tagger  # noqa: E402
from training.corpus_build import read_split  # noqa: E402
from training.data import gold_spans  # noqa: E402


def exact(tagger: Tagger, texts: list[str], examples: list[dict]) -> float:
    right = 0
    for b0 in range(0, len(texts), 256):
        part = tagger.parse_batch(texts[b0 : b0 + 256], tokens=False)
        right += sum(gold_spans(e) == {(c.label, c.start, c.end) for c in r.components}
                     for e, r in zip(examples[b0 : b0 + 256], part, strict=True))
    return round(right / len(examples), 4)


def main() -> None:
    corpus = ROOT / "corpus" / "0.5.0"
    examples = list(read_split(corpus, "real_test")) + list(itertools.islice(read_split(corpus, "test"), 3000))
    tagger = Tagger.load(ROOT / "artifacts" / "arms" / "A")
    one_line = [e["text"] for e in examples]
    lines = [t.replace(", ", "\n ") for t in one_line]
    write_result(HERE / "result.json", {
        "experiment": "line_breaks", "date": now(), "arm": "A", "rows": len(examples),
        "rows_with_a_line_break": sum("\n" in t for t in lines),
        "exact_match": {"one_line": exact(tagger, one_line, examples),
                        "lines_as_commas_served": exact(tagger, lines, examples),
                        "lines_as_spaces_before": exact(tagger, [t.replace("\n", " ") for t in lines], examples)},
    })


if __name__ == "__main__":
    main()
