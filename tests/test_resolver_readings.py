"""Joint reading: a two-letter code (or a name) read as a US state or as a country, decided by the
gazetteer; the reading used and whether it differs from the tagger's top parse.

The gazetteer is the session's US gazetteer plus the regions and localities of the six countries
whose codes collide with US states (CO, CA, DE, IN, GA, ME), built by the same loader.
"""

from __future__ import annotations

from typing import Any

import pytest
import sqlalchemy as sa

from resolver.readings import (
    Reading,
    code_read_as_locality,
    from_alternatives,
    from_parse,
    geocode,
    resolve_readings,
)
from tests.resolver_checks import gazetteer_plus_fixture

FOREIGN = ["CO", "CA", "DE", "IN", "GA", "ME"]

# (locality, code, the country the place is in): each code once as a US state, once as a country
CODES = [
    ("Arvada", "CO", "US"), ("Bogotá", "CO", "CO"),
    ("Sacramento", "CA", "US"), ("Toronto", "CA", "CA"),
    ("Dover", "DE", "US"), ("Berlin", "DE", "DE"),
    ("Indianapolis", "IN", "US"), ("Mumbai", "IN", "IN"),
    ("Atlanta", "GA", "US"), ("Libreville", "GA", "GA"),
    ("Portland", "ME", "US"), ("Podgorica", "ME", "ME"),
]  # fmt: skip


engine = gazetteer_plus_fixture(FOREIGN, "codes")


@pytest.mark.parametrize("tagged_as", ["country", "region"])
@pytest.mark.parametrize(("locality", "code", "country"), CODES, ids=[f"{c[0]}-{c[1]}" for c in CODES])
def test_state_or_country(engine: sa.Engine, locality: str, code: str, country: str, tagged_as: str) -> None:
    top = Reading({"locality": locality, tagged_as: code}, 1.0, {tagged_as: 0.92})
    with engine.connect() as conn:
        res = resolve_readings(conn, [top])
    assert res.results, res.considered
    assert res.results[0].country == country, res.considered
    right_label = "region" if country == "US" else "country"
    assert res.reading.components[right_label] == code
    assert res.differs == (tagged_as != right_label)
    assert res.payload()["reading"]["differs_from_parse"] == res.differs


def test_simms_street_arvada_co_is_never_silent(engine: sa.Engine) -> None:
    parse = [{"label": "house_number", "value": "6424", "confidence": 0.99},
             {"label": "street", "value": "Simms Street", "confidence": 0.97},
             {"label": "locality", "value": "Arvada", "confidence": 0.98},
             {"label": "country", "value": "CO", "confidence": 0.93}]  # fmt: skip
    with engine.connect() as conn:
        res = geocode(conn, from_parse(parse))
    top = res.results[0]
    assert (top.name, top.region_code, top.country) == ("Arvada", "CO", "US")
    assert res.differs and res.reading.source == "'CO' read as a region"


def test_tagger_alternatives_are_read_when_evidence_is_weak(engine: sa.Engine) -> None:
    """The top path reads "Georgia" as the locality (no such US locality agrees with region TN); the
    tagger's second path (asked for lazily) reads the whole line right."""
    calls: list[int] = []
    top = from_parse([{"label": "locality", "value": "Zzqx", "confidence": 0.6},
                      {"label": "region", "value": "TN", "confidence": 0.9}])  # fmt: skip

    def alternatives() -> dict[str, Any]:
        calls.append(1)
        return {"paths": [
            {"prob": 0.55, "components": [{"label": "locality", "value": "Zzqx"}, {"label": "region", "value": "TN"}]},
            {"prob": 0.45, "components": [{"label": "locality", "value": "Nashville"}, {"label": "region", "value": "TN"}]},
        ]}  # fmt: skip

    with engine.connect() as conn:
        res = geocode(conn, top, alternatives=alternatives)
        strong = geocode(conn, from_parse([{"label": "locality", "value": "Nashville"}, {"label": "region", "value": "TN"}]),
                         alternatives=alternatives)  # fmt: skip
    assert calls == [1], "asked once, for the weak reading only"
    assert res.results[0].name == "Nashville" and res.reading.source == "tagger alternative 2" and res.differs
    assert strong.results[0].name == "Nashville" and not strong.differs


