"""Static (calibrated) int8 against the shipped fp32 arm: speed, parse agreement, batch independence.

    addrnet bench int8 [--arm artifacts/arms/A] [--out bench/results/means_static_int8.json]

Dynamic int8 was rejected because its activation scales are computed per ONNX run, so a text's confidences
depend on its batch (``training.export.batch_confidence_shift``). Static quantization fixes the activation
scales at export from calibration texts, so it is batch-independent by construction. This measures whether it
pays: the arm's MatMuls are quantized QDQ (int8 weights per channel, uint8 activations, MinMax ranges from
``--calib-n`` texts of the bench inputs, disjoint from the timed ones), then, on the same timed inputs:

- ``Tagger.parse_batch`` addresses/s, fp32 and int8 in interleaved rounds (one ONNX thread, 1,000 texts a call);
- the share of texts whose components (label, start, end) are identical, and of word tags that agree;
- real-text exact match of both (``corpus/<version>/real_test.jsonl`` when the corpus is built);
- the int8 arm's batch confidence shift (must stay <= 1e-5 to be shippable).
"""

from __future__ import annotations

import argparse
import platform
import tempfile
import time
from pathlib import Path
from typing import Any

from bench import inputs
from bench.common import now, write_result

ROOT = Path(__file__).resolve().parents[1]


def quantize_arm(arm: str, out: Path, calib_texts: list[str]) -> Path:
    """A copy of ``arm`` whose model is statically quantized (MatMul, QDQ) from ``calib_texts``."""
    from onnxruntime.quantization import (
        CalibrationDataReader,
        CalibrationMethod,
        QuantFormat,
        QuantType,
        quantize_static,
    )
    from onnxruntime.quantization.shape_inference import quant_pre_process

    from model.artifact import load_artifact, write_artifact
    from model.tagger import Tagger, normalize, split_words

    art = load_artifact(arm)
    tagger = Tagger(art)
    feeds = []
    for i in range(0, len(calib_texts), 64):
        enc = tagger.tokenizer.encode_words([[w.text for w in split_words(normalize(t))] for t in calib_texts[i : i + 64]])
        feeds.append({"input_ids": enc.input_ids, "attention_mask": enc.attention_mask})

    class Reader(CalibrationDataReader):
        def __init__(self) -> None:
            self.it = iter(feeds)

        def get_next(self) -> dict[str, Any] | None:
            return next(self.it, None)

    tmp = out.parent / "onnx"
    tmp.mkdir(parents=True, exist_ok=True)
    quant_pre_process(str(art.model_path), str(tmp / "pre.onnx"))
    quantize_static(str(tmp / "pre.onnx"), str(tmp / "int8.onnx"), Reader(), quant_format=QuantFormat.QDQ,
                    op_types_to_quantize=["MatMul"], per_channel=True, activation_type=QuantType.QUInt8,
                    weight_type=QuantType.QInt8, calibrate_method=CalibrationMethod.MinMax)
    manifest = {k: v for k, v in art.manifest.items() if k != "files"}
    manifest["quantization"] = {"int8": True, "mode": "static", "calibration_texts": len(calib_texts)}
    return write_artifact(out, onnx_path=tmp / "int8.onnx", tokenizer_path=art.tokenizer_path, labels=art.labels,
                          manifest=manifest)


def _rate(tagger: Any, chunks: list[list[str]], seconds: float) -> float:
    done, t0 = 0, time.perf_counter()
    while time.perf_counter() - t0 < seconds:
        for chunk in chunks:
            tagger.parse_batch(chunk, tokens=False)
            done += len(chunk)
    return done / (time.perf_counter() - t0)


def _spans(res: Any) -> list[tuple[str, int, int]]:
    return [(c.label, c.start, c.end) for c in res.components]


def real_text_exact(tagger: Any, corpus: Path) -> dict[str, Any] | None:
    """Exact match on the corpus's real-text test set (``training.measure.per_country``), when it is built."""
    if not (corpus / "real_test.jsonl").exists():
        return None
    from training.corpus_build import read_split
    from training.measure import per_country

    rows = list(read_split(corpus, "real_test"))
    return {"rows": len(rows), "exact_match": per_country(tagger, rows)["exact_match"]}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--arm", default="artifacts/arms/A")
    ap.add_argument("--n", type=int, default=4000, help="timed texts (from the start of the bench inputs)")
    ap.add_argument("--calib-n", type=int, default=1000, help="calibration texts (from the end of the bench inputs)")
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--seconds", type=float, default=3.0, help="per figure and round")
    ap.add_argument("--corpus", default="corpus/0.5.0")
    ap.add_argument("--out", default="bench/results/means_static_int8.json")
    args = ap.parse_args(argv)

    from model.tagger import Tagger
    from training.export import batch_confidence_shift

    texts, digest = inputs.load()
    timed, calib = texts[: args.n], texts[-args.calib_n :]
    with tempfile.TemporaryDirectory() as tmp:
        q_arm = quantize_arm(args.arm, Path(tmp) / "arm", calib)
        fp32, int8 = Tagger.load(args.arm), Tagger.load(q_arm)
        chunks = [timed[i : i + 1000] for i in range(0, len(timed), 1000)]
        rounds = []
        for _ in range(args.rounds):
            rounds.append({"fp32": _rate(fp32, chunks, args.seconds), "int8": _rate(int8, chunks, args.seconds)})
        a, b = fp32.parse_batch(timed, tokens=False), int8.parse_batch(timed, tokens=False)
        same = sum(_spans(x) == _spans(y) for x, y in zip(a, b, strict=True)) / len(timed)
        corpus = ROOT / args.corpus
        result = {
            "bench": "static_int8", "date": now(), "machine": platform.machine(), "arm": args.arm,
            "inputs": {"timed": len(timed), "calibration": len(calib), "sha256": digest},
            "rounds": rounds,
            "speedup_median": sorted(r["int8"] / r["fp32"] for r in rounds)[len(rounds) // 2],
            "same_components": same,
            "batch_confidence_shift": batch_confidence_shift(int8, timed[:200]),
            "real_test_fp32": real_text_exact(fp32, corpus),
            "real_test_int8": real_text_exact(int8, corpus),
        }
    write_result(args.out, result)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
