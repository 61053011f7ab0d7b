"""Names abroad as the tagger read them: a town read as a county (the resolver matches no county), a county that
names a region, a city written with its postal district ("Dublin 8", "Budapest VI") or a qualifier ("Jakarta
Pusat"), an overseas territory that is a country of the gazetteer and a region of France (ISO 3166-2 FR-RE), a
country written in its own language, a place's name the tagger cut in two, "district/city", a part of a big city
the gazetteer lacks, a lone name of a region and of a town, and the last resort when no reading has a result.
One test per case, over parse-shaped input as the tagger gave it; the gazetteer is the session's US gazetteer plus
the places of the countries below (the distractors included: South Dublin, IE; Saint-Denis, Île-de-France)."""

from __future__ import annotations

from typing import Any

import pytest
import sqlalchemy as sa

from resolver.aliases import civil_core, region_core
from resolver.names import latin_accented, normalize_name
from resolver.readings import Reading, _glued, from_parse, geocode
from resolver.subdivisions import subdivision_region_keys
from tests.resolver_checks import gazetteer_plus_fixture

COUNTRIES = ["AL", "IE", "HU", "CZ", "CN", "AT", "FR", "RE", "MQ", "GP", "GF", "PH", "IL", "BE", "JP", "SD", "TR", "AR",
             "IN", "ID", "DE", "IT", "ES", "MX", "SA", "RO", "VE", "CL", "DO", "EC", "CA", "NL", "AU", "BR"]

