"""Corpus 0.4.0 generators: international street, venue and short-input variety.

Two mix sources (only in corpus >= 0.4.0):

- ``intl``: full addresses (rendered with the usual mixes) whose street, venue, house number or
  intersection comes from the patterns below: streets named after people (Faker person names of the
  country's locale, with titles) or dates, compound suffix streets (German/Dutch/Nordic/Czech), US
  numbered roads, French "bis"/"ter" numbers, Czech "641/9" numbers, multilingual venues first and
  intersections with connectors in several languages.
- ``short``: short inputs: a street alone, number + street, street + number, street + locality, a
  venue alone, venue + locality.

Names are real (Faker person names, GeoNames localities, OpenAddresses/Faker street names); only the
type words, titles, month names and connectors are written here.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from typing import Any

from training import corpus_streets as st
from training.corpus_formats import layout_for
from training.corpus_render import Address, Piece, assemble, render
from training.corpus_sources import Sources, _clean, key

PEOPLE_LOCALES = ("fr_FR", "es_ES", "es_MX", "it_IT", "pt_PT", "pt_BR", "ro_RO", "pl_PL", "de_DE", "nl_NL",
                  "cs_CZ", "sv_SE", "en_US")
PEOPLE_PER_LOCALE = 300
SHORT_KINDS: tuple[tuple[str, float], ...] = (
    ("street", 0.22), ("number_street", 0.16), ("street_number", 0.16), ("street_locality", 0.22),
    ("venue", 0.1), ("venue_locality", 0.14),
)
INTL_KINDS: tuple[tuple[str, float], ...] = (
    ("person", 0.24), ("date", 0.06), ("compound", 0.2), ("us_road", 0.14), ("venue", 0.14),
    ("intersection", 0.1), ("house", 0.12),
)
# renderings for ``intl`` addresses: always with the street they were made for
INTL_MIXES: tuple[tuple[str, float], ...] = (
    ("full", 0.3), ("no_postcode", 0.12), ("no_region", 0.1), ("street_locality", 0.14), ("street_only", 0.08),
    ("street_name_only", 0.06), ("street_name_locality", 0.08), ("no_number", 0.04), ("unit", 0.08),
)

# language -> (street types with their connector words, titles)
_ROMANCE: dict[str, tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...]]] = {
    # (types, connectors before a person, titles)
    "fr": (("Rue", "Avenue", "Boulevard", "Bd", "Av.", "Cité", "Esplanade", "Impasse", "Quai", "Place", "Allée",
            "Chemin", "Square", "Cours", "Passage", "Route"),
           ("", "", "", "de ", "du ", "de la ", "des "),
           ("Général", "Maréchal", "Capitaine", "Docteur", "Président", "Saint", "Sainte", "Abbé", "Colonel",
            "Commandant", "Professeur", "Lieutenant", "Amiral", "Pasteur")),
    "es": (("Calle", "Avenida", "Av.", "Paseo", "Plaza", "Camino", "Ronda", "C/", "Travesía", "Carrera"),
           ("", "", "de ", "del "),
           ("Doctor", "General", "Presidente", "San", "Santa", "Padre", "Capitán", "Profesor", "Ingeniero",
            "Licenciado", "Coronel", "Fray")),
    "it": (("Via", "Viale", "Piazza", "Corso", "Largo", "Vicolo", "Piazzale", "Lungomare"),
           ("", "", "", "di "),
           ("Generale", "Dottor", "Presidente", "San", "Santa", "Padre", "Don", "Papa", "Professor", "Capitano",
            "Monsignor", "Ammiraglio")),
    "pt": (("Rua", "Avenida", "Av.", "Travessa", "Largo", "Praça", "Alameda", "Estrada", "R."),
           ("", "", "", "de ", "do ", "da ", "dos ", "das "),
           ("Doutor", "Dr.", "Dom", "Padre", "Presidente", "General", "São", "Santa", "Professor", "Marechal",
            "Capitão", "Comendador", "Engenheiro", "Coronel")),
    "ro": (("Strada", "Str.", "Splaiul", "Bulevardul", "Bd.", "Calea", "Aleea", "Șoseaua", "Piața", "Intrarea"),
           ("",),
           ("General", "Doctor", "Dr.", "Profesor", "Căpitan", "Sfântul", "Mareșal", "Episcop", "Colonel")),
    "pl": (("ul.", "Ulica", "al.", "Aleja", "Plac", "pl.", "os.", "ulica"),
           ("",),
           ("Generała", "gen.", "Księdza", "ks.", "Profesora", "prof.", "Doktora", "dr.", "Świętego", "św.",
            "Kapitana", "Marszałka")),
}
_LANG_OF = {"FR": "fr", "BE": "fr", "LU": "fr", "MC": "fr", "CH": "fr", "ES": "es", "MX": "es", "AR": "es",
            "CO": "es", "CL": "es", "PE": "es", "IT": "it", "PT": "pt", "BR": "pt", "RO": "ro", "MD": "ro", "PL": "pl"}
_PEOPLE_OF = {"fr": ("fr_FR",), "es": ("es_ES", "es_MX"), "it": ("it_IT",), "pt": ("pt_PT", "pt_BR"),
              "ro": ("ro_RO",), "pl": ("pl_PL",)}
_MONTHS = {
    "fr": ("Janvier", "Février", "Mars", "Avril", "Mai", "Juin", "Juillet", "Août", "Septembre", "Octobre",
           "Novembre", "Décembre"),
    "es": ("Enero", "Febrero", "Marzo", "Abril", "Mayo", "Junio", "Julio", "Agosto", "Septiembre", "Octubre",
           "Noviembre", "Diciembre"),
    "it": ("Gennaio", "Febbraio", "Marzo", "Aprile", "Maggio", "Giugno", "Luglio", "Agosto", "Settembre",
           "Ottobre", "Novembre", "Dicembre"),
    "pt": ("Janeiro", "Fevereiro", "Março", "Abril", "Maio", "Junho", "Julho", "Agosto", "Setembro", "Outubro",
           "Novembro", "Dezembro"),
    "ro": ("Ianuarie", "Februarie", "Martie", "Aprilie", "Mai", "Iunie", "Iulie", "August", "Septembrie",
           "Octombrie", "Noiembrie", "Decembrie"),
    "pl": ("Stycznia", "Lutego", "Marca", "Kwietnia", "Maja", "Czerwca", "Lipca", "Sierpnia", "Września",
           "Października", "Listopada", "Grudnia"),
}
_ROMAN = ("I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII", "XX", "XXIV", "XXV")

# compound suffix streets: country -> (suffixes glued to the base, two-word patterns)
_COMPOUND: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "DE": (("straße", "str.", "strasse", "weg", "platz", "allee", "gasse", "damm", "ring", "ufer", "steig",
            "pfad", "chaussee", "markt"),
           ("Am {n}", "An der {n}", "Im {n}", "Auf dem {n}", "Hinter der {n}", "Zum {n}", "Alte {n}", "{n} Straße",
            "{n}er Straße", "{n}er Str.", "Unter den {n}", "In der {n}")),
    "NL": (("straat", "str.", "weg", "laan", "gracht", "singel", "dreef", "plein", "kade", "dijk", "hof",
            "steeg", "pad"),
           ("Lange {n}", "Korte {n}", "Achter de {n}", "Oude {n}", "Nieuwe {n}", "Van {n}straat", "Burgemeester {n}laan",
            "Op de {n}", "Aan de {n}")),
    "SE": (("gatan", "vägen", "gränd", "stigen", "backen", "torget"), ("Stora {n}gatan", "Lilla {n}gatan",
                                                                       "Norra {n}vägen", "Södra {n}gatan")),
    "DK": (("gade", "vej", "stræde", "allé", "torv"), ("Store {n}gade", "Lille {n}gade", "Gammel {n}vej")),
    "NO": (("veien", "gata", "vegen", "gate", "bakken"), ("Øvre {n}gate", "Nedre {n}gate", "Store {n}gate")),
    "CZ": (("ská", "ova", "ní", "ovo náměstí", "ská třída"), ("náměstí {n}", "nábřeží {n}", "třída {n}")),
    "SK": (("ská", "ova", "ná"), ("námestie {n}", "nábrežie {n}")),
}
for _src, _dst in (("DE", "AT CH LI LU"), ("NL", "BE")):
    for _cc in _dst.split():
        _COMPOUND.setdefault(_cc, _COMPOUND[_src])
# generic first parts for compound street names (trees, buildings, landscape, trades)
_STEMS = {
    "de": ("Linden", "Birken", "Eichen", "Buchen", "Tannen", "Rosen", "Mühlen", "Kirch", "Schul", "Bahnhof",
           "Garten", "Berg", "Wald", "Feld", "Wiesen", "Sonnen", "Markt", "Brunnen", "Burg", "Hafen", "Schloss",
           "Teich", "Kastanien", "Ahorn", "Blumen", "Post", "Ring", "Hoch", "Neu", "Mittel"),
    "nl": ("Kerk", "Molen", "Linden", "Beuken", "Eiken", "Dorps", "Stations", "Haven", "Prinsen", "Heren",
           "Keizers", "Zand", "Berg", "Bosch", "Wilgen", "Rozen", "School", "Markt", "Brug", "Water", "Noorder",
           "Zuider", "Ooster", "Wester", "Hoog", "Vaart", "Tuin", "Schans", "Akker", "Hooi"),
    "nordic": ("Kyrk", "Skol", "Stor", "Lill", "Strand", "Sjö", "Berg", "Skogs", "Kirke", "Skole", "Strand",
               "Havne", "Mølle", "Nørre", "Søndre", "Øster", "Vester", "Bjørke", "Eike", "Linde", "Torg", "Kongens",
               "Dronning", "Park", "Bro", "Ny", "Gamle", "Fjord", "Holm", "Ege"),
    "cz": ("Palack", "Husov", "Masaryk", "Nádražn", "Školn", "Lesn", "Polní", "Zahradn", "Krátk", "Dlouh",
           "Vinohradsk", "Sokolsk", "Komensk", "Jiráskov", "Tyršov", "Nerudov", "Smetanov", "Dvořákov"),
}
_STEM_LANG = {"DE": "de", "AT": "de", "CH": "de", "LI": "de", "LU": "de", "NL": "nl", "BE": "nl", "SE": "nordic",
              "DK": "nordic", "NO": "nordic", "CZ": "cz", "SK": "cz"}

_US_ROADS = (
    "Interstate {n}", "I-{n}", "I {n}", "I-{n}", "US Highway {n}", "US Hwy {n}", "US-{n}", "US {n}", "U.S. Route {n}",
    "State Route {n}", "SR {n}", "SR-{n}", "State Highway {n}", "State Hwy {n}", "Farm to Market Road {n}",
    "FM {n}", "FM-{n}", "County Road {n}", "CR {n}", "Co Rd {n}", "County Rd {n}", "Ranch Road {n}", "RR {n}",
    "{st} {n}", "{st}-{n}", "{st} Highway {n}", "Highway {n}", "Hwy {n}", "Route {n}", "Rte {n}", "State Road {n}",
)
_ROAD_SUFFIX = ("", "", "", "", " N", " S", " E", " W", " North", " South", " East", " West", " Bypass", " Frontage Rd",
                " Service Rd", " Business")

# venues: type word first, in several languages
_VENUE_FIRST = {
    "fr": ("École {p}", "École primaire {p}", "Lycée {p}", "Collège {p}", "Université {c}", "Bibliothèque {p}",
           "Gare de {c}", "Gare {c}", "Mairie de {c}", "Mairie", "Hôpital {p}", "Centre hospitalier de {c}",
           "ZAC {n}", "ZI {n}", "ZA {n}", "Zone industrielle {n}", "Stade {p}", "Musée {p}", "Église {s}",
           "Hôtel de Ville", "Piscine {p}", "Gymnase {p}", "Résidence {n}", "Centre commercial {n}", "Clinique {n}"),
    "es": ("Universidad de {c}", "Universidad {p}", "Biblioteca {p}", "Estación de {c}", "Estación {n}",
           "Hospital {p}", "Colegio {p}", "Instituto {p}", "Ayuntamiento de {c}", "Museo {p}", "Estadio {p}",
           "Centro Comercial {n}", "Mercado de {c}", "Parroquia {s}", "Polideportivo {p}"),
    "it": ("Università di {c}", "Biblioteca {p}", "Stazione di {c}", "Ospedale {p}", "Scuola {p}", "Liceo {p}",
           "Istituto {p}", "Comune di {c}", "Museo {p}", "Stadio {p}", "Chiesa di {s}", "Centro Commerciale {n}"),
    "pt": ("Universidade de {c}", "Biblioteca {p}", "Estação de {c}", "Hospital {p}", "Escola {p}",
           "Escola Estadual {p}", "Câmara Municipal de {c}", "Prefeitura de {c}", "Museu {p}", "Estádio {p}",
           "Igreja de {s}", "Shopping {n}", "Colégio {p}"),
    "de": ("Schule {n}", "Grundschule {n}", "Gymnasium {n}", "Bahnhof {c}", "Rathaus {c}", "Rathaus",
           "Universität {c}", "Klinikum {c}", "Krankenhaus {n}", "Stadtbibliothek {c}", "Museum {n}", "Kirche {s}",
           "Hauptbahnhof {c}", "Stadion {n}", "Hotel {n}", "Einkaufszentrum {n}", "Hallenbad {n}"),
    "nl": ("Station {c}", "Gemeentehuis {c}", "Bibliotheek {c}", "Ziekenhuis {n}", "Basisschool {n}",
           "Universiteit {c}", "Museum {n}", "Stadhuis {c}", "Kerk {s}", "Winkelcentrum {n}"),
    "pl": ("Szkoła Podstawowa nr {k}", "Dworzec {c}", "Urząd Miasta {c}", "Szpital {n}", "Biblioteka {n}",
           "Uniwersytet {c}", "Muzeum {n}", "Kościół {s}", "Stadion {n}"),
    "en": ("{c} Stadium", "{g} {i}. {l} Stadium", "{l} Stadium", "{c} Museum", "Museum of {n}", "Cafe {n}",
           "{n} Cafe", "{n} Bar", "Bar {n}", "{n} Restaurant", "Restaurant {n}", "Hotel {n}", "{n} Hotel",
           "{c} Public Library", "{l} Library", "{c} High School", "{l} High School", "{g} {l} High School",
           "University of {c}", "University of {c} at {c2}", "{c} State University", "{l} Elementary School",
           "{c} Community College", "{l} Memorial Hospital", "{c} Medical Center", "Stop {k}", "Bus Stop {k}",
           "Platform {q}", "Stop #{k}", "{c} Station", "{c} Transit Center", "{l} Park", "{c} City Hall",
           "{c} Post Office", "{l} Arena", "{c} Convention Center", "{g} {l} Center", "{l} Field",
           "{c} Fire Station", "{c} Police Department", "{l} Middle School", "{c} Mall"),
}
_VENUE_LANG = {"FR": "fr", "BE": "fr", "LU": "fr", "CH": "fr", "ES": "es", "MX": "es", "AR": "es", "CO": "es",
               "CL": "es", "IT": "it", "PT": "pt", "BR": "pt", "DE": "de", "AT": "de", "NL": "nl", "PL": "pl"}

# intersections: (leading words or "", connector)
_INTERSECTIONS = {
    "en": (("", "and"), ("", "&"), ("", "at"), ("", "@"), ("", "/"), ("corner of", "and"), ("Corner of", "&"),
           ("", "and"), ("", "&"), ("intersection of", "and"), ("", "near"), ("cnr", "&")),
    "es": (("", "y"), ("esquina", "y"), ("", "esquina"), ("", "con"), ("", "/"), ("", "e")),
    "fr": (("", "et"), ("angle", "et"), ("", "/"), ("", "&"), ("au coin de", "et")),
    "it": (("", "e"), ("incrocio", "e"), ("", "/"), ("angolo", "e")),
    "pt": (("", "e"), ("esquina", "com"), ("", "/"), ("", "com")),
    "de": (("", "und"), ("", "an der Ecke von"), ("", "Ecke"), ("", "/"), ("Ecke", "und"), ("", "&")),
    "nl": (("", "en"), ("", "/"), ("hoek", "en"), ("", "&")),
    "pl": (("", "i"), ("", "/"), ("róg", "i"), ("", "x")),
}

# countries whose street forms the short inputs favour (person/date, compound, numbered-road streets)
_SHORT_FOCUS = ("US", "US", "US", "FR", "ES", "IT", "PT", "BR", "RO", "PL", "MX", "DE", "AT", "NL", "BE", "SE", "DK",
                "NO", "CZ", "SK", "CH", "GB", "AU")

_PEOPLE: dict[int, dict[str, tuple[tuple[str, ...], tuple[str, ...]]]] = {}


def people_lists(n: int, locales: list[str]) -> dict[str, list[list[str]]]:
    """locale -> [n given names, n surnames] from Faker's person providers (in this process: see ``faker_people``)."""
    from faker import Faker

    out = {}
    for loc in locales:
        f = Faker(loc)
        f.seed_instance(0)
        out[loc] = [[f.first_name() for _ in range(n)], [f.last_name() for _ in range(n)]]
    return out


