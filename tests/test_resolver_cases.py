"""Resolver table-driven cases and gazetteer tests on a small SQLite gazetteer (--countries US)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import sqlalchemy as sa

from resolver import db, loader
from resolver.match import Place, resolve
from resolver.readings import from_alternatives, geocode
from tests.resolver_checks import CASES, check_case


@pytest.fixture(scope="session")
def us_url(small_gazetteer: str) -> str:
    """The US-only SQLite gazetteer of tests/conftest.py (loaded once per session)."""
    return small_gazetteer


@pytest.fixture(scope="session")
def us_engine(us_url: str):  # type: ignore[no-untyped-def]
    engine = db.make_engine(us_url)
    yield engine
    engine.dispose()


@pytest.mark.parametrize("case", CASES, ids=[c["id"] for c in CASES])
def test_case(case: dict[str, Any], us_engine: sa.Engine) -> None:
    check_case(us_engine, case)


def test_place_fields_and_order(us_engine: sa.Engine) -> None:
    with us_engine.connect() as conn:
        places = resolve(conn, {"locality": "Springfield"}, limit=3)
    assert len(places) == 3 and all(isinstance(p, Place) for p in places)
    assert [p.score for p in places] == sorted((p.score for p in places), reverse=True)
    assert all(p.explanation and p.lat is not None for p in places)


@pytest.mark.parametrize("limit", [0, -1, 101])
def test_bad_limit(us_engine: sa.Engine, limit: int) -> None:
    with us_engine.connect() as conn, pytest.raises(ValueError, match="limit"):
        resolve(conn, {"locality": "Boston"}, limit=limit)


def test_sql_metacharacters_leave_tables_intact(us_engine: sa.Engine) -> None:
    with us_engine.connect() as conn:
        for bad in ["'", '"', "%", "_", "\\", "'; DELETE FROM names; --", "\x00", "Boston' OR '1'='1"]:
            resolve(conn, {"locality": bad, "region": bad, "postcode": bad, "suburb": bad})
        assert conn.execute(sa.text("SELECT count(*) FROM names")).scalar_one() > 100_000


def test_schema_at_head_and_shadow_events(us_url: str, us_engine: sa.Engine) -> None:
    assert db.current_revision(us_url) == db.head_revision()
    cols = {c["name"] for c in sa.inspect(us_engine).get_columns("shadow_events")}
    assert {"created_at", "route", "primary_arm", "shadow_arm", "agree", "agree_all"} <= cols
    indexes = {i["name"] for i in sa.inspect(us_engine).get_indexes("names")}
    assert {"ix_names_norm_kind", "ix_names_cc_norm", "ix_names_cc_norm_rev"} <= indexes


def test_migrations_match_schema_module(us_engine: sa.Engine) -> None:
    from alembic.autogenerate import compare_metadata
    from alembic.migration import MigrationContext

    from resolver.schema import metadata

    with us_engine.connect() as conn:
        diff = compare_metadata(MigrationContext.configure(conn), metadata)
    # shadow_events belongs to the app layer, not resolver.schema
    diff = [
        d for d in diff if not (d[0] in {"remove_table", "remove_index"} and "shadow_events" in str(d[1]))
    ]
    assert diff == []


def test_load_idempotent_if_empty_and_transactional(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    url = f"sqlite:///{tmp_path / 'sub' / 'li.sqlite'}"
    first = loader.load(url, countries=["LI"], progress=False)
    engine = db.make_engine(url)

    def snapshot() -> list[Any]:
        with engine.connect() as conn:
            return [
                conn.execute(sa.text(f"SELECT * FROM {t} ORDER BY id")).all()
                for t in ("places", "names", "postcodes")
            ]

    before = snapshot()
    assert first["rows"]["places"] > 250  # countries + Liechtenstein's regions and localities
    second = loader.load(url, countries=["LI"], progress=False)
    assert second["rows"] == first["rows"] and snapshot() == before
    assert loader.load(url, countries=["LI"], if_empty=True, progress=False)["skipped"] is True

    def boom(*args: Any, **kwargs: Any) -> None:
        raise RuntimeError("disk full")

    monkeypatch.setattr(loader, "_insert", boom)
    with pytest.raises(RuntimeError):
        loader.load(url, countries=["LI"], progress=False)
    assert snapshot() == before
    engine.dispose()


def test_cli_help_and_stats(
    us_url: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from addrnet import cli
    from addrnet.settings import get_settings

    monkeypatch.setenv("ADDRNET_DATABASE_URL", us_url)
    get_settings.cache_clear()
    try:
        assert cli.main(["gazetteer", "stats"]) == 0
        out = capsys.readouterr().out
        assert "places" in out and f"revision {db.head_revision()}" in out
        with pytest.raises(SystemExit):
            cli.main(["gazetteer", "load", "--help"])
        assert "--if-empty" in capsys.readouterr().out
    finally:
        get_settings.cache_clear()


def test_check_gold_small(us_url: str, tmp_path: Path) -> None:
    from resolver.gold import check_gold

    csv_path = tmp_path / "pts.csv"
    csv_path.write_text(
        "LON,LAT,NUMBER,STREET,UNIT,CITY,DISTRICT,REGION,POSTCODE,ID\n"
        "-90.19,38.63,1,Main St,,Saint Louis,,MO,63101,a\n"
        "-118.33,34.10,2,Sunset Blvd,,Hollywood,,CA,90028,b\n"
    )
    result = check_gold(us_url, csv_path)
    assert result["rows"] == 2 and result["top1_locality_accuracy"] == 1.0
    assert result["median_distance_km"] < 10


def test_confidences_soften_constraints(us_engine: sa.Engine) -> None:
    comps = {"locality": "Portland", "region": "ME"}
    with us_engine.connect() as conn:
        sure = {p.region_code: p.score for p in resolve(conn, comps)}
        unsure = {p.region_code: p.score for p in resolve(conn, comps, confidences={"region": 0.1})}
        assert unsure["OR"] > sure["OR"] and unsure["ME"] == sure["ME"]
        with pytest.raises(ValueError, match="confidence"):
            resolve(conn, comps, confidences={"region": "high"})  # type: ignore[dict-item]


def test_arbitrary_text_never_crashes(us_engine: sa.Engine) -> None:
    from hypothesis import HealthCheck, given, settings
    from hypothesis import strategies as st

    keys = st.sampled_from(["locality", "suburb", "region", "postcode", "country", "street", "house_number", "unit"])

    @settings(max_examples=150, deadline=None, suppress_health_check=list(HealthCheck))
    @given(st.dictionaries(keys, st.text(max_size=300), max_size=4))
    def check(comps: dict[str, str]) -> None:
        with us_engine.connect() as conn:
            try:
                places = resolve(conn, comps)
            except ValueError:
                return
            assert all(0.0 <= p.score <= 1.0 for p in places)

    check()


@pytest.mark.parametrize(
    ("cc", "code", "cities", "want"),
    [
        ("CH", "ZH", {"zurich", "winterthur"}, "Zürich"),  # GeoNames uses the ISO code: taken
        ("AT", "09", {"wien", "vienna"}, "Wien"),  # leading zero dropped: AT-9
        ("CZ", "52", {"praha", "prague"}, None),  # ISO CZ-52 is another region than GeoNames' CZ 52
        ("IT", "16", {"firenze"}, None),  # no ISO subdivision IT-16
    ],
)
def test_subdivision_names_only_where_codes_agree(cc: str, code: str, cities: set[str], want: str | None) -> None:
    assert loader.subdivision_name(cc, code, {(cc, code): cities}) == want


@pytest.mark.parametrize(
    ("cc", "code", "cities", "big", "want"),
    [
        # provinces named like the region's cities vote for their region (IT-FI, IT-PI, IT-SI: IT-52)
        ("IT", "16", {"firenze", "pisa", "siena", "prato"}, ["firenze"], "Toscana"),
        ("IT", "16", {"firenze"}, ["firenze"], None),  # one province vote is not enough
        # a district named like the region's largest city (PT-13); not a village named like a province
        ("PT", "17", {"porto", "maia"}, ["porto"], "Porto"),
        ("NL", "06", {"eindhoven", "zeeland"}, ["eindhoven"], None),
        # written as it is said, not as pycountry files it ("Valenciana, Comunidad")
        ("ES", "60", {"valencia", "alicante", "castellon de la plana"}, ["valencia"], "Comunidad Valenciana"),
        # a tie goes to the subdivision a big city is named after: Osaka's region holds the city of Ibaraki
        # (one vote for the prefecture of Ibaraki, JP-08) and the city of Osaka (JP-27)
        ("JP", "32", {"osaka", "sakai", "ibaraki"}, ["osaka", "sakai"], "Osaka"),
        ("JP", "32", {"osaka", "ibaraki"}, ["sakai"], None),  # a tie no big city settles stays unnamed
        # a region whose largest city is a subdivision itself is that city's: Budapest's holds Pest (a part of the
        # city, and a county, HU-PE), Kyiv's is named Kyiv (UA-30)
        ("HU", "05", {"budapest", "pest", "buda"}, ["budapest", "pest", "buda"], None),
        ("UA", "12", {"kyiv", "darnytsia"}, ["kyiv", "darnytsia"], "Kyiv"),
    ],
)
def test_subdivision_names_from_member_cities(cc: str, code: str, cities: set[str], big: list[str], want: str | None) -> None:
    got = loader.subdivisions_by_member_names([(cc, code)], {(cc, code): cities}, {(cc, code): big})
    assert got.get((cc, code)) == want


_CR_NAMED = {("CR", code): (name, ()) for code, name in
             (("02", "Cartago"), ("04", "Heredia"), ("06", "Limón"), ("07", "Puntarenas"), ("08", "San José"))}


@pytest.mark.parametrize(
    ("info", "big", "want"),
    [
        # Alajuela's largest cities include a San José, whose province already names a region; Guanacaste is left
        (_CR_NAMED | {("CR", "01"): (None, ()), ("CR", "03"): (None, ())},
         {("CR", "01"): ["alajuela", "san jose", "quesada"], ("CR", "03"): ["liberia", "canas", "nicoya"]},
         {("CR", "01"): "Alajuela", ("CR", "03"): "Guanacaste"}),
        # a city-region named with its kind's word ("Shanghai Shi")
        ({("CN", "23"): (None, ())}, {("CN", "23"): ["shanghai", "puxi", "pudong"]}, {("CN", "23"): "Shanghai Shi"}),
        # no big city named like a subdivision, and more subdivisions than regions: nothing is guessed
        ({("CR", "03"): (None, ())}, {("CR", "03"): ["liberia"]}, {}),
        # two subdivisions named by big cities: a tie stays unnamed
        ({("CR", "01"): (None, ())}, {("CR", "01"): ["alajuela", "heredia"]}, {}),
    ],
    ids=["elimination", "kind-word", "no-guess", "tie"],
)  # fmt: skip
def test_subdivisions_left(info: dict, big: dict, want: dict) -> None:
    assert loader.subdivisions_left(info, big) == want


def test_country_names_in_major_languages() -> None:
    by_lang = dict(loader.country_names("DE"))
    assert by_lang["en"] in {"Germany", "Federal Republic of Germany"}
    assert (by_lang["de"], by_lang["fr"], by_lang["es"]) == ("Deutschland", "Allemagne", "Alemania")
    assert loader.country_names("QQ") == []
    assert loader.usps_display_name("O NEALS") == "O'Neals" and loader.usps_display_name("MC CRORY") == "McCrory"


@pytest.mark.parametrize(("iso", "endonym"), [
    ("HU", "Magyarország"), ("GR", "Ελλάδα"), ("UA", "Україна"), ("HR", "Hrvatska"), ("RS", "Srbija"), ("RS", "Србија"),
    ("EE", "Eesti"), ("LT", "Lietuva"), ("SI", "Slovenija"), ("BG", "България"), ("IE", "Éire"), ("IL", "ישראל"),
    ("TH", "ไทย"), ("VN", "Việt Nam"), ("PH", "Pilipinas"), ("GE", "საქართველო"), ("AZ", "Azərbaycan"),
])  # fmt: skip
def test_country_named_in_its_own_language(iso: str, endonym: str) -> None:
    assert endonym in {name for _, name in loader.country_names(iso)}


def test_endonym_languages_name_only_their_countries() -> None:
    # Romanian names Colombia "Columbia" (a US city): Romanian names only Romania and Moldova here. pycountry's
    # inverted names are written out ("Russie, Fédération de" -> "Fédération de Russie")
    assert "Columbia" not in {name for _, name in loader.country_names("CO")}
    assert "Fédération de Russie" in {name for _, name in loader.country_names("RU")}


def test_abbreviation_variants_only_inside_multiword_names() -> None:
    from resolver.aliases import name_variants

    assert "east orange" in name_variants("e orange") and "st louis" in name_variants("saint louis")
    # a one-word name is not an abbreviation of anything: Aÿ (FR) has the alternate name "E", never "East"
    assert name_variants("e") == [] and name_variants("saint") == [] and name_variants("ft") == []


def test_sqlite_dbapi_rows_equal_sqlalchemy_rows(us_engine: sa.Engine) -> None:
    """The SQLite fast path (statements compiled once, run on the DBAPI cursor) answers what SQLAlchemy does,
    expanding IN lists included; an empty IN list goes through SQLAlchemy."""
    from resolver import candidates as cands

    cases = [
        (cands._NAMES_PLACES["one"], {"q": "springfield", "pk": "locality", "lim": 2000, "cc": "US"}),
        (cands._NAMES_PLACES[None], {"q": "boston", "pk": "locality", "lim": 5}),
        (cands._FUZZY_RANGE[("norm_rev", True)], {"p": "dle", "p_hi": "dle\U0010ffff", "lo": 9, "hi": 13,
                                                  "lim": 800, "cc": "US"}),
        (cands._PLACES_BY_ID, {"ids": [5, 1, 300, 7]}),
        (cands._PLACES_BY_ID, {"ids": []}),
        (cands._COUNTRY_KEYS, {}),
        (cands._REGIONS_CC, {"q": "illinois", "cc": "US"}),
    ]
    with us_engine.connect() as conn:
        for stmt, params in cases:
            result = conn.execute(stmt, params)
            want = (list(result.keys()), [tuple(r) for r in result])
            assert cands._rows(conn, stmt, params) == want
            assert cands._rows(conn, stmt, params) == want  # compiled once, run again
        assert len(cands._rows(conn, cands._NAMES_PLACES["one"], cases[0][1])[1]) > 5
        assert set(cands.place_rows(conn, [5, 1, 7])) == {1, 5, 7}


def test_lookup_cache_row_budget() -> None:
    from resolver.candidates import _RowLRU

    lru = _RowLRU(80)
    lru.put("big", tuple(range(11)))  # over an eighth of the budget: not kept
    assert lru.get("big") is None
    for i in range(25):
        lru.put(i, (i, i, i))  # 4 rows each: the 5 oldest go
    assert lru.rows == 80 and lru.get(4) is None and lru.get(5) == (5, 5, 5) and lru.get(24) == (24, 24, 24)
    lru.get(6)  # a hit moves it to the back of the queue: 7 goes first
    lru.put("new", (1,))
    assert lru.get(6) is not None and lru.get(7) is None and lru.rows == sum(cost for _, cost in lru.data.values())
    lru.put("empty", ())
    assert lru.get("empty") == ()


def test_cached_lookups_answer_as_uncached(us_engine: sa.Engine) -> None:
    from resolver import candidates

    queries = [{"locality": "Springfield", "region": "IL"}, {"locality": "Sprngfield", "region": "IL"},
               {"locality": "Bostn"}, {"postcode": "02110"}]  # fmt: skip
    with us_engine.connect() as conn:
        candidates.clear_cache()
        cold = [resolve(conn, q) for q in queries]
        warm = [resolve(conn, q) for q in queries]
    assert cold == warm and all(cold)


def test_zip_city_names_go_to_the_places_they_name(us_engine: sa.Engine) -> None:
    """A ZIP's city names are attached to the places they matched, one by one: two names of one place
    (or a name that matched nothing) used to shift the names after them onto the wrong places (ZIP
    35213 gave Vestavia Hills the postal name "Mountain Brook")."""
    with us_engine.connect() as conn:
        top = resolve(conn, {"locality": "Mountain Brook", "region": "AL"})[0]
        assert top.name == "Mountain Brook" and top.match == "exact"
        wrong = conn.execute(sa.text(
            "SELECT count(*) FROM names n JOIN places p ON p.id = n.place_id WHERE p.country_code = 'US' AND "
            "p.admin1_code = 'AL' AND p.name = 'Vestavia Hills' AND n.norm = 'mountain brook'")).scalar_one()
        assert wrong == 0


@pytest.mark.parametrize(("short", "full", "expected"), [
    ("P C Beach", "Panama City Beach", True), ("Royal Plm Bch", "Royal Palm Beach", True),
    ("Grosse Pt Wds", "Grosse Pointe Woods", True), ("Bear Crk Twp", "Bear Creek Township", True),
    ("East Grand Ra", "East Grand Rapids", True),  # cut at 13 characters
    ("Panama City", "Panama City Beach", False), ("Brooklyn", "Brooklyn Park", False),
    ("Bay Vw", "Bayou View", False),  # "bay" begins "bayou": a beginning is no contraction outside a cut
    ("Ely", "Emily", False),  # one word: too easily another town
])  # fmt: skip
def test_usps_abbreviates(short: str, full: str, expected: bool) -> None:
    assert loader.usps_abbreviates(short, full) is expected


@pytest.mark.parametrize(("official", "postal", "expected"), [
    ("New York City", "New York", True), ("The Bronx", "Bronx", True), ("Suisun", "Suisun City", True),
    ("Lexington-Fayette", "Lexington", True), ("Sea Ranch", "The Sea Ranch", True),
    ("Hallandale Beach", "Hallandale", False),  # another word than a designation
    ("Pembroke", "Suncook", False), ("Winston-Salem", "Winston Salem", False),  # the same name, spelled apart
    ("Kansas City", "Kansas City", False),
])  # fmt: skip
def test_postal_form_of(official: str, postal: str, expected: bool) -> None:
    assert loader.postal_form_of(official, postal) is expected


def test_place_shows_its_postal_form(us_engine: sa.Engine) -> None:
    """Every ZIP that names New York City and The Bronx first says "New York" and "Bronx": the places show those as
    official names, and the GeoNames names still find them."""
    with us_engine.connect() as conn:
        assert resolve(conn, {"postcode": "10001"})[0].name == "New York"
        assert resolve(conn, {"postcode": "10451"})[0].name == "Bronx"
        assert resolve(conn, {"locality": "New York City", "region": "NY"})[0].name == "New York"
        assert resolve(conn, {"locality": "The Bronx"})[0].name == "Bronx"
        shown = resolve(conn, {"locality": "Bronx", "region": "NY"})[0]
        assert (shown.name, shown.match) == ("Bronx", "exact")  # the name shown is an official one


def _paths(*paths: tuple[float, list[tuple[str, str]]]) -> dict[str, Any]:
    return {"paths": [{"prob": p, "components": [{"label": lab, "value": v} for lab, v in comps]}
                      for p, comps in paths]}


@pytest.mark.parametrize(("paths", "name", "county"), [
    # a town's prefix read as a county that names none of the state's: the tagger's next reading, the whole town
    (_paths((0.61, [("county", "Town of East"), ("locality", "New Market"), ("region", "MD")]),
            (0.31, [("locality", "Town of East New Market"), ("region", "MD")])), "East New Market", False),
    (_paths((0.6, [("county", "City of East"), ("locality", "Grand Forks"), ("region", "MN")]),
            (0.3, [("locality", "City of East Grand Forks"), ("region", "MN")])), "East Grand Forks", False),
    # a county of the state: it agrees, and the reading stands
    (_paths((0.8, [("locality", "Easton"), ("county", "Talbot County"), ("region", "MD")])), "Easton", True),
    (_paths((0.8, [("locality", "Springfield"), ("county", "Sangamon Co."), ("region", "IL")])), "Springfield", True),
])  # fmt: skip
def test_county_of_the_region(us_engine: sa.Engine, paths: dict[str, Any], name: str, county: bool) -> None:
    top = from_alternatives(paths)[0]
    with us_engine.connect() as conn:
        res = geocode(conn, top, alternatives=lambda: paths)
    assert res.results[0].name == name, res.considered
    assert ("county agrees" in res.results[0].explanation) is county


def test_zip_abbreviation_names_the_full_place(us_engine: sa.Engine) -> None:
    """ZIP 32408 lists "P C Beach" beside "Panama City Beach": one place, named both ways, no second one."""
    with us_engine.connect() as conn:
        shared = resolve(conn, {"postcode": "32408"}, limit=5)
        assert [p.name for p in shared] == ["Panama City", "Panama City Beach"]
        top = resolve(conn, {"locality": "P C Beach", "region": "FL"})[0]
    assert top.name == "Panama City Beach" and top.place_id == shared[1].place_id
