"""Corpus 0.7.0 generator: Korean road-name addresses written as Koreans write them, big to small.

One mix source, ``v7`` (only in corpus >= 0.7.0): "서울특별시 강남구 테헤란로 152", "경기도 수원시 권선구 세류로 12-3",
"06236 서울특별시 강남구 언주19길 지하5", "대한민국 부산광역시 해운대구 해운대해변로 264". Corpus 0.6.0 writes
Korea's Faker rows through the Western layouts, number first ("862-82 개포, 수원시 권선구, 전라남도"), so the arms
read a building number after the road as a postcode and a district (구) as a street.

Labels: a metropolitan or special city (서울특별시, 부산광역시) and a city or county town (수원시, 옥천군) are
``locality``; a district (구) is ``suburb``, a province (경기도) ``region``, the road with its suffix (로, 길, 대로)
or its numbered branch ("언주19길") ``street``, the building number ("152", "12-3", "지하5") ``house_number``.
Every name is one of Faker's ``ko_KR`` lists (``faker.providers.address.ko_KR``); only the order, the numbers and
the separators are made here.
"""

from __future__ import annotations

import random

from training.corpus_render import Address, Piece, assemble

_COUNTRY_FIRST = ("대한민국", "한국")
_COUNTRY_LAST = ("대한민국", "South Korea", "Korea", "Republic of Korea")


class V7Synth:
    """Examples of the ``v7`` mix source from Faker's ``ko_KR`` name lists."""

    def __init__(self) -> None:
        from faker import Faker

        p = Faker("ko_KR").provider("faker.providers.address")
        self.metro = tuple(p.metropolitan_cities)
        self.provinces = tuple(p.provinces)
        self.cities = tuple(p.cities)
        self.boroughs = tuple(p.boroughs)
        self.roads = tuple(p.road_names)
        self.suffixes = ("로", "로", "길", "대로", "길", "거리")

    def _road(self, rng: random.Random) -> str:
        name = rng.choice(self.roads)
        if rng.random() < 0.3:  # a numbered branch road: "언주19길", "테헤란로8길"
            return f"{name}{rng.choice(('', '로'))}{rng.randint(1, 99)}{rng.choice(('길', '길', '번길'))}"
        return name + rng.choice(self.suffixes[:2] if name.endswith("대") else self.suffixes)  # 반포대로, not 반포대대로

    def _number(self, rng: random.Random) -> str:
        n = str(rng.randint(1, 999) if rng.random() < 0.8 else rng.randint(1000, 3000))
        if rng.random() < 0.25:
            n += f"-{rng.randint(1, 60)}"
        return ("지하" if rng.random() < 0.05 else "") + n

    def example(self, rng: random.Random) -> tuple[str, list[list], str, Address, str]:
        pieces: list[Piece] = []
        sep = ", " if rng.random() < 0.12 else " "
        if rng.random() < 0.5:  # a metropolitan city and its district
            locality, region, suburb = rng.choice(self.metro), "", rng.choice(self.boroughs)
            pieces += [(locality, "locality", ""), (suburb, "suburb", sep)]
        else:  # a province and its city or county town, the city's district kept with it as Faker writes it
            region, city = rng.choice(self.provinces), rng.choice(self.cities)
            locality, _, district = city.partition(" ")
            suburb = district
            if rng.random() < 0.85:
                pieces.append((region, "region", ""))
            pieces.append((locality, "locality", sep))
            if district:
                pieces.append((district, "suburb", " "))
        street, number = self._road(rng), self._number(rng)
        pieces += [(street, "street", sep), (number, "house_number", " ")]
        postcode = f"{rng.randint(1000, 63999):05d}" if rng.random() < 0.4 else ""
        if postcode:
            if rng.random() < 0.6:
                pieces.insert(0, (postcode, "postcode", ""))
            else:
                pieces.append((postcode, "postcode", rng.choice((" ", ", "))))
        r = rng.random()
        if r < 0.12:
            pieces.insert(0, (rng.choice(_COUNTRY_FIRST), "country", ""))
        elif r < 0.2:
            pieces.append((rng.choice(_COUNTRY_LAST), "country", ", "))
        a = Address("KR", house_number=number, street=street, locality=locality, suburb=suburb, region_name=region,
                    postcode=postcode)
        a.stats["v7"] = "kr_road"
        text, spans = assemble(pieces, rng, a.stats)
        return text, spans, "v7_kr_road", a, "kr_road"
