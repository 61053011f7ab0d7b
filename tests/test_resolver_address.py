"""The address level on SQLite: import-oa (idempotent, transactional, bad rows counted), table-driven
address / street / interpolation cases, ambiguous street names, relaxation, reverse geocoding.

The gazetteer is a copy of the session's US gazetteer with a slice of the shared OA fixtures imported
(San Francisco, Trumbull County OH, Berlin's several Markgrafenstraße).
"""

from __future__ import annotations

import csv
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import sqlalchemy as sa

from resolver import db
from resolver.address import Anchor, _scope
from resolver.match import resolve
from resolver.oa import OAFormatError, import_oa
from resolver.reverse import reverse
from tests.resolver_checks import ADDRESS_CASES, OA_HEADER, check_address_case, copy_sqlite, oa_slice


@pytest.fixture(scope="module")
def oa_db(small_gazetteer: str, tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, Any]]:
    tmp = tmp_path_factory.mktemp("oa")
    url = copy_sqlite(small_gazetteer, tmp / "gaz.sqlite")
    us, de = oa_slice(tmp)
    first = import_oa(url, [us], progress=False)
    berlin = import_oa(url, [de], country="DE", progress=False)
    engine = db.make_engine(url)
    yield {"url": url, "engine": engine, "first": first, "berlin": berlin, "files": (us, de), "tmp": tmp}
    engine.dispose()


def _counts(engine: sa.Engine) -> tuple[int, int]:
    with engine.connect() as conn:
        return (int(conn.execute(sa.text("SELECT count(*) FROM streets")).scalar_one()),
                int(conn.execute(sa.text("SELECT count(*) FROM address_points")).scalar_one()))  # fmt: skip


def test_import_summary_and_idempotent(oa_db: dict[str, Any]) -> None:
    first = oa_db["first"]
    assert first["inserted"] > 400 and first["streets_new"] > 20 and first["rows"] >= first["inserted"]
    assert first["inserted"] + first["duplicates"] + first["skipped_total"] == first["rows"]
    before = _counts(oa_db["engine"])
    again = import_oa(oa_db["url"], [oa_db["files"][0]], progress=False)
    assert again["inserted"] == 0 and again["streets_new"] == 0 and again["duplicates"] == first["inserted"] + first["duplicates"]
    assert _counts(oa_db["engine"]) == before


def test_ambiguous_street_name_becomes_several_streets(oa_db: dict[str, Any]) -> None:
    with oa_db["engine"].connect() as conn:
        parts = conn.execute(sa.text("SELECT city_norm, point_count FROM streets WHERE norm = 'markgrafen street'")).all()
    assert len(parts) >= 3 and len({p[0] for p in parts}) == len(parts)
    assert sum(p[1] for p in parts) == oa_db["berlin"]["inserted"]


@pytest.mark.parametrize("case", ADDRESS_CASES, ids=[c["id"] for c in ADDRESS_CASES])
def test_address_case(case: dict[str, Any], oa_db: dict[str, Any]) -> None:
    check_address_case(oa_db["engine"], case)


def test_interpolation_lies_between_its_neighbours(oa_db: dict[str, Any]) -> None:
    with oa_db["engine"].connect() as conn:
        top = resolve(conn, {"house_number": "29", "street": "Octavia St", "locality": "San Francisco"})[0]
        rows = {r[0]: (r[1], r[2]) for r in conn.execute(sa.text(
            "SELECT p.number, p.lat, p.lon FROM address_points p JOIN streets s ON s.id = p.street_id "
            "WHERE s.norm = 'octavia street' AND p.number IN ('27', '41')"))}  # fmt: skip
    assert top.accuracy == "interpolated" and "between 27 and 41" in top.explanation
    (a_lat, a_lon), (b_lat, b_lon) = rows["27"], rows["41"]
    assert min(a_lat, b_lat) - 1e-9 <= top.lat <= max(a_lat, b_lat) + 1e-9  # type: ignore[operator]
    assert min(a_lon, b_lon) - 1e-9 <= top.lon <= max(a_lon, b_lon) + 1e-9  # type: ignore[operator]


