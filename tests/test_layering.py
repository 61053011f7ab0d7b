"""Layers point one way: app -> model, resolver; training -> model; eval talks HTTP."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]

# package -> top-level modules it must never import
FORBIDDEN: dict[str, set[str]] = {
    "app": {"torch", "training", "eval", "bench"},
    "model": {"torch", "training", "app", "resolver", "eval", "bench", "addrnet"},
    "resolver": {"torch", "training", "app", "eval", "bench"},
    "eval": {"app", "torch", "training", "resolver"},
    "training": {"app", "resolver", "eval"},
}


def imported_top_modules(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            found.add(node.module.split(".")[0])
        elif isinstance(node, ast.Call) and getattr(node.func, "attr", getattr(node.func, "id", "")) in {
            "import_module",
            "__import__",
        }:
            if node.args and isinstance(node.args[0], ast.Constant) and isinstance(node.args[0].value, str):
                found.add(node.args[0].value.split(".")[0])
    return found


def violations(package: str, root: Path = ROOT) -> list[str]:
    out = []
    for path in sorted((root / package).rglob("*.py")):
        bad = imported_top_modules(path) & FORBIDDEN[package]
        out.extend(f"{path.relative_to(root)} imports {m}" for m in sorted(bad))
    return out


@pytest.mark.parametrize("package", sorted(FORBIDDEN))
def test_layering(package: str) -> None:
    assert violations(package) == []


def test_layering_check_catches_torch_in_model(tmp_path: Path) -> None:
    (tmp_path / "model").mkdir()
    (tmp_path / "model" / "x.py").write_text("import numpy\nimport torch.nn as nn\n")
    (tmp_path / "model" / "y.py").write_text("from training.train import main\n")
    assert violations("model", tmp_path) == ["model/x.py imports torch", "model/y.py imports training"]
