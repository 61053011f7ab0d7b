"""In-process parse throughput of an arm artifact: batch 1 and 64, 1 and 2 ONNX threads.

    python -m bench.parse_bench artifacts/arms/A [--texts corpus/0.1.0/dev.jsonl] [--out bench/results/parse.json]

Texts come from a corpus split (``text`` field) or, by default, a built-in list of addresses.
Reports addresses/s, ms per batch and subword tokens per address; writes JSON to ``--out``.
"""

from __future__ import annotations

import argparse
import json
import platform
import time
from typing import Any

from bench.common import write_result

FALLBACK = [
    "1600 Pennsylvania Ave NW, Washington, DC 20500",
    "350 5th Ave, New York, NY 10118",
    "Rua Raul Leite Magalhães, 65, Tapiraí - SP, 18180-000, Brazil",
    "Korunní 810, Praha",
    "221B Baker Street, London NW1 6XE",
    "Apt 4B, 12 Oak St, Springfield, IL 62704",
    "PO Box 123, Anchorage AK 99501",
    "Markgrafenstraße 12, 10117 Berlin, Deutschland",
]


def load_texts(path: str | None, n: int) -> list[str]:
    if not path:
        return (FALLBACK * (n // len(FALLBACK) + 1))[:n]
    out = []
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                out.append(json.loads(line)["text"])
            if len(out) >= n:
                break
    return out


def bench(folder: str, texts: list[str], batch: int, threads: int, min_seconds: float) -> dict[str, Any]:
    from model.tagger import Tagger

    tagger = Tagger.load(folder, intra_threads=threads, inter_threads=1)
    batches = [texts[i : i + batch] for i in range(0, len(texts) - batch + 1, batch)]
    for b in batches[:3]:
        tagger.parse_batch(b)  # warm-up
    done, n_batches, t0 = 0, 0, time.perf_counter()
    while True:
        for b in batches:
            tagger.parse_batch(b)
            done += len(b)
            n_batches += 1
        elapsed = time.perf_counter() - t0
        if elapsed >= min_seconds:
            break
    return {
        "batch": batch,
        "threads": threads,
        "addresses_per_s": done / elapsed,
        "addresses_per_s_per_thread": done / elapsed / threads,
        "ms_per_batch": 1000 * elapsed / n_batches,
        "addresses": done,
        "seconds": elapsed,
    }


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("arm", help="arm artifact folder, e.g. artifacts/arms/A")
    ap.add_argument("--texts", default=None, help="corpus jsonl with a text field (default: built-in addresses)")
    ap.add_argument("--n", type=int, default=2048, help="number of texts")
    ap.add_argument("--seconds", type=float, default=3.0, help="minimum measuring time per setting")
    ap.add_argument("--out", default="bench/results/parse.json")
    args = ap.parse_args(argv)
    from model.tagger import Tagger

    texts = load_texts(args.texts, args.n)
    tagger = Tagger.load(args.arm)
    from model.normalize import normalize, split_words

    enc = tagger.tokenizer.encode_words([[w.text for w in split_words(normalize(t))] for t in texts])
    results = [bench(args.arm, texts, b, th, args.seconds) for b in (1, 64) for th in (1, 2)]
    report = {
        "arm": args.arm,
        "manifest_arm": tagger.name,
        "texts": args.texts or "builtin",
        "n_texts": len(texts),
        "tokens_per_address": float(enc.attention_mask.sum() / len(texts)),
        "max_len": tagger.artifact.max_len,
        "machine": platform.platform(),
        "processor": platform.processor(),
        "results": results,
    }
    write_result(args.out, report, echo=False)
    for r in results:
        print(f"batch {r['batch']:>3} threads {r['threads']}: {r['addresses_per_s']:9.1f} addr/s "
              f"({r['ms_per_batch']:.2f} ms/batch)")
    print(f"tokens/address {report['tokens_per_address']:.1f} -> {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