# (parsed spans as (label, value), the place wanted, its country, its region or None for any)
CASES = [
    # a town read as a county, with no locality
    ([("street", "Rruga e Durrësit"), ("house_number", "5"), ("county", "Tiranë"), ("country", "Albania")],
     "Tirana", "AL", None),
    ([("street", "Bulevardi Zogu I"), ("county", "Tiranë")], "Tirana", "AL", None),
    # a county that names a region: the place in that region, not the bigger one of its name elsewhere
    ([("suburb", "Suzhou"), ("county", "Anhui")], "Suzhou", "CN", "Anhui"),
    ([("locality", "Suzhou"), ("county", "Jiangsu")], "Suzhou", "CN", "Jiangsu"),
    # an Irish county with its word, read as a county: it names a subdivision of Ireland (Killarney, BC is bigger)
    ([("locality", "Killarney"), ("county", "Co. Kerry")], "Killarney", "IE", None),
    ([("street", "Main Street"), ("locality", "Westport"), ("county", "Co. Mayo")], "Westport", "IE", None),
    # a city read as the county of its ward, the ward unknown in that region (Tokyo's Kita is the one the gazetteer has)
    ([("region", "大阪府"), ("county", "大阪市"), ("locality", "北区"), ("street", "梅田"), ("house_number", "3-1-1")],
     "Osaka", "JP", "Osaka"),
    ([("region", "東京都"), ("locality", "北区"), ("street", "王子"), ("house_number", "1-1-1")], "Kita", "JP", "Tokyo"),
    # a big city written in its own language read as the region of its ward: no region has the name, so the city
    # (its ward unknown there), not the ward of that name in another region of the country
    ([("region", "大阪市"), ("locality", "北区"), ("street", "梅田"), ("house_number", "3-1-1")], "Osaka", "JP", "Osaka"),
    ([("locality", "北区"), ("region", "大阪市")], "Osaka", "JP", "Osaka"),
    ([("postcode", "大阪府"), ("region", "大阪市"), ("locality", "北区"), ("street", "梅田"), ("house_number", "3-1-1")],
     "Osaka", "JP", "Osaka"),
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
    # a district and its city parted by a slash (Turkish addresses), each tried as the place
    ([("street", "İstiklal Caddesi"), ("house_number", "No:10"), ("postcode", "34430"), ("locality", "Beyoğlu/İstanbul")],
     "Istanbul", "TR", None),
    ([("street", "Moda Caddesi"), ("house_number", "5"), ("locality", "Kadıköy/İstanbul")], "Kadıköy", "TR", "İstanbul"),
    # a part of a big city the gazetteer lacks, named like places elsewhere, with the city as region or county
    ([("locality", "Palermo"), ("region", "Buenos Aires")], "Buenos Aires", "AR", None),
    ([("locality", "Palermo"), ("region", "Sicilia")], "Palermo", "IT", None),
    ([("locality", "Bandra"), ("county", "Mumbai")], "Mumbai", "IN", None),
    ([("suburb", "Le Marais"), ("locality", "Paris")], "Paris", "FR", None),  # Paris names a department too (FR-75)
    ([("suburb", "Kadıköy"), ("locality", "İstanbul")], "Kadıköy", "TR", "İstanbul"),  # a place the gazetteer has
    ([("locality", "Recoleta"), ("region", "Buenos Aires")], "Buenos Aires", "AR", None),  # a name no place has
    # a name that only a far place of the city's region once had (Bethpage, NY was Central Park): still a part
    ([("venue", "Central Park"), ("locality", "New York")], "New York", "US", "New York"),
    ([("locality", "Yonkers"), ("region", "New York")], "Yonkers", "US", "New York"),  # a place by its own name
    # a part of a city that is a region of its own, named like places elsewhere in its country: the city, by any of
    # its names; a place of the city's region, or of a region named like it, stays the place
    ([("suburb", "Chaoyang"), ("locality", "Beijing")], "Beijing", "CN", None),  # not the Chaoyang of Liaoning
    ([("suburb", "Vinohrady"), ("locality", "Praha")], "Prague", "CZ", None),  # not the Moravian village
    ([("suburb", "Haidian"), ("locality", "Beijing")], "Haidian", "CN", None),
    ([("locality", "Mar del Plata"), ("region", "Buenos Aires")], "Mar del Plata", "AR", None),  # the province's town
    # a big city read as a region no gazetteer region is named, after a part of it
    ([("street", "Kebayoran"), ("locality", "Baru"), ("region", "Jakarta Selatan")], "Jakarta", "ID", None),
    ([("street", "Malasaña"), ("region", "Madrid")], "Madrid", "ES", None),  # not Almazán by a near name
    # a city and its region read as a suburb and a locality: the city in that region, not a village of the region's name
    ([("street", "Paseo de Montejo"), ("house_number", "480"), ("suburb", "Mérida"), ("locality", "Yucatán")],
     "Mérida", "MX", "Yucatán"),
    ([("suburb", "Kreuzberg"), ("locality", "Berlin")], "Kreuzberg", "DE", "Berlin"),
    # an Irish county, a second-level subdivision (IE-KY), with its kind's word
    ([("locality", "Killarney"), ("region", "Co. Kerry")], "Killarney", "IE", None),
    # a city with a qualifier after its name: a part of it, a postal one
    ([("street", "Jalan Sudirman"), ("house_number", "5"), ("locality", "Jakarta Pusat"), ("country", "Indonesia")],
     "Jakarta", "ID", None),
    ([("house_number", "55"), ("street", "Rue du Faubourg Saint-Honoré"), ("postcode", "75008"),
      ("locality", "PARIS CEDEX 08")], "Paris", "FR", None),
    ([("street", "Toulouse Cedex"), ("house_number", "9")], "Toulouse", "FR", None),  # read as a street and its number
    # a two-letter region that is a country's code and a US state's: the country's place when the state has none
    ([("locality", "Córdoba"), ("region", "AR")], "Córdoba", "AR", None),
    ([("locality", "Berlin"), ("region", "DE")], "Berlin", "DE", None),
    ([("locality", "Dover"), ("region", "DE")], "Dover", "US", "Delaware"),
    # a town named like a country, beside its region and ZIP
    ([("house_number", "379"), ("street", "jones village"), ("country", "mexico"), ("region", "mo"),
      ("postcode", "65265")], "Mexico", "US", "Missouri"),
    ([("house_number", "12"), ("street", "Main St"), ("country", "Canada")], "Canada", "CA", None),  # the country
    # a region's name cut in two: the region (and the suburb before it the locality)
    ([("street", "Ayala Avenue"), ("suburb", "Makati City"), ("locality", "Metro"), ("county", "Manila")],
     "Makati City", "PH", "Metro Manila"),
    # a lone name of a region and of a town elsewhere at most a twentieth its size: the region; a city-state: the city
    ([("locality", "Bavaria")], "Bayern", "DE", None),
    ([("locality", "Sicily")], "Sicilia", "IT", None),
    ([("locality", "Flanders")], "Vlaanderen", "BE", None),
    ([("locality", "Salzburg")], "Salzburg", "AT", None),
    ([("region", "Wien")], "Vienna", "AT", None),
    ([("venue", "City of Brentwood"), ("region", "NY")], "Brentwood", "US", "New York"),  # no lone region: the town
    ([("region", "Bayern")], "Bayern", "DE", None),
    # a region named with its kind's word ("Province", "Prefecture", "megye"), the name inside it looked up
    ([("street", "Hokkaido Prefecture")], "Hokkaido", "JP", None),
    ([("locality", "Wuhan"), ("region", "Hubei Province")], "Wuhan", "CN", "Hubei"),
    ([("locality", "Vác"), ("region", "Pest megye")], "Vác", "HU", "Pest vármegye"),
    # no reading has a result: each name alone as the locality, and each division of a Japanese one
    ([("locality", "شارع الملك فهد"), ("region", "الرياض")], "Riyadh", "SA", None),
    ([("locality", "شارع الملك فهد"), ("country", "الرياض")], "Riyadh", "SA", None),  # a city read as a country
    ([("street", "Via Roma"), ("locality", "Alghero"), ("country", "Sardinnia")], "Alghero", "IT", None),
    ([("locality", "横浜市西区"), ("street", "みなとみらい"), ("postcode", "2-2-1")], "Yokohama", "JP", None),
    ([("street", "Calle Falsa Inexistente"), ("house_number", "12"), ("venue", "Zaragoza")], "Zaragoza", "ES", None),
    ([("street", "Hessen"), ("locality", "Frankfurt-Sachsenhausen")], "Frankfurt am Main", "DE", None),
    # a part of a city the gazetteer lacks, only near by a typo to places outside its region: the city the region
    # names too (by its Spanish name), not "La Montesa", Zacatecas; a typo inside the region is still the place
    ([("locality", "Condesa"), ("region", "Ciudad de México")], "Mexico City", "MX", None),
    ([("locality", "Guadalajra"), ("region", "Jalisco")], "Guadalajara", "MX", "Jalisco"),
    # a district before a big city the tagger read as a region no gazetteer region is named (Santiago is also a
    # province of the Dominican Republic): the district in that city, not its namesakes in Mexico or Ecuador
    ([("street", "Av. Providencia"), ("house_number", "2124"), ("suburb", "Providencia"), ("region", "Santiago")],
     "Providencia", "CL", None),
    ([("locality", "Providencia"), ("region", "Santiago")], "Providencia", "CL", None),
    # a name spelled with its diacritics: the place that bears that spelling before a bigger one of the same letters
    ([("locality", "València")], "Valencia", "ES", None),
    ([("locality", "València"), ("country", "España")], "Valencia", "ES", None),
    # a region's name read as the locality, after a street and number or alone, with its country: the region, not a
    # village of its name in the same country, a town abroad or a place near it by a typo; a city stays the city
    ([("street", "Av Juárez"), ("house_number", "10"), ("locality", "Jalisco"), ("country", "Mexico")],
     "Jalisco", "MX", "Jalisco"),
    ([("locality", "Yucatán"), ("country", "México")], "Yucatán", "MX", "Yucatán"),
    ([("street", "Calle Sol"), ("house_number", "3"), ("locality", "Andalucía"), ("country", "España")],
     "Andalucía", "ES", None),
    ([("street", "Main Street"), ("house_number", "4"), ("locality", "Bavaria"), ("country", "Germany")],
     "Bayern", "DE", None),
    ([("street", "Via Garibaldi"), ("house_number", "3"), ("locality", "Toscana"), ("country", "Italia")],
     "Toscana", "IT", None),
    ([("street", "Gran Vía"), ("house_number", "1"), ("locality", "Madrid"), ("country", "España")], "Madrid", "ES", None),
    ([("street", "Avenida 9 de Julio"), ("house_number", "100"), ("locality", "Mendoza"), ("country", "Argentina")],
     "Mendoza", "AR", None),
    # a name with its country, found only abroad: the country first, not a namesake elsewhere; a country that is also a
    # region is still read as the region
    ([("locality", "Toledo"), ("country", "Italia")], "Italy", "IT", None),
    ([("street", "Via Roma"), ("house_number", "1"), ("locality", "Toledo"), ("country", "Italia")], "Italy", "IT", None),
    ([("locality", "Athens"), ("country", "Georgia")], "Athens", "US", "Georgia"),
    # a Chinese or Japanese city and its ward read as one locality, beside a region that matched
    ([("region", "神奈川県"), ("locality", "横浜市西区")], "Yokohama", "JP", None),
    # a town with its province in brackets read as one locality: the town in that province, not a last resort
    ([("street", "Calle Real"), ("house_number", "5"), ("postcode", "15003 A"), ("locality", "Coruña (A Coruña)")],
     "A Coruña", "ES", None),
    ([("locality", "Mérida (Yucatán)")], "Mérida", "MX", "Yucatán"),
    # a Chinese city written without 市 before its district, nothing else matched: the city, from the first characters
    ([("locality", "北京朝阳区"), ("street", "建国路"), ("house_number", "88号")], "Beijing", "CN", None),
    ([("locality", "广州天河区"), ("street", "天河路"), ("house_number", "208号")], "Guangzhou", "CN", None),
    # a region's name alone with a typo, which no place bears as written: the region, not a town by a near name
    ([("locality", "Conneticut")], "Connecticut", "US", None),
    ([("locality", "Massachusets")], "Massachusetts", "US", None),
    ([("locality", "Bostn")], "Boston", "US", None),  # a town's typo stays the town
    # a subdivision's code read as a country (IN-MH, Maharashtra; MH is also the Marshall Islands' code)
    ([("locality", "Pune"), ("country", "MH")], "Pune", "IN", None),
    ([("locality", "Mumbai"), ("country", "MH")], "Mumbai", "IN", None),
    # one name, exactly a country's in some language, read as a town or a street: the country, not a namesake town
    # of another country (China, Nuevo León) nor a near name; a town in the country it names stays the town
    ([("locality", "China")], "China", "CN", None),
    ([("locality", "Türkiye")], "Turkey", "TR", None),
    ([("street", "Deutschland")], "Germany", "DE", None),
    ([("locality", "Mexico")], "Mexico City", "MX", None),
    # a city read as the country beside its region, the country naming none: the city, not the region alone
    ([("region", "北海道"), ("country", "札幌市")], "Sapporo", "JP", None),
    # a part of a big city the gazetteer lacks, with the city's country after the city that is also a region: the
    # city; a name found only abroad before a region of the written country: that region, not the country
    ([("locality", "Palermo"), ("region", "Buenos Aires"), ("country", "Argentina")], "Buenos Aires", "AR", None),
    ([("locality", "Recoleta"), ("region", "Buenos Aires"), ("country", "Argentina")], "Buenos Aires", "AR", None),
    ([("locality", "Toledo"), ("region", "Toscana"), ("country", "Italia")], "Toscana", "IT", None),
    # a place and its region's abbreviation with a full stop, read as one street
    ([("street", "Mérida Yuc.")], "Mérida", "MX", "Yucatán"),
    # a landmark named after its big city, read as a street, a venue or a locality: the city; a place that bears
    # the whole name stays that place
    ([("street", "Sydney Opera House")], "Sydney", "AU", None),
    ([("venue", "Tokyo Tower")], "Tokyo", "JP", None),
    ([("locality", "New York Mills")], "New York Mills", "US", None),
    # a city and its state's code parted by a slash, read as one street: the city in that state
    ([("street", "Belo Horizonte/MG")], "Belo Horizonte", "BR", "Minas Gerais"),
    # a province and its city read as a postcode (no digit in it), nothing else matched: the city
    ([("postcode", "浙江省杭州市"), ("locality", "西湖区"), ("street", "文三路"), ("house_number", "90号")],
     "Hangzhou", "CN", None),
    # a postcode in one country's form that the tagger cut in two: that country's place
    ([("suburb", "Leiden"), ("postcode", "2311"), ("locality", "EZ")], "Leiden", "NL", None),
    ([("postcode", "2311"), ("suburb", "EZ"), ("locality", "Leiden")], "Leiden", "NL", None),
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
    ("Wien 10.", "Wien"), ("Jakarta Pusat", "Jakarta"), ("Paris Cedex 08", "Paris"), ("Berlin-Mitte", None), ("Dublin", None), ("12", None), ("Route 100", None), ("", None),
])  # fmt: skip
def test_postal_district(name: str, head: str | None) -> None:
    # the city of a postal district is the name inside it, as "Brick" is inside "Brick Township" (``civil_core``)
    assert civil_core(normalize_name(name)) == (normalize_name(head) if head else None)