def test_without_import_the_locality_level_is_unchanged(small_gazetteer: str, oa_db: dict[str, Any]) -> None:
    comps = {"house_number": "27", "street": "Octavia St", "locality": "San Francisco", "region": "CA"}
    engine = db.make_engine(small_gazetteer)
    try:
        with engine.connect() as conn:
            plain = resolve(conn, comps)[0]
            without_street = resolve(conn, {"locality": "San Francisco", "region": "CA"})[0]
    finally:
        engine.dispose()
    assert plain.level == "locality" and (plain.place_id, plain.lat) == (without_street.place_id, without_street.lat)


@pytest.mark.parametrize(
    ("components", "relaxed"),
    [
        # Colombia has no Arvada: the country first, Arvada, Colorado after it with the country dropped (the joint
        # reading then reads CO as Colorado: test_resolver_readings)
        ({"locality": "Arvada", "country": "CO"}, "country only"),
        ({"locality": "Boston", "country": "Narnia"}, "unknown, ignored"),
        ({"locality": "Zzyzxqwv", "region": "CA"}, "region only"),
        ({"street": "Zzyzx Lane", "region": "OH"}, "region only"),
    ],
)
def test_relaxation_is_explained_never_silent(oa_db: dict[str, Any], components: dict[str, str], relaxed: str) -> None:
    with oa_db["engine"].connect() as conn:
        places = resolve(conn, components)
    assert places, "a weaker reading has candidates: never []"
    assert "relaxed" in places[0].explanation and relaxed in places[0].explanation
    assert places[0].conflicts >= 1 or "unknown" in relaxed
    if relaxed == "country only":  # the namesake abroad after the country, and no surer than it
        assert "country dropped" in places[1].explanation and places[1].level == "locality"
        assert places[1].score <= places[0].score


def test_reverse_nearest_address_street_locality(oa_db: dict[str, Any]) -> None:
    with oa_db["engine"].connect() as conn:
        hits = reverse(conn, 37.77223, -122.42423)
        only = reverse(conn, 37.77223, -122.42423, layers="locality")
        far = reverse(conn, 0.0, -140.0, layers="address,street,locality")
    by_layer = {h.layer: h for h in reversed(hits)}
    assert by_layer["address"].name == "27 Octavia St" and by_layer["address"].distance_m < 10
    assert by_layer["street"].street == "Octavia St"
    assert by_layer["locality"].name == "San Francisco" and by_layer["locality"].distance_m < 5000
    assert by_layer["country"].country == "US"
    assert [h.layer for h in only] == ["locality"]
    assert all(h.layer == "locality" for h in far)  # no address within reach of the open Pacific


@pytest.mark.parametrize(("lat", "lon", "message"), [(91, 0, "lat"), (0, 181, "lon"), (float("nan"), 0, "finite"),
                                                     ("x", 0, "numbers")])  # fmt: skip
def test_reverse_bad_coordinates(oa_db: dict[str, Any], lat: Any, lon: Any, message: str) -> None:
    with oa_db["engine"].connect() as conn, pytest.raises(ValueError, match=message):
        reverse(conn, lat, lon)


def test_reverse_unknown_layer(oa_db: dict[str, Any]) -> None:
    with oa_db["engine"].connect() as conn, pytest.raises(ValueError, match="unknown layer"):
        reverse(conn, 37.7, -122.4, layers="planet")


def _bad_file(path: Path) -> Path:
    good = "-122.4242303,37.7722281,27,OCTAVIA ST,,San Francisco,,CA,94102,1,aaa"
    lines = [
        OA_HEADER, good,
        "abc,37.7,5,OCTAVIA ST,,San Francisco,,CA,94102,2,bbb",  # bad number
        "-122.4,237.7,5,OCTAVIA ST,,San Francisco,,CA,94102,3,ccc",  # latitude out of range
        "-122.4,37.7,,OCTAVIA ST,,San Francisco,,CA,94102,4,ddd",  # no house number
        "-122.4,37.7,9,,,San Francisco,,CA,94102,5,eee",  # no street
        "-122.4,37.7,9,OCTAVIA ST,,San Francisco,,CA,94102,6,fff,extra,fields",  # ragged
        "-122.4,37.7,9," + "X" * 300 + ",,San Francisco,,CA,94102,7,ggg",  # street too long
    ]
    data = ("\n".join(lines) + "\n").encode("utf-8")
    data += "-122.4,37.7,11,CAFÉ ST,,San Francisco,,CA,94102,8,hhh\n".encode("latin-1")  # wrong encoding
    data += b"-122.4243,37.7724,31,OCTAVIA ST,,San Francisco,,CA,94102,9,iii\n"
    path.write_bytes(data)
    return path


