"""The GPU release recipe: MLM + arms A/B at several encoder sizes plus the bf16 reference model, as
parallel lanes on one GPU inside a wall-clock budget (a lent machine is held for minutes, not hours).

    python -m training.gpu_release --corpus corpus/0.4.0 --tokenizer artifacts/tokenizer/0.2.0/tokenizer.json \
        --out runs/gpu --budget-s 480 --pack OUTDIR

1. ``prep``: the train and dev splits are tokenized once into ``<out>/cache`` (shared by every lane).
2. ``probe``: every lane trains 150 tagger steps, all at once (the contention of the
   real run, ``<out>/probe-*``), and its steps/s is read from ``metrics.jsonl``.
3. ``plan``: step counts follow from the budget and the measured speeds, so the run ends in time; arms A
   and B of one size get the *same* tagger steps (they differ only in init: A from the MLM run, B from
   scratch). The plan (with every config) is written to ``<out>/plan.json``; each checkpoint holds its
   full config, so a lane can be rerun alone with ``addrnet train pretrain|tagger`` and those values.
4. ``lanes``: one process per lane; ``pack`` copies each tagger's last checkpoint without optimizer state
   (``<name>.pt``; the reference model in bf16, split into parts) and a tarball of the run folders.
5. back on this machine, ``python -m training.gpu_release unpack PACK_DIR OUT_DIR`` turns the pack into run
   folders that ``addrnet export --run OUT_DIR/<lane>`` reads.

Everything here is the plain loop of ``training.train``/``training.pretrain``; this module only schedules it.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tarfile
import time
from pathlib import Path
from typing import Any

DEFAULT_CONFIG = "training/configs/gpu.toml"
REFERENCE_CONFIG = "training/configs/gpu_reference.toml"
PROBE_STEPS = 150
SIZES = {"2x128": (2, 128, 4, 512), "2x64": (2, 64, 4, 256), "1x128": (1, 128, 4, 512), "2x96": (2, 96, 4, 384), "1x32": (1, 32, 2, 64)}


def _cfg(config: str, size: str | None, overrides: dict[str, dict[str, Any]]) -> Any:
    from training.config import load_config

    cfg = load_config(config)
    if size:
        n, d, h, ff = SIZES[size]
        cfg = cfg.replace("model", n_layers=n, d_model=d, n_heads=h, d_ff=ff)
    for section, kw in overrides.items():
        cfg = cfg.replace(section, **kw)
    return cfg


def batch_overrides(config: str, batch: int | None) -> dict[str, dict[str, Any]]:
    """Train and MLM batch ``batch`` with each learning rate scaled by sqrt(batch / the config's batch)."""
    if not batch:
        return {}
    from training.config import load_config

    cfg = load_config(config)
    return {sec: {"batch_size": batch, "lr": getattr(cfg, sec).lr * (batch / getattr(cfg, sec).batch_size) ** 0.5}
            for sec in ("train", "pretrain")}


def lanes_for(sizes: list[str], reference: bool, teacher: str | None = None,
              batch: int | None = None) -> list[dict[str, Any]]:
    """The lanes: arms A and B per size (``batch`` overrides gpu.toml's batch for them) and the reference."""
    out: list[dict[str, Any]] = []
    for s in sizes:
        for arm in ("A", "B"):
            out.append({"name": f"{arm}{s}", "kind": "arm", "arm": arm, "size": s, "config": DEFAULT_CONFIG,
                        "teacher": teacher, "base": batch_overrides(DEFAULT_CONFIG, batch)})
    if reference:
        out.append({"name": "ref", "kind": "ref", "arm": "ref", "size": None, "config": REFERENCE_CONFIG})
    return out


def run_lane(spec: dict[str, Any]) -> None:
    """One lane (its own process): [MLM ->] tagger, with the step counts of the plan (or a probe)."""
    from training.pretrain import pretrain
    from training.train import train_tagger

    out = Path(spec["out"])
    ov = spec.get("overrides", {})
    base = spec.get("base", {})
    cfg = _cfg(spec["config"], spec["size"], {sec: {**base.get(sec, {}), **ov.get(sec, {})}
                                              for sec in {*base, *ov}})
    init_from = None
    if spec.get("mlm_steps"):
        mcfg = cfg.replace("pretrain", steps=spec["mlm_steps"], warmup_steps=max(50, spec["mlm_steps"] // 20),
                           ckpt_every=spec["mlm_steps"])
        pretrain(mcfg, spec["corpus"], spec["tokenizer"], out / f"mlm{spec['size']}", progress=False)
        init_from = out / f"mlm{spec['size']}"
    train_tagger(cfg, spec["corpus"], spec["tokenizer"], out / spec["name"], init_from=init_from,
                 arm=spec["arm"], stop_after=spec.get("stop_after"), progress=False, teacher=spec.get("teacher"))


def _speed(run_dir: Path) -> float | None:
    path = run_dir / "metrics.jsonl"
    recs = [json.loads(x) for x in path.read_text().splitlines() if '"train"' in x] if path.exists() else []
    if len(recs) < 2:
        return None
    (s0, w0), (s1, w1) = (recs[0]["step"], recs[0]["wall_time"]), (recs[-1]["step"], recs[-1]["wall_time"])
    return (s1 - s0) / max(1e-6, w1 - w0)


def _launch(specs: list[dict[str, Any]], folder: Path) -> list[tuple[dict[str, Any], subprocess.Popen, Any]]:
    procs = []
    for spec in specs:
        path = folder / f"{spec['name']}.spec.json"
        path.write_text(json.dumps(spec, indent=2))
        log = open(folder / f"{spec['name']}.log", "w")  # noqa: SIM115 (closed in _wait)
        p = subprocess.Popen([sys.executable, "-m", "training.gpu_release", "lane", str(path)],
                             stdout=log, stderr=subprocess.STDOUT, env={**os.environ, "PYTHONUNBUFFERED": "1"})
        procs.append((spec, p, log))
    return procs


def _wait(procs: list[tuple[dict[str, Any], subprocess.Popen, Any]], deadline: float) -> dict[str, int | None]:
    rcs: dict[str, int | None] = {}
    while procs:
        for item in list(procs):
            spec, p, log = item
            rc = p.poll()
            if rc is None and time.time() > deadline:
                p.kill()
                rc = p.wait()
                print(f"[gpu] {spec['name']} killed at the deadline", flush=True)
            if rc is not None:
                rcs[spec["name"]] = rc
                log.close()
                procs.remove(item)
                print(f"[gpu] {spec['name']} ended rc={rc} at {time.strftime('%X')}", flush=True)
        time.sleep(1.0)
    return rcs


def plan(lanes: list[dict[str, Any]], speeds: dict[str, float], seconds: float,
         fixed: tuple[int, int] | None = None) -> list[dict[str, Any]]:
    """Step counts that fit ``seconds``: per size, MLM takes ~30% of the time (at ~0.8x the tagger's
    speed) and the tagger ~62%; B gets A's tagger steps. The reference lane trains its tagger only.
    ``fixed``: (tagger steps, MLM steps) for every arm lane instead (``--steps``, with no probe)."""
    planned = []
    for lane in lanes:
        v = speeds.get(lane["name"], 0.0) if lane["kind"] == "ref" else \
            min(speeds.get(f"A{lane['size']}", 0.0), speeds.get(f"B{lane['size']}", 0.0))
        if fixed and lane["kind"] != "ref":  # the counts asked for, as they are
            steps, mlm = fixed[0], fixed[1] if lane["arm"] == "A" else 0
        elif lane["kind"] == "ref":
            steps = max(200, min(100_000, int(0.9 * seconds * v) // 100 * 100))
            mlm = 0
        else:
            steps = max(200, int(0.62 * seconds * v) // 100 * 100)
            mlm = int(0.30 * seconds * 0.8 * v) // 100 * 100 if lane["arm"] == "A" else 0
        ov: dict[str, dict[str, Any]] = {"train": {"steps": steps, "warmup_steps": max(100, min(1000, steps // 20)),
                                                   "eval_every": steps, "ckpt_every": max(100, steps // 4)}}
        if lane.get("teacher"):
            ov["train"]["distill_weight"] = 0.5
        planned.append({**lane, "overrides": ov, "mlm_steps": mlm, "steps": steps})
    return planned


def pack(out: Path, dest: Path, lanes: list[dict[str, Any]]) -> list[str]:
    """Slim checkpoints (no optimizer) + a tarball of the run folders' plain files into ``dest``."""
    import torch

    from training.checkpoint import latest_checkpoint

    dest.mkdir(parents=True, exist_ok=True)
    written = []
    for lane in lanes:
        last = latest_checkpoint(out / lane["name"])
        if last is None:
            continue
        ck = torch.load(last, map_location="cpu", weights_only=True)
        ck.pop("optimizer", None)
        if lane["kind"] == "ref":  # bf16 halves: each file of a lent machine's output must stay under 16 MiB
            ck["model"] = {k: v.to(torch.bfloat16) if v.is_floating_point() else v for k, v in ck["model"].items()}
            keys = sorted(ck["model"])
            big = sorted(keys, key=lambda k: -ck["model"][k].numel())
            parts: list[dict[str, Any]] = [{}, {}]
            sizes = [0, 0]
            for k in big:
                i = 0 if sizes[0] <= sizes[1] else 1
                parts[i][k] = ck["model"][k]
                sizes[i] += ck["model"][k].numel()
            for i, part in enumerate(parts):
                torch.save({**{k: v for k, v in ck.items() if k != "model"}, "model": part, "part": i},
                           dest / f"{lane['name']}.part{i}.pt")
                written.append(f"{lane['name']}.part{i}.pt")
        else:
            torch.save(ck, dest / f"{lane['name']}.pt")
            written.append(f"{lane['name']}.pt")
    with tarfile.open(dest / "runs.tar.gz", "w:gz") as tar:
        for p in sorted(out.rglob("*")):
            if p.is_file() and p.suffix in (".json", ".jsonl", ".png", ".log") and "cache" not in p.parts:
                tar.add(p, arcname=str(p.relative_to(out)))
    written.append("runs.tar.gz")
    return written


def unpack(pack_dir: Path, out: Path) -> list[str]:
    """``pack``'s folder back into run folders under ``out``: the tarball's plain files, and each lane's slim
    checkpoint as ``<lane>/checkpoints/step-NNNNNN`` (the reference's bf16 parts joined, in fp32), so that
    ``addrnet export --run <out>/<lane>`` reads it. -> the lanes written."""
    import torch

    out.mkdir(parents=True, exist_ok=True)
    with tarfile.open(pack_dir / "runs.tar.gz") as tar:
        tar.extractall(out, filter="data")
    lanes: dict[str, dict[str, Any]] = {}
    for path in sorted(pack_dir.glob("*.pt")):
        ck = torch.load(path, map_location="cpu", weights_only=True)
        name = path.stem.split(".part")[0]
        if "part" in ck:  # a half of the reference model, in bf16
            part = ck.pop("part")
            held = lanes.setdefault(name, {**ck, "model": {}})
            held["model"].update({k: v.float() if v.is_floating_point() else v for k, v in ck["model"].items()})
            held.setdefault("parts", set()).add(part)
        else:
            lanes[name] = ck
    for name, ck in lanes.items():
        if ck.pop("parts", {0, 1}) != {0, 1}:
            raise ValueError(f"{pack_dir}: {name} lacks a part")
        folder = out / name / "checkpoints"
        folder.mkdir(parents=True, exist_ok=True)
        torch.save(ck, folder / f"step-{int(ck['step']):06d}")
    return sorted(lanes)


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if argv and argv[0] == "lane":
        run_lane(json.loads(Path(argv[1]).read_text()))
        return 0
    if argv and argv[0] == "unpack":
        if len(argv) != 3:
            print("usage: python -m training.gpu_release unpack PACK_DIR OUT_DIR", file=sys.stderr)
            return 2
        print(json.dumps({"lanes": unpack(Path(argv[1]), Path(argv[2])), "out": argv[2]}))
        return 0
    ap = argparse.ArgumentParser(prog="python -m training.gpu_release", description=__doc__.split("\n\n")[0])
    ap.add_argument("--corpus", required=True)
    ap.add_argument("--tokenizer", required=True)
    ap.add_argument("--out", required=True, help="runs folder, e.g. runs/gpu")
    ap.add_argument("--budget-s", type=float, default=480.0, help="wall-clock budget for everything (default 480)")
    ap.add_argument("--sizes", default="2x128,2x64", help=f"encoder sizes for arm pairs, of {sorted(SIZES)}")
    ap.add_argument("--no-reference", action="store_true", help="skip the bf16 reference model lane")
    ap.add_argument("--teacher", default=None, help="tagger checkpoint distilled into every arm "
                    "(train.distill_weight 0.5)")
    ap.add_argument("--batch-size", type=int, default=None, help="arms' train and MLM batch (default: gpu.toml's "
                    "256); learning rates scale by its square root")
    ap.add_argument("--probe-steps", type=int, default=PROBE_STEPS, help=f"steps per probe (default {PROBE_STEPS})")
    ap.add_argument("--steps", type=int, default=None, help="tagger steps of every arm lane, with no probe and no "
                    "plan from the budget (the budget still stops the lanes); with --mlm-steps")
    ap.add_argument("--mlm-steps", type=int, default=None, help="MLM steps of arm A (with --steps)")
    ap.add_argument("--pack", default=None, help="folder for slim checkpoints + run tarball")
    args = ap.parse_args(argv)
    fixed = (args.steps, args.mlm_steps or 0) if args.steps else None
    if fixed and not args.no_reference:
        ap.error("--steps fixes the arm lanes only: add --no-reference")
    t0 = time.time()
    deadline = t0 + args.budget_s
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)

    from training.data import load_split

    lanes = lanes_for([s for s in args.sizes.split(",") if s], not args.no_reference, args.teacher, args.batch_size)
    shapes = {(c.model.max_len, c.train.eval_max_examples) for c in (_cfg(ln["config"], None, {}) for ln in lanes)}
    for max_len, dev_examples in sorted(shapes):  # each cache once, before the lanes read it
        load_split(args.corpus, "train", args.tokenizer, max_len, out / "cache", workers=os.cpu_count() or 1,
                   with_examples=False)
        load_split(args.corpus, "dev", args.tokenizer, max_len, out / "cache", max_examples=dev_examples,
                   with_examples=False)
    print(f"[gpu] prep done in {time.time() - t0:.0f}s", flush=True)

    common = {"corpus": args.corpus, "tokenizer": args.tokenizer}
    probes = [{**lane, **common, "out": str(out), "name": f"probe-{lane['name']}", "stop_after": args.probe_steps,
               "overrides": {"train": {"log_every": max(1, args.probe_steps // 3), "eval_every": 10**9, "ckpt_every": 10**9,
                                       "distill_weight": 0.5 if lane.get("teacher") else 0.0}}}
              for lane in lanes]
    speeds: dict[str, float] = {}
    if not fixed:  # probe every lane under the real run's contention; a lane too slow or failing is dropped
        t_probe = time.time()
        _wait(_launch(probes, out), t_probe + 0.3 * args.budget_s)
        measured = {p["name"].removeprefix("probe-"): _speed(out / p["name"]) for p in probes}
        speeds = {k: v for k, v in measured.items() if v}
        dropped = sorted(k for k, v in measured.items() if not v)
        lanes = [ln for ln in lanes if ln["name"] in speeds and (ln["kind"] == "ref" or {f"A{ln['size']}", f"B{ln['size']}"} <= set(speeds))]
        if dropped:
            print(f"[gpu] dropped (probe too slow or failed): {dropped}", flush=True)
        print(f"[gpu] probe ({time.time() - t_probe:.0f}s): "
              + ", ".join(f"{k} {v:.1f} steps/s" for k, v in speeds.items()), flush=True)

    remaining = 0.88 * (deadline - time.time() - 60.0)  # final dev eval, checkpoint, pack; speeds vary
    planned = [{**p, **common, "out": str(out)} for p in plan(lanes, speeds, remaining, fixed)]
    head = {"fixed_steps": list(fixed)} if fixed else {"seconds_for_lanes": remaining, "probe_steps_per_s": speeds}
    (out / "plan.json").write_text(json.dumps({"budget_s": args.budget_s, **head, "lanes": planned}, indent=2))
    for p in planned:
        print(f"[gpu] {p['name']}: mlm {p['mlm_steps']} + tagger {p['steps']} steps", flush=True)
    rcs = _wait(_launch(planned, out), deadline - 15)
    (out / "lanes_rc.json").write_text(json.dumps(rcs))
    if args.pack:
        written = pack(out, Path(args.pack), planned)
        print(f"[gpu] packed {written} in {time.time() - t0:.0f}s total", flush=True)
    return 0 if all(rc == 0 for rc in rcs.values()) else 1


if __name__ == "__main__":
    raise SystemExit(main())
