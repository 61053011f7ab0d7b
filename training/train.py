"""Supervised tagger training: one plain loop (CPU default, one GPU, or torchrun DDP unchanged).

Run folder layout (``run_dir``): ``run.json`` (corpus, tokenizer, init_from, arm), ``metrics.jsonl``
(train loss/lr every ``log_every`` steps, dev metrics every ``eval_every`` steps and at the end),
``checkpoints/step-NNNNNN`` (model + optimizer + full config + step + accumulated wall time; the last
``keep_checkpoints`` are kept), ``curves.png``. Pre-tokenized splits are cached in ``<run_dir>/../cache``
(shared by sibling runs; keyed by corpus file, tokenizer hash and ``max_len``).

A run restarted on the same ``run_dir`` resumes from its last checkpoint (data order and schedule are a
pure function of the step). ``init_from`` (an MLM checkpoint file or run folder) loads only the
encoder weights, and only when the run starts fresh. Under torchrun (``WORLD_SIZE`` set) a process
group is initialised and each rank takes its share of every global batch of ``batch_size x world``. The
runtime, schedule and optimizer step are ``training.runtime``; checkpoints are ``training.checkpoint``.
"""

from __future__ import annotations

import json
import time
from pathlib import Path

import numpy as np
import torch

from model.decode import CRFParams, decode, tag_spans
from model.normalize import split_words
from training.checkpoint import (
    load_checkpoint,
    load_encoder,
    load_tagger,
    model_from_checkpoint,
    resume,
    save_checkpoint,
    with_vocab,
)
from training.config import Config
from training.data import Batches, EncodedSplit, gold_spans, load_split, span_metrics
from training.network import IGNORE_INDEX, AddrNet
from training.runtime import MetricsLog, autocast, lr_at, make_optimizer, optimizer_step, setup_runtime


# ---------------------------------------------------------------- evaluation
@torch.no_grad()
def evaluate(
    model: AddrNet, enc: EncodedSplit, examples: list[dict], device: torch.device, batch_size: int = 256
) -> dict:
    """Dev metrics with the serving decoder (argmax + BIO repair, or Viterbi with a CRF)."""
    was_training = model.training
    model.eval()
    crf = CRFParams.from_labels(model.crf_params() or {})
    order = np.argsort(enc.lengths, kind="stable")
    gold: list[set] = []
    pred: list[set] = []
    for b0 in range(0, len(order), batch_size):
        idx = order[b0 : b0 + batch_size]
        batch = enc.collate(idx)
        logits = model(
            torch.from_numpy(batch["input_ids"]).to(device), torch.from_numpy(batch["attention_mask"]).to(device)
        )
        logits_np = logits.float().cpu().numpy()
        labels = batch["labels"]
        valid = labels != IGNORE_INDEX
        counts = valid.sum(1)
        W = max(1, int(counts.max()))
        word_logits = np.zeros((len(idx), W, logits_np.shape[-1]), dtype=np.float32)
        for r in range(len(idx)):
            word_logits[r, : counts[r]] = logits_np[r, valid[r]]
        tags, _ = decode(word_logits, counts, crf)
        for r, i in enumerate(idx):
            ex = examples[int(i)]
            words = split_words(ex["text"])
            pred.append({(lab, words[a].start, words[b].end) for lab, a, b in tag_spans(tags[r, : counts[r]])})
            gold.append(gold_spans(ex))
    model.train(was_training)
    return span_metrics(gold, pred)


# ---------------------------------------------------------------- the loop
def _versions(corpus_dir: Path, tokenizer_path: Path) -> dict[str, str]:
    def version(manifest: Path, fallback: str) -> str:
        try:
            return str(json.loads(manifest.read_text())["version"])
        except (OSError, KeyError, ValueError):
            return fallback

    return {
        "corpus_version": version(corpus_dir / "manifest.json", corpus_dir.name),
        "tokenizer_version": version(tokenizer_path.parent / "manifest.json", tokenizer_path.parent.name),
    }


