"""Resolve one reading of an address (components) to ranked results at the most precise level found.

Order of work: country (hint or component), region, postcode; locality candidates (exact name, alias,
fuzzy, suburb as locality, postcode places); ranking (``resolver.scoring``); then the address level
(``resolver.address``) when a street is given and OpenAddresses data was imported. A constraint that
empties the candidate list is relaxed and the relaxation explained (``resolver.explain``): a country
with no place of that name is dropped (the country itself first, the places abroad after it), an unknown
country or region is ignored, a locality that is
not found falls back to its postcode, region or country. ``[]`` only when no reading of the input
names anything in the gazetteer.

Joint reading over the tagger's alternatives lives in ``resolver.readings``; lookups in
``resolver.candidates``. Every query is parameterized.
"""

from __future__ import annotations

import math
import re
from collections.abc import Mapping
from dataclasses import dataclass, replace
from typing import Any

from sqlalchemy.engine import Connection

from resolver import candidates as cands
from resolver.address import AddressHit, Anchor, match_address
from resolver.aliases import US_TERRITORIES, civil_core, county_key
from resolver.components import ACCURACY, COMPONENTS, MAX_COMPONENT_CHARS, MAX_LIMIT
from resolver.explain import Explanation
from resolver.names import MAX_NAME_CHARS, latin_accented, normalize_name
from resolver.scoring import (
    ADDRESS_BONUS,
    BASE,
    COUNTY_NONE,
    LEVEL_SCORE,
    POSTCODE_NAME_CONFLICT,
    RELAXED_PENALTY,
    SECONDARY_ROLE_PENALTY,
    SPELLING_BONUS,
    Evidence,
    LocalityCand,
    score_locality,
)
from resolver.subdivisions import countries_with_subdivision

__all__ = ["COMPONENTS", "MAX_COMPONENT_CHARS", "MAX_LIMIT", "Place", "resolve"]

_COUNTRY_CODE_RE = re.compile(r"[A-Za-z]{2}")
_LOCALITY_ACCURACY_M = (5_000.0, 30_000.0)  # small place, big city (by population)
_POSTCODE_ACCURACY_M = 3_000.0


@dataclass(frozen=True)
class Place:
    """One result. ``name``/``place_id`` are the gazetteer place (the locality for address-level
    results, else the region or country); ``lat``/``lon`` are the most precise point found."""

    place_id: int
    name: str
    region: str | None
    region_code: str | None
    country: str
    lat: float | None
    lon: float | None
    score: float
    match: str
    population: int
    explanation: str
    level: str = "locality"
    accuracy: str = "centroid"
    accuracy_m: float | None = None
    street: str | None = None
    house_number: str | None = None
    postcode: str | None = None
    label: str = ""
    conflicts: int = 0  # constraints this result contradicts or that were relaxed to reach it


def _clean(components: Mapping[str, object]) -> dict[str, str]:
    if not isinstance(components, Mapping):
        raise ValueError("components must be a mapping of component name to string")
    out: dict[str, str] = {}
    for key, value in components.items():
        if key not in COMPONENTS or value is None:
            continue
        if not isinstance(value, str):
            raise ValueError(f"component {key!r} must be a string")
        value = " ".join(value.replace("\x00", " ").split())
        if len(value) > MAX_COMPONENT_CHARS:
            raise ValueError(f"component {key!r} is too long ({len(value)} > {MAX_COMPONENT_CHARS} characters)")
        if value:
            out[key] = value
    return out


def _confidences(confidences: Mapping[str, float] | None) -> dict[str, float]:
    """Per-component confidence in [0, 1] (default 1): scales how much a constraint counts."""
    out: dict[str, float] = {}
    for key, value in (confidences or {}).items():
        if isinstance(value, bool) or not isinstance(value, int | float) or math.isnan(value):
            raise ValueError(f"confidence of {key!r} must be a number in [0, 1]")
        out[key] = min(1.0, max(0.0, float(value)))
    return out


