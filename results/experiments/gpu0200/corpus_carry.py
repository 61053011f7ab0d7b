"""A corpus split small enough to travel to a lent GPU machine (the tree and what it carries stay under 64 MiB).

Each row becomes one line, ``text<TAB>spans``, where a span is its label's letter, the gap from the previous span's
end and its length (``c10.9``); the lines are xz-compressed. ``unpack`` writes them back as the corpus's jsonl rows
(text and spans only, which is all that ``training.gpu_release`` reads), so the round trip is exact for those fields.

    python results/experiments/gpu0200/corpus_carry.py pack corpus/0.20.0 gpu_carry [--dev-rows 3000]
    python3 results/experiments/gpu0200/corpus_carry.py unpack gpu_carry corpus/0.20.0      (on the GPU machine)
"""

from __future__ import annotations

import argparse
import json
import lzma
import re
import shutil
from pathlib import Path

LABELS = ("country", "county", "house_number", "level", "locality", "po_box", "postcode", "region", "street",
          "suburb", "unit", "venue")
LETTER = {label: chr(97 + i) for i, label in enumerate(LABELS)}
SPAN = re.compile(r"([a-l])(\d+)\.(\d+)")


def encode(row: dict) -> str:
    prev, out = 0, []
    for label, start, end in row["spans"]:
        out.append(f"{LETTER[label]}{start - prev}.{end - start}")
        prev = end
    if "\t" in row["text"] or "\n" in row["text"]:
        raise ValueError(f"a tab or newline in {row['text']!r}")
    return row["text"] + "\t" + "".join(out)


def decode(line: str) -> dict:
    text, enc = line.split("\t")
    prev, spans = 0, []
    for letter, gap, length in SPAN.findall(enc):
        start = prev + int(gap)
        spans.append([LABELS[ord(letter) - 97], start, start + int(length)])
        prev = start + int(length)
    return {"text": text, "spans": spans}


def pack(corpus: Path, dest: Path, dev_rows: int) -> None:
    dest.mkdir(parents=True, exist_ok=True)
    for split, limit in (("train", None), ("dev", dev_rows)):
        lines = []
        with open(corpus / f"{split}.jsonl", encoding="utf-8") as f:
            for i, raw in enumerate(f):
                if limit is not None and i >= limit:
                    break
                lines.append(encode(json.loads(raw)))
        (dest / f"{split}.tsv.xz").write_bytes(lzma.compress("\n".join(lines).encode(), preset=9 | lzma.PRESET_EXTREME))
    shutil.copy(corpus / "manifest.json", dest / "manifest.json")


def unpack(src: Path, corpus: Path) -> None:
    corpus.mkdir(parents=True, exist_ok=True)
    for split in ("train", "dev"):
        lines = lzma.decompress((src / f"{split}.tsv.xz").read_bytes()).decode().split("\n")
        with open(corpus / f"{split}.jsonl", "w", encoding="utf-8") as f:
            for line in lines:
                f.write(json.dumps(decode(line), ensure_ascii=False) + "\n")
    shutil.copy(src / "manifest.json", corpus / "manifest.json")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("verb", choices=["pack", "unpack"])
    ap.add_argument("src")
    ap.add_argument("dest")
    ap.add_argument("--dev-rows", type=int, default=3000)
    a = ap.parse_args()
    if a.verb == "pack":
        pack(Path(a.src), Path(a.dest), a.dev_rows)
    else:
        unpack(Path(a.src), Path(a.dest))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
