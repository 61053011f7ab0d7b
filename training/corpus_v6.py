"""Corpus 0.6.0 generator: the flat, floor, staircase and building words of European and Latin American addresses.

One mix source, ``v6`` (only in corpus >= 0.6.0): a full address of a country whose addresses carry such words,
with the floor and/or the flat written after the house number as that country writes them ("Calle Mayor 12, 2º B,
28013 Madrid", "Av. Santa Fe 1234 Piso 3 Dpto B, Buenos Aires", "12 rue de Rivoli, Bât. B, 2e étage, 75004 Paris",
"Via Roma 10, Scala B, Interno 4, 00184 Roma", "Lindenstraße 7, Whg. 12, 50674 Köln", "ul. Długa 5 m. 7"). Floors
are ``level``; flats, doors, staircases and buildings are ``unit``. Corpus 0.5.0 has almost none of these words
(``results/experiments/unit_words``).

Streets, numbers, postcodes and cities are real (the locale's Faker rows, GeoNames localities); only the designator
words are written here.
"""

from __future__ import annotations

import random
from typing import Any

from training.corpus_formats import layout_for
from training.corpus_render import Address, Piece, assemble
from training.corpus_v5 import _PREFIX_LANG as COUNTRY_LANG  # a country's address language

# per language: floor forms (``level``) and flat/door/staircase/building forms (``unit``); "{n}" a number, "{L}" a
# letter. Spanish and Portuguese write the floor then the door ("2º B", "3º izq.", "3º Esq."); the others one or both.
LOCAL_UNITS: dict[str, dict[str, tuple[str, ...]]] = {
    "es": {"level": ("{n}º", "{n}°", "{n}.º", "Piso {n}", "piso {n}", "{n}º piso", "Planta {n}", "Pl. {n}"),
           "unit": ("{L}", "{L}", "izq.", "dcha.", "Izq.", "Dcha.", "izda.", "Dpto {L}", "Dpto. {n}", "Depto. {n}",
                    "Depto {L}", "Puerta {n}", "Pta. {n}", "Of. {n}", "Oficina {n}", "Local {n}")},
    "pt": {"level": ("{n}º", "{n}º andar", "Andar {n}", "{n}.º"),
           "unit": ("Esq.", "Dto.", "Esq", "Dto", "{L}", "Apto {n}", "Apto. {n}", "Apt. {n}", "Sala {n}", "Bloco {L}",
                    "Loja {n}")},
    "fr": {"level": ("{n}e étage", "{n}ème étage", "Étage {n}", "étage {n}", "RDC"),
           "unit": ("Bât. {L}", "Bâtiment {L}", "Bat {L}", "Esc. {L}", "Escalier {n}", "Appt {n}", "Apt {n}",
                    "Porte {n}", "Appartement {n}")},
    "it": {"level": ("Piano {n}", "{n}° piano", "piano {n}", "P. {n}"),
           "unit": ("Scala {L}", "Sc. {L}", "scala {L}", "Interno {n}", "Int. {n}", "int. {n}", "Interno {n}{L}")},
    "de": {"level": ("{n}. OG", "{n}. Stock", "{n}. Etage", "EG", "DG", "{n}. Obergeschoss"),
           "unit": ("Whg. {n}", "Wohnung {n}", "App. {n}", "Top {n}", "Stiege {n}", "Tür {n}")},
    "nl": {"level": ("{n}e verdieping", "{n}e etage"), "unit": ("app. {n}", "bus {n}", "unit {n}")},
    "pl": {"level": ("piętro {n}", "p. {n}", "{n} piętro"), "unit": ("m. {n}", "lok. {n}", "m {n}", "lokal {n}")},
}
_COUNTRIES = ("ES", "ES", "ES", "MX", "AR", "AR", "CO", "CL", "PE", "PT", "PT", "BR", "FR", "FR", "BE", "IT", "IT",
              "DE", "DE", "AT", "CH", "NL", "PL")


def _fill(form: str, rng: random.Random) -> str:
    return form.replace("{n}", str(rng.choice((rng.randint(1, 9), rng.randint(1, 9), rng.randint(10, 40))))).replace(
        "{L}", rng.choice("ABCDEFGH"))


class V6Synth:
    """Examples of the ``v6`` mix source, from the corpus 0.5.0 ``V5Synth`` ``v5`` (its v4 streets and cities, the
    world's Faker rows)."""

    def __init__(self, v5: Any, letter_after_level: bool = False) -> None:
        self.v5 = v5
        # corpus >= 0.7.0: a door letter ("B") only after a floor ("2º B"); alone after the number ("Calle Mayor
        # 12 B") it read as a unit, and the arms trained on 0.6.0 cut German and Dutch house numbers ("Rigaer
        # Straße 29 E") into a number and a unit
        self.letter_after_level = letter_after_level

    def example(self, rng: random.Random) -> tuple[str, list[list], str, Address, str]:
        cc = rng.choice(_COUNTRIES)
        a = self.v5.locale_address(cc, rng)
        lang = COUNTRY_LANG[cc]
        forms = LOCAL_UNITS[lang]
        r = rng.random()
        parts: list[Piece] = []
        if lang in ("es", "pt"):  # floor then door: "2º B", "Piso 3 Dpto B", or one of them
            if r < 0.75:
                parts.append((_fill(rng.choice(forms["level"]), rng), "level", ""))
            if r >= 0.45 or not parts:
                units = forms["unit"] if parts or not self.letter_after_level else \
                    tuple(f for f in forms["unit"] if f != "{L}")
                parts.append((_fill(rng.choice(units), rng), "unit", " "))
        elif lang == "it":  # staircase and/or flat: "Scala B, Interno 4"
            scala = [f for f in forms["unit"] if f.lower().startswith("sc")]
            inner = [f for f in forms["unit"] if f.lower().startswith("int")]
            if r < 0.6:
                parts.append((_fill(rng.choice(scala), rng), "unit", ""))
            if r >= 0.3:
                parts.append((_fill(rng.choice(inner), rng), "unit", ", " if parts and rng.random() < 0.7 else " "))
            if rng.random() < 0.2:
                parts.append((_fill(rng.choice(forms["level"]), rng), "level", ", "))
        else:  # building/flat and/or floor: "Bât. B, 2e étage", "Whg. 12", "3. OG"
            if r < 0.7:
                parts.append((_fill(rng.choice(forms["unit"]), rng), "unit", ""))
            if r >= 0.5 or not parts:
                parts.append((_fill(rng.choice(forms["level"]), rng), "level", ", " if parts and rng.random() < 0.7 else " "))
        number = a.house_number or str(rng.randint(1, 300))
        if layout_for(cc).number_first:
            pieces: list[Piece] = [(number, "house_number", ""), (a.street, "street", " ")]
        else:
            pieces = [(a.street, "street", ""), (number, "house_number", rng.choice((" ", " ", ", ")))]
        first_sep = rng.choice((", ", ", ", " ", " - ")) if lang != "pl" else rng.choice((" ", ", "))
        pieces += [(text, label, first_sep if i == 0 else sep) for i, (text, label, sep) in enumerate(parts)]
        if a.postcode and rng.random() < 0.8:
            pieces += [(a.postcode, "postcode", ", "), (a.locality, "locality", " ")]
        else:
            pieces.append((a.locality, "locality", ", "))
        if rng.random() < 0.2 and a.country_names:
            pieces.append((rng.choice(a.country_names), "country", ", "))
        a.stats["v6"] = "local_unit"
        text, spans = assemble([p for p in pieces if p[0]], rng, a.stats)
        return text, spans, "v6_local_unit", a, "local_unit"