def test_readings_from_model_alternatives_shape() -> None:
    alt = {"paths": [{"prob": 0.8, "components": [{"label": "locality", "value": "Paris"}]},
                     {"prob": 0.2, "components": [{"label": "suburb", "value": "Paris"}, {"label": "venue", "value": "x"}]}]}  # fmt: skip
    rs = from_alternatives(alt)
    assert [r.source for r in rs] == ["top parse", "tagger alternative 2"]
    assert rs[1].probability == pytest.approx(0.25) and rs[1].components == {"suburb": "Paris"}
    too_long = from_parse([{"label": "locality", "value": "x" * 500}, {"label": "region", "value": "CA"}])
    assert too_long.components == {"region": "CA"}  # a span over the component limit is left out, not a 422


def test_without_alternatives_derived_readings_only(engine: sa.Engine) -> None:
    with engine.connect() as conn:
        res = resolve_readings(conn, [Reading({"locality": "Zzyzxq"})])
    assert res.results == [] and res.considered and res.considered[0]["evidence"] == 0.0


def test_known_postcode_read_as_a_country_is_read_as_the_postcode(engine: sa.Engine) -> None:
    # the tagger's top parse of "800 California 116, 95472": the ZIP as a country, the rest as a postcode
    top = Reading({"postcode": "800 California 116", "country": "95472"}, 1.0, {"postcode": 0.44, "country": 0.66})
    with engine.connect() as conn:
        res = resolve_readings(conn, [top])
        assert res.results and res.results[0].name == "Sebastopol" and res.results[0].region_code == "CA"
        assert res.differs and res.reading.components["postcode"] == "95472" and "country" not in res.reading.components
        # a reading whose postcode is known is left alone
        kept = resolve_readings(conn, [Reading({"locality": "Sebastopol", "region": "CA", "postcode": "95472"})])
    assert not kept.differs and kept.results[0].name == "Sebastopol"


def test_a_reading_that_cannot_win_is_not_resolved_but_still_checked(engine: sa.Engine) -> None:
    """Evidence is at most 1: a reading no more probable than the best joint score so far is skipped (not in
    ``considered``), with the same answer; its components are still checked as resolving them would."""
    top = Reading({"locality": "Sacramento", "region": "CA"})
    weak = Reading({"locality": "Toronto", "country": "CA"}, 0.5, source="weak")
    with engine.connect() as conn:
        res = resolve_readings(conn, [top, weak])
        assert res.results[0].name == "Sacramento" and [c["source"] for c in res.considered] == ["top parse"]
        with pytest.raises(ValueError, match="too long"):
            resolve_readings(conn, [top, Reading({"street": "x" * 300}, 0.1)])


# a name the tagger read as a street or a venue, with neither a number nor a locality: the place itself
NAME_AS_PLACE = [
    ("street", "Lees Summit", "MO", "Lee's Summit"),
    ("venue", "City of Industry", "CA", "City Of Industry"),
]


@pytest.mark.parametrize(("label", "value", "region", "name"), NAME_AS_PLACE, ids=[c[1] for c in NAME_AS_PLACE])
def test_street_or_venue_read_as_the_locality(engine: sa.Engine, label: str, value: str, region: str, name: str) -> None:
    comps = {"region": region} | ({label: value} if label == "street" else {})  # a venue is no resolver component
    top = Reading(comps, 1.0, {label: 0.95, "region": 0.99}, spans=((label, value), ("region", region)))
    with engine.connect() as conn:
        res = resolve_readings(conn, [top])
    assert res.results[0].name == name and res.results[0].region_code == region, res.considered
    assert res.differs and res.reading.source == f"{value!r} read as the locality"


# a town the tagger read as a county (which the resolver does not match), with a region: the town there, not the
# region alone; a real county with no town of its name stays the region
COUNTY_AS_PLACE = [
    ("Town of East Grand Forks", "MN", "locality", "East Grand Forks"),
    ("Cook County", "IL", "region", "Illinois"),
]


@pytest.mark.parametrize(("county", "region", "level", "name"), COUNTY_AS_PLACE, ids=[c[0] for c in COUNTY_AS_PLACE])
def test_a_county_is_read_as_the_place(engine: sa.Engine, county: str, region: str, level: str, name: str) -> None:
    top = Reading({"county": county, "region": region}, 1.0, {"county": 0.9, "region": 0.99},
                  spans=(("county", county), ("region", region)))
    with engine.connect() as conn:
        res = resolve_readings(conn, [top])
    assert (res.results[0].level, res.results[0].name, res.results[0].region_code) == (level, name, region), \
        res.considered


