"""Checkpoints of a training run: ``<run_dir>/checkpoints/step-NNNNNN`` files (model, optimizer, full config,
step; written atomically, the last ``keep`` kept), read back as a model, for resuming, or as an encoder init."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import torch

from training.config import Config, ModelConfig, from_dict
from training.network import AddrNet, encoder_state


def checkpoint_path(run_dir: Path, step: int) -> Path:
    return Path(run_dir) / "checkpoints" / f"step-{step:06d}"


def latest_checkpoint(run_dir: str | Path) -> Path | None:
    folder = Path(run_dir) / "checkpoints"
    found = sorted(folder.glob("step-[0-9][0-9][0-9][0-9][0-9][0-9]")) if folder.is_dir() else []
    return found[-1] if found else None


def save_checkpoint(
    run_dir: Path, step: int, model: AddrNet, optimizer: torch.optim.Optimizer | None, cfg: Config, extra: dict,
    keep: int,
) -> Path:
    """``optimizer`` None: a fresh one of ``cfg.train`` (a checkpoint made outside training: rebuilt from an arm,
    an average of two runs), so that every checkpoint resumes alike."""
    if optimizer is None:
        from training.runtime import make_optimizer

        optimizer = make_optimizer(model, cfg.train.lr, cfg.train.weight_decay)
    path = checkpoint_path(run_dir, step)
    path.parent.mkdir(parents=True, exist_ok=True)
    state = {
        "model": model.state_dict(),
        "optimizer": optimizer.state_dict(),
        "config": cfg.to_dict(),
        "step": step,
        "crf": model.crf is not None,
        **extra,
    }
    tmp = path.with_name(path.name + ".tmp")
    torch.save(state, tmp)
    tmp.replace(path)  # atomic: a kill never leaves a half-written checkpoint
    for old in sorted(path.parent.glob("step-[0-9][0-9][0-9][0-9][0-9][0-9]"))[:-keep] if keep > 0 else []:
        old.unlink()
    return path


def load_checkpoint(path: str | Path) -> dict[str, Any]:
    path = Path(path)
    if path.is_dir():
        found = latest_checkpoint(path)
        if found is None:
            raise FileNotFoundError(f"no checkpoint under {path}")
        path = found
    ckpt = torch.load(path, map_location="cpu", weights_only=True)
    ckpt["path"] = str(path)
    return ckpt


def model_from_checkpoint(ckpt: dict[str, Any]) -> tuple[AddrNet, Config]:
    cfg = from_dict(ckpt["config"])
    model = AddrNet(cfg.model, crf=bool(ckpt.get("crf")))
    model.load_state_dict(ckpt["model"])
    return model, cfg


def with_vocab(cfg: Config, tokenizer_path: str | Path) -> Config:
    from model.tokenize import WordTokenizer

    vocab = WordTokenizer.from_file(tokenizer_path, max_len=cfg.model.max_len).vocab_size
    return cfg.replace("model", vocab_size=vocab)


SIZE_FIELDS = ("vocab_size", "n_layers", "d_model", "n_heads", "d_ff", "max_len")


def check_same_size(src: ModelConfig, dst: ModelConfig, what: str) -> None:
    """Raise ``ValueError`` naming the first size field (``SIZE_FIELDS``) in which the two networks differ."""
    for k in SIZE_FIELDS:
        if getattr(src, k) != getattr(dst, k):
            raise ValueError(f"{what}: model.{k} differs ({getattr(src, k)} vs {getattr(dst, k)})")


def load_encoder(model: AddrNet, source: str | Path) -> dict[str, Any]:
    """Load only ``encoder.*`` weights from an (MLM) checkpoint file or run folder."""
    ckpt = load_checkpoint(source)
    enc = encoder_state(ckpt["model"])
    if not enc:
        raise ValueError(f"{ckpt['path']} has no encoder weights")
    check_same_size(ModelConfig(**ckpt["config"]["model"]), model.cfg, "init_from")
    missing, unexpected = model.load_state_dict(enc, strict=False)
    assert not unexpected, unexpected
    assert not [m for m in missing if m.startswith("encoder.")], missing
    return {"path": ckpt["path"], "step": ckpt["step"], "tensors": len(enc), "wall_time": ckpt.get("wall_time")}


def load_tagger(model: AddrNet, source: str | Path) -> dict[str, Any]:
    """Load every weight of a tagger checkpoint file or run folder (fine-tuning) -> the lineage for ``run.json``:
    the checkpoint, and the ``init_from`` it had (so an arm fine-tuned from the MLM-initialized arm says so)."""
    ckpt = load_checkpoint(source)
    check_same_size(ModelConfig(**ckpt["config"]["model"]), model.cfg, "finetune_from")
    model.load_state_dict(ckpt["model"])
    return {"path": ckpt["path"], "step": ckpt["step"], "finetuned": True, "init_from": ckpt.get("init_from"),
            "wall_time": ckpt.get("wall_time")}


def resume(
    run_dir: str | Path, model: AddrNet, optimizer: torch.optim.Optimizer
) -> tuple[Path | None, dict[str, Any] | None]:
    """Load the last checkpoint of ``run_dir`` (if any) into ``model`` and ``optimizer`` -> (path, checkpoint)."""
    last = latest_checkpoint(run_dir)
    if last is None:
        return None, None
    ckpt = load_checkpoint(last)
    model.load_state_dict(ckpt["model"])
    optimizer.load_state_dict(ckpt["optimizer"])
    return last, ckpt


def average_checkpoints(start: str | Path, end: str | Path, alpha: float, run_dir: str | Path) -> Path:
    """Weight-space interpolation of two taggers of one size (WiSE-FT, Wortsman et al. 2022): ``(1 - alpha) x start
    + alpha x end``, written as ``run_dir``'s checkpoint at ``end``'s step with ``end``'s config, run.json and
    metrics (``addrnet export`` reads them) and an ``averaged`` record. A fine-tuned tagger averaged with the one it
    started from keeps more of what the start knew while keeping most of what fine-tuning taught."""
    import json
    import shutil

    if not 0.0 <= alpha <= 1.0:
        raise ValueError(f"alpha must be in [0, 1], got {alpha}")
    a, b = load_checkpoint(start), load_checkpoint(end)
    cfg = from_dict(b["config"])
    check_same_size(ModelConfig(**a["config"]["model"]), cfg.model, "average")
    state = {k: v if k.startswith("mlm_") or k not in a["model"] else (1 - alpha) * a["model"][k] + alpha * v
             for k, v in b["model"].items()}
    model = AddrNet(cfg.model, crf=bool(b.get("crf")))
    model.load_state_dict(state)
    run = Path(run_dir)
    src_run = Path(b["path"]).parent.parent
    run.mkdir(parents=True, exist_ok=True)
    for name in ("run.json", "metrics.jsonl", "curves.png"):
        if (src_run / name).is_file():
            shutil.copy(src_run / name, run / name)
    averaged = {"start": a["path"], "end": b["path"], "alpha": alpha, "method": "WiSE-FT weight interpolation"}
    extra = {"wall_time": b.get("wall_time", 0.0), "init_from": b.get("init_from"), "meta": b.get("meta"),
             "averaged": averaged}
    path = save_checkpoint(run, int(b["step"]), model, None, cfg, extra, keep=1)
    (run / "averaged.json").write_text(json.dumps({**averaged, "checkpoint": str(path)}, indent=2) + "\n")
    return path
