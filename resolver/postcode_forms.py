"""Countries that a postcode's written form names on its own.

The gazetteer holds US ZIP codes only, so a postcode abroad ("TW9 1AA", "K7L 1A1", "4050-262") finds no row.
Its form still says where it is: each pattern below belongs to one country's postal system and to no other that
addresses commonly carry, and none matches a US ZIP (five digits, or ZIP+4). Forms that several countries share
(five digits: Germany, France, Italy, Spain, Mexico, the US...; "123 45": Sweden, Czechia, Slovakia, Greece) name no
country here. Patterns follow the postal operators' published formats (Royal Mail, Canada Post, PostNL, Poczta
Polska, CTT, Japan Post, Correios, Correo Argentino, Eircode).
"""

from __future__ import annotations

import re

_FORMS: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (cc, re.compile(pattern))
    for cc, pattern in (
        # outward code (area letters, district) and inward code (sector digit, unit letters)
        ("GB", r"(?:GIR ?0AA|[A-PR-UWYZ][A-HK-Y]?\d[A-Z\d]? ?\d[ABD-HJLNP-UW-Z]{2})"),
        # forward sortation area and local delivery unit: letter digit letter, digit letter digit
        ("CA", r"[ABCEGHJ-NPRSTVXY]\d[ABCEGHJ-NPRSTV-Z] ?\d[ABCEGHJ-NPRSTV-Z]\d"),
        ("NL", r"[1-9]\d{3} ?(?!SA|SD|SS)[A-Z]{2}"),
        ("PL", r"\d{2}-\d{3}"),
        ("PT", r"\d{4}-\d{3}"),
        ("JP", r"〒? ?\d{3}-\d{4}"),
        ("BR", r"\d{5}-\d{3}"),
        ("AR", r"[A-HJ-NP-Z]\d{4}[A-Z]{3}"),  # CPA: province letter, four digits, three letters
        ("IE", r"(?:[AC-FHKNPRTV-Y]\d{2}|D6W) ?[0-9AC-FHKNPRTV-Y]{4}"),  # Eircode
    )
)


def postcode_country(value: str) -> str | None:
    """The ISO code of the one country whose postcode form ``value`` has (case and outer spaces aside), else None."""
    code = " ".join(value.upper().split())
    found = {cc for cc, form in _FORMS if form.fullmatch(code)}
    return found.pop() if len(found) == 1 else None
