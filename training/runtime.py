"""The training loops' runtime: device and DDP process group, bf16 autocast, the learning-rate schedule, the
optimizer and its step, and the metrics log (``training.train`` and ``training.pretrain`` share them)."""

from __future__ import annotations

import contextlib
import json
import math
import os
from dataclasses import dataclass
from pathlib import Path

import torch


@dataclass
class Runtime:
    device: torch.device
    rank: int = 0
    world: int = 1

    @property
    def is_main(self) -> bool:
        return self.rank == 0

    @property
    def ddp(self) -> bool:
        return self.world > 1


def setup_runtime(num_threads: int = 0) -> Runtime:
    if num_threads > 0:
        torch.set_num_threads(num_threads)
    if "WORLD_SIZE" in os.environ and int(os.environ["WORLD_SIZE"]) > 1:
        import torch.distributed as dist

        if not dist.is_initialized():
            dist.init_process_group(backend="nccl" if torch.cuda.is_available() else "gloo")
        local = int(os.environ.get("LOCAL_RANK", 0))
        if torch.cuda.is_available():
            torch.cuda.set_device(local)
            device = torch.device("cuda", local)
        else:
            device = torch.device("cpu")
        return Runtime(device, dist.get_rank(), dist.get_world_size())
    return Runtime(torch.device("cuda" if torch.cuda.is_available() else "cpu"))


def autocast(device: torch.device, precision: str) -> contextlib.AbstractContextManager:
    if precision == "bf16":
        try:
            return torch.autocast(device.type, dtype=torch.bfloat16)
        except RuntimeError:  # device without bf16 autocast
            return contextlib.nullcontext()
    return contextlib.nullcontext()


def lr_at(step: int, base: float, warmup: int, total: int, schedule: str, min_ratio: float) -> float:
    if warmup > 0 and step < warmup:
        return base * (step + 1) / warmup
    if schedule == "cosine":
        t = min(1.0, (step - warmup) / max(1, total - warmup))
        return base * (min_ratio + (1 - min_ratio) * 0.5 * (1 + math.cos(math.pi * t)))
    return base


def make_optimizer(model: torch.nn.Module, lr: float, weight_decay: float) -> torch.optim.Optimizer:
    decay = [p for n, p in model.named_parameters() if p.dim() >= 2 and "crf" not in n]
    rest = [p for n, p in model.named_parameters() if not (p.dim() >= 2 and "crf" not in n)]
    groups = [{"params": decay, "weight_decay": weight_decay}, {"params": rest, "weight_decay": 0.0}]
    return torch.optim.AdamW(groups, lr=lr, betas=(0.9, 0.98), eps=1e-8)


def optimizer_step(
    model: torch.nn.Module, optimizer: torch.optim.Optimizer, loss: torch.Tensor, lr: float, grad_clip: float
) -> None:
    """One update at learning rate ``lr``: backward, optional grad-norm clipping, step."""
    for g in optimizer.param_groups:
        g["lr"] = lr
    optimizer.zero_grad(set_to_none=True)
    loss.backward()
    if grad_clip > 0:
        torch.nn.utils.clip_grad_norm_(model.parameters(), grad_clip)
    optimizer.step()


class MetricsLog:
    def __init__(self, path: Path, enabled: bool) -> None:
        self.path, self.enabled = path, enabled

    def write(self, record: dict) -> None:
        if self.enabled:
            with open(self.path, "a", encoding="utf-8") as fh:
                fh.write(json.dumps(record) + "\n")
