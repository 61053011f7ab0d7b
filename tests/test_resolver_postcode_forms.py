"""A postcode abroad names its country by its form (``resolver.postcode_forms``): the gazetteer holds US ZIP codes
only, so "Richmond TW9 1AA" must not be Richmond, Virginia, nor a lone "SW1A 1AA" an empty answer. One test per case:
the forms (each country's own, and forms that name none), then readings over parse-shaped input as the tagger gave
it; the gazetteer is the session's US gazetteer plus the places of the countries below (the distractors included:
Kingston, Jamaica; Victoria, Hong Kong; Perth, Australia; Halifax, Canada)."""

from __future__ import annotations

import pytest
import sqlalchemy as sa

from resolver.postcode_forms import postcode_country
from resolver.readings import from_parse, geocode
from tests.resolver_checks import gazetteer_plus_fixture

FORMS = [
    ("SW1A 1AA", "GB"), ("tw9 1aa", "GB"), ("EC1A1BB", "GB"), ("PE21 6NT", "GB"), ("M1 1AE", "GB"),
    ("K7L 1A1", "CA"), ("h3b1k9", "CA"), ("V8W 1P6", "CA"),
    ("1017 GC", "NL"), ("2311EZ", "NL"),
    ("00-026", "PL"), ("4050-262", "PT"), ("150-0002", "JP"), ("〒150-0002", "JP"), ("01310-200", "BR"),
    ("C1043AAQ", "AR"), ("D02 VK65", "IE"), ("A65 F4E2", "IE"),
    # forms several countries share, or a US ZIP: no country
    ("94107", None), ("94107-1234", None), ("10117", None), ("111 21", None), ("1000", None), ("", None),
    ("1234 SS", None),  # not a Dutch postcode (SA, SD and SS are not given out)
]  # fmt: skip


@pytest.mark.parametrize(("code", "country"), FORMS, ids=[c or "empty" for c, _ in FORMS])
def test_postcode_form(code: str, country: str | None) -> None:
    assert postcode_country(code) == country


COUNTRIES = ["GB", "CA", "JM", "HK", "AU", "PT", "NL", "IE"]

# (parsed spans as (label, value), the place wanted, its country, the match level)
CASES = [
    ([("locality", "Richmond"), ("postcode", "TW9 1AA")], "Richmond", "GB", "locality"),
    ([("locality", "Boston"), ("postcode", "PE21 6NT")], "Boston", "GB", "locality"),
    ([("locality", "Perth"), ("postcode", "PH1 5PH")], "Perth", "GB", "locality"),
    ([("locality", "Halifax"), ("postcode", "HX1 1AA")], "Halifax", "GB", "locality"),
    ([("locality", "Halifax"), ("postcode", "B3H 1A1")], "Halifax", "CA", "locality"),
    ([("locality", "Kingston"), ("postcode", "K7L 1A1")], "Kingston", "CA", "locality"),
    ([("locality", "Victoria"), ("postcode", "V8W 1P6")], "Victoria", "CA", "locality"),
    ([("street", "Rua das Flores"), ("house_number", "45"), ("postcode", "4050-262"), ("locality", "Porto")],
     "Porto", "PT", "locality"),
    # a postcode alone: its country, not an empty answer
    ([("postcode", "SW1A 1AA")], "United Kingdom", "GB", "country"),
    ([("postcode", "M5V 3L9")], "Canada", "CA", "country"),
    # a US ZIP keeps its place, and a country the text names stays the reading's
    ([("locality", "Richmond"), ("region", "VA"), ("postcode", "23219")], "Richmond", "US", "locality"),
    ([("locality", "Kingston"), ("postcode", "K7L 1A1"), ("country", "Jamaica")], "Kingston", "JM", "locality"),
]  # fmt: skip

engine = gazetteer_plus_fixture(COUNTRIES, "postcode_forms")


@pytest.mark.parametrize(("spans", "name", "country", "level"), CASES,
                         ids=[", ".join(v for _, v in c[0]) for c in CASES])
def test_reading(engine: sa.Engine, spans: list[tuple[str, str]], name: str, country: str, level: str) -> None:
    reading = from_parse([{"label": label, "value": value, "confidence": 0.9} for label, value in spans])
    with engine.connect() as conn:
        res = geocode(conn, reading)
    assert res.results, res.considered
    top = res.results[0]
    assert (top.name, top.country, top.level) == (name, country, level), res.considered
