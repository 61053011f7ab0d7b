"""``addrnet train {pretrain,tagger,arms}`` and ``addrnet export`` (torch imported inside commands)."""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import Any

from addrnet.settings import REPO_DATA_DIR

DEFAULT_CONFIG = "training/configs/cpu.toml"
DEFAULT_CORPUS = "corpus/0.5.0"
DEFAULT_TOKENIZER = "artifacts/tokenizer/0.3.0/tokenizer.json"  # the shipped arms' tokenizer


class _OverrideParser(argparse.ArgumentParser):
    """Collects unknown ``--key=value`` arguments as config overrides (``args.extra``)."""

    def __init__(self, *a: Any, **kw: Any) -> None:
        kw.setdefault("allow_abbrev", False)
        super().__init__(*a, **kw)

    def parse_known_args(self, args: Any = None, namespace: Any = None) -> Any:  # type: ignore[override]
        ns, rest = super().parse_known_args(args, namespace)
        extra = [a for a in rest if a.startswith("--") and "=" in a]
        ns.extra = list(getattr(ns, "extra", []) or []) + [a[2:] for a in extra]
        return ns, [a for a in rest if a not in extra]


def _common(p: argparse.ArgumentParser) -> None:
    p.add_argument("--config", default=DEFAULT_CONFIG, help=f"TOML config (default {DEFAULT_CONFIG})")
    p.add_argument("--corpus", default=DEFAULT_CORPUS, help="corpus folder with train/dev/test.jsonl")
    p.add_argument("--tokenizer", default=DEFAULT_TOKENIZER, help="tokenizer.json")
    p.add_argument(
        "--set",
        dest="overrides",
        action="append",
        default=[],
        metavar="KEY=VALUE",
        help="config override, e.g. --set train.lr=3e-4 (repeatable); a bare --KEY=VALUE works too, "
        "e.g. --train.steps=100 or --lr=3e-4 (bare keys resolve to [train] first)",
    )
    p.add_argument("--no-progress", action="store_true", help="no tqdm progress bar")


def _config(args: argparse.Namespace) -> Any:
    from training.config import load_config

    return load_config(args.config, list(args.overrides) + list(getattr(args, "extra", [])))


def cmd_pretrain(args: argparse.Namespace) -> int:
    from training.pretrain import pretrain

    res = pretrain(_config(args), args.corpus, args.tokenizer, args.out, progress=not args.no_progress)
    print(json.dumps(res))
    return 0


def cmd_tagger(args: argparse.Namespace) -> int:
    from training.train import train_tagger

    res = train_tagger(
        _config(args), args.corpus, args.tokenizer, args.out, init_from=args.init_from, arm=args.arm,
        finetune_from=args.finetune_from,
        progress=not args.no_progress,
    )
    print(json.dumps({k: v for k, v in res.items() if k != "dev"} | {"dev_f1": (res["dev"] or {}).get("f1")}))
    return 0


def run_arms(cfg: Any, corpus: str | Path, tokenizer: str | Path, out: str | Path, progress: bool = True,
             arms: tuple[str, ...] = ("A", "B")) -> dict[str, Any]:
    """MLM pretrain (resumable) into ``out/mlm``, then arm A (init_from MLM) and arm B (scratch)."""
    from training.pretrain import pretrain
    from training.train import train_tagger

    out = Path(out)
    summary: dict[str, Any] = {}
    if "A" in arms:
        summary["mlm"] = pretrain(cfg, corpus, tokenizer, out / "mlm", progress=progress)
    for arm in arms:
        init = out / "mlm" if arm == "A" else None
        res = train_tagger(cfg, corpus, tokenizer, out / arm, init_from=init, arm=arm, progress=progress)
        summary[arm] = {"dev_f1": (res["dev"] or {}).get("f1"), "wall_time": res["wall_time"], "step": res["step"]}
    (out / "arms.json").write_text(json.dumps(summary, indent=2))
    return summary


def cmd_arms(args: argparse.Namespace) -> int:
    res = run_arms(_config(args), args.corpus, args.tokenizer, args.out, progress=not args.no_progress,
                   arms=tuple(args.arms.split(",")))
    print(json.dumps(res))
    return 0