def test_a_street_no_place_is_named_after_stays_a_street(engine: sa.Engine) -> None:
    top = Reading({"street": "Main Street", "region": "ME"}, 1.0, {"street": 0.99, "region": 0.99},
                  spans=(("street", "Main Street"), ("region", "ME")))
    with engine.connect() as conn:
        res = resolve_readings(conn, [top])
    assert res.results[0].level == "region" and res.results[0].region_code == "ME", res.considered


def test_an_unknown_region_alone_is_read_as_the_place(engine: sa.Engine) -> None:
    """"Bogotá D.C." (a capital district) tagged as a region that no gazetteer region is named: the place, not []."""
    top = Reading({"region": "Bogotá D.C."}, 1.0, {"region": 0.99}, spans=(("region", "Bogotá D.C."),))
    with engine.connect() as conn:
        res = resolve_readings(conn, [top])
    assert res.results and res.results[0].name == "Bogotá" and res.results[0].country == "CO", res.considered
    assert res.reading.source == "'Bogotá D.C.' read as the locality"


# US territories: the gazetteer files their places in the US under the territory's code, as USPS, the ZIP data and
# OpenAddresses do; a country component naming one reads as that region of the US
TERRITORIES = [
    ({"locality": "Ponce", "region": "PR"}, ("Ponce", "PR")),
    ({"locality": "Ponce", "country": "PR"}, ("Ponce", "PR")),
    ({"locality": "Mayaguez", "country": "Puerto Rico"}, ("Mayagüez", "PR")),
    ({"locality": "San Juan", "region": "PR", "postcode": "00901"}, ("San Juan", "PR")),
    ({"locality": "Hagatna", "region": "GU", "postcode": "96910"}, ("Hagåtña", "GU")),
    ({"locality": "Charlotte Amalie", "region": "VI"}, ("Charlotte Amalie", "VI")),
    ({"locality": "Pago Pago", "region": "AS"}, ("Pago Pago", "AS")),
    ({"region": "Guam"}, ("Guam", "GU")),
]


@pytest.mark.parametrize(("comps", "want"), TERRITORIES, ids=[" ".join(c.values()) for c, _ in TERRITORIES])
def test_us_territories_resolve_as_regions_of_the_us(engine: sa.Engine, comps: dict[str, str],
                                                      want: tuple[str, str]) -> None:
    with engine.connect() as conn:
        res = resolve_readings(conn, [Reading(comps, 1.0, {k: 0.95 for k in comps})])
    assert res.results, res.considered
    top = res.results[0]
    assert (top.name, top.region_code, top.country) == (*want, "US"), res.considered


# "Charlotte Amalie, VI 00802" as the tagger reads it: the name aside (street, suburb, venue) and the region's
# code as the locality; the postcode lies in that region (or there is none), so the name is read as the
# locality there
CODE_AS_LOCALITY = [
    ((("street", "Charlotte Amalie"), ("locality", "VI"), ("postcode", "00802")), ("Charlotte Amalie", "VI")),
    ((("street", "Charlotte Amalie"), ("locality", "VI")), ("Charlotte Amalie", "VI")),
    ((("venue", "University Park"), ("locality", "IL")), ("University Park", "IL")),
    ((("street", "Vesuvius"), ("locality", "VA")), ("Vesuvius", "VA")),
    ((("suburb", "Tamuning"), ("locality", "GU"), ("postcode", "96913")), ("Tamuning", "GU")),
    ((("street", "Lees Summit"), ("locality", "MO"), ("postcode", "64063")), ("Lee's Summit", "MO")),
    ((("venue", "Arvada"), ("locality", "CO"), ("postcode", "80002"), ("country", "USA")), ("Arvada", "CO")),
]


@pytest.mark.parametrize(("spans", "want"), CODE_AS_LOCALITY, ids=[" ".join(v for _, v in s) for s, _ in CODE_AS_LOCALITY])
def test_a_region_code_read_as_the_locality(engine: sa.Engine, spans: tuple[tuple[str, str], ...],
                                                                 want: tuple[str, str]) -> None:
    comps = {k: v for k, v in spans if k != "venue"}
    top = Reading(comps, 1.0, {k: 0.97 for k in comps}, spans=spans)
    with engine.connect() as conn:
        res = resolve_readings(conn, [top])
    assert res.results, res.considered
    assert (res.results[0].name, res.results[0].region_code, res.results[0].country) == (*want, "US"), res.considered
    assert res.differs and res.reading.source == f"{spans[0][1]!r} read as the locality in {spans[1][1]!r}"


