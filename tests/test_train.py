from __future__ import annotations

import json
from pathlib import Path

import pytest
import torch

from training.config import ConfigError, load_config

TINY = Path(__file__).resolve().parents[1] / "training" / "configs" / "tiny.toml"


def _losses(run: Path, split: str = "train") -> list[tuple[int, float]]:
    recs = [json.loads(line) for line in (run / "metrics.jsonl").read_text().splitlines()]
    return [(r["step"], r["loss"]) for r in recs if r["split"] == split]


def test_configs_load_and_override() -> None:
    root = TINY.parent
    for name in ("cpu", "gpu", "gpu_reference", "tiny"):
        cfg = load_config(root / f"{name}.toml")
        assert cfg.name == name
    cpu = load_config(root / "cpu.toml", ["lr=3e-4", "train.schedule=cosine", "--model.n_layers=3", "pretrain.steps=7"])
    assert cpu.train.lr == 3e-4 and cpu.train.schedule == "cosine" and cpu.model.n_layers == 3
    assert cpu.pretrain.steps == 7 and cpu.train.crf_loss_weight == 0.0 and cpu.model.max_len == 48
    with pytest.raises(ConfigError):
        load_config(root / "cpu.toml", ["nope=1"])
    with pytest.raises(ConfigError):
        load_config(root / "cpu.toml", ["train.precision=fp8"])


def test_tiny_trains_and_loss_decreases(toy: tuple[Path, Path], tmp_path: Path) -> None:
    from training.checkpoint import latest_checkpoint, load_checkpoint
    from training.train import train_tagger

    cfg = load_config(TINY, ["train.steps=120", "train.eval_every=120", "train.crf_loss_weight=0.5"])
    res = train_tagger(cfg, *toy, tmp_path / "run", progress=False)
    losses = _losses(tmp_path / "run")
    assert losses[-1][1] < 0.5 * losses[0][1]
    assert res["dev"]["f1"] > 0.5
    ckpt = load_checkpoint(latest_checkpoint(tmp_path / "run"))
    assert ckpt["step"] == 120 and ckpt["config"]["train"]["steps"] == 120 and ckpt["crf"]
    assert ckpt["config"]["model"]["vocab_size"] > 0
    assert (tmp_path / "run" / "curves.png").stat().st_size > 1000


def test_resume_after_kill(toy: tuple[Path, Path], tmp_path: Path) -> None:
    from training.checkpoint import latest_checkpoint
    from training.train import train_tagger

    cfg = load_config(TINY, ["train.steps=80", "train.ckpt_every=20", "train.eval_every=1000"])
    run = tmp_path / "run"
    first = train_tagger(cfg, *toy, run, progress=False, stop_after=50)  # "killed" at step 50
    assert first["step"] == 50 and latest_checkpoint(run).name == "step-000040"
    second = train_tagger(cfg, *toy, run, progress=False)
    assert second["resumed_from"] == 40 and second["step"] == 80
    # the resumed run matches an uninterrupted one (deterministic data order and schedule)
    ref = train_tagger(cfg, *toy, tmp_path / "ref", progress=False)
    a = torch.load(latest_checkpoint(run), weights_only=True)["model"]
    b = torch.load(latest_checkpoint(tmp_path / "ref"), weights_only=True)["model"]
    assert ref["step"] == 80
    for k in a:
        assert torch.allclose(a[k], b[k], atol=1e-5), k


def test_pretrain_and_init_from_loads_only_encoder(toy: tuple[Path, Path], tmp_path: Path) -> None:
    from training.checkpoint import load_checkpoint, load_encoder, with_vocab
    from training.network import AddrNet
    from training.pretrain import pretrain

    cfg = load_config(TINY, ["pretrain.steps=30", "pretrain.ckpt_every=15"])
    res = pretrain(cfg, *toy, tmp_path / "mlm", progress=False)
    assert res["step"] == 30
    mlm_losses = _losses(tmp_path / "mlm", "mlm")
    assert mlm_losses[-1][1] < mlm_losses[0][1]
    mlm = load_checkpoint(tmp_path / "mlm")["model"]
    model = AddrNet(with_vocab(cfg, toy[1]).model)
    before = {k: v.clone() for k, v in model.state_dict().items()}
    info = load_encoder(model, tmp_path / "mlm")
    assert info["step"] == 30
    after = model.state_dict()
    for k, v in after.items():
        if k.startswith("encoder."):
            assert torch.equal(v, mlm[k]), k
        else:  # heads (tagger, MLM) keep their fresh init
            assert torch.equal(v, before[k]), k
    assert any(not torch.equal(mlm[k], before[k]) for k in after if k.startswith("encoder."))
    # resuming a finished pretrain is a no-op
    assert pretrain(cfg, *toy, tmp_path / "mlm", progress=False)["step"] == 30