def train_tagger(
    cfg: Config,
    corpus_dir: str | Path,
    tokenizer_path: str | Path,
    run_dir: str | Path,
    init_from: str | Path | None = None,
    arm: str | None = None,
    stop_after: int | None = None,
    progress: bool = True,
    teacher: str | Path | None = None,
    finetune_from: str | Path | None = None,
) -> dict:
    """Train (or resume) a tagger run; returns a summary. ``stop_after`` stops early (tests: a 'kill').
    ``finetune_from`` (a tagger checkpoint file or run folder of the same model size) starts a fresh run from
    all of its weights, where ``init_from`` (an MLM run) gives the encoder only.
    ``teacher`` (a tagger checkpoint file or run folder with the same tokenizer) is distilled into this
    model with ``train.distill_weight`` and ``train.distill_temperature``."""
    from tqdm import tqdm

    corpus_dir, tokenizer_path, run_dir = Path(corpus_dir), Path(tokenizer_path), Path(run_dir)
    t = cfg.train
    rt = setup_runtime(t.num_threads)
    run_dir.mkdir(parents=True, exist_ok=True)
    cfg = with_vocab(cfg, tokenizer_path)
    torch.manual_seed(t.seed)
    model = AddrNet(cfg.model, crf=t.crf_loss_weight > 0).to(rt.device)
    optimizer = make_optimizer(model, t.lr, t.weight_decay)
    step, wall, resumed_from, init_info = 0, 0.0, None, None
    last, ckpt = resume(run_dir, model, optimizer)
    if ckpt is not None:
        step, wall, resumed_from = int(ckpt["step"]), float(ckpt.get("wall_time", 0.0)), int(ckpt["step"])
        init_info = ckpt.get("init_from")
    elif init_from and finetune_from:
        raise ValueError("init_from and finetune_from exclude each other")
    elif init_from:
        init_info = load_encoder(model, init_from)
    elif finetune_from:
        init_info = load_tagger(model, finetune_from)
    teacher_model, teacher_info = None, None
    if teacher is not None and t.distill_weight > 0:
        tck = load_checkpoint(teacher)
        teacher_model = model_from_checkpoint(tck)[0].to(rt.device).eval()
        teacher_info = {"path": tck["path"], "step": tck["step"], "model": tck["config"]["model"]}
    meta = {
        "kind": "tagger",
        "arm": arm or run_dir.name,
        "teacher": teacher_info,
        "corpus_dir": str(corpus_dir),
        "tokenizer_path": str(tokenizer_path),
        "init_from": init_info,
        **_versions(corpus_dir, tokenizer_path),
    }
    if rt.is_main:
        (run_dir / "run.json").write_text(json.dumps(meta, indent=2))
    log = MetricsLog(run_dir / "metrics.jsonl", rt.is_main)
    if rt.is_main and resumed_from is not None:
        print(f"[{meta['arm']}] resuming from step {resumed_from} ({last})", flush=True)

    train_enc, _ = load_split(corpus_dir, "train", tokenizer_path, cfg.model.max_len, run_dir.parent / "cache",
                              with_examples=False)
    dev_enc, dev_examples = load_split(
        corpus_dir, "dev", tokenizer_path, cfg.model.max_len, run_dir.parent / "cache", max_examples=t.eval_max_examples
    )
    batches = Batches(train_enc.lengths, t.batch_size, t.seed, rt.rank, rt.world)
    net: torch.nn.Module = model
    if rt.ddp:
        net = torch.nn.parallel.DistributedDataParallel(model, find_unused_parameters=True)

    def do_eval(at: int) -> dict:
        m = evaluate(model, dev_enc, dev_examples, rt.device)
        log.write({"step": at, "split": "dev", **m})
        return m

    model.train()
    end = t.steps if stop_after is None else min(t.steps, stop_after)
    bar = tqdm(total=t.steps, initial=step, desc=f"train {meta['arm']}", disable=not (progress and rt.is_main),
               mininterval=2.0, dynamic_ncols=True)
    t0, loss_acc, n_acc, metrics = time.time(), 0.0, 0, None
    while step < end:
        lr = lr_at(step, t.lr, t.warmup_steps, t.steps, t.schedule, t.min_lr_ratio)
        batch = train_enc.collate(batches.batch(step))
        ids = torch.from_numpy(batch["input_ids"]).to(rt.device)
        mask = torch.from_numpy(batch["attention_mask"]).to(rt.device)
        labels = torch.from_numpy(batch["labels"]).to(rt.device)
        with autocast(rt.device, t.precision):
            t_logits = None
            if teacher_model is not None:
                with torch.no_grad():
                    t_logits = teacher_model(ids, mask)
            loss = net(ids, mask, labels, None, t.label_smoothing, t.crf_loss_weight, t_logits, t.distill_weight,
                       t.distill_temperature)
        optimizer_step(model, optimizer, loss, lr, t.grad_clip)
        step += 1
        loss_acc += float(loss.detach())
        n_acc += 1
        bar.update(1)
        if step % t.log_every == 0 or step == end:
            bar.set_postfix(loss=f"{loss_acc / n_acc:.4f}", lr=f"{lr:.2e}")
            log.write({"step": step, "split": "train", "loss": loss_acc / n_acc, "lr": lr,
                       "wall_time": wall + time.time() - t0})
            loss_acc, n_acc = 0.0, 0
        if rt.is_main and (step % t.eval_every == 0 or step == t.steps):
            metrics = do_eval(step)
            bar.write(f"[{meta['arm']}] step {step} dev f1={metrics['f1']:.4f} exact={metrics['exact_match']:.4f}")
        if rt.is_main and (step % t.ckpt_every == 0 or step == t.steps):
            extra = {"wall_time": wall + time.time() - t0, "init_from": init_info, "meta": meta}
            save_checkpoint(run_dir, step, model, optimizer, cfg, extra, t.keep_checkpoints)
    bar.close()
    wall += time.time() - t0
    if rt.is_main and step == t.steps and metrics is None:  # already finished: report the last dev eval
        dev_recs = [json.loads(x) for x in (run_dir / "metrics.jsonl").read_text().splitlines() if '"dev"' in x]
        metrics = dev_recs[-1] if dev_recs else None
    if rt.is_main and step == t.steps:
        from training.curves import plot_curves

        plot_curves(run_dir / "metrics.jsonl", run_dir / "curves.png", title=f"arm {meta['arm']}")
    return {"step": step, "resumed_from": resumed_from, "wall_time": wall, "dev": metrics, "run_dir": str(run_dir)}