@pytest.mark.parametrize(("name", "core"), [
    ("Hubei Province", "Hubei"), ("Hokkaido Prefecture", "Hokkaido"), ("Pest megye", "Pest"), ("Estado de Jalisco",
    "Jalisco"), ("New York State", "New York"), ("Co. Kerry", "Kerry"), ("County Cork", "Cork"), ("Washington County", None), ("Lviv", None), ("Province", None),
])  # fmt: skip
def test_region_kind_words(name: str, core: str | None) -> None:
    # looked up only when the whole name names no region ("Lviv Oblast" is one)
    assert region_core(normalize_name(name)) == (normalize_name(core) if core else None)


@pytest.mark.parametrize(("components", "name", "country"), [
    ({"locality": "Palermo", "region": "Buenos Aires"}, "Buenos Aires", "AR"),
    ({"locality": "Palermo", "region": "Sicilia"}, "Palermo", "IT"),
])  # fmt: skip
def test_given_components(engine: sa.Engine, components: dict[str, str], name: str, country: str) -> None:
    # components given by the client (``/v1/search/structured``, ``/resolve`` components): no spans, same readings
    with engine.connect() as conn:
        res = geocode(conn, Reading(components, source="components"))
    assert (res.results[0].name, res.results[0].country) == (name, country), res.considered