def check_reading(components: Mapping[str, object], confidences: Mapping[str, float] | None) -> None:
    """Raise the ``ValueError`` that ``resolve`` would raise for these components and confidences."""
    _clean(components)
    _confidences(confidences)


def _label(*parts: str | None) -> str:
    return ", ".join(p for p in parts if p)


def _region_label(code: str | None, name: str | None) -> str | None:
    """A region as people write it: its code when that is letters ("CA", "ZH"), else its name."""
    if code and code.isalpha():
        return code
    return name or None


def _locality_accuracy(population: int) -> float:
    small, big = _LOCALITY_ACCURACY_M
    return small if population < 50_000 else big if population > 1_000_000 else 12_000.0


def _place(row: Mapping[Any, Any], score: float, match: str, why: str, level: str, conflicts: int) -> Place:
    pop = int(row["population"] or 0)
    acc = {"locality": _locality_accuracy(pop), "region": 100_000.0, "country": 500_000.0}.get(level)
    region_name = row["admin1_name"] if level != "country" else None
    region = _region_label(row["admin1_code"], row["admin1_name"]) if level == "locality" else None
    label = _label(row["name"], region, row["country_code"])
    return Place(
        int(row["id"]), row["name"], region_name, row["admin1_code"], row["country_code"], row["lat"], row["lon"],
        round(max(0.0, min(1.0, score)), 4), match, pop, why, level, ACCURACY[level], acc, label=label,
        conflicts=conflicts,
    )  # fmt: skip


