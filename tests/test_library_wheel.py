"""The built wheel carries the arms: installed into a fresh venv, it parses from a folder outside the repository.

The wheel is built from a copy of the package sources (the repository's own configuration: pyproject.toml
and the addrnet/arms link). The fresh venv sees this environment's third-party packages through a .pth
line (not its editable install), so the test needs no network and checks that addrnet, its code and its
arms all come from the wheel.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import sysconfig
import zipfile
from pathlib import Path

import pytest

from addrnet import Parser

ROOT = Path(__file__).resolve().parents[1]
SOURCES = ["pyproject.toml", "README.md", "addrnet", "app", "model", "resolver", "training", "eval", "migrations",
           "bench", "artifacts/arms"]
TEXTS = ["1745 T Street Southeast, Washington, DC 20020", "Korunní 810, 120 00 Praha"]

SCRIPT = """
import json, sys
from addrnet import Parser
import addrnet, model.tagger
p = Parser.load(arm="A")
out = [[(c.label, c.value, c.start, c.end, c.confidence) for c in r.components] for r in p.parse_batch(sys.argv[1:])]
print(json.dumps({"addrnet": addrnet.__file__, "model": model.tagger.__file__,
                  "arm": str(p.tagger.artifact.folder.resolve()), "parses": out}))
"""


@pytest.mark.slow
def test_wheel_in_fresh_venv(tmp_path: Path) -> None:
    src = tmp_path / "src"
    ignore = shutil.ignore_patterns("__pycache__", "*.pyc", "*.writing")
    for name in SOURCES:
        path = ROOT / name
        if path.is_dir():
            shutil.copytree(path, src / name, symlinks=True, ignore=ignore)
        else:
            (src / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(path, src / name)
    assert (src / "addrnet" / "arms").is_symlink()
    pip = [sys.executable, "-m", "pip", "--disable-pip-version-check", "-q"]
    subprocess.run([*pip, "wheel", "--no-deps", "--no-build-isolation", "-w", str(tmp_path / "dist"), str(src)],
                   check=True, cwd=tmp_path, capture_output=True)
    (wheel,) = (tmp_path / "dist").glob("addrnet-*.whl")
    names = set(zipfile.ZipFile(wheel).namelist())
    assert "addrnet/py.typed" in names
    for arm in ("A", "B"):
        for f in ("model.onnx", "tokenizer.json", "labels.json", "manifest.json"):
            assert f"addrnet/arms/{arm}/{f}" in names

    venv = tmp_path / "venv"
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(venv)], check=True)
    py = venv / "bin" / "python"
    subprocess.run([*pip, "--python", str(py), "install", "--no-deps", str(wheel)], check=True, capture_output=True)
    site = subprocess.run([str(py), "-c", "import sysconfig; print(sysconfig.get_path('purelib'))"],
                          check=True, capture_output=True, text=True).stdout.strip()
    # third-party dependencies from this environment (a plain path line: its editable finder is not loaded)
    (Path(site) / "_deps.pth").write_text(sysconfig.get_path("purelib") + "\n")

    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    env = {k: v for k, v in os.environ.items() if not k.startswith(("ADDRNET_", "PYTHON"))}
    run = subprocess.run([str(py), "-c", SCRIPT, *TEXTS], cwd=elsewhere, env=env, capture_output=True, text=True)
    assert run.returncode == 0, run.stderr
    got = json.loads(run.stdout)
    for key in ("addrnet", "model", "arm"):
        assert Path(got[key]).resolve().is_relative_to(Path(site).resolve()), (key, got[key])
    want = Parser.load(arm="A").parse_batch(TEXTS)
    assert [[tuple(c[:4]) for c in r] for r in got["parses"]] == [
        [(c.label, c.value, c.start, c.end) for c in r.components] for r in want]
    assert [c[4] for r in got["parses"] for c in r] == pytest.approx(
        [c.confidence for r in want for c in r.components], abs=1e-6)
