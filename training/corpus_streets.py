"""Synthetic street, venue, unit, level and PO box strings in each country's style.

Base names are real: GeoNames locality names of the same country, OpenAddresses street names and
common given names/surnames. Only the street-type patterns are written here.
"""

from __future__ import annotations

import random

EN_TYPES = (
    ("Street", "St"), ("Road", "Rd"), ("Avenue", "Ave"), ("Drive", "Dr"), ("Lane", "Ln"), ("Boulevard", "Blvd"),
    ("Court", "Ct"), ("Place", "Pl"), ("Way", "Way"), ("Terrace", "Tce"), ("Crescent", "Cres"), ("Highway", "Hwy"),
    ("Parkway", "Pkwy"), ("Circle", "Cir"), ("Close", "Cl"), ("Square", "Sq"), ("Trail", "Trl"), ("Grove", "Gr"),
)
DIRECTIONS = (("North", "N"), ("South", "S"), ("East", "E"), ("West", "W"), ("Northeast", "NE"), ("Southwest", "SW"))
EN_NAMES = (
    "Main", "Oak", "Maple", "Cedar", "Pine", "Elm", "Washington", "Lincoln", "Park", "Lake", "Hill", "Church", "High",
    "Market", "Mill", "Station", "King", "Queen", "Victoria", "George", "Jackson", "Franklin", "Madison", "Jefferson",
    "Spring", "River", "Sunset", "Highland", "Forest", "Willow", "Broad", "Chestnut", "Walnut", "Bridge", "School",
    "Meadow", "Valley", "Ridge", "Green", "Smith", "Johnson", "Martin", "Wilson", "Taylor", "Clark", "Lewis",
)
# base names that are themselves street-type or place words: "Avenue Road", "Park Street", "Street Lane"
LABEL_WORD_NAMES = (
    "Avenue", "Park", "Bay", "Street", "Road", "Lane", "Court", "Place", "Square", "Station", "Harbour", "Union",
    "Church", "Market", "Centre", "Plaza", "Grove", "Terrace", "Circle", "Highway", "Boulevard", "Mount", "Lake",
    "Country", "County", "City", "Unit", "Suite", "North", "South", "East", "West", "Post Office", "Cross",
)
GIVEN = ("Jan", "Anna", "Maria", "José", "Pierre", "Karl", "Ole", "Erik", "Ion", "Piotr", "Jean", "Luis", "Giuseppe")
SURNAMES = (
    "Mickiewicza", "Kościuszki", "Goethe", "Schiller", "Hugo", "Pasteur", "Garibaldi", "Mazzini", "Cervantes",
    "Bolívar", "Camões", "Eminescu", "Masaryk", "Ibsen", "Strindberg", "Rembrandt", "Vondel", "Curie", "Chopin",
)

# country -> patterns; "{n}" is a base name, "{a}" an adjective-like form of it
_PATTERNS: dict[str, tuple[str, ...]] = {
    "DE": ("{n}straße", "{n}str.", "{n}weg", "{n}platz", "{n} Straße", "{n}gasse", "{n}allee", "Am {n}", "{n}ring"),
    "FR": ("Rue de {n}", "Rue du {n}", "Avenue {n}", "Boulevard {n}", "Place {n}", "Chemin de {n}", "Rue {n}", "Allée {n}"),
    "ES": ("Calle {n}", "Avenida {n}", "Plaza {n}", "Paseo de {n}", "C/ {n}", "Carrer de {n}", "Av. {n}"),
    "PT": ("Rua {n}", "Avenida {n}", "Travessa {n}", "Praça {n}", "Av. {n}", "Rua de {n}", "Largo {n}"),
    "IT": ("Via {n}", "Viale {n}", "Piazza {n}", "Corso {n}", "Via di {n}", "Vicolo {n}"),
    "NL": ("{n}straat", "{n}weg", "{n}laan", "{n}plein", "{n}gracht", "{n}dijk", "{n}singel"),
    "NO": ("{n}veien", "{n}gata", "{n} gate", "{n} vei", "{n}vegen", "{n}bakken"),
    "DK": ("{n}vej", "{n}gade", "{n} Allé", "{n}stræde"),
    "SE": ("{n}vägen", "{n}gatan", "{n}gränd", "{n}stigen", "{n} torg"),
    "PL": ("ul. {n}", "ulica {n}", "{n}", "al. {n}", "Aleja {n}", "plac {n}", "os. {n}"),
    "CZ": ("{a}", "{n}", "náměstí {n}", "třída {n}", "nábřeží {n}", "{a}"),
    "RO": ("Strada {n}", "Str. {n}", "Bulevardul {n}", "Calea {n}", "Bd. {n}", "Aleea {n}", "Șoseaua {n}"),
    "RU": ("улица {n}", "ул. {n}", "проспект {n}", "{n} ulitsa"),
    "FI": ("{n}katu", "{n}tie", "{n}polku"),
    "HU": ("{n} utca", "{n} út", "{n} tér"),
    "IS": ("{n}gata", "{n}vegur", "{n}stræti"),
    "TR": ("{n} Caddesi", "{n} Sokak", "{n} Cd.", "{n} Sk."),
}
for _src, _dst in (("DE", "AT CH LI LU"), ("FR", "BE MC"), ("ES", "MX AR CO CL PE VE EC UY PY BO CR GT"),
                   ("PT", "BR AO MZ"), ("SK", ""), ("CZ", "SK"), ("RO", "MD")):
    for _cc in _dst.split():
        _PATTERNS.setdefault(_cc, _PATTERNS.get(_src, ()))

