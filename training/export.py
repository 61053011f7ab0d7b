"""Export a trained tagger run to an arm artifact folder (ONNX + tokenizer + labels + manifest).

Steps: load the run's last checkpoint -> ``torch.onnx.export`` (opset 17, dynamic batch and sequence
axes, inputs ``input_ids``/``attention_mask`` int64, output ``logits`` float32 [B, T, NUM_TAGS]) ->
each block's attention as one node (``training.fused_graph``; manifest ``graph``) -> parity check of
that graph against PyTorch on the dev set (max |Δlogit| < 1e-3 over real tokens and identical argmax
on >= 99.9% of them, else ``ExportError``) -> ``model.artifact.write_artifact`` -> dev metrics through
the serving ``Tagger`` and the Pelias harness pass-rate -> manifest update. With ``int8=True`` a
dynamically quantized model (onnxruntime.quantization) replaces the fp32 one only if dev F1 drops by
less than 0.2 points and a text's confidences do not depend on the texts batched with it (dynamic
quantization scales activations per run; measured ~1e-2 on the 0.4.0 arms, so they ship fp32); the
decision is recorded in the manifest either way.
"""

from __future__ import annotations

import importlib.metadata
import json
import shutil
import tempfile
from pathlib import Path
from typing import Any

import numpy as np
import torch

from model.artifact import labels_payload, load_artifact, update_manifest, write_artifact
from model.tagger import Tagger
from training.checkpoint import load_checkpoint, model_from_checkpoint
from training.data import EncodedSplit, gold_spans, load_split, read_split, span_metrics
from training.fused_graph import fuse_file
from training.network import AddrNet
from training.pass_rate import DEFAULT_CASES, run_harness

OPSET = 17
MAX_ABS_DIFF = 1e-3
MIN_ARGMAX_AGREEMENT = 0.999
INT8_MAX_F1_DROP = 0.002
BATCH_CHECK_TEXTS = 64
BATCH_MAX_SHIFT = 1e-5


def batch_confidence_shift(tagger: Tagger, texts: list[str]) -> float:
    """Largest |confidence| difference of a component parsed alone vs in one batch with ``texts`` (inf when
    the components themselves differ). fp32 ONNX gives ~1e-7; dynamic int8 gives ~1e-2."""
    together = tagger.parse_batch(texts, tokens=False)
    worst = 0.0
    for text, res in zip(texts, together, strict=True):
        alone = tagger.parse_batch([text], tokens=False)[0]
        if [(c.label, c.start, c.end) for c in alone.components] != [(c.label, c.start, c.end) for c in res.components]:
            return float("inf")
        for a, b in zip(alone.components, res.components, strict=True):
            worst = max(worst, abs(a.confidence - b.confidence))
    return worst


class ExportError(RuntimeError):
    pass


def export_onnx(model: AddrNet, path: str | Path) -> Path:
    model = model.eval().float()
    ids = torch.randint(3, model.cfg.vocab_size, (2, 8), dtype=torch.long)
    mask = torch.ones(2, 8, dtype=torch.long)
    mask[1, 5:] = 0
    axes = {0: "batch", 1: "seq"}
    import warnings

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        torch.onnx.export(
            model,
            (ids, mask),
            str(path),
            input_names=["input_ids", "attention_mask"],
            output_names=["logits"],
            dynamic_axes={"input_ids": axes, "attention_mask": axes, "logits": axes},
            opset_version=OPSET,
            dynamo=False,
        )
    return Path(path)