def cmd_from_arm(args: argparse.Namespace) -> int:
    from training.from_arm import checkpoint_from_arm

    print(json.dumps(checkpoint_from_arm(args.arm, args.out)))
    return 0


def cmd_average(args: argparse.Namespace) -> int:
    from training.checkpoint import average_checkpoints

    print(json.dumps({"checkpoint": str(average_checkpoints(args.start, args.end, args.alpha, args.out))}))
    return 0


def cmd_export(args: argparse.Namespace) -> int:
    from training.export import export_run

    harness = None if args.no_harness else args.harness
    out = export_run(args.run, args.out, arm=args.arm, int8=args.int8, harness_path=harness,
                     calibrate_temperature=args.calibrate)
    manifest = json.loads((out / "manifest.json").read_text())
    print(json.dumps({"artifact": str(out), "dev_f1": manifest["dev_metrics"]["f1"],
                      "pelias_harness": manifest.get("pelias_harness"), "quantization": manifest.get("quantization"),
                      "parity": manifest.get("parity")}))
    return 0


def cmd_calibrate(args: argparse.Namespace) -> int:
    from training.calibrate import calibrate_arm

    report = calibrate_arm(args.arm, args.corpus, None if args.no_harness else args.harness, write=not args.dry_run)
    print(json.dumps(report, indent=2))
    return 0


def cmd_places(args: argparse.Namespace) -> int:
    from training.places import add_places

    print(json.dumps(add_places(args.arm, args.corpus, args.dev_max), indent=2))
    return 0


def cmd_fuse(args: argparse.Namespace) -> int:
    from training.fused_graph import fuse_arm

    print(json.dumps(fuse_arm(args.arm), indent=2))
    return 0


def cmd_measure(args: argparse.Namespace) -> int:
    from training.measure import measure_arm

    out = measure_arm(args.arm, args.corpus, threads=args.threads, write=not args.dry_run)
    print(json.dumps(out, indent=2))
    return 0


