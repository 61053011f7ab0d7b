"""Names abroad as the tagger read them: a town read as a county (the resolver matches no county), a county that
names a region, a city written with its postal district ("Dublin 8", "Budapest VI"), an overseas territory that is
a country of the gazetteer and a region of France (ISO 3166-2 FR-RE), and a country written in its own language.
One test per case, over parse-shaped input as the tagger gave it; the gazetteer is the session's US gazetteer plus
the places of the countries below (the distractors included: South Dublin, IE; Saint-Denis, Île-de-France)."""

from __future__ import annotations

import pytest
import sqlalchemy as sa

from resolver.readings import _postal_district, from_parse, geocode
from tests.resolver_checks import gazetteer_plus_fixture

COUNTRIES = ["AL", "IE", "HU", "CZ", "CN", "AT", "FR", "RE", "MQ", "GP", "GF", "PH", "IL", "BE", "JP"]

# (parsed spans as (label, value), the place wanted, its country, its region or None for any)
CASES = [
    # a town read as a county, with no locality
    ([("street", "Rruga e Durrësit"), ("house_number", "5"), ("county", "Tiranë"), ("country", "Albania")],
     "Tirana", "AL", None),
    ([("street", "Bulevardi Zogu I"), ("county", "Tiranë")], "Tirana", "AL", None),
    # a county that names a region: the place in that region, not the bigger one of its name elsewhere
    ([("suburb", "Suzhou"), ("county", "Anhui")], "Suzhou", "CN", "Anhui"),
    ([("locality", "Suzhou"), ("county", "Jiangsu")], "Suzhou", "CN", "Jiangsu"),
    # a city read as the county of its ward, the ward unknown in that region (Tokyo's Kita is the one the gazetteer has)
    ([("region", "大阪府"), ("county", "大阪市"), ("locality", "北区"), ("street", "梅田"), ("house_number", "3-1-1")],
     "Osaka", "JP", "Osaka"),
    ([("region", "東京都"), ("locality", "北区"), ("street", "王子"), ("house_number", "1-1-1")], "Kita", "JP", "Tokyo"),
    # a city and its postal district
    ([("house_number", "12"), ("street", "O'Connell Street"), ("locality", "Dublin 1"), ("postcode", "D01 T3K8"),
      ("country", "Ireland")], "Dublin", "IE", None),
    ([("street", "Grafton Street"), ("locality", "Dublin 2")], "Dublin", "IE", None),
    ([("street", "Andrássy út"), ("house_number", "22"), ("locality", "Budapest VI")], "Budapest", "HU", None),
    ([("street", "Mariahilfer Straße"), ("house_number", "77"), ("locality", "Wien 6")], "Vienna", "AT", None),
    # a territory that is a country of the gazetteer, read as a region: the place there, not its namesake in France
    ([("locality", "Saint-Denis"), ("region", "Réunion")], "Saint-Denis", "RE", None),
    ([("locality", "Saint-Pierre"), ("region", "Martinique")], "Saint-Pierre", "MQ", None),
    ([("locality", "Sainte-Anne"), ("region", "Guadeloupe")], "Sainte-Anne", "GP", None),
    ([("locality", "Saint-Denis"), ("region", "Île-de-France")], "Saint-Denis", "FR", None),
    ([("locality", "Saint-Denis"), ("region", "La Réunion")], "Saint-Denis", "RE", None),
    ([("locality", "Kourou"), ("country", "Guyane")], "Kourou", "GF", None),
    # a country named in its own language (pycountry's translations, ``resolver.loader.ENDONYM_LANGS``)
    ([("locality", "Victoria"), ("country", "Pilipinas")], "Victoria", "PH", None),
    ([("locality", "San Jose"), ("country", "Pilipinas")], "San Jose", "PH", None),
    ([("locality", "Nazareth"), ("country", "ישראל")], "Nazareth", "IL", None),
]  # fmt: skip


engine = gazetteer_plus_fixture(COUNTRIES, "districts")


@pytest.mark.parametrize(("spans", "name", "country", "region"), CASES,
                         ids=[", ".join(v for _, v in c[0]) for c in CASES])
def test_reading(engine: sa.Engine, spans: list[tuple[str, str]], name: str, country: str, region: str | None) -> None:
    reading = from_parse([{"label": label, "value": value, "confidence": 0.8} for label, value in spans])
    with engine.connect() as conn:
        res = geocode(conn, reading)
    assert res.results, res.considered
    top = res.results[0]
    assert (top.name, top.country) == (name, country), res.considered
    if region is not None:
        assert top.region == region, res.considered


@pytest.mark.parametrize(("name", "head"), [
    ("Dublin 8", "Dublin"), ("Praha 4", "Praha"), ("Lyon 3e", "Lyon"), ("Paris 1er", "Paris"), ("Budapest XI", "Budapest"),
    ("Wien 10.", "Wien"), ("Berlin-Mitte", None), ("Dublin", None), ("12", None), ("Route 100", None), (None, None),
])  # fmt: skip
def test_postal_district(name: str | None, head: str | None) -> None:
    assert _postal_district(name) == head