@torch.no_grad()
def parity_check(model: AddrNet, onnx_path: str | Path, enc: EncodedSplit, batch_size: int = 256) -> dict[str, Any]:
    import onnxruntime as ort

    model = model.eval()
    sess = ort.InferenceSession(str(onnx_path), providers=["CPUExecutionProvider"])
    max_diff, agree, total = 0.0, 0, 0
    order = np.argsort(enc.lengths, kind="stable")
    for b0 in range(0, len(order), batch_size):
        batch = enc.collate(order[b0 : b0 + batch_size])
        ids, mask = batch["input_ids"], batch["attention_mask"]
        ref = model(torch.from_numpy(ids), torch.from_numpy(mask)).numpy()
        (got,) = sess.run(["logits"], {"input_ids": ids, "attention_mask": mask})
        real = mask.astype(bool)
        if not real.any():
            continue
        max_diff = max(max_diff, float(np.abs(ref[real] - got[real]).max()))
        agree += int((ref[real].argmax(-1) == got[real].argmax(-1)).sum())
        total += int(real.sum())
    result = {"max_abs_diff": max_diff, "argmax_agreement": agree / max(total, 1), "tokens": total}
    if max_diff >= MAX_ABS_DIFF or result["argmax_agreement"] < MIN_ARGMAX_AGREEMENT:
        raise ExportError(f"ONNX parity check failed: {result}")
    return result


def tagger_dev_metrics(tagger: Tagger, examples: list[dict], batch_size: int = 64) -> dict[str, Any]:
    """Dev span metrics of the serving ``Tagger`` (loaded once by the caller and reused)."""
    gold, pred = [], []
    for b0 in range(0, len(examples), batch_size):
        part = examples[b0 : b0 + batch_size]
        for ex, res in zip(part, tagger.parse_batch([ex["text"] for ex in part]), strict=True):
            gold.append(gold_spans(ex))
            pred.append({(c.label, c.start, c.end) for c in res.components})
    return span_metrics(gold, pred)


def decode_params_from_corpus(corpus_dir: Path, max_examples: int = 200_000) -> dict[str, Any]:
    """Repeat penalties for ``model.decode``: -log P(a label has a second span | it is present), over the
    corpus train split (clipped to [0.5, 9.2]: unseen repeats cost about log 1e4)."""
    import math
    from collections import Counter
    from itertools import islice

    present: Counter[str] = Counter()
    repeated: Counter[str] = Counter()
    n = 0
    for ex in islice(read_split(corpus_dir, "train"), max_examples):
        n += 1
        for label, k in Counter(s[0] for s in ex["spans"]).items():
            present[label] += 1
            repeated[label] += k > 1
    pen = {label: round(min(9.2, max(0.5, -math.log(max(repeated[label] / present[label], 1e-4)))), 3)
           for label in sorted(present)}
    return {"repeat_penalty": pen, "estimated_from": str(corpus_dir), "examples": n}


def _version() -> str:
    try:
        return importlib.metadata.version("addrnet")
    except importlib.metadata.PackageNotFoundError:
        return "0.0.0"


