"""Place queries abroad as text ("Firenze, Toscana"): the tagger's parse + resolver.readings.geocode on the
local gazetteer, with and without the place-query readings (``place_query``, ``region_elsewhere``, ``first_name_aside``).

    .venv/bin/python results/experiments/place_query/probe.py   # -> results/experiments/place_query/probe.json

The queries were written by hand for this probe (a city in its own language and its region's name); some of
them were used while building the feature, so this is a check, not a held-out measure.
"""

from __future__ import annotations

import json
from pathlib import Path

from addrnet.settings import get_settings
from bench.common import write_result
from model.tagger import Tagger
from resolver import readings
from resolver.db import make_engine

# (query, wanted place name as GeoNames spells it, country)
QUERIES = [
    ("Firenze, Toscana", "Florence", "IT"), ("Napoli, Campania", "Naples", "IT"), ("Bologna, Emilia-Romagna", "Bologna", "IT"),
    ("Torino, Piemonte", "Turin", "IT"), ("Palermo, Sicilia", "Palermo", "IT"), ("Valencia, Comunidad Valenciana", "Valencia", "ES"),
    ("Sevilla, Andalucía", "Sevilla", "ES"), ("Córdoba, Andalucía", "Córdoba", "ES"), ("Mérida, Extremadura", "Mérida", "ES"),
    ("Toledo, Castilla-La Mancha", "Toledo", "ES"), ("León, Castilla y León", "León", "ES"), ("Zaragoza, Aragón", "Zaragoza", "ES"),
    ("Malmö, Skåne", "Malmö", "SE"), ("Lund, Skåne", "Lund", "SE"), ("Göteborg, Västra Götaland", "Gothenburg", "SE"),
    ("Wrocław, dolnośląskie", "Wrocław", "PL"), ("Gdańsk, pomorskie", "Gdańsk", "PL"), ("Graz, Steiermark", "Graz", "AT"),
    ("Innsbruck, Tirol", "Innsbruck", "AT"), ("Gent, Oost-Vlaanderen", "Gent", "BE"), ("Utrecht, Utrecht", "Utrecht", "NL"),
    ("Brno, Jihomoravský kraj", "Brno", "CZ"), ("Turku, Varsinais-Suomi", "Turku", "FI"), ("Aarhus, Midtjylland", "Århus", "DK"),
    ("Cluj-Napoca, Cluj", "Cluj-Napoca", "RO"), ("Debrecen, Hajdú-Bihar", "Debrecen", "HU"), ("Porto, Norte", "Porto", "PT"),
    ("Guadalajara, Jalisco", "Guadalajara", "MX"), ("Monterrey, Nuevo León", "Monterrey", "MX"), ("Rosario, Santa Fe", "Rosario", "AR"),
    ("Medellín, Antioquia", "Medellín", "CO"), ("Valencia, Carabobo", "Valencia", "VE"), ("Hamilton, Waikato", "Hamilton", "NZ"),
    ("Sapporo, Hokkaido", "Sapporo", "JP"), ("Curitiba, Paraná", "Curitiba", "BR"), ("Lyon, Auvergne-Rhône-Alpes", "Lyon", "FR"),
    ("Springfield, Illinois", "Springfield", "US"), ("Paris, Texas", "Paris", "US"), ("Toledo, Ohio", "Toledo", "US"),
    ("Cambridge, Ontario", "Cambridge", "CA"), ("Oviedo, Asturias", "Oviedo", "ES"), ("Brest, Bretagne", "Brest", "FR"),
    ("Kingston, Jamaica", "Kingston", "JM"), ("Mérida, Yucatán", "Mérida", "MX"), ("Brooklyn, New York", "Brooklyn", "US"),
    ("Tbilisi, Georgia", "Tbilisi", "GE"), ("Atlanta, Georgia", "Atlanta", "US"), ("Praha, Česko", "Prague", "CZ"),
    ("Granada, Nicaragua", "Granada", "NI"), ("Hamilton, Bermuda", "Hamilton", "BM"), ("Granada, Andalucía", "Granada", "ES"),
]  # fmt: skip

# common place queries whose answers must not move (checked: the answer with and without these readings)
CONTROLS = [
    "Brooklyn, NY", "Cambridge, MA", "Portland, Oregon", "Washington, DC", "Kansas City, Missouri", "St. Louis, MO",
    "Columbia, SC", "Georgia, Vermont", "Paris, France", "Florence, Italy", "Florence, Alabama", "Victoria, Texas",
    "Victoria, BC", "London, Ontario", "London, UK", "Santiago, Chile", "Córdoba, Argentina", "Valencia, Spain",
    "Valencia, Venezuela", "Cambridge, England", "Dublin, Ohio", "Dublin, Ireland", "Sydney, Nova Scotia",
    "Sydney, Australia", "Athens, Georgia", "Athens, Greece", "Moscow, Idaho", "Rome, Georgia", "Toledo, Spain",
    "Hamilton, Ontario", "Aberdeen, Scotland", "Aberdeen, Washington", "Lima, Ohio", "Lima, Peru",
    "Berlin, New Hampshire", "Naples, Florida", "Alexandria, Egypt", "Cairo, Illinois", "Delhi, New York",
    "Bristol, England", "Kingston, Ontario", "Richmond, Virginia", "Richmond, British Columbia",
]


def answers(tagger: Tagger, conn: object, texts: list[str]) -> list[object]:
    out = []
    for text in texts:
        parse = [{"label": c.label, "value": c.value, "confidence": c.confidence} for c in tagger.parse(text).components]
        res = readings.geocode(conn, readings.from_parse(parse), alternatives=lambda t=text: tagger.parse_alternatives(t))  # type: ignore[arg-type]
        out.append((res.results[0].name, res.results[0].country) if res.results else None)
    return out


def run(tagger: Tagger, conn: object) -> list[dict[str, object]]:
    out = []
    for text, name, cc in QUERIES:
        parse = [{"label": c.label, "value": c.value, "confidence": c.confidence} for c in tagger.parse(text).components]
        res = readings.geocode(conn, readings.from_parse(parse), alternatives=lambda t=text: tagger.parse_alternatives(t))  # type: ignore[arg-type]
        top = res.results[0] if res.results else None
        got = (top.name, top.country) if top else None
        out.append({"text": text, "want": [name, cc], "got": got, "right": got == (name, cc), "reading": res.reading.source})
    return out


def main() -> None:
    tagger = Tagger.load("artifacts/arms/A")
    engine = make_engine(get_settings().db_url)
    with engine.connect() as conn:
        after = run(tagger, conn)
        controls_after = answers(tagger, conn, CONTROLS)
        keep = readings.place_query, readings.region_elsewhere, readings.first_name_aside
        readings.place_query = lambda *a: []  # type: ignore[assignment]
        readings.region_elsewhere = readings.first_name_aside = lambda *a: False  # type: ignore[assignment]
        before = run(tagger, conn)
        controls_before = answers(tagger, conn, CONTROLS)
        readings.place_query, readings.region_elsewhere, readings.first_name_aside = keep
    result = {"queries": len(QUERIES), "right_without": sum(bool(r["right"]) for r in before),
              "right_with": sum(bool(r["right"]) for r in after), "controls": len(CONTROLS),
              "controls_changed": [[t, b, a] for t, b, a in zip(CONTROLS, controls_before, controls_after, strict=True)
                                   if a != b],
              "without": before, "with": after}
    write_result(Path(__file__).with_suffix(".json"), result, echo=False)
    print(json.dumps({k: v for k, v in result.items() if k.startswith(("queries", "right", "controls"))}))


if __name__ == "__main__":
    main()
