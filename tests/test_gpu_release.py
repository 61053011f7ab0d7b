"""The GPU release recipe's scheduler (training.gpu_release) and distillation, on the CPU with a toy corpus."""

from __future__ import annotations

from pathlib import Path

import torch

from training.config import load_config
from training.gpu_release import lanes_for, pack, plan, run_lane

TINY = Path(__file__).resolve().parents[1] / "training" / "configs" / "tiny.toml"


def test_plan_fits_the_budget_and_gives_a_and_b_the_same_steps() -> None:
    lanes = lanes_for(["2x128", "2x64"], reference=True)
    assert [ln["name"] for ln in lanes] == ["A2x128", "B2x128", "A2x64", "B2x64", "ref"]
    speeds = {"A2x128": 100.0, "B2x128": 90.0, "A2x64": 120.0, "B2x64": 130.0, "ref": 50.0}
    seconds = 300.0
    planned = {p["name"]: p for p in plan(lanes, speeds, seconds)}
    for size in ("2x128", "2x64"):
        a, b = planned[f"A{size}"], planned[f"B{size}"]
        assert a["steps"] == b["steps"] and a["overrides"] == b["overrides"]  # identical except init
        assert a["mlm_steps"] > 0 and b["mlm_steps"] == 0
        v = min(speeds[f"A{size}"], speeds[f"B{size}"])  # the slower of the pair sets the pace
        assert a["mlm_steps"] / (0.8 * v) + a["steps"] / v <= seconds
    assert planned["ref"]["mlm_steps"] == 0 and planned["ref"]["steps"] / speeds["ref"] <= seconds
    assert all(p["overrides"]["train"]["eval_every"] == p["steps"] for p in planned.values())


def test_fixed_steps_give_every_arm_pair_the_same_counts() -> None:
    lanes = lanes_for(["2x64"], reference=False)
    planned = {p["name"]: p for p in plan(lanes, {}, 0.0, fixed=(18_800, 7_200))}
    assert (planned["A2x64"]["steps"], planned["A2x64"]["mlm_steps"]) == (18_800, 7_200)
    assert (planned["B2x64"]["steps"], planned["B2x64"]["mlm_steps"]) == (18_800, 0)
    assert planned["A2x64"]["overrides"] == planned["B2x64"]["overrides"]


def test_distillation_loss_is_the_ce_part_when_the_teacher_agrees() -> None:
    from training.network import AddrNet

    cfg = load_config(TINY).replace("model", vocab_size=50)
    torch.manual_seed(0)
    model = AddrNet(cfg.model).eval()
    ids = torch.randint(3, 50, (2, 6))
    mask = torch.ones(2, 6, dtype=torch.long)
    labels = torch.randint(0, 5, (2, 6))
    labels[:, 0] = -100
    with torch.no_grad():
        ce = model(ids, mask, labels)
        same = model(ids, mask, labels, teacher_logits=model(ids, mask), distill_weight=0.5)
        other = model(ids, mask, labels, teacher_logits=torch.randn(2, 6, model(ids, mask).shape[-1]), distill_weight=0.5)
    assert torch.allclose(same, 0.5 * ce, atol=1e-5)  # KL(teacher || student) = 0
    assert other > same


def test_a_lane_pretrains_distils_and_packs(toy: tuple[Path, Path], tmp_path: Path) -> None:
    from training.checkpoint import load_checkpoint, model_from_checkpoint
    from training.train import train_tagger

    corpus, tok = toy
    teacher_cfg = load_config(TINY, ["train.steps=20", "train.eval_every=20", "train.ckpt_every=20"])
    train_tagger(teacher_cfg, corpus, tok, tmp_path / "teacher", progress=False)
    spec = {"name": "A", "kind": "arm", "arm": "A", "size": None, "config": str(TINY), "corpus": str(corpus),
            "tokenizer": str(tok), "out": str(tmp_path / "runs"), "mlm_steps": 10,
            "teacher": str(tmp_path / "teacher"),
            "overrides": {"train": {"steps": 20, "eval_every": 20, "ckpt_every": 10, "distill_weight": 0.5}}}
    run_lane(spec)
    run = tmp_path / "runs" / "A"
    import json

    meta = json.loads((run / "run.json").read_text())
    assert meta["init_from"]["step"] == 10  # the lane's own MLM run
    assert meta["teacher"]["step"] == 20
    written = pack(tmp_path / "runs", tmp_path / "pack", [spec])
    assert written == ["A.pt", "runs.tar.gz"]
    ck = load_checkpoint(tmp_path / "pack" / "A.pt")
    assert "optimizer" not in ck and ck["step"] == 20 and ck["config"]["train"]["distill_weight"] == 0.5
    model, cfg = model_from_checkpoint(ck)
    assert cfg.train.steps == 20 and sum(p.numel() for p in model.parameters()) > 0
    from training.gpu_release import unpack

    assert unpack(tmp_path / "pack", tmp_path / "back") == ["A"]
    back = load_checkpoint(tmp_path / "back" / "A")  # the run folder's last checkpoint
    assert back["step"] == 20 and (tmp_path / "back" / "A" / "run.json").exists()
    assert all(torch.equal(back["model"][k], ck["model"][k]) for k in ck["model"])