NOT_CODE_AS_LOCALITY = {
    "postcode elsewhere": (("street", "Charlotte Amalie"), ("locality", "VI"), ("postcode", "10117")),
    "a number: an address": (("house_number", "12"), ("street", "Main Street"), ("locality", "GU"), ("postcode", "96913")),
    "no postcode, a code of no region": (("suburb", "Centro"), ("locality", "Ii")),
    "a name, not a code": (("street", "Main Street"), ("locality", "Guam"), ("postcode", "96913")),
    "region given": (("street", "Charlotte Amalie"), ("locality", "VI"), ("region", "VI"), ("postcode", "00802")),
    "nothing before the code": (("locality", "VI"), ("postcode", "00802")),
}


@pytest.mark.parametrize("spans", NOT_CODE_AS_LOCALITY.values(), ids=NOT_CODE_AS_LOCALITY.keys())
def test_only_a_region_code_holding_the_postcode_is_read_as_a_region(engine: sa.Engine,
                                                                   spans: tuple[tuple[str, str], ...]) -> None:
    top = Reading(dict(spans), 1.0, {}, spans=spans)
    with engine.connect() as conn:
        assert code_read_as_locality(conn, top) is None


# the same components come again at a higher probability (a derived reading repeats a weaker tagger path): the
# second is scored at its own probability, whether the first was skipped as too improbable or scored already
REPEATED = {"first skipped": 0.2, "first scored": 0.25}


@pytest.mark.parametrize("p_first", REPEATED.values(), ids=REPEATED.keys())
def test_a_reading_repeated_at_a_higher_probability_is_scored_at_it(engine: sa.Engine, p_first: float) -> None:
    place = {"locality": "Watkins", "region": "IA"}
    readings = [Reading({"street": "Watkins", "region": "IA"}, 1.0, {}, spans=(("street", "Watkins"), ("region", "IA"))),
                Reading(place, p_first, {}, "tagger alternative 2"),
                Reading(place, 0.9, {}, "tagger alternative 3")]
    with engine.connect() as conn:
        res = resolve_readings(conn, readings)
    top = res.results[0]
    assert (top.name, top.region_code, top.country, top.level) == ("Watkins", "IA", "US", "locality"), res.considered
    assert res.reading.source == "tagger alternative 3", res.considered


# "Canton CT" read as a street (CT: Court) and "City of Tupper Lake NY" cut into venue + locality: the readings
# of the place in its region, and of the whole name as the locality, are tried and the gazetteer decides
SPLIT_OR_JOINED = [
    ((("street", "Canton CT"),), ("Canton", "CT"), "'Canton' read as the locality in 'CT'"),
    ((("street", "Westbrook CT"),), ("Westbrook", "CT"), "'Westbrook' read as the locality in 'CT'"),
    ((("venue", "City of Tupper"), ("locality", "Lake"), ("region", "NY")), ("Tupper Lake", "NY"),
     "'City of Tupper Lake' read as the locality"),
    ((("venue", "City of Wesley"), ("locality", "Chapel"), ("region", "FL")), ("Wesley Chapel", "FL"),
     "'City of Wesley Chapel' read as the locality"),
]


@pytest.mark.parametrize(("spans", "want", "source"), SPLIT_OR_JOINED, ids=[" ".join(v for _, v in s) for s, _, _ in SPLIT_OR_JOINED])
def test_a_name_with_its_code_or_cut_in_two_is_read_as_the_place(engine: sa.Engine, spans: tuple[tuple[str, str], ...],
                                                                want: tuple[str, str], source: str) -> None:
    comps = {k: v for k, v in spans if k != "venue"}
    top = Reading(comps, 1.0, {k: 0.6 for k in comps}, spans=spans)
    with engine.connect() as conn:
        res = resolve_readings(conn, [top])
    assert (res.results[0].name, res.results[0].region_code, res.results[0].country) == (*want, "US"), res.considered
    assert res.reading.source == source, res.considered


def test_a_name_cut_in_two_has_no_number_and_comes_first() -> None:
    from resolver.readings import _cut_locality

    assert _cut_locality(Reading({"street": "Main St", "locality": "Lake"},
                                 spans=(("house_number", "12"), ("street", "Main St"), ("locality", "Lake")))) is None
    assert _cut_locality(Reading({"locality": "Lake"}, spans=(("locality", "Lake"), ("street", "Main St")))) is None
