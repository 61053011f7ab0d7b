"""Conventions of a real ``addrnet serve`` (uvicorn on 127.0.0.1): JSON log lines, the request id header,
ADDRNET_LOG_LEVEL, and Prometheus multiprocess metrics across 2 workers."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import httpx
import pytest

from tests.conftest import ROOT, _free_port

Start = Callable[..., tuple[str, Path, "subprocess.Popen[bytes]"]]


@pytest.fixture(scope="module")
def start(tiny_arms_dir: Path, small_gazetteer: str, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Start]:
    procs: list[subprocess.Popen[bytes]] = []

    def run(*args: str, wait: bool = True, **settings: str) -> tuple[str, Path, subprocess.Popen[bytes]]:
        port = _free_port()
        data = tmp_path_factory.mktemp("srv")
        env = {k: v for k, v in os.environ.items() if not k.startswith(("ADDRNET_", "PROMETHEUS_"))}
        env.update(ADDRNET_DATA_DIR=str(data), ADDRNET_ARMS_DIR=str(tiny_arms_dir), ADDRNET_PRIMARY_ARM="tiny",
                   ADDRNET_DATABASE_URL=small_gazetteer, ADDRNET_RESULTS_DIR=str(data / "results"))
        env.update(settings)
        log = data / "server.log"
        with open(log, "wb") as fh:
            proc = subprocess.Popen([sys.executable, "-m", "addrnet.cli", "serve", "--port", str(port), *args],
                                    cwd=ROOT, env=env, stdout=fh, stderr=subprocess.STDOUT)
        procs.append(proc)
        url = f"http://127.0.0.1:{port}"
        deadline = time.time() + 120
        while wait and time.time() < deadline:
            if proc.poll() is not None:
                raise RuntimeError(log.read_text())
            try:
                if httpx.get(f"{url}/readyz", timeout=1).status_code == 200:
                    break
            except httpx.HTTPError:
                pass
            time.sleep(0.2)
        return url, log, proc

    yield run
    for p in procs:
        p.terminate()
        try:
            p.wait(15)
        except subprocess.TimeoutExpired:
            p.kill()


def lines(log: Path) -> list[dict]:
    return [json.loads(x) for x in log.read_text().splitlines() if x.strip()]


def wait_for(pred: Callable[[], bool], timeout: float = 10) -> None:
    deadline = time.time() + timeout
    while not pred() and time.time() < deadline:
        time.sleep(0.1)


def test_json_request_log_and_request_id(start: Start) -> None:
    url, log, _ = start(ADDRNET_LOG_LEVEL="INFO")
    ok = httpx.post(f"{url}/parse", json={"text": "10117 Berlin"}, headers={"X-Request-ID": "client-id.42"})
    assert ok.status_code == 200 and ok.headers["x-request-id"] == "client-id.42"
    fresh = httpx.post(f"{url}/parse", json={"text": ""})
    assert fresh.status_code == 422 and re.fullmatch(r"[0-9a-f]{32}", fresh.headers["x-request-id"])
    odd = httpx.get(f"{url}/healthz", headers={"X-Request-ID": "bad id\twith spaces"})
    assert re.fullmatch(r"[0-9a-f]{32}", odd.headers["x-request-id"])

    wait_for(lambda: fresh.headers["x-request-id"] in log.read_text())
    records = lines(log)  # every line is one JSON object
    assert all({"ts", "level", "logger", "message"} <= set(r) for r in records)
    by_id = {r["request_id"]: r for r in records if r["logger"] == "addrnet.request"}
    first = by_id["client-id.42"]
    assert (first["method"], first["route"], first["arm"], first["status"]) == ("POST", "/parse", "tiny", 200)
    assert first["latency_ms"] > 0
    bad = by_id[fresh.headers["x-request-id"]]
    assert (bad["route"], bad["status"]) == ("/parse", 422)
    # uvicorn's own lines go through the same formatter
    assert any(r["logger"].startswith("uvicorn") and "Application startup complete" in r["message"] for r in records)
    assert sum(r["logger"] == "addrnet.request" for r in records) >= 3


def test_log_level_from_the_environment(start: Start) -> None:
    url, log, _ = start(ADDRNET_LOG_LEVEL="WARNING")
    assert httpx.post(f"{url}/parse", json={"text": "10117 Berlin"}).status_code == 200
    time.sleep(0.5)
    assert not [r for r in lines(log) if r["level"] == "INFO"]
    _, log2, proc = start(wait=False, ADDRNET_LOG_LEVEL="LOUD")
    assert proc.wait(60) == 2 and "unknown log level 'LOUD'" in log2.read_text()


def scrape(url: str) -> dict[str, float]:
    out: dict[str, float] = {}
    for line in httpx.get(f"{url}/metrics").text.splitlines():
        if line and not line.startswith("#"):
            name, value = line.rsplit(" ", 1)
            out[name] = float(value)
    return out


@pytest.mark.slow
def test_one_scrape_covers_every_worker(start: Start) -> None:
    url, _, _ = start("--workers", "2", ADDRNET_LOG_LEVEL="WARNING")
    pids: set[str] = set()
    wait_for(lambda: len({k for k in scrape(url) if k.startswith("process_resident_memory_bytes")}) == 2, 30)
    n = 40
    for i in range(n):  # a new connection each: the kernel spreads them over both workers
        assert httpx.post(f"{url}/parse", json={"text": f"{i} Main St, Springfield"}).status_code == 200
    for _ in range(6):  # whichever worker answers the scrape, it reports both workers' samples
        m = scrape(url)
        parse_200 = 'addrnet_http_requests_total{arm="tiny",route="/parse",status="200"}'
        assert m[parse_200] == n
        assert m['addrnet_http_request_duration_seconds_count{arm="tiny",route="/parse"}'] == n
        pids |= {k for k in m if k.startswith("process_resident_memory_bytes")}
        assert all(v > 1e7 for k, v in m.items() if k.startswith("process_resident_memory_bytes"))
    assert len(pids) == 2