def resolve(
    conn: Connection,
    components: Mapping[str, str],
    country: str | None = None,
    limit: int = 5,
    confidences: Mapping[str, float] | None = None,
    relax: bool = True,
) -> list[Place]:
    """Ranked results for one reading of parsed address ``components``; ``[]`` when nothing matches.
    ``relax=False``: a country component with no such place is not dropped (a derived reading that
    names a country is only worth its country).

    Raises ``ValueError`` for malformed input (non-string values, values over ``MAX_COMPONENT_CHARS``,
    a ``country`` that is not a known ISO alpha-2 code, ``limit`` outside 1..``MAX_LIMIT``).
    """
    if isinstance(limit, bool) or not isinstance(limit, int) or not 1 <= limit <= MAX_LIMIT:
        raise ValueError(f"limit must be an integer in 1..{MAX_LIMIT}")
    comps = _clean(components)
    conf = _confidences(confidences)
    ex = Explanation()
    cc: str | None = None
    cc_from_component = False
    unknown_country = 0  # a country component that names no country: a constraint no result can meet
    if country is not None:
        if not isinstance(country, str) or not _COUNTRY_CODE_RE.fullmatch(country.strip()):
            raise ValueError("country must be an ISO 3166-1 alpha-2 code such as 'US'")
        cc = country.strip().upper()
        if cands.country_code(conn, cc.lower()) != cc:
            raise ValueError(f"unknown country code {cc!r}")
    elif "country" in comps:
        cc = cands.country_code(conn, normalize_name(comps["country"]))
        if cc is None:
            ex.relax(f"country {comps['country']!r} unknown, ignored")
            unknown_country = 1
        else:
            cc_from_component = True
            ex.note(f"country {cc}")

    territory = cc if cc in US_TERRITORIES else None
    if territory:  # "Puerto Rico": a region of the US in this gazetteer (US_TERRITORIES)
        cc = "US"
        ex.note(f"{territory}: a territory of the US")
    regions: set[tuple[str, str]] = set()
    if "region" in comps:
        regions = cands.regions(conn, normalize_name(comps["region"]), cc)
        if not regions:
            ex.note(f"region {comps['region']!r} unknown{' in ' + cc if cc else ''}, ignored")
    if territory and not regions:
        regions = {("US", territory)}
    # countries the region names a province or other subdivision of (ISO 3166-2: "RM" is Roma's): looked in too
    # (beside the countries of the gazetteer's own regions of that name, where another region disagrees)
    region_ccs = sorted({rc for rc, _ in regions})  # the countries of the region component's regions
    region_iso = countries_with_subdivision(comps["region"]) - set(region_ccs) \
        if "region" in comps and not territory else frozenset()
    own = cands.country_code(conn, normalize_name(comps["region"])) if region_iso and not regions else None
    if own and own not in region_iso:  # "Saint-Denis, La Réunion": a country of the gazetteer (RE) that France
        region_iso = frozenset({own})  # also lists as its region (FR-RE): the place in that country, not in France

    pc_rows = cands.postcode_rows(conn, comps["postcode"], cc) if "postcode" in comps else []
    if regions and len(pc_rows) > 1:
        pc_rows = [r for r in pc_rows if (r.country, r.admin1_code) in regions] or pc_rows
    city_points = [(r["lat"], r["lon"]) for r in cands.big_cities(conn, normalize_name(comps["region"]))
                   if r["lat"] is not None] if "region" in comps and not regions else []  # fmt: skip
    ev = Evidence(
        region_city_points=city_points,
        regions=regions,
        region_countries=region_iso,
        postcode_ids={i for r in pc_rows for i in r.place_ids},
        postcode_point=next(((r.lat, r.lon) for r in pc_rows if r.lat is not None and r.lon is not None), None),
        has_postcode=bool(pc_rows),
        postcode_countries={r.country for r in pc_rows},
        confidences=conf,
        bare=cc is None and not any(k in comps for k in ("region", "country")) and not pc_rows,
    )

    found: dict[int, LocalityCand] = {}
    known_rows: dict[int, Mapping[Any, Any]] = {}  # place rows that came with the name lookups

    def add(pid: int, match: str, base: float, note: str) -> None:
        old = found.get(pid)
        if old is None or base > old.base:
            found[pid] = LocalityCand(pid, match, base, [note])

    query_names = [(k, comps[k]) for k in ("locality", "suburb", "city_district") if k in comps]
    primary = query_names[0] if query_names else None

    named_ccs = sorted({*region_ccs, *region_iso})  # and those it names a subdivision of (exact names only)

    def exact(key: str, country_code: str | None) -> list[tuple[int, str, Mapping[Any, Any]]]:
        """Places named ``key``: in the region's countries first (when no country is set), else in ``country_code``."""
        hits = cands.names_exact_places(conn, key, region_ccs) if country_code is None and regions else []
        if regions and region_iso and country_code is None and not any((r["country_code"], r["admin1_code"]) in regions
                                                           for *_, r in hits):
            # none in the region: the countries it names a province of too ("Milano MI": not in Michigan)
            hits = cands.names_exact_places(conn, key, named_ccs)
        return hits or cands.names_exact_places(conn, key, country_code)

    def lookup_names(country_code: str | None) -> None:
        assert primary is not None
        norm = normalize_name(primary[1])[:MAX_NAME_CHARS]
        role = primary[0]
        hits = exact(norm, country_code)
        core = civil_core(norm)
        core_hits: list[tuple[int, str, Mapping[Any, Any]]] = []
        if core and (not hits or (regions and not any((r["country_code"], r["admin1_code"]) in regions for *_, r in hits))):
            # "Brick Township", "Town of Amherst": the place's own name (also when the whole name is a place
            # elsewhere only: "Chester Township" is in PA, not TX)
            core_hits = exact(core, country_code)
        for (pid, kind, row), whole in [*((h, True) for h in hits), *((h, False) for h in core_hits)]:
            known_rows[pid] = row
            # an official name counts as exact also inside a civil-division phrase ("Town of Franklin": the
            # Franklin of that name before a village whose alternate name is Franklin)
            match = "exact" if kind == "official" else "alias"
            base = BASE["postal"] if kind == "postal" else BASE[match]
            if role != "locality":
                base -= SECONDARY_ROLE_PENALTY
            add(pid, match, base, f"{role} {match} ({kind} name)" if whole
                else f"{role} {core!r} ({kind} name) without its civil-division words")
        written = primary[1].casefold() if latin_accented(primary[1]) else None
        for pid in {pid for pid, _kind, row in hits if written and str(row["name_written"]).casefold() == written}:
            found[pid].base += SPELLING_BONUS  # "València": Valencia, Spain, before Valencia, Venezuela
            found[pid].notes.append("spelled as written")
        if not found and norm:
            # within every country with a region of that name first (indexed, narrow scans; the region
            # agreement then ranks them: "CA" is California and a canton of Luxembourg), then anywhere
            tiers: list[list[str | None]] = [[country_code]]
            if country_code is None and regions:
                tiers = [[*region_ccs], [None]]
            for tier in tiers:
                for scope in tier:
                    for pid, sim in cands.names_fuzzy(conn, norm, scope):
                        add(pid, "fuzzy", BASE["fuzzy"] * sim, f"{role} fuzzy (similarity {sim:.2f})")
                if found:
                    break
        if len(query_names) > 1 and all(c.match == "fuzzy" for c in found.values()):
            # the locality unknown, or near a name only by a typo: a suburb that is a locality ("Bilbao, Euskadi"
            # read as suburb and locality), which scoring weighs against the fuzzy names
            role2, value = query_names[1]
            why = f"{role2} name (locality {'only near by a typo' if found else 'not found'})"
            for pid, _kind, row in cands.names_exact_places(conn, normalize_name(value), country_code):
                known_rows[pid] = row
                add(pid, "alias", BASE["alias"] - 0.15, why)

    relaxed = 0
    dropped: str | None = None  # the written country a name found only abroad was dropped for
    if primary:
        lookup_names(cc)
        if not found and cc_from_component and relax:
            lookup_names(None)
            if found:
                ex.relax(f"no place named {primary[1]!r} in {cc}; country dropped")
                dropped, cc, relaxed = cc, None, relaxed + 1
    if ev.postcode_ids and (not primary or not any(pid in ev.postcode_ids for pid in found)):
        primary_pc = {r.place_ids[0] for r in pc_rows if r.place_ids}
        for pid in ev.postcode_ids:
            base = BASE["postcode"] if pid in primary_pc else BASE["postcode"] - 0.05
            if primary:
                base -= POSTCODE_NAME_CONFLICT  # the name disagrees with the postcode
            add(pid, "postcode", base, "postcode")

    rows = {pid: known_rows[pid] for pid in found if pid in known_rows}
    rows.update(cands.place_rows(conn, [pid for pid in found if pid not in known_rows]))
    if not primary and len(ev.postcode_ids) > 1:
        shared = _shared_postcode(pc_rows, rows)
        for c in found.values():
            if c.match == "postcode":
                c.notes.append(shared)
    if "suburb" in comps and primary and primary[0] == "locality" and len(found) > 1:
        subs = cands.names_exact_places(conn, normalize_name(comps["suburb"]), cc)[:200]
        ev.suburb_points = [(r["lat"], r["lon"]) for r in {pid: r for pid, _, r in subs}.values()
                            if r["lat"] is not None]  # fmt: skip

    if "county" in comps and (key := county_key(comps["county"])):
        for region in {(r["country_code"], r["admin1_code"]) for r in rows.values()}:
            if region not in ev.county_in and (known := cands.counties(conn, *region)):
                ev.county_in[region] = key in known
    scored: list[tuple[float, int, int, LocalityCand, Mapping[Any, Any], list[str]]] = []
    for pid, c in found.items():
        r = rows.get(pid)
        if r is None or r["kind"] != "locality" or (cc and r["country_code"] != cc):
            continue
        score, why = score_locality(c, r, ev)
        if relaxed:
            score -= RELAXED_PENALTY
        scored.append((round(max(0.0, min(1.0, score)), 4), int(r["population"] or 0), pid, c, r, why))
    scored.sort(key=lambda t: (-t[0], -t[1], t[2]))
    shown = max(limit, 3) if "street" in comps else limit  # the address level looks among the first three
    out = [_place(r, score, c.match, ex.render(why), "locality", relaxed + unknown_country + _contradictions(why))
           for score, _, _, c, r, why in scored[:shown]]  # fmt: skip
    if not primary and pc_rows and ev.postcode_point is not None:
        # the postcode names no locality of its own: its centroid, under the name of its place
        code = pc_rows[0].code
        out = [replace(p, level="postcode", lat=ev.postcode_point[0], lon=ev.postcode_point[1], postcode=code,
                       accuracy_m=_POSTCODE_ACCURACY_M, label=_label(code, p.name, _region_label(p.region_code, p.region), p.country))
               if p.match == "postcode" else p for p in out]  # fmt: skip

    if dropped is not None and out:
        # the written region of that country, else the country, first; the places of that name abroad after it and
        # scored no higher ("Grecia, Costa Rica": Costa Rica, then Grecia, Mexico; "Palermo, Buenos Aires,
        # Argentina": the province, then Palermo, Italy); a reading of the country as a region ("Athens, Georgia")
        # is still tried
        assert primary is not None
        coarse = _coarser(conn, comps, primary, {r for r in regions if r[0] == dropped}, dropped,
                          Explanation(list(ex.notes)), what=f"no place named {primary[1]!r} in {dropped}")
        if coarse:
            out = [*coarse, *(replace(p, score=min(p.score, coarse[0].score)) for p in out)]
    if "street" in comps and cands.has_streets(conn):
        address = _address_level(conn, comps, out, ev, pc_rows, cc, ex)
        if address is not None:
            out = [address, *[p for p in out if p.place_id != address.place_id or p.level != "locality"]]
        elif out:
            out[0] = replace(out[0], explanation=f"{out[0].explanation}; street {comps['street']!r} not found, "
                             f"{out[0].level} level")  # fmt: skip
    if not out:
        out = _coarser(conn, comps, primary, regions, cc, ex, unknown_country)
    elif regions and all(c.match == "fuzzy" for _, _, _, c, _, _ in scored) \
            and all("region disagrees" in why for *_, why in scored):
        # the name only near places by a typo, none of them in the region ("Condesa, Ciudad de México": not
        # "La Montesa" in Zacatecas): the region first, the typo matches after it
        out = [*_coarser(conn, comps, primary, regions, cc, ex, unknown_country), *out]
    return out[:limit]


