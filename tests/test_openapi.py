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


def test_openapi_documents_errors_limits_labels_and_the_operator_token() -> None:
    """Finding 10: the schema lacked the 400/404/413/503 responses, the text limits and a label enum."""
    spec = create_app().openapi()
    for path in ("/parse", "/parse/batch", "/resolve"):
        responses = spec["paths"][path]["post"]["responses"]
        assert {"400", "404", "405", "413", "422", "503"} <= set(responses), (path, sorted(responses))
        assert responses["400"]["content"]["application/json"]["schema"]["$ref"].endswith("/ErrorResponse")
    for path in ("/v1/shadow/report", "/metrics"):
        op = spec["paths"][path]["get"]
        assert {"401", "403"} <= set(op["responses"]) and op.get("security"), path
    schemas = spec["components"]["schemas"]
    assert {"street", "house_number", "locality", "housenumber", "road"} <= set(
        schemas["Component"]["properties"]["label"]["enum"])
    assert "512" in schemas["ParseRequest"]["properties"]["text"]["description"]
    assert "200" in json.dumps(schemas["ResolveRequest"]["properties"]["components"])
    assert "name" in schemas["ResolveRequest"]["properties"]["country"]["description"]
    assert schemas["ErrorResponse"]["properties"]["error"]