def export_run(
    run_dir: str | Path,
    out_dir: str | Path,
    arm: str | None = None,
    int8: bool = False,
    harness_path: str | Path | None = DEFAULT_CASES,
    parity_max_examples: int = 5000,
    dev_max_examples: int = 0,
    calibrate_temperature: bool = False,
) -> Path:
    """Export the last checkpoint of ``run_dir`` to the artifact folder ``out_dir``; returns it."""
    run_dir, out_dir = Path(run_dir), Path(out_dir)
    ckpt = load_checkpoint(run_dir)
    model, cfg = model_from_checkpoint(ckpt)
    model.eval()
    meta = json.loads((run_dir / "run.json").read_text())
    corpus_dir, tokenizer_path = Path(meta["corpus_dir"]), Path(meta["tokenizer_path"])
    arm = arm or meta.get("arm") or run_dir.name
    enc, _ = load_split(corpus_dir, "dev", tokenizer_path, cfg.model.max_len, run_dir.parent / "cache",
                        max_examples=parity_max_examples)
    dev_examples = list(read_split(corpus_dir, "dev"))
    if dev_max_examples:
        dev_examples = dev_examples[:dev_max_examples]
    with tempfile.TemporaryDirectory(prefix="addrnet-export-") as tmp_s:
        tmp = Path(tmp_s)
        m = cfg.model  # each block's attention as one node, checked against the exported graph
        onnx_fp32 = tmp / "model.onnx"
        graph = fuse_file(export_onnx(model, tmp / "export.onnx"), onnx_fp32, m.n_heads, m.vocab_size, m.max_len)
        parity = parity_check(model, onnx_fp32, enc)
        manifest = {
            "arm": arm,
            "version": _version(),
            "config": cfg.to_dict(),
            "corpus_version": meta.get("corpus_version"),
            "tokenizer_version": meta.get("tokenizer_version"),
            "parent_checkpoint": ckpt["path"],
            "parent_step": ckpt["step"],
            "init_from": ckpt.get("init_from"),
            **({"averaged": ckpt["averaged"]} if ckpt.get("averaged") else {}),
            "dev_metrics": None,
            "training_wall_time_s": float(ckpt.get("wall_time", 0.0)),
            "max_len": cfg.model.max_len,
            "onnx_opset": OPSET,
            "parity": parity,
            "graph": graph,
        }
        labels = labels_payload(model.crf_params())
        labels["decode"] = decode_params_from_corpus(corpus_dir)
        curves = run_dir / "curves.png"
        stage = tmp / "artifact"
        write_artifact(stage, onnx_path=onnx_fp32, tokenizer_path=tokenizer_path, labels=labels, manifest=manifest,
                       curves_path=curves)
        tagger = Tagger.load(stage)
        dev = tagger_dev_metrics(tagger, dev_examples)
        quant: dict[str, Any] = {"int8": False}
        if int8:
            from onnxruntime.quantization import QuantType, quantize_dynamic

            onnx_int8 = tmp / "model.int8.onnx"
            from onnx import TensorProto

            # the fused graph's contrib nodes have no shape inference: their outputs are float32
            quantize_dynamic(str(onnx_fp32), str(onnx_int8), weight_type=QuantType.QInt8,
                             extra_options={"DefaultTensorType": TensorProto.FLOAT})
            stage8 = tmp / "artifact-int8"
            write_artifact(stage8, onnx_path=onnx_int8, tokenizer_path=tokenizer_path, labels=labels,
                           manifest={**manifest, "quantization": {"int8": True}}, curves_path=curves)
            tagger8 = Tagger.load(stage8)
            dev8 = tagger_dev_metrics(tagger8, dev_examples)
            drop = dev["f1"] - dev8["f1"]
            # dynamic quantization scales activations per ONNX run: a text's logits (and confidences) may then
            # depend on the texts batched with it, which a parser must never do
            shift = batch_confidence_shift(tagger8, [ex["text"] for ex in dev_examples[:BATCH_CHECK_TEXTS]])
            kept = drop < INT8_MAX_F1_DROP and shift <= BATCH_MAX_SHIFT
            quant = {"int8": kept, "requested": True, "fp32_dev_f1": dev["f1"], "int8_dev_f1": dev8["f1"],
                     "f1_drop": drop, "max_f1_drop": INT8_MAX_F1_DROP, "batch_confidence_shift": shift,
                     "max_batch_confidence_shift": BATCH_MAX_SHIFT}
            if kept:
                shutil.rmtree(stage)
                stage, dev, tagger = stage8, dev8, tagger8
        # one Tagger serves calibration and the harness: the temperature written below only rescales
        # confidences, never the decoded components the harness scores
        if calibrate_temperature:
            from training.calibrate import calibrate

            calibration = calibrate(tagger, dev_examples)
            update_manifest(stage, temperature=calibration["temperature"], calibration=calibration)
        harness = None
        if harness_path is not None and not Path(harness_path).exists():
            print(f"warning: Pelias cases {harness_path} not found; no harness pass-rate in the manifest", flush=True)
        elif harness_path is not None:
            harness = run_harness(tagger, harness_path)
        update_manifest(stage, dev_metrics=dev, quantization=quant, pelias_harness=harness)
        out_dir.parent.mkdir(parents=True, exist_ok=True)
        if out_dir.exists():
            shutil.rmtree(out_dir)
        shutil.copytree(stage, out_dir)
    load_artifact(out_dir)
    return out_dir