@pytest.mark.parametrize(("code", "country", "region"), [
    ("NA", "IT", "campania"), ("RM", "IT", "lazio"), ("AR", "ES", "aragon"), ("AN", "ES", "andalucia"), ("ZZ", "IT", None),
])  # fmt: skip
def test_subdivision_region(code: str, country: str, region: str | None) -> None:
    # the top-level subdivision a code's subdivision lies in: "Napoli NA" is in Campania, "Córdoba, AR" not in Aragón
    keys = subdivision_region_keys(code, country)
    assert (region in keys) if region else not keys


def _parsed(text: str, spans: list[tuple[str, str]]) -> list[dict[str, Any]]:
    """Components of ``text`` as the tagger gives them: each value found in order, with its offsets."""
    out, at = [], 0
    for label, value in spans:
        start = text.index(value, at)
        at = start + len(value)
        out.append({"label": label, "value": value, "start": start, "end": at, "confidence": 0.8})
    return out


# (text, its parse, the place wanted, its country): a place's name cut in two is read as one name when only spaces
# part its pieces and the whole is exactly a place's name; otherwise the pieces stand
JOINED = [
    ("Bagong Silang", [("suburb", "Bagong"), ("locality", "Silang")], "Bagong Silang", "PH"),
    ("Port Sudan", [("locality", "Port"), ("country", "Sudan")], "Port Sudan", "SD"),
    ("Paris France", [("locality", "Paris"), ("country", "France")], "Paris", "FR"),  # no place "Paris France"
    ("Silang, Bagong", [("locality", "Silang"), ("suburb", "Bagong")], "Silang", "PH"),  # a comma parts them
    # the second word read as a country no country is named: the constraint counts as unmet, the whole name wins
    ("Guidonia Montecelio", [("locality", "Guidonia"), ("country", "Montecelio")], "Guidonia Montecelio", "IT"),
]  # fmt: skip