_CZ_ADJ = ("ská", "ní", "ova", "ova")


def _adjective(name: str, rng: random.Random) -> str:
    base = name.rstrip("aeiouyáéíóúě")
    return base + rng.choice(_CZ_ADJ) if len(base) >= 3 else name


def english_street(rng: random.Random, base: str) -> str:
    """'W 26th St', 'Maple Avenue', 'North Oak Dr'."""
    r = rng.random()
    if r < 0.15:
        n = rng.randint(1, 150)
        suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
        name = f"{n}{suffix}"
    elif r < 0.27:
        name = rng.choice(LABEL_WORD_NAMES)
    elif r < 0.55:
        name = rng.choice(EN_NAMES)
    else:
        name = base
    long_short = rng.choice(EN_TYPES)
    typ = long_short[1] if rng.random() < 0.5 else long_short[0]
    if rng.random() < 0.05:
        typ += "."
    street = f"{name} {typ}"
    if rng.random() < 0.18:
        d = rng.choice(DIRECTIONS)
        street = f"{d[1] if rng.random() < 0.6 else d[0]} {street}"
    return street


def local_street(country: str, rng: random.Random, base: str) -> str:
    patterns = _PATTERNS.get(country)
    if not patterns:
        return english_street(rng, base) if rng.random() < 0.6 else base
    if rng.random() < 0.15:
        base = rng.choice(SURNAMES) if rng.random() < 0.7 else f"{rng.choice(GIVEN)} {rng.choice(SURNAMES)}"
    pat = rng.choice(patterns)
    if " " in base and pat in ("{a}",):
        pat = "{n}"  # adjective forms only for one-word names
    if pat.startswith("{n}") and len(pat) > 3 and not pat.startswith("{n} ") and " " in base:
        pat = "{n} " + pat[3:].capitalize()  # compound names keep a space: "Karl Marx Straße"
    return pat.replace("{a}", _adjective(base, rng)).replace("{n}", base)


def person(rng: random.Random) -> str:
    """A recipient for a "c/o" / "attn" line."""
    r = rng.random()
    if r < 0.2:
        return rng.choice(("Accounts Payable", "Billing Department", "Front Desk", "Reception", "HR", "Legal Dept"))
    if r < 0.35:
        return rng.choice(GIVEN)
    return f"{rng.choice(GIVEN + tuple(EN_NAMES[:6]))} {rng.choice(SURNAMES + tuple(EN_NAMES[-8:]))}"


def house_number(rng: random.Random, country: str) -> str:
    r = rng.random()
    n = int(rng.paretovariate(1.1) * 3) if r < 0.7 else rng.randint(1, 20000)
    n = max(1, min(n, 99999))
    r = rng.random()
    if r < 0.06:
        return f"{n}{rng.choice('ABCDab')}"
    if r < 0.09:
        return f"{n} {rng.choice('ABC')}"
    if r < 0.11:
        return f"{n}-{n + rng.choice((1, 2, 4))}"
    if r < 0.14 and country in ("PL", "CZ", "SK", "RU", "AU"):
        return f"{n}/{rng.randint(1, 120)}"
    return str(n)


def unit(rng: random.Random) -> str:
    ident = str(rng.randint(1, 999)) if rng.random() < 0.7 else f"{rng.randint(1, 30)}{rng.choice('ABCDEF')}"
    kind = rng.choice(("Apt", "Apt.", "Apartment", "Unit", "#", "Suite", "Ste", "Rm", "Room", "Flat", "# "))
    return f"#{ident}" if kind == "#" else f"{kind.strip()} {ident}"


def level(rng: random.Random) -> str:
    n = rng.randint(1, 40)
    ordinal = f"{n}{'th' if 10 <= n % 100 <= 20 else {1: 'st', 2: 'nd', 3: 'rd'}.get(n % 10, 'th')}"
    return rng.choice((f"Fl {n}", f"Floor {n}", f"{ordinal} Floor", f"Level {n}", f"{ordinal} Fl", f"Lvl {n}"))


def po_box(rng: random.Random, country: str) -> str:
    n = rng.randint(1, 99999 if rng.random() < 0.3 else 999)
    local = {"DE": "Postfach", "AT": "Postfach", "FR": "BP", "ES": "Apartado", "BR": "Caixa Postal", "PT": "Apartado"}
    if country in local and rng.random() < 0.6:
        return f"{local[country]} {n}"
    return f"{rng.choice(('PO Box', 'P.O. Box', 'Box', 'POB', 'PO BOX', 'P O Box', 'Post Office Box'))} {n}"


_VENUE_PATTERNS = (
    "{c} Public Library", "{c} Town Hall", "Hotel {c}", "{c} Museum", "{c} Central Station", "University of {c}",
    "{c} High School", "{c} General Hospital", "{s} Building", "{s} Tower", "Café {s}", "{s} Park", "St Mary's Hospital",
    "Starbucks", "McDonald's", "Walmart", "Tesco", "Aldi", "Lidl", "Rathaus {c}", "Hauptbahnhof", "Gare de {c}",
    "Mairie de {c}", "Biblioteca {c}", "Empire State Building", "Central Library", "City Hall", "Post Office",
    "{s} Elementary School", "{s} Medical Center", "Holiday Inn", "Hilton {c}", "{c} Airport", "Stadion {c}",
)


def venue(rng: random.Random, city: str) -> str:
    pat = rng.choice(_VENUE_PATTERNS)
    s = rng.choice(EN_NAMES + SURNAMES)
    return pat.replace("{c}", city).replace("{s}", s)
