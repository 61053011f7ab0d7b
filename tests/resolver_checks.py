"""The table-driven resolver cases (tests/data/resolver_cases.json), shared by the SQLite and PostgreSQL tests."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
import sqlalchemy as sa

from resolver.match import resolve

CASES: list[dict[str, Any]] = json.loads(
    (Path(__file__).parent / "data" / "resolver_cases.json").read_text(encoding="utf-8")
)


def check_case(engine: sa.Engine, case: dict[str, Any]) -> None:
    comps = {k: ("x" * 10_000 if v == "LONG" else v) for k, v in case["components"].items()}
    with engine.connect() as conn:
        if "expect_error" in case:
            with pytest.raises(ValueError, match=case["expect_error"]):
                resolve(conn, comps, country=case.get("country"))
            return
        places = resolve(conn, comps, country=case.get("country"))
    if case.get("expect_empty"):
        assert places == []
        return
    assert places, "no result"
    top = places[0]
    for key, value in case["expect"].items():
        assert getattr(top, key) == value, (key, top)
    assert 0.0 <= top.score <= 1.0
    assert top.match in {"exact", "alias", "postcode", "fuzzy", "region", "country"}
    assert top.level in {"address", "street", "postcode", "locality", "region", "country"}
    if "expect_explanation" in case:
        assert case["expect_explanation"] in top.explanation, top.explanation
    if "expect_regions_in_top5" in case:
        assert set(case["expect_regions_in_top5"]) <= {p.region_code for p in places}