@pytest.mark.parametrize(("text", "spans", "name", "country"), JOINED, ids=[c[0] for c in JOINED])
def test_a_name_cut_in_two(engine: sa.Engine, text: str, spans: list[tuple[str, str]], name: str, country: str) -> None:
    reading = from_parse(_parsed(text, spans), text=text)
    with engine.connect() as conn:
        res = geocode(conn, reading)
    assert (res.results[0].name, res.results[0].country) == (name, country), res.considered


@pytest.mark.parametrize(("text", "spans", "joined"), [
    ("Nizhniy Novgorod", [("suburb", "Nizhniy"), ("locality", "Novgorod")], "Nizhniy Novgorod"),
    (" Port Sudan.", [("locality", "Port"), ("country", "Sudan")], "Port Sudan"),
    ("Kazan, Tatarstan", [("locality", "Kazan"), ("region", "Tatarstan")], None),
    ("12 Main Street", [("house_number", "12"), ("street", "Main Street")], None),
    ("Berlin", [("locality", "Berlin")], None),
    ("A B C D", [("venue", "A"), ("street", "B"), ("suburb", "C"), ("locality", "D")], None),
])  # fmt: skip
def test_glued(text: str, spans: list[tuple[str, str]], joined: str | None) -> None:
    assert _glued(_parsed(text, spans), text) == joined
    assert _glued(_parsed(text, spans), None) is None


@pytest.mark.parametrize(("name", "accented"), [
    ("València", True), ("Kraków", True), ("Zürich", True), ("Valencia", False), ("Ørsted", False), ("Москва", False),
    ("北京", False), ("", False),
])  # fmt: skip
def test_latin_accented(name: str, accented: bool) -> None:
    # the spellings the gazetteer keeps beside their plain form (one name row each; ``resolver.loader``)
    assert latin_accented(name) is accented


@pytest.mark.parametrize(
    ("name", "key"),
    [
        ("N.Y.", "ny"),  # letters with full stops between them: the code they abbreviate
        ("R.I.", "ri"),
        ("N.S.W.", "nsw"),
        ("D.C.", "dc"),
        ("W.Va.", "w va"),  # not letters alone: words as usual
        ("N Y", "n y"),  # no full stop: two words
        ("St.-Louis", "st louis"),
    ],
)
def test_normalize_name_joins_dotted_letters(name: str, key: str) -> None:
    assert normalize_name(name) == key