def register(sub: Any) -> None:
    train = sub.add_parser("train", help="MLM pre-training and tagger training")
    tsub = train.add_subparsers(dest="train_cmd", metavar="{pretrain,tagger,arms,from-arm,average}",
                               parser_class=_OverrideParser)
    tsub.required = True

    p = tsub.add_parser("pretrain", help="masked-LM pre-training of the encoder (resumes from the last checkpoint)")
    _common(p)
    p.add_argument("--out", required=True, help="run folder, e.g. runs/release/mlm")
    p.set_defaults(func=cmd_pretrain)

    p = tsub.add_parser("tagger", help="train one tagger run (resumes from the last checkpoint in --out)")
    _common(p)
    p.add_argument("--out", required=True, help="run folder, e.g. runs/release/B")
    p.add_argument("--init-from", default=None, help="MLM checkpoint file or run folder: loads encoder weights only")
    p.add_argument("--finetune-from", default=None, help="tagger checkpoint file or run folder of the same size: a "
                   "fresh run starts from all its weights (its lineage is kept in run.json)")
    p.add_argument("--arm", default=None, help="arm name recorded in the run (default: the folder name)")
    p.set_defaults(func=cmd_tagger)

    p = tsub.add_parser(
        "arms",
        help="MLM pretrain (if not done), then arm A (init from MLM) and arm B (scratch), identical otherwise",
    )
    _common(p)
    p.add_argument("--out", required=True, help="folder for mlm/, A/, B/ runs, e.g. runs/release")
    p.add_argument("--arms", default="A,B", help="which arms to train, comma-separated (default A,B)")
    p.set_defaults(func=cmd_arms)

    p = tsub.add_parser("from-arm", help="a tagger checkpoint rebuilt from an arm folder's ONNX graph (checked to give "
                        "its logits), for --finetune-from")
    p.add_argument("--arm", required=True, help="arm folder, e.g. artifacts/arms/A")
    p.add_argument("--out", required=True, help="run folder to write, e.g. runs/from-arm/A")
    p.set_defaults(func=cmd_from_arm)

    p = tsub.add_parser("average", help="(1 - alpha) x --start + alpha x --end, two taggers of one size (WiSE-FT: a "
                        "fine-tuned run averaged with the run it started from)")
    p.add_argument("--start", required=True, help="tagger checkpoint file or run folder, e.g. runs/from-arm/A")
    p.add_argument("--end", required=True, help="tagger checkpoint file or run folder, e.g. runs/ft080/A")
    p.add_argument("--alpha", type=float, default=0.5, help="weight of --end (default 0.5)")
    p.add_argument("--out", required=True, help="run folder to write, e.g. runs/wise080/A")
    p.set_defaults(func=cmd_average)

    e = sub.add_parser("export", help="export a tagger run to an ONNX arm artifact (with parity check)")
    e.add_argument("--run", required=True, help="tagger run folder, e.g. runs/release/A")
    e.add_argument("--arm", default=None, help="arm name for the manifest (default: the run's arm)")
    e.add_argument("--out", required=True, help="artifact folder, e.g. artifacts/arms/A")
    e.add_argument("--int8", action="store_true", help="try dynamic int8 quantization; kept only if dev F1 drops < 0.2pp and a "
                        "text's confidences do not depend on what it is batched with (dynamic quantization scales "
                        "activations per batch and fails this check; the release ships fp32)")
    e.add_argument("--calibrate", action="store_true",
                   help="fit a softmax temperature on the dev split and store it in the manifest (off for the release: "
                        "see results/experiments/temperature_dev)")
    e.add_argument("--harness", default=str(REPO_DATA_DIR / "harness" / "pelias_cases.jsonl"),
                   help="Pelias cases for the manifest's harness pass-rate")
    e.add_argument("--no-harness", action="store_true", help="skip the Pelias harness")
    e.set_defaults(func=cmd_export)

    c = sub.add_parser("calibrate", help="fit component-confidence calibration of an arm on the corpus real_calib "
                       "split; report ECE / p90 wrong-confidence on real_test and the Pelias harness")
    c.add_argument("--arm", required=True, help="artifact folder, e.g. artifacts/arms/A")
    c.add_argument("--corpus", required=True, help="corpus folder (>= 0.3.0) with real_calib.jsonl and real_test.jsonl")
    c.add_argument("--harness", default=str(REPO_DATA_DIR / "harness" / "pelias_cases.jsonl"),
                   help="Pelias cases: measured only, never fitted")
    c.add_argument("--no-harness", action="store_true", help="skip the harness measures")
    c.add_argument("--dry-run", action="store_true", help="report only; leave the arm folder unchanged")
    c.set_defaults(func=cmd_calibrate)

    pl = sub.add_parser("places", help="give an arm the place-name table (places.npy) and choose its place_ratio on "
                        "the corpus dev and real_calib splits (a street's last words read as an unknown place are "
                        "re-read; model/places.py)")
    pl.add_argument("--arm", required=True, help="artifact folder, e.g. artifacts/arms/A")
    pl.add_argument("--corpus", required=True, help="corpus folder with dev.jsonl and real_calib.jsonl")
    pl.add_argument("--dev-max", type=int, default=0, help="use only the first N dev rows (default: all)")
    pl.set_defaults(func=cmd_places)

    f = sub.add_parser("fuse", help="rewrite an arm's ONNX graph with each block's attention as one node "
                       "(com.microsoft.Attention), after checking its logits equal the folder's graph's; new exports "
                       "are fused already (training/fused_graph.py)")
    f.add_argument("--arm", required=True, help="artifact folder, e.g. artifacts/arms/A")
    f.set_defaults(func=cmd_fuse)

    m = sub.add_parser("measure", help="per-country exact match on the real-text test set, per-label F1 on the "
                       "corpus test split and in-process addresses/s of an arm (written to its manifest)")
    m.add_argument("--arm", required=True, help="artifact folder, e.g. artifacts/arms/A")
    m.add_argument("--corpus", required=True, help="corpus folder (>= 0.3.0) with real_test.jsonl and test.jsonl")
    m.add_argument("--threads", type=int, default=2, help="ONNX Runtime intra-op threads (default 2)")
    m.add_argument("--dry-run", action="store_true", help="print only; leave the manifest unchanged")
    m.set_defaults(func=cmd_measure)