def test_bad_rows_are_counted_and_skipped(oa_db: dict[str, Any]) -> None:
    tmp = oa_db["tmp"]
    url = copy_sqlite(oa_db["url"], tmp / "bad.sqlite")
    summary = import_oa(url, [_bad_file(tmp / "us" / "bad.csv")], progress=False)
    assert summary["rows"] == 9
    assert summary["skipped"] == {"bad_coordinates": 2, "bad_encoding": 1, "malformed_csv": 1, "no_number": 1,
                                  "no_street": 1, "street_too_long": 1}  # fmt: skip
    assert summary["inserted"] + summary["duplicates"] == 2  # 27 was imported by the fixture already, 31 is new


def test_missing_columns_refused_and_cli(oa_db: dict[str, Any], tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                         capsys: pytest.CaptureFixture[str]) -> None:  # fmt: skip
    bad = tmp_path / "cols.csv"
    bad.write_text("LON,LAT,STREET\n1,2,Main St\n", encoding="utf-8")
    with pytest.raises(OAFormatError, match="NUMBER"):
        import_oa(oa_db["url"], [bad], progress=False)
    from addrnet import cli
    from addrnet.settings import get_settings

    monkeypatch.setenv("ADDRNET_DATABASE_URL", oa_db["url"])
    get_settings.cache_clear()
    try:
        assert cli.main(["gazetteer", "import-oa", str(bad)]) == 2
        assert "missing required OpenAddresses column" in capsys.readouterr().err
        assert cli.main(["gazetteer", "import-oa", "--quiet", str(oa_db["files"][0])]) == 0
        assert "0 points inserted" in capsys.readouterr().out
    finally:
        get_settings.cache_clear()


def test_import_is_transactional(oa_db: dict[str, Any], monkeypatch: pytest.MonkeyPatch) -> None:
    import resolver.oa as oa

    tmp = oa_db["tmp"]
    url = copy_sqlite(oa_db["url"], tmp / "tx.sqlite")
    engine = db.make_engine(url)
    before = _counts(engine)

    def boom(*args: Any, **kwargs: Any) -> None:
        raise RuntimeError("disk full")

    monkeypatch.setattr(oa, "_refresh_streets", boom)
    with pytest.raises(RuntimeError):
        import_oa(url, [_bad_file(tmp / "us" / "tx.csv")], progress=False)
    assert _counts(engine) == before
    engine.dispose()


def test_gazetteer_reload_keeps_street_localities(tmp_path: Path) -> None:
    from resolver import loader

    url = f"sqlite:///{tmp_path / 'li.sqlite'}"
    loader.load(url, countries=["LI"], progress=False)
    csv_path = tmp_path / "li" / "vaduz.csv"
    csv_path.parent.mkdir()
    csv_path.write_text(f"{OA_HEADER}\n9.5209,47.1410,1,Städtle,,Vaduz,,,9490,1,a\n9.5215,47.1402,5,Städtle,,Vaduz,,,9490,2,b\n",
                        encoding="utf-8")  # fmt: skip
    assert import_oa(url, [csv_path], progress=False)["inserted"] == 2
    engine = db.make_engine(url)

    def links() -> list[Any]:
        with engine.connect() as conn:
            return conn.execute(sa.text("SELECT s.name, p.name FROM streets s JOIN places p ON p.id = s.locality_id")).all()

    try:
        before = links()
        assert before == [("Städtle", "Vaduz")]
        loader.load(url, countries=["LI"], progress=False)
        assert links() == before
        assert loader.load(url, countries=["LI"], if_empty=True, progress=False)["rows"]["address_points"] == 2
    finally:
        engine.dispose()


