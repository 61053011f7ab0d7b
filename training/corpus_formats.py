"""Per-country rendering data: component orderings derived from OpenCage's templates, region
names/codes, postcode shapes, street-name patterns and country names.

Orderings are derived by rendering sentinel values through ``addressformatting`` once per country
and reading back the order and separators, so no mustache logic is reimplemented here.
"""

from __future__ import annotations

import random
import re
from dataclasses import dataclass
from functools import lru_cache

_SENTINELS = {
    "house_number": "ZQHN",
    "road": "ZQRD",
    "postcode": "ZQPC",
    "city": "ZQCT",
    "state": "ZQSN",
    "state_code": "ZQSC",
    "country": "ZQCO",
    "suburb": "ZQSB",
    "county": "ZQCY",
}
_KIND = {
    "ZQHN": "house_number",
    "ZQRD": "street",
    "ZQPC": "postcode",
    "ZQCT": "locality",
    "ZQSN": "region_name",
    "ZQSC": "region_code",
    "ZQCO": "country",
    "ZQSB": "suburb",
    "ZQCY": "county",
}
_TOKEN_RE = re.compile(r"ZQ[A-Z]{2}")


@dataclass(frozen=True)
class Layout:
    """Component order for one country: ``slots`` are (kind, separator-before) pairs."""

    slots: tuple[tuple[str, str], ...]

    @property
    def number_first(self) -> bool:
        kinds = [k for k, _ in self.slots]
        return kinds.index("house_number") < kinds.index("street")


_DEFAULT_LAYOUT = Layout(
    (("house_number", ""), ("street", " "), ("locality", ", "), ("region_code", ", "), ("postcode", " "), ("country", ", "))
)


@lru_cache(maxsize=1)
def _formatter():  # type: ignore[no-untyped-def]
    from addressformatting import AddressFormatter

    return AddressFormatter()


@lru_cache(maxsize=512)
def layout_for(country: str) -> Layout:
    """Ordering of components for ``country`` (ISO2) from the worldwide templates."""
    try:
        line = _formatter().one_line(dict(_SENTINELS), country=country or None)
    except Exception:  # a template the library cannot render: fall back to the generic order
        return _DEFAULT_LAYOUT
    slots: list[tuple[str, str]] = []
    pos = 0
    for m in _TOKEN_RE.finditer(line):
        kind = _KIND.get(m.group())
        if kind is None:
            continue
        sep = line[pos : m.start()]
        sep = " - " if "-" in sep else (", " if "," in sep else " ")
        if kind in {k for k, _ in slots}:
            continue
        slots.append((kind, sep if slots else ""))
        pos = m.end()
    kinds = {k for k, _ in slots}
    if not {"house_number", "street", "locality"} <= kinds:
        return _DEFAULT_LAYOUT
    return Layout(tuple(slots))


# GeoNames admin1 code -> (name, abbreviation) for countries where addresses use region codes.
_AU = "ACT:Australian Capital Territory NSW:New South Wales NT:Northern Territory QLD:Queensland SA:South Australia TAS:Tasmania VIC:Victoria WA:Western Australia"
_CA = "AB:Alberta BC:British Columbia MB:Manitoba NB:New Brunswick NL:Newfoundland and Labrador _:_ NS:Nova Scotia ON:Ontario PE:Prince Edward Island QC:Quebec SK:Saskatchewan YT:Yukon NT:Northwest Territories NU:Nunavut"
_BR = {
    "01": ("Acre", "AC"), "02": ("Alagoas", "AL"), "03": ("Amapá", "AP"), "04": ("Amazonas", "AM"),
    "05": ("Bahia", "BA"), "06": ("Ceará", "CE"), "07": ("Distrito Federal", "DF"), "08": ("Espírito Santo", "ES"),
    "29": ("Goiás", "GO"), "13": ("Maranhão", "MA"), "14": ("Mato Grosso", "MT"), "11": ("Mato Grosso do Sul", "MS"),
    "15": ("Minas Gerais", "MG"), "16": ("Pará", "PA"), "17": ("Paraíba", "PB"), "18": ("Paraná", "PR"),
    "30": ("Pernambuco", "PE"), "20": ("Piauí", "PI"), "21": ("Rio de Janeiro", "RJ"), "22": ("Rio Grande do Norte", "RN"),
    "23": ("Rio Grande do Sul", "RS"), "24": ("Rondônia", "RO"), "25": ("Roraima", "RR"), "26": ("Santa Catarina", "SC"),
    "27": ("São Paulo", "SP"), "28": ("Sergipe", "SE"), "31": ("Tocantins", "TO"),
}
_DE = [
    "Baden-Württemberg", "Bayern", "Bremen", "Hamburg", "Hessen", "Niedersachsen", "Nordrhein-Westfalen",
    "Rheinland-Pfalz", "Saarland", "Schleswig-Holstein", "Brandenburg", "Mecklenburg-Vorpommern", "Sachsen",
    "Sachsen-Anhalt", "Thüringen", "Berlin",
]
_DE_CODES = ["BW", "BY", "HB", "HH", "HE", "NI", "NW", "RP", "SL", "SH", "BB", "MV", "SN", "ST", "TH", "BE"]
_GB = {"ENG": ("England", ""), "SCT": ("Scotland", ""), "WLS": ("Wales", ""), "NIR": ("Northern Ireland", "NI")}