def _shared_postcode(pc_rows: list[cands.PostcodeRow], rows: Mapping[int, Mapping[Any, Any]]) -> str:
    """Why a postcode-only reading names the place it does when the postcode serves several (a US ZIP's
    USPS city and its acceptable cities): its main place (the USPS city) unless a street of another
    place is found with it (the address level), then the population (``score_locality``).

    On corpus material (usaddress, OA fixtures; never the eval points), the main place is the written one
    for 1,332 of 1,376 addresses in shared ZIPs (197 of 230 distinct ZIP-town pairs); the place nearest
    the ZIP's centroid, the largest one, or a nearer town when the main place is far all chose worse
    (results/experiments/resolver_nsp/zip_choice_dev.json)."""
    names = list(dict.fromkeys(str(rows[pid]["name"]) for r in pc_rows for pid in r.place_ids if pid in rows))
    shown = ", ".join(names[:6]) + (f" and {len(names) - 6} more" if len(names) > 6 else "")
    return f"postcode {pc_rows[0].code} serves {shown}: its main place ({names[0]}) unless the street says otherwise"


def _contradictions(why: list[str]) -> int:
    return sum(1 for w in why if w in ("region disagrees", COUNTY_NONE) or w.endswith("(postcode disagrees)"))


def _coarser(
    conn: Connection,
    comps: Mapping[str, str],
    primary: tuple[str, str] | None,
    regions: set[tuple[str, str]],
    cc: str | None,
    ex: Explanation,
    unmet: int = 0,
    what: str | None = None,
) -> list[Place]:
    """No locality: the region, else the country, with the relaxation explained. A region found after a street with
    a house number and no locality ("Av Juárez 10, Jalisco, Mexico") is explained but costs nothing: the reading
    names no place smaller than the region, and a locality-level answer that does not find its street is not marked
    down either. ``unmet`` constraints no result can meet (a country component that names no country) count as
    contradicted, as they do for a locality. ``what``: what was not found, when not the primary name or the street
    ("no place named 'Toledo' in IT")."""
    if what is None:
        what = f"{primary[0]} {primary[1]!r} not found" if primary else ""
        if "street" in comps and not primary:
            what = f"street {comps['street']!r} not found"
    costs = bool(what) and not ("street" in comps and "house_number" in comps and not primary)
    out: list[Place] = []
    for rcc, admin1 in sorted(regions):
        row = cands.region_place(conn, rcc, admin1)
        if row is not None:
            sub = Explanation(list(ex.notes), list(ex.relaxed))
            if what:
                sub.relax(f"{what}; region only")
            out.append(_place(row, LEVEL_SCORE["region"] + (0.0 if costs else 0.3), "region", sub.render(), "region",
                              int(costs) + unmet))  # fmt: skip
    if out:
        return sorted(out, key=lambda p: -p.population)
    if cc and ("country" in comps or what):
        row = cands.country_place(conn, cc)
        if row is not None:
            if what:
                ex.relax(f"{what}; country only")
            return [_place(row, LEVEL_SCORE["country"] + (0.0 if what else 0.3), "country", ex.render(), "country",
                           (1 if what else 0) + unmet)]  # fmt: skip
    return []


