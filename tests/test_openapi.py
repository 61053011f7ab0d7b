"""Snapshot of the OpenAPI schema: an API change must be deliberate (scripts/update_openapi_snapshot.py)."""

from __future__ import annotations

import json
from pathlib import Path

from app.main import create_app

SNAPSHOT = Path(__file__).parent / "data" / "openapi.json"


def test_openapi_matches_snapshot() -> None:
    current = json.loads(json.dumps(create_app().openapi(), sort_keys=True))
    assert SNAPSHOT.is_file(), "run scripts/update_openapi_snapshot.py"
    assert current == json.loads(SNAPSHOT.read_text(encoding="utf-8"))


def test_openapi_documents_every_route() -> None:
    paths = set(create_app().openapi()["paths"])
    expected = {"/parse", "/parse/batch", "/resolve", "/healthz", "/readyz", "/metrics", "/v1/arms", "/v1/eval",
                "/v1/shadow/report"}
    assert expected <= paths