def faker_people(per_locale: int | None = None) -> dict[str, tuple[tuple[str, ...], tuple[str, ...]]]:
    """locale -> (given names, surnames) from Faker's person providers (``people_lists``), generated with a pinned
    hash seed (``corpus_world.pinned``) so builds stay byte-identical."""
    per_locale = per_locale or PEOPLE_PER_LOCALE
    if per_locale in _PEOPLE:
        return _PEOPLE[per_locale]
    from training.corpus_world import pinned

    raw = pinned("training.corpus_v4", "people_lists", per_locale, list(PEOPLE_LOCALES))

    def clean(names: list[str]) -> tuple[str, ...]:
        kept = (_clean(n) for n in names)
        return tuple(dict.fromkeys(n for n in kept if n and n.replace("-", "").replace("'", "").isalpha()))

    out = {loc: (clean(g), clean(s)) for loc, (g, s) in raw.items()}
    _PEOPLE[per_locale] = out
    return out


def _ordinal(n: int) -> str:
    return f"{n}{'th' if 10 <= n % 100 <= 20 else {1: 'st', 2: 'nd', 3: 'rd'}.get(n % 10, 'th')}"


class V4Synth:
    """Addresses and short inputs for the corpus 0.4.0 ``intl`` and ``short`` sources."""

    def __init__(self, src: Sources, world: Any, synth: Any, people: dict | None = None) -> None:
        self.src, self.world, self.synth = src, world, synth
        self.people = people if people is not None else faker_people()
        self.en_people = self.people.get("en_US", (st.GIVEN, st.SURNAMES))
        self.states = sorted(s for s in src.us_states if len(s) == 2)
        self.kinds: dict[str, Callable[[random.Random], tuple[Address, str]]] = {
            "person": self._person, "date": self._date, "compound": self._compound, "us_road": self._us_road,
            "venue": self._venue_addr, "intersection": self._intersection_addr, "house": self._house,
        }

    # ------------------------------------------------------------------ names
    def _who(self, rng: random.Random, locale: str) -> tuple[str, str]:
        given, sur = self.people.get(locale) or self.en_people
        return rng.choice(given or st.GIVEN), rng.choice(sur or st.SURNAMES)

    def _city_idx(self, cc: str, rng: random.Random) -> int | None:
        pool = self.src.cities_by_country.get(cc)
        return rng.choice(pool) if pool else None

    def _city_name(self, cc: str, rng: random.Random) -> str:
        i = self._city_idx(cc, rng)
        name = self.src.cities[i][1] if i is not None else rng.choice(st.EN_NAMES)
        return name if len(name) <= 24 else rng.choice(st.EN_NAMES)

    def person_street(self, cc: str, rng: random.Random) -> str:
        """'Rue du Général Jean Dupont', 'Avenida Doutor Manuel Silva', 'ul. ks. Jana Kowalskiego'-like forms."""
        lang = _LANG_OF.get(cc, "fr")
        types, conns, titles = _ROMANCE[lang]
        given, sur = self._who(rng, rng.choice(_PEOPLE_OF[lang]))
        r = rng.random()
        titled = 0.45 <= r < 0.85
        if r < 0.3:
            who = f"{given} {sur}"
        elif r < 0.45:
            g2, _ = self._who(rng, rng.choice(_PEOPLE_OF[lang]))
            who = f"{given} {g2} {sur}"
        elif titled:
            who = f"{rng.choice(titles)} {given} {sur}" if rng.random() < 0.7 else f"{rng.choice(titles)} {sur}"
        else:
            who = sur
        # "Rue du Général X", "Rua do Doutor X"; a bare name takes no article: "Rue Jean X", "Calle de X"
        conn = rng.choice(conns) if titled else ("de " if lang != "fr" and "de " in conns and rng.random() < 0.2
                                                 else "")
        if lang == "fr" and conn:  # French articles agree with the title: "du Général", "de la Sainte", "de l'Abbé"
            first = who.split(" ")[0]
            conn = "de l'" if first[:1] in "AEIOUÉ" else "de la " if first.endswith("e") and first != "Pasteur" \
                and first not in ("Capitaine", "Commandant") else rng.choice(("du ", "du ", "de "))
        if conn and who.split(" ")[0] in ("Saint", "Sainte", "San", "Santa", "São", "Sfântul", "Świętego", "św."):
            conn = rng.choice(("", "de ")) if "de " in conns else ""
        return f"{rng.choice(types)} {conn}{who}"

    def date_street(self, cc: str, rng: random.Random) -> str:
        lang = _LANG_OF.get(cc, "fr")
        types = _ROMANCE[lang][0]
        month = rng.randrange(12)
        day = rng.randint(1, 28 if month == 1 else 30)
        name = _MONTHS[lang][month]
        year = rng.randint(1789, 1990)
        if lang == "fr":
            day_s = "1er" if day == 1 and rng.random() < 0.5 else str(day)
            body = f"du {day_s} {name}" + (f" {year}" if rng.random() < 0.6 else "")
        elif lang in ("es", "pt"):
            body = f"{day} de {name}" + (f" de {year}" if rng.random() < 0.3 else "")
        elif lang == "it":
            d = _ROMAN[day - 1] if day <= 12 and rng.random() < 0.3 else str(day)
            body = f"{d} {name}" + (f" {year}" if rng.random() < 0.3 else "")
        elif lang == "ro":
            body = f"{day} {name}" + (f" {year}" if rng.random() < 0.5 else "")
        else:
            body = f"{day} {name}"
        return f"{rng.choice(types)} {body}"

    def compound_street(self, cc: str, rng: random.Random) -> str:
        suffixes, two_word = _COMPOUND[cc]
        lang = _STEM_LANG.get(cc, "de")
        r = rng.random()
        if r < 0.45:
            stem = rng.choice(_STEMS[lang])
        elif r < 0.7:
            stem = self._who(rng, {"de": "de_DE", "nl": "nl_NL", "nordic": "sv_SE", "cz": "cs_CZ"}[lang])[1]
        else:
            stem = self._city_name(cc, rng)
        if lang == "cz":
            if rng.random() < 0.25:
                return rng.choice(two_word).replace("{n}", stem if r >= 0.45 else stem + "á")
            base = stem.rstrip("aeiouyáéíóúěý")
            return (base if len(base) >= 3 else stem) + rng.choice(suffixes) if " " not in stem else stem
        if rng.random() < 0.3 or " " in stem:
            pat = rng.choice(two_word)
            if " " in stem and not pat.startswith("{n} "):
                pat = rng.choice(("{n} Straße", "Am {n}", "An der {n}")) if lang == "de" else "{n}"
            return pat.replace("{n}", stem)
        suf = rng.choice(suffixes)
        glued = stem[:-1] if lang == "de" and stem.endswith("e") and suf == "er" else stem
        return glued + (suf if not (lang == "nordic" and stem.endswith(suf[0])) else suf[1:])

    def us_road(self, rng: random.Random, state: str = "") -> str:
        pat = rng.choice(_US_ROADS)
        r = rng.random()
        n = rng.randint(1, 99) if r < 0.55 else rng.randint(100, 999) if r < 0.9 else rng.randint(1000, 3999)
        st_code = state or rng.choice(self.states or ["CA"])
        return pat.replace("{st}", st_code).replace("{n}", str(n)) + rng.choice(_ROAD_SUFFIX)

    def numbered_avenue(self, rng: random.Random) -> str:
        n = rng.randint(1, 60)
        num = _ordinal(n) if rng.random() < 0.6 else str(n)
        return f"{num} {rng.choice(('Ave', 'ave', 'Avenue', 'St', 'Street', 'Ave.', 'Av'))}" + rng.choice(
            ("", "", "", " N", " S", " NE", " SW"))

    def venue(self, cc: str, rng: random.Random, city: str) -> str:
        lang = _VENUE_LANG.get(cc, "en") if rng.random() < 0.8 else "en"
        pat = rng.choice(_VENUE_FIRST[lang])
        loc = {"fr": "fr_FR", "es": "es_ES", "it": "it_IT", "pt": "pt_PT", "de": "de_DE", "nl": "nl_NL",
               "pl": "pl_PL"}.get(lang, "en_US")
        g, s = self._who(rng, loc)
        p = f"{g} {s}" if rng.random() < 0.5 else s
        saint = {"fr": "Saint-", "es": "San ", "it": "San ", "pt": "São ", "pl": "św. "}.get(lang, "St. ")
        vals = {"{p}": p, "{n}": rng.choice((s, city, rng.choice(st.EN_NAMES))), "{c2}": self._city_name(cc, rng),
                "{c}": city, "{s}": saint + g, "{g}": g, "{l}": s, "{i}": rng.choice("ABCDEFGHJKLMRSTW"),
                "{k}": str(rng.randint(1, 9999)), "{q}": str(rng.randint(1, 24)) + rng.choice(("", "", "a", "B"))}
        for k, v in vals.items():
            pat = pat.replace(k, v)
        return pat

    def house_number(self, cc: str, rng: random.Random) -> str:
        n = max(1, min(int(rng.paretovariate(1.1) * 3), 9999))
        r = rng.random()
        if cc in ("FR", "BE", "LU", "MC") and r < 0.6:
            return f"{n}{rng.choice((' bis', ' ter', ' quater', ' bis', 'bis', ' B', ' Bis', ' TER'))}"
        if cc in ("CZ", "SK") and r < 0.7:
            return f"{rng.randint(1, 3999)}/{rng.randint(1, 120)}" + (rng.choice("abc") if rng.random() < 0.1 else "")
        if r < 0.3:
            return f"{n}{rng.choice('ABCDabcd')}"
        if r < 0.45:
            return f"{n}-{n + rng.choice((1, 2, 4))}"
        return str(n)

    # ------------------------------------------------------------------ addresses
    def _base(self, cc: str, rng: random.Random) -> Address:
        i = self._city_idx(cc, rng)
        if i is None:
            i = self.synth.city_index(rng)
        a: Address = self.synth.from_city(i, rng)
        a.country_names = self.world.names(a.country)
        if a.country == "NL":  # Dutch postcodes with and without the space
            a.postcode = self.synth.postcode("NL", rng)
        return a

    def _person(self, rng: random.Random) -> tuple[Address, str]:
        cc = rng.choice(("FR", "FR", "BE", "ES", "ES", "MX", "AR", "CO", "IT", "IT", "PT", "BR", "BR", "RO", "RO",
                         "PL", "PL", "CH", "CL"))
        a = self._base(cc, rng)
        a.street = self.person_street(a.country if a.country in _LANG_OF else cc, rng)
        if rng.random() < 0.4:
            a.street2 = self.person_street(cc, rng)
        return a, "person"

    def _date(self, rng: random.Random) -> tuple[Address, str]:
        cc = rng.choice(("FR", "ES", "IT", "PT", "BR", "RO", "PL", "MX", "AR"))
        a = self._base(cc, rng)
        a.street = self.date_street(cc, rng)
        return a, "date"

    def _compound(self, rng: random.Random) -> tuple[Address, str]:
        cc = rng.choice(("DE", "DE", "DE", "AT", "CH", "NL", "NL", "NL", "BE", "SE", "SE", "DK", "NO", "CZ", "CZ",
                         "SK"))
        a = self._base(cc, rng)
        a.street = self.compound_street(cc, rng)
        a.street2 = self.compound_street(cc, rng)
        if cc in ("CZ", "SK"):
            a.house_number = self.house_number(cc, rng)
        return a, "compound"

    def _us_road(self, rng: random.Random) -> tuple[Address, str]:
        a: Address = self.synth.from_zip(rng.randrange(len(self.src.zips)), rng)
        a.country_names = self.world.names("US")
        if rng.random() < 0.75:
            a.street = self.us_road(rng, a.region_code if rng.random() < 0.7 else "")
        else:
            a.street = self.numbered_avenue(rng)
        a.street2 = self.us_road(rng, a.region_code) if rng.random() < 0.5 else self.numbered_avenue(rng)
        r = rng.random()
        if r < 0.15:
            a.house_number = f"{rng.randint(1, 29999)}{rng.choice('abcdABCD')}"
        elif r < 0.6:
            a.house_number = str(rng.randint(100, 29999))
        return a, "us_road"

    def _venue_addr(self, rng: random.Random) -> tuple[Address, str]:
        cc = rng.choice(("US", "US", "GB", "AU", "CA", "FR", "FR", "ES", "MX", "IT", "PT", "BR", "DE", "AT", "NL",
                         "PL", "BE", "AR", "CO"))
        a = self._base(cc, rng)
        a.venue = self.venue(a.country, rng, a.locality or self._city_name(cc, rng))
        return a, "venue"

    def _intersection_addr(self, rng: random.Random) -> tuple[Address, str]:
        cc = rng.choice(("US", "US", "CA", "GB", "AU", "MX", "ES", "AR", "FR", "IT", "BR", "DE", "NL", "PL"))
        a = self._base(cc, rng)
        a.street2 = self.any_street(a.country, rng)
        return a, "intersection"

    def _house(self, rng: random.Random) -> tuple[Address, str]:
        cc = rng.choice(("FR", "FR", "BE", "CZ", "CZ", "SK", "NL", "NL", "DE", "US", "IT", "ES"))
        a = self._base(cc, rng)
        a.house_number = self.house_number(cc, rng)
        if cc == "FR" and rng.random() < 0.5:
            a.street = self.person_street(cc, rng)
        return a, "house"

    def any_street(self, cc: str, rng: random.Random) -> str:
        r = rng.random()
        if cc in _LANG_OF and r < 0.35:
            return self.person_street(cc, rng) if rng.random() < 0.85 else self.date_street(cc, rng)
        if cc in _COMPOUND and r < 0.5:
            return self.compound_street(cc, rng)
        if cc == "US" and r < 0.3:
            return self.us_road(rng) if rng.random() < 0.6 else self.numbered_avenue(rng)
        pool = self.world.w.faker.get(cc)
        if pool and r < 0.7:
            return str(rng.choice(pool)[0])
        return str(self.synth._street(cc, rng, self.src.cities_by_country.get(cc, [])))

    def intl(self, rng: random.Random) -> tuple[str, list[list], str, Address, str]:
        kind = rng.choices([k for k, _ in INTL_KINDS], [w for _, w in INTL_KINDS])[0]
        a, kind = self.kinds[kind](rng)
        a.stats["v4"] = kind
        if kind == "intersection" or (kind != "venue" and a.street2 and rng.random() < 0.12):
            text, spans = assemble(self._intersection_pieces(a, rng), rng, a.stats)
            return text, spans, "v4_intersection", a, kind
        if kind == "venue":
            text, spans, mix = render(a, layout_for(a.country), rng, "venue")
            return text, spans, mix, a, kind
        mix = rng.choices([m for m, _ in INTL_MIXES], [w for _, w in INTL_MIXES])[0]
        text, spans, mix = render(a, layout_for(a.country), rng, mix)
        return text, spans, mix, a, kind

    def _intersection_pieces(self, a: Address, rng: random.Random) -> list[Piece]:
        lang = _VENUE_LANG.get(a.country, "en") if rng.random() < 0.75 else "en"
        lead, conn = rng.choice(_INTERSECTIONS[lang])
        pieces: list[Piece] = [(lead, None, "")] if lead else []
        pieces += [(a.street, "street", " "), (conn, None, " "), (a.street2, "street", " ")]
        if rng.random() < 0.55 and a.locality:
            pieces.append((a.locality, "locality", ", " if rng.random() < 0.8 else " "))
            if a.region_code and rng.random() < 0.4:
                pieces.append((a.region_code, "region", ", " if rng.random() < 0.5 else " "))
        return pieces

    # ------------------------------------------------------------------ short inputs
    def short(self, rng: random.Random) -> tuple[str, list[list], str, Address, str]:
        kind = rng.choices([k for k, _ in SHORT_KINDS], [w for _, w in SHORT_KINDS])[0]
        if kind == "street_locality" and rng.random() < 0.25 and self.world.w.suburbs:
            a = self.world.from_suburb(rng)  # "street, suburb, locality"
        else:
            r = rng.random()
            cc = rng.choice(_SHORT_FOCUS) if r < 0.5 else rng.choice(self.synth.targets) if r < 0.85 \
                else rng.choice(self.world.faker_cc)
            a = self._base(cc, rng)
        cc = a.country
        if rng.random() < 0.7:
            a.street = self.any_street(cc, rng)
        num_first = layout_for(cc).number_first
        number = self.house_number(cc, rng) if rng.random() < 0.4 else a.house_number or "1"
        locality = a.locality
        pieces: list[Piece]
        if kind == "number_street" and not num_first and rng.random() < 0.6:
            kind = "street_number"  # mostly the country's own order; the other one still occurs
        if kind == "street":
            pieces = [(a.street, "street", "")]
        elif kind == "number_street" or (kind == "street_number" and num_first and rng.random() < 0.5):
            kind = "number_street"
            pieces = [(number, "house_number", ""), (a.street, "street", ", " if rng.random() < 0.1 else " ")]
        elif kind == "street_number":
            pieces = [(a.street, "street", ""), (number, "house_number", ", " if rng.random() < 0.15 else " ")]
        elif kind == "street_locality":
            pieces = [(a.street, "street", ""), (locality, "locality", ", " if rng.random() < 0.75 else " ")]
            if a.suburb and rng.random() < 0.8:  # a suburb sits between the street and the locality
                pieces.insert(1, (a.suburb, "suburb", ", "))
        else:
            a.venue = self.venue(cc, rng, locality)
            pieces = [(a.venue, "venue", "")]
            if kind == "venue_locality":
                pieces.append((locality, "locality", ", " if rng.random() < 0.75 else " "))
        a.stats["v4"] = f"short_{kind}"
        text, spans = assemble([p for p in pieces if p[0]], rng, a.stats)
        return text, spans, f"short_{kind}", a, kind


def record_of(source: str, kind: str, a: Address) -> str:
    return f"{source}/{kind}/{a.country}/{key(a.street)}/{key(a.locality)}"
