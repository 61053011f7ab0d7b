"""Shared fixtures: a tiny trained arm (real training + ONNX export), a small US SQLite gazetteer, and a
real uvicorn server on 127.0.0.1 (spawned as a subprocess with ADDRNET_* settings)."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import httpx
import pytest

ROOT = Path(__file__).resolve().parents[1]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture(scope="session")
def toy(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """A toy corpus folder and a tokenizer trained on it (training/tiny.py), shared by the training tests."""
    from training.tiny import make_toy_corpus, make_toy_tokenizer

    root = tmp_path_factory.mktemp("toy")
    corpus = make_toy_corpus(root / "corpus", n_train=800, n_dev=100, n_test=10)
    return corpus, make_toy_tokenizer(corpus, root / "tok" / "tokenizer.json")


@pytest.fixture(scope="session")
def tiny_arms_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """arms/{tiny, tiny2, broken}: two real tiny arms and one with a tampered model file."""
    from model.artifact import update_manifest
    from training.tiny import build_tiny_arm, make_toy_corpus, make_toy_tokenizer

    base = tmp_path_factory.mktemp("tiny")
    corpus = make_toy_corpus(base / "corpus")
    tok = make_toy_tokenizer(corpus, base / "tokenizer.json")
    arms = base / "arms"
    build_tiny_arm(arms / "tiny", corpus, tok, arm="tiny", steps=300)
    shutil.copytree(arms / "tiny", arms / "tiny2")
    update_manifest(arms / "tiny2", arm="tiny2")
    shutil.copytree(arms / "tiny", arms / "broken")
    update_manifest(arms / "broken", arm="broken")
    with open(arms / "broken" / "model.onnx", "ab") as fh:
        fh.write(b"tampered")
    return arms


@pytest.fixture(scope="session")
def small_gazetteer(tmp_path_factory: pytest.TempPathFactory) -> str:
    """A SQLite gazetteer with the US only (GeoNames places + ZIP codes), migrated by Alembic."""
    from resolver.loader import load

    path = tmp_path_factory.mktemp("gaz") / "gazetteer.sqlite"
    url = f"sqlite:///{path}"
    load(url, countries=["US"], progress=False)
    return url


@pytest.fixture(scope="session")
def server_factory(
    tiny_arms_dir: Path, small_gazetteer: str, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[Callable[..., str]]:
    procs: list[subprocess.Popen[bytes]] = []

    def start(**settings: str) -> str:
        port = _free_port()
        data_dir = tmp_path_factory.mktemp("data")
        env = {k: v for k, v in os.environ.items() if not k.startswith("ADDRNET_")}
        env.update(
            ADDRNET_DATA_DIR=str(data_dir),
            ADDRNET_ARMS_DIR=str(tiny_arms_dir),
            ADDRNET_PRIMARY_ARM="tiny",
            ADDRNET_DATABASE_URL=small_gazetteer,
            ADDRNET_RESULTS_DIR=str(data_dir / "results"),
        )
        env.update({f"ADDRNET_{k.upper()}": v for k, v in settings.items()})
        log = open(data_dir / "server.log", "wb")  # noqa: SIM115 - closed with the process
        cmd = [sys.executable, "-m", "addrnet.cli", "serve", "--host", "127.0.0.1", "--port", str(port)]
        proc = subprocess.Popen(cmd, cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT)
        procs.append(proc)
        url = f"http://127.0.0.1:{port}"
        deadline = time.time() + 60
        while time.time() < deadline:
            if proc.poll() is not None:
                raise RuntimeError((data_dir / "server.log").read_text())
            try:
                if httpx.get(f"{url}/healthz", timeout=1).status_code == 200:
                    return url
            except httpx.HTTPError:
                time.sleep(0.1)
        raise RuntimeError(f"server did not start: {(data_dir / 'server.log').read_text()}")

    yield start
    for proc in procs:
        proc.terminate()
        try:
            proc.wait(10)
        except subprocess.TimeoutExpired:
            proc.kill()


@pytest.fixture(scope="session")
def live_server(server_factory: Callable[..., str]) -> str:
    """Base URL of a real server: primary arm 'tiny', shadow arm 'tiny2', small US SQLite gazetteer."""
    return server_factory(shadow_arm="tiny2")
