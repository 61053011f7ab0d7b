"""A toy corpus and a tiny trained arm for integration tests (trains in seconds on one core)."""

from __future__ import annotations

import json
import random
from pathlib import Path

from model.normalize import normalize

_STREETS = ["Main", "Oak", "Pine", "Maple", "Cedar", "Elm", "Washington", "Lake", "Hill", "Park", "Sunset"]
_TYPES = ["St", "Ave", "Rd", "Blvd", "Street", "Avenue", "Dr", "Ln"]
_CITIES = ["Springfield", "Portland", "Salem", "Fairview", "Madison", "Georgetown", "Clinton", "Franklin"]
_REGIONS = ["CA", "OR", "NY", "TX", "WA", "IL", "MA", "FL"]
_UNITS = ["Apt 4B", "Suite 300", "Unit 5", "#12", "Apt 7"]


def toy_example(rng: random.Random) -> dict:
    parts: list[tuple[str | None, str]] = []
    parts.append(("house_number", str(rng.randint(1, 9999))))
    parts.append(("street", f"{rng.choice(_STREETS)} {rng.choice(_TYPES)}"))
    if rng.random() < 0.3:
        parts.append(("unit", rng.choice(_UNITS)))
    parts.append((None, ","))
    parts.append(("locality", rng.choice(_CITIES)))
    if rng.random() < 0.8:
        parts.append((None, ","))
        parts.append(("region", rng.choice(_REGIONS)))
    if rng.random() < 0.7:
        parts.append(("postcode", f"{rng.randint(10000, 99999)}"))
    text, spans = "", []
    for label, value in parts:
        if text and value != ",":
            text += " "
        start = len(text)
        text += value
        if label:
            spans.append([label, start, len(text)])
    return {"text": normalize(text), "spans": spans, "source": "toy", "country": "US", "record": ""}


def make_toy_corpus(out_dir: str | Path, n_train: int = 2000, n_dev: int = 200, n_test: int = 200, seed: int = 0) -> Path:
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    rng = random.Random(seed)
    for split, n in (("train", n_train), ("dev", n_dev), ("test", n_test)):
        with open(out / f"{split}.jsonl", "w", encoding="utf-8") as fh:
            for _ in range(n):
                fh.write(json.dumps(toy_example(rng)) + "\n")
    (out / "manifest.json").write_text(json.dumps({"version": "toy"}))
    return out


def make_toy_tokenizer(corpus_dir: str | Path, out_path: str | Path, vocab_size: int = 1000) -> Path:
    from training.data import read_split
    from training.tokenizer import train_tokenizer

    tok = train_tokenizer((ex["text"] for ex in read_split(corpus_dir, "train")), vocab_size=vocab_size)
    out_path = Path(out_path)
    out_path.parent.mkdir(parents=True, exist_ok=True)
    tok.save(str(out_path))
    return out_path


def build_tiny_arm(
    out_dir: str | Path,
    corpus_dir: str | Path,
    tokenizer_path: str | Path,
    arm: str = "tiny",
    steps: int = 300,
    overrides: list[str] | None = None,
    run_dir: str | Path | None = None,
) -> Path:
    """Train ``training/configs/tiny.toml`` for ``steps`` steps and export a real artifact to ``out_dir``."""
    from training.config import load_config
    from training.export import export_run
    from training.train import train_tagger

    cfg = load_config(Path(__file__).parent / "configs" / "tiny.toml", [f"train.steps={steps}", *(overrides or [])])
    out_dir = Path(out_dir)
    run = Path(run_dir) if run_dir else out_dir.parent / f"{out_dir.name}-run"
    train_tagger(cfg, corpus_dir, tokenizer_path, run, arm=arm, progress=False)
    return export_run(run, out_dir, arm=arm, harness_path=None)