def test_streets_known_at_once_after_an_import_in_this_process(small_gazetteer: str, tmp_path: Path) -> None:
    """``has_streets`` is kept a few seconds per engine; an import in this process clears it at once."""
    from resolver import candidates as cands

    url = copy_sqlite(small_gazetteer, tmp_path / "gaz.sqlite")
    us, _ = oa_slice(tmp_path)
    engine = db.make_engine(url)
    try:
        with engine.connect() as conn:
            assert not cands.has_streets(conn)
            assert not cands.has_streets(conn)  # kept
        import_oa(url, [us], progress=False)
        with engine.connect() as conn:
            assert cands.has_streets(conn)
    finally:
        engine.dispose()


def test_shared_zip_main_place_unless_the_street_says_otherwise(small_gazetteer: str, tmp_path: Path) -> None:
    """ZIP 55125 serves Saint Paul (its USPS city) and Woodbury. Number + street + ZIP alone: the main
    place, with the shared ZIP explained; once the street is imported (OA fixture rows of Woodbury), the
    street decides the town."""
    from addrnet.settings import REPO_DATA_DIR

    url = copy_sqlite(small_gazetteer, tmp_path / "gaz.sqlite")
    rows = tmp_path / "us" / "woodbury.csv"
    rows.parent.mkdir()
    with (REPO_DATA_DIR / "oa" / "corpus_openaddresses_fixtures.csv").open(encoding="utf-8", newline="") as fh, \
            rows.open("w", encoding="utf-8", newline="") as out:  # fmt: skip
        reader = csv.DictReader(fh)
        writer = csv.DictWriter(out, fieldnames=reader.fieldnames or [])
        writer.writeheader()
        picked = [r for r in reader if r["POSTCODE"] == "55125" and r["CITY"].upper() == "WOODBURY"]
        writer.writerows(picked)
    assert picked
    comps = {"house_number": picked[0]["NUMBER"], "street": picked[0]["STREET"].title(), "postcode": "55125"}
    engine = db.make_engine(url)
    try:
        with engine.connect() as conn:
            before = resolve(conn, comps)
        assert before[0].name == "Saint Paul" and before[0].level == "postcode"
        assert "postcode 55125 serves Saint Paul" in before[0].explanation and "Woodbury" in before[0].explanation
        assert "Woodbury" in {p.name for p in before}
        assert import_oa(url, [rows], progress=False)["inserted"] == len(picked)
        from resolver import candidates

        candidates.clear_cache()  # the has-streets answer of this engine's URL is kept a few seconds
        with engine.connect() as conn:
            after = resolve(conn, comps)
        assert after[0].name == "Woodbury" and after[0].level == "address", after[0]
        assert "in Woodbury" in after[0].explanation
    finally:
        engine.dispose()


_STREET = {"id": 1, "city_norm": "02", "region": "PA", "country_code": "US", "locality_id": 5, "lat": 40.056,
           "lon": -74.981}  # "187 STATE RD, 02, PA": Bucks County's municipality code as its extract's CITY
_KLUUVI = Anchor(60.17, 24.94, 9, frozenset({"02"}), 1.0, "Kluuvi", "FI")  # a Helsinki quarter also named "02"


@pytest.mark.parametrize(("anchors", "written", "factor", "why"), [
    ([_KLUUVI], ("02", "PA"), 0.9, "street's city and region as written"),
    ([_KLUUVI], ("02", "pa"), 0.9, "street's city and region as written"),
    ([_KLUUVI], None, 0.0, ""),  # a place of that name in another country is no fit
    ([_KLUUVI], ("02", "NJ"), 0.0, ""),
    ([], ("02", "PA"), 0.9, "street's city and region as written"),
    ([], None, 0.7, "no place to check the street against"),
    ([Anchor(60.17, 24.94, 9, frozenset({"02"}), 1.0, "Kluuvi")], None, 1.0, "street in Kluuvi"),  # no country: as before
])  # fmt: skip
def test_street_scope(anchors: list[Anchor], written: tuple[str, str] | None, factor: float, why: str) -> None:
    got = _scope(_STREET, anchors, set(), written)
    assert (round(got[0], 6), got[2]) == (factor, why)
