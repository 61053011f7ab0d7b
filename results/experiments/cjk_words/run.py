"""Chinese and Japanese addresses without spaces: does cutting a Han/kana run at its parts' ends
(``model.normalize.split_words``) let the served arm read them?

Rows: the corpus 0.5.0 test split's JP, CN and TW examples whose text has Han or kana characters.
Forms: ``spaced`` (as the corpus renders them) and ``unspaced`` (every space between two characters
that are Han, kana or digits removed, spans moved with the text; what people write). Each form is
parsed by the arm with the words of ``split_words`` before this change (whitespace runs) and after
it (cut at prefecture, division, road, chōme and number ends); exact match of the components (label and
character span) per form. Also the whole test split and real_test with both, to show nothing else moves.

Run from the repository root: ``python results/experiments/cjk_words/run.py`` -> result.json here.
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[2]
sys.path.insert(0, str(ROOT))

import model.normalize as mn  # noqa: E402
import model.tagger as mt  # noqa: E402
from bench.common import now, write_result  # noqa: E402
from training.corpus_build import read_split  # noqa: E402

CJK = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
JOINABLE = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\d]")


def old_split(text: str) -> list[mn.Word]:
    return [mn.Word(m.group(), m.start(), m.end()) for m in mn._WORD_RE.finditer(text)]


def unspaced(ex: dict) -> dict:
    """``ex`` with the spaces between two joinable characters removed, its spans moved along."""
    text, keep, shift = ex["text"], [], [0] * (len(ex["text"]) + 1)
    removed = 0
    for i, ch in enumerate(text):
        shift[i] = removed
        if ch == " " and 0 < i < len(text) - 1 and JOINABLE.match(text[i - 1]) and JOINABLE.match(text[i + 1]):
            removed += 1
            continue
        keep.append(ch)
    shift[len(text)] = removed
    spans = [[lab, a - shift[a], b - shift[b]] for lab, a, b in ex["spans"]]
    return {**ex, "text": "".join(keep), "spans": spans}


def exact(tagger: mt.Tagger, rows: list[dict]) -> dict:
    hits = 0
    for b0 in range(0, len(rows), 64):
        part = rows[b0 : b0 + 64]
        for ex, res in zip(part, tagger.parse_batch([e["text"] for e in part]), strict=True):
            gold = {(lab, a, b) for lab, a, b in ex["spans"]}
            hits += gold == {(c.label, c.start, c.end) for c in res.components}
    return {"n": len(rows), "exact_match": round(hits / len(rows), 4) if rows else None}


def main() -> int:
    arm, corpus = ROOT / "artifacts/arms/A", ROOT / "corpus/0.5.0"
    test = list(read_split(corpus, "test"))
    real = list(read_split(corpus, "real_test"))
    cjk = [e for e in test if e.get("country") in ("JP", "CN", "TW") and CJK.search(e["text"])]
    forms = {"spaced": cjk, "unspaced": [unspaced(e) for e in cjk]}
    out: dict = {"date": now(), "arm": str(arm.relative_to(ROOT)), "corpus": str(corpus.relative_to(ROOT)),
                 "rows": len(cjk), "changed_by_unspacing": sum(a["text"] != b["text"] for a, b in zip(cjk, forms["unspaced"], strict=True))}
    new_split = mn.split_words
    for name, split in (("whitespace words (before)", old_split), ("cut at parts (after)", new_split)):
        mt.split_words = split  # the tagger's words (model.tagger imported the function by name)
        tagger = mt.Tagger.load(arm)
        out[name] = {form: exact(tagger, rows) for form, rows in forms.items()}
        out[name]["test_all"] = exact(tagger, test[:10000])
        out[name]["real_test"] = exact(tagger, real)
    mt.split_words = new_split
    write_result(HERE / "result.json", out)
    print(json.dumps(out, indent=1))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
