"""The table-driven resolver cases (tests/data/resolver_cases.json), shared by the SQLite and PostgreSQL tests."""

from __future__ import annotations

import csv
import json
import sqlite3
from pathlib import Path
from typing import Any

import pytest
import sqlalchemy as sa

from resolver import db, loader
from resolver.match import resolve
from resolver.schema import names, places

CASES: list[dict[str, Any]] = json.loads(
    (Path(__file__).parent / "data" / "resolver_cases.json").read_text(encoding="utf-8")
)
ADDRESS_CASES: list[dict[str, Any]] = json.loads(
    (Path(__file__).parent / "data" / "resolver_address_cases.json").read_text(encoding="utf-8")
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


OA_HEADER = "LON,LAT,NUMBER,STREET,UNIT,CITY,DISTRICT,REGION,POSTCODE,ID,HASH"
SF_STREETS = {"OCTAVIA ST", "HAYES ST", "GOUGH ST"}


def copy_sqlite(src_url: str, dst: Path) -> str:
    """A copy of a SQLite gazetteer (the backup API: consistent even with a WAL)."""
    src = sqlite3.connect(src_url.removeprefix("sqlite:///"))
    out = sqlite3.connect(dst)
    src.backup(out)
    src.close()
    out.close()
    return f"sqlite:///{dst}"


def oa_slice(tmp: Path) -> tuple[Path, Path]:
    """Slices of the shared OA fixtures: (three San Francisco streets + Trumbull County OH; Berlin's
    ambiguous-street rows, to import with country DE)."""
    from addrnet.settings import REPO_DATA_DIR

    oa = REPO_DATA_DIR / "oa"
    us, de = tmp / "us" / "slice.csv", tmp / "berlin.csv"
    us.parent.mkdir(parents=True, exist_ok=True)
    with (oa / "corpus_openaddresses_fixtures.csv").open(encoding="utf-8", newline="") as fh, \
            us.open("w", encoding="utf-8", newline="") as out:  # fmt: skip
        reader = csv.DictReader(fh)
        writer = csv.DictWriter(out, fieldnames=reader.fieldnames or [])
        writer.writeheader()
        for row in reader:
            sf = row["SOURCE"] == "us/ca/san_francisco" and row["STREET"] in SF_STREETS
            if sf or row["SOURCE"] == "us/oh/trumbull":
                writer.writerow(row)
    with (oa / "corpus_interpolation_fixtures.csv").open(encoding="utf-8", newline="") as fh, \
            de.open("w", encoding="utf-8", newline="") as out:  # fmt: skip
        reader = csv.DictReader(fh)
        writer = csv.DictWriter(out, fieldnames=reader.fieldnames or [])
        writer.writeheader()
        writer.writerows(r for r in reader if r["SOURCE"].endswith("ambiguous_street_name"))
    return us, de


def check_address_case(engine: sa.Engine, case: dict[str, Any]) -> None:
    """One case of tests/data/resolver_address_cases.json on a gazetteer with ``oa_slice`` imported."""
    from resolver.geo import haversine_km

    with engine.connect() as conn:
        places = resolve(conn, case["components"])
    assert places, "no result"
    top = places[0]
    for key, value in case["expect"].items():
        assert getattr(top, key) == value, (key, top)
    if "near" in case:
        d_m = haversine_km(case["near"][0], case["near"][1], top.lat, top.lon) * 1000  # type: ignore[arg-type]
        assert d_m <= case["within_m"], (d_m, top)
    if "explanation_has" in case:
        assert case["explanation_has"] in top.explanation
    assert top.explanation and 0.0 <= top.score <= 1.0 and top.accuracy_m and top.accuracy_m > 0


def gazetteer_plus(small_gazetteer: str, path: Path, countries: list[str]) -> sa.Engine:
    """A copy of the session's US gazetteer at ``path`` with the regions and localities of ``countries`` added,
    built by the same loader."""
    eng = db.make_engine(copy_sqlite(small_gazetteer, path))
    gaz = loader.build(countries, progress=False)
    with eng.begin() as conn:
        offset = int(conn.execute(sa.select(sa.func.max(places.c.id))).scalar_one())
        keep = {r[0] for r in gaz.places if r[1] in ("region", "locality")}
        conn.execute(sa.insert(places), [dict(zip(loader.PLACE_COLS, (r[0] + offset, *r[1:]), strict=True))
                                         for r in gaz.places if r[0] in keep])  # fmt: skip
        cols = loader.NAME_COLS[1:]
        conn.execute(sa.insert(names), [dict(zip(cols, (n[0] + offset, *n[1:]), strict=True))
                                        for n in gaz.names if n[0] in keep])  # fmt: skip
    return eng


def gazetteer_plus_fixture(countries: list[str], name: str) -> Any:
    """A module-scoped ``engine`` fixture: ``gazetteer_plus`` of ``countries`` in a temporary folder ``name``."""

    @pytest.fixture(scope="module")
    def engine(small_gazetteer: str, tmp_path_factory: pytest.TempPathFactory) -> Any:
        eng = gazetteer_plus(small_gazetteer, tmp_path_factory.mktemp(name) / "gaz.sqlite", countries)
        yield eng
        eng.dispose()

    return engine