def _numbered(spec: str) -> dict[str, tuple[str, str]]:
    out = {}
    for i, item in enumerate(_pairs(spec), start=1):
        if item[0] != "_":
            out[f"{i:02d}"] = (item[1], item[0])
    return out


def _pairs(spec: str) -> list[tuple[str, str]]:
    parts = re.findall(r"([A-Z_]+):(.+?)(?= [A-Z_]+:|$)", spec)
    return [(code, name) for code, name in parts]


REGIONS: dict[str, dict[str, tuple[str, str]]] = {
    "AU": _numbered(_AU),
    "CA": _numbered(_CA),
    "BR": _BR,
    "DE": {f"{i:02d}": (n, c) for i, (n, c) in enumerate(zip(_DE, _DE_CODES, strict=True), start=1)},
    "GB": _GB,
}


def region_of(country: str, admin1: str, us_states: dict[str, str]) -> tuple[str, str]:
    """(name, code) of a city's first-level region; empty strings when unknown."""
    if country == "US":
        return us_states.get(admin1, ""), admin1 if admin1 in us_states else ""
    table = REGIONS.get(country)
    if table is not None:
        return table.get(admin1, ("", ""))
    if admin1.isalpha() and 2 <= len(admin1) <= 3:
        return "", admin1  # e.g. Swiss cantons: the code is what addresses use
    return "", ""


# Postcode shapes: 9 digit, A letter, anything else literal.
_POSTCODE_SHAPES: dict[str, tuple[str, ...]] = {
    "CA": ("A9A 9A9",), "GB": ("AA9 9AA", "A9 9AA", "A99 9AA", "AA99 9AA", "AA9A 9AA"), "NL": ("9999 AA", "9999AA"),
    "BR": ("99999-999", "99999999"), "PL": ("99-999",), "PT": ("9999-999",), "CZ": ("999 99", "99999"),
    "SK": ("999 99",), "SE": ("999 99", "99999"), "JP": ("999-9999",), "IE": ("A99 A9A9",), "AR": ("A9999AAA", "9999"),
    "MT": ("AAA 9999",), "US": ("99999", "99999-9999"), "KR": ("99999",), "GR": ("999 99",), "LV": ("LV-9999",),
    "LT": ("LT-99999",), "IN": ("999999", "999 999"), "CN": ("999999",), "RU": ("999999",),
}
_DIGITS_RE = re.compile(r"\\d\{(\d+)\}")


def postcode_shapes(country: str, regex: str) -> tuple[str, ...]:
    if country in _POSTCODE_SHAPES:
        return _POSTCODE_SHAPES[country]
    m = _DIGITS_RE.search(regex or "")
    return ("9" * int(m.group(1)),) if m else ()


def make_postcode(shape: str, rng: random.Random) -> str:
    out = []
    for ch in shape:
        if ch == "9":
            out.append(str(rng.randint(0, 9)))
        elif ch == "A":
            out.append(chr(65 + rng.randint(0, 25)))
        else:
            out.append(ch)
    return "".join(out)


# Country names as written at the end of addresses (beyond GeoNames' English names and ISO codes).
LOCAL_COUNTRY_NAMES: dict[str, tuple[str, ...]] = {
    "US": ("USA", "US", "United States", "United States of America", "U.S.A."),
    "GB": ("UK", "United Kingdom", "Great Britain", "England"), "DE": ("Deutschland", "Germany"),
    "FR": ("France",), "ES": ("España", "Spain"), "IT": ("Italia", "Italy"), "NL": ("Nederland", "The Netherlands"),
    "BE": ("België", "Belgique", "Belgium"), "PL": ("Polska", "Poland"), "CZ": ("Česko", "Czech Republic", "Czechia"),
    "PT": ("Portugal",), "BR": ("Brasil", "Brazil"), "SE": ("Sverige", "Sweden"), "NO": ("Norge", "Norway"),
    "DK": ("Danmark", "Denmark"), "FI": ("Suomi", "Finland"), "AT": ("Österreich", "Austria"),
    "CH": ("Schweiz", "Suisse", "Switzerland"), "RO": ("România", "Romania"), "NZ": ("New Zealand", "NZ"),
    "AU": ("Australia", "AU"), "JP": ("Japan", "日本"), "MX": ("México", "Mexico"), "IS": ("Ísland", "Iceland"),
    "HU": ("Magyarország", "Hungary"), "GR": ("Ελλάδα", "Greece"), "RU": ("Россия", "Russia"),
}
