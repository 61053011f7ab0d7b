"""Training-curve PNG (train loss and dev F1 against step) from a run's ``metrics.jsonl``."""

from __future__ import annotations

import json
from pathlib import Path


def plot_curves(metrics_path: str | Path, out_png: str | Path, title: str = "") -> Path:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    train: dict[int, float] = {}
    dev: dict[int, float] = {}
    for line in Path(metrics_path).read_text(encoding="utf-8").splitlines():
        rec = json.loads(line)
        if rec.get("split") == "train":
            train[rec["step"]] = rec["loss"]  # a resumed run overwrites repeated steps
        elif rec.get("split") == "dev":
            dev[rec["step"]] = rec["f1"]
    fig, ax1 = plt.subplots(figsize=(7, 4))
    xs = sorted(train)
    ax1.plot(xs, [train[x] for x in xs], color="tab:blue", label="train loss")
    ax1.set_xlabel("step")
    ax1.set_ylabel("train loss", color="tab:blue")
    ax2 = ax1.twinx()
    ds = sorted(dev)
    ax2.plot(ds, [dev[x] for x in ds], "o-", color="tab:red", label="dev F1")
    ax2.set_ylabel("dev span F1", color="tab:red")
    ax2.set_ylim(0, 1)
    ax1.set_title(title or "training curves")
    fig.tight_layout()
    out_png = Path(out_png)
    fig.savefig(out_png, dpi=100)
    plt.close(fig)
    return out_png
