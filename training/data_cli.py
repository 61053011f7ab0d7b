"""CLI groups ``corpus`` (build, stats) and ``tokenizer`` (train). Heavy imports stay inside commands."""

from __future__ import annotations

import argparse
import json
from pathlib import Path


def _corpus_build(args: argparse.Namespace) -> int:
    from training.corpus import build_corpus

    manifest = build_corpus(args.out, args.version, args.size, args.seed, args.data_dir, progress=not args.quiet)
    print(f"wrote {sum(manifest['counts']['splits'].values())} examples to {args.out} ({manifest['counts']['splits']})")
    return 0


def _corpus_stats(args: argparse.Namespace) -> int:
    from training.corpus_stats import format_stats

    manifest = json.loads((Path(args.dir) / "manifest.json").read_text(encoding="utf-8"))
    print(format_stats(manifest, top=args.top))
    return 0


def _tokenizer_train(args: argparse.Namespace) -> int:
    from training.tokenizer import train_from_corpus

    manifest = train_from_corpus(args.corpus, args.out, args.version, vocab_size=args.vocab_size,
                                 data_dir=args.data_dir, max_texts=args.max_texts)
    m = manifest["measurements"]
    print(f"tokenizer {args.version}: vocab {manifest['vocab_size']}, dev tokens/address mean "
          f"{m['dev_tokens_per_address_mean']:.2f} p99 {m['dev_tokens_per_address_p99']}, harness unk rate "
          f"{m['harness_unk_rate']:.4f} -> {args.out}")
    return 0


def register(sub: argparse._SubParsersAction) -> None:
    corpus = sub.add_parser("corpus", help="build and inspect the versioned training corpus",
                            description="Build and inspect the versioned training corpus.")
    csub = corpus.add_subparsers(dest="corpus_cmd", metavar="{build,stats}")
    csub.required = True
    b = csub.add_parser("build", help="build train/dev/test JSONL + manifest.json",
                        description="Render OpenAddresses rows, usaddress records, GeoNames localities and US ZIPs "
                        "into labelled address strings (deterministic for a version/seed/sources). Eval points and "
                        "harness inputs are excluded.")
    b.add_argument("--version", required=True, help="corpus version, e.g. 0.1.0 (seeds the generator)")
    b.add_argument("--size", type=int, required=True, help="number of examples over all splits")
    b.add_argument("--seed", type=int, default=42, help="random seed (default 42)")
    b.add_argument("--out", required=True, help="output folder, e.g. corpus/0.1.0")
    b.add_argument("--data-dir", default=None, help="source data folder (default: the repository's data/)")
    b.add_argument("--quiet", action="store_true", help="no progress bar")
    b.set_defaults(func=_corpus_build)
    s = csub.add_parser("stats", help="print a human-readable summary of a built corpus",
                        description="Summarize a corpus folder from its manifest.json.")
    s.add_argument("dir", help="corpus folder (with manifest.json)")
    s.add_argument("--top", type=int, default=25, help="rows shown per table (default 25)")
    s.set_defaults(func=_corpus_stats)

    tok = sub.add_parser("tokenizer", help="train the subword tokenizer", description="Train the subword tokenizer.")
    tsub = tok.add_subparsers(dest="tokenizer_cmd", metavar="{train}")
    tsub.required = True
    t = tsub.add_parser("train", help="train WordPiece on a corpus train split",
                        description="Train the WordPiece tokenizer on the corpus train split; writes tokenizer.json "
                        "and manifest.json with tokens-per-address (dev) and unknown-token rate (harness inputs).")
    t.add_argument("--corpus", required=True, help="corpus folder, e.g. corpus/0.1.0")
    t.add_argument("--version", required=True, help="tokenizer version, e.g. 0.1.0")
    t.add_argument("--vocab-size", type=int, default=8000, help="vocabulary size (default 8000)")
    t.add_argument("--out", required=True, help="output folder, e.g. artifacts/tokenizer/0.1.0")
    t.add_argument("--data-dir", default=None, help="source data folder, for the harness inputs (default: the repository's data/)")
    t.add_argument("--max-texts", type=int, default=None, help="train on at most this many train texts")
    t.set_defaults(func=_tokenizer_train)