def test_arms_cli_runs_pretrain_then_both_arms(toy: tuple[Path, Path], tmp_path: Path) -> None:
    from addrnet.cli import main

    corpus, tok = toy
    out = tmp_path / "release"
    argv = ["train", "arms", "--config", str(TINY), "--corpus", str(corpus), "--tokenizer", str(tok),
            "--out", str(out), "--no-progress", "--train.steps=40", "--pretrain.steps=20", "--set", "eval_every=40"]
    assert main(argv) == 0
    a = json.loads((out / "A" / "run.json").read_text())
    b = json.loads((out / "B" / "run.json").read_text())
    assert a["init_from"]["step"] == 20 and b["init_from"] is None
    from training.checkpoint import load_checkpoint

    ca, cb = load_checkpoint(out / "A"), load_checkpoint(out / "B")
    assert ca["config"] == cb["config"] and ca["step"] == cb["step"] == 40
    assert (out / "A" / "curves.png").exists() and (out / "B" / "curves.png").exists()
    assert main(["export", "--run", str(out / "B"), "--out", str(tmp_path / "arms" / "B"), "--no-harness"]) == 0
    assert json.loads((tmp_path / "arms" / "B" / "manifest.json").read_text())["arm"] == "B"


def test_rerun_of_finished_run_reports_last_dev(toy: tuple[Path, Path], tmp_path: Path) -> None:
    from training.train import train_tagger

    cfg = load_config(TINY, ["train.steps=20", "train.eval_every=20"])
    first = train_tagger(cfg, *toy, tmp_path / "run", progress=False)
    again = train_tagger(cfg, *toy, tmp_path / "run", progress=False)
    assert again["resumed_from"] == 20 and again["dev"]["f1"] == first["dev"]["f1"]


def test_load_split_cache_without_examples(toy: tuple[Path, Path], tmp_path: Path) -> None:
    from training.data import load_split

    corpus, tok = toy
    first, ex = load_split(corpus, "train", tok, 16, tmp_path)  # encodes and caches
    again, none = load_split(corpus, "train", tok, 16, tmp_path, with_examples=False)  # cache hit, no reading
    assert len(ex) == len(first) and none == []
    assert all((getattr(first, k) == getattr(again, k)).all() for k in ("ids", "labels", "word_ids", "lengths"))
    dev, dev_ex = load_split(corpus, "dev", tok, 16, None, max_examples=7)
    assert len(dev) == len(dev_ex) == 7


def test_finetune_from_starts_from_every_weight_and_keeps_the_lineage(toy: tuple[Path, Path], tmp_path: Path) -> None:
    from training.checkpoint import load_checkpoint
    from training.train import train_tagger

    corpus, tok = toy
    cfg = load_config(TINY, ["train.steps=20", "train.eval_every=20", "train.ckpt_every=20"])
    train_tagger(cfg, corpus, tok, tmp_path / "base", progress=False)
    base = load_checkpoint(tmp_path / "base")
    zero = load_config(TINY, ["train.steps=1", "train.lr=1e-12", "train.warmup_steps=1", "train.eval_every=1",
                              "train.ckpt_every=1"])
    train_tagger(zero, corpus, tok, tmp_path / "tuned", finetune_from=tmp_path / "base", progress=False)
    tuned = load_checkpoint(tmp_path / "tuned")
    for k, v in base["model"].items():  # one step at a negligible rate: every weight, the head too, came along
        assert torch.allclose(tuned["model"][k], v, atol=1e-6), k
    meta = json.loads((tmp_path / "tuned" / "run.json").read_text())
    assert meta["init_from"]["finetuned"] and meta["init_from"]["step"] == 20
    with pytest.raises(ValueError, match="exclude"):
        train_tagger(zero, corpus, tok, tmp_path / "both", init_from=tmp_path / "base", finetune_from=tmp_path / "base",
                     progress=False)