def _address_level(
    conn: Connection,
    comps: Mapping[str, str],
    ranked: list[Place],
    ev: Evidence,
    pc_rows: list[cands.PostcodeRow],
    cc: str | None,
    ex: Explanation,
) -> Place | None:
    anchors: list[Anchor] = []
    for i, p in enumerate(ranked[:3]):
        if p.lat is not None and p.lon is not None:
            keys = {normalize_name(p.name), *(normalize_name(comps[k]) for k in ("locality", "suburb") if k in comps)}
            anchors.append(Anchor(p.lat, p.lon, p.place_id, frozenset(keys), 1.0 - 0.1 * i, p.name, p.country))
    if ev.postcode_point is not None:
        anchors.append(Anchor(ev.postcode_point[0], ev.postcode_point[1], None, frozenset(), 0.95, "the postcode"))
    postcode = cands.postcode_key(comps["postcode"]) if "postcode" in comps else None
    hit = match_address(conn, comps, anchors, postcode, cc)
    if hit is None:
        return None
    parent = _parent(conn, hit, ranked)
    if parent is None:
        return None
    why = Explanation(list(ex.notes), list(ex.relaxed))
    score = min(1.0, (parent.score if parent.level == "locality" else BASE["exact"]) * 0.85
                + ADDRESS_BONUS[hit.level] + 0.1 * hit.score)  # fmt: skip
    label = _label(" ".join(x for x in (hit.house_number, hit.street) if x), parent.name,
                   " ".join(x for x in (_region_label(parent.region_code, parent.region), hit.postcode) if x),
                   parent.country)  # fmt: skip
    return replace(
        parent, lat=hit.lat, lon=hit.lon, score=round(score, 4), level=hit.level, accuracy=hit.accuracy,
        accuracy_m=hit.accuracy_m, street=hit.street, house_number=hit.house_number, postcode=hit.postcode,
        label=label, explanation=why.render([*hit.why, f"in {parent.name}"]),
    )  # fmt: skip


def _parent(conn: Connection, hit: AddressHit, ranked: list[Place]) -> Place | None:
    """The locality an address hit lies in: the query's locality it matched, else the street's own."""
    if hit.anchor is not None and hit.anchor.place_id is not None:
        for p in ranked:
            if p.place_id == hit.anchor.place_id:
                return p
    for p in ranked:
        if hit.locality_id is not None and p.place_id == hit.locality_id:
            return p
    if hit.locality_id is not None:
        row = cands.place_rows(conn, [hit.locality_id]).get(hit.locality_id)
        if row is not None:
            return _place(row, BASE["exact"], "street", "locality of the street", "locality", 0)
    if ranked:
        return ranked[0]
    row = cands.country_place(conn, hit.country) if hit.country else None
    if row is None:
        return None
    country = _place(row, BASE["exact"], "street", "country of the street", "country", 0)
    return replace(country, name=hit.city or country.name, level="locality")
