"""Masked-LM pre-training of the encoder on the corpus train text (whole-word masking, 80/10/10).

Writes ``<run_dir>/checkpoints/step-NNNNNN`` (model + optimizer + config + step) and resumes from the
last one. Uses ``[pretrain]`` for steps/lr/schedule/batch and ``train.precision``/``train.seed``.
"""

from __future__ import annotations

import json
import time
from pathlib import Path

import numpy as np
import torch

from training.checkpoint import resume, save_checkpoint, with_vocab
from training.config import Config
from training.data import Batches, load_split
from training.masking import mask_whole_words
from training.network import AddrNet
from training.runtime import MetricsLog, autocast, lr_at, make_optimizer, optimizer_step, setup_runtime


def pretrain(
    cfg: Config,
    corpus_dir: str | Path,
    tokenizer_path: str | Path,
    run_dir: str | Path,
    stop_after: int | None = None,
    progress: bool = True,
) -> dict:
    from tqdm import tqdm

    corpus_dir, tokenizer_path, run_dir = Path(corpus_dir), Path(tokenizer_path), Path(run_dir)
    p, t = cfg.pretrain, cfg.train
    rt = setup_runtime(t.num_threads)
    run_dir.mkdir(parents=True, exist_ok=True)
    cfg = with_vocab(cfg, tokenizer_path)
    torch.manual_seed(t.seed)
    model = AddrNet(cfg.model, crf=False).to(rt.device)
    optimizer = make_optimizer(model, p.lr, p.weight_decay)
    step, wall = 0, 0.0
    last, ckpt = resume(run_dir, model, optimizer)
    if ckpt is not None:
        step, wall = int(ckpt["step"]), float(ckpt.get("wall_time", 0.0))
        if rt.is_main:
            print(f"[mlm] resuming from step {step} ({last})", flush=True)
    if step >= p.steps:
        return {"step": step, "checkpoint": str(last), "wall_time": wall}
    meta = {"kind": "mlm", "corpus_dir": str(corpus_dir), "tokenizer_path": str(tokenizer_path)}
    if rt.is_main:
        (run_dir / "run.json").write_text(json.dumps(meta, indent=2))
    log = MetricsLog(run_dir / "metrics.jsonl", rt.is_main)
    enc, _ = load_split(corpus_dir, "train", tokenizer_path, cfg.model.max_len, run_dir.parent / "cache",
                        with_examples=False)
    batches = Batches(enc.lengths, p.batch_size, t.seed + 1, rt.rank, rt.world)
    net: torch.nn.Module = model
    if rt.ddp:
        net = torch.nn.parallel.DistributedDataParallel(model, find_unused_parameters=True)
    model.train()
    end = p.steps if stop_after is None else min(p.steps, stop_after)
    bar = tqdm(total=p.steps, initial=step, desc="mlm", disable=not (progress and rt.is_main), mininterval=2.0)
    t0, loss_acc, n_acc, path = time.time(), 0.0, 0, last
    while step < end:
        lr = lr_at(step, p.lr, p.warmup_steps, p.steps, p.schedule, p.min_lr_ratio)
        batch = enc.collate(batches.batch(step))
        rng = np.random.default_rng([t.seed, step, rt.rank])
        ids, targets = mask_whole_words(batch["input_ids"], batch["word_ids"], rng, cfg.model.vocab_size, p.mask_prob)
        with autocast(rt.device, t.precision):
            loss = net(
                torch.from_numpy(ids).to(rt.device),
                torch.from_numpy(batch["attention_mask"]).to(rt.device),
                mlm_labels=torch.from_numpy(targets).to(rt.device),
            )
        optimizer_step(model, optimizer, loss, lr, p.grad_clip)
        step += 1
        loss_acc += float(loss.detach())
        n_acc += 1
        bar.update(1)
        if step % p.log_every == 0 or step == end:
            bar.set_postfix(loss=f"{loss_acc / n_acc:.4f}")
            log.write({"step": step, "split": "mlm", "loss": loss_acc / n_acc, "lr": lr,
                       "wall_time": wall + time.time() - t0})
            loss_acc, n_acc = 0.0, 0
        if rt.is_main and (step % p.ckpt_every == 0 or step == p.steps):
            extra = {"wall_time": wall + time.time() - t0, "meta": meta}
            path = save_checkpoint(run_dir, step, model, optimizer, cfg, extra, p.keep_checkpoints)
    bar.close()
    return {"step": step, "checkpoint": str(path), "wall_time": wall + time.time() - t0}
