"""Korean road-name addresses, written big to small as Koreans write them ("서울특별시 강남구 테헤란로 152"). Corpus
0.5.0 wrote Korea's rows only through Western layouts, and arm A read the building number after the road as a
postcode and the district (구) as a street. Inputs written for this probe (well-known buildings' addresses, no public
test suite); ``expected`` is how the schema labels them (corpus 0.7.0, ``training/corpus_v7.py``): a metropolitan or
special city and a city (시/군) ``locality``, a district (구) ``suburb``, a province (도) ``region``.

Run: ``python results/experiments/kr_words/run.py [ARM_FOLDER [OUT]]`` from the repository root (default: the
shipped arm A -> ``result.json``).
"""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[2]
sys.path.insert(0, str(ROOT))

from bench.common import now, write_result  # noqa: E402
from model.tagger import Tagger  # noqa: E402

CASES: list[tuple[str, dict[str, str]]] = [
    ("서울특별시 강남구 테헤란로 152", {"locality": "서울특별시", "suburb": "강남구", "street": "테헤란로", "house_number": "152"}),
    ("서울특별시 종로구 세종대로 209", {"locality": "서울특별시", "suburb": "종로구", "street": "세종대로", "house_number": "209"}),
    ("대한민국 서울특별시 중구 세종대로 110",
     {"country": "대한민국", "locality": "서울특별시", "suburb": "중구", "street": "세종대로", "house_number": "110"}),
    ("서울특별시 영등포구 여의대로 128", {"locality": "서울특별시", "suburb": "영등포구", "street": "여의대로", "house_number": "128"}),
    ("부산광역시 해운대구 해운대해변로 264",
     {"locality": "부산광역시", "suburb": "해운대구", "street": "해운대해변로", "house_number": "264"}),
    ("인천광역시 연수구 송도과학로 32", {"locality": "인천광역시", "suburb": "연수구", "street": "송도과학로", "house_number": "32"}),
    ("경기도 성남시 분당구 판교역로 235",
     {"region": "경기도", "locality": "성남시", "suburb": "분당구", "street": "판교역로", "house_number": "235"}),
    ("제주특별자치도 제주시 문연로 6", {"region": "제주특별자치도", "locality": "제주시", "street": "문연로", "house_number": "6"}),
    ("06236 서울특별시 강남구 테헤란로 129",
     {"postcode": "06236", "locality": "서울특별시", "suburb": "강남구", "street": "테헤란로", "house_number": "129"}),
    ("서울특별시 강남구 언주로30길 10", {"locality": "서울특별시", "suburb": "강남구", "street": "언주로30길", "house_number": "10"}),
]


def main() -> None:
    folder = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "artifacts" / "arms" / "A"
    out = Path(sys.argv[2]) if len(sys.argv) > 2 else HERE / "result.json"
    tagger = Tagger.load(folder)
    rows = []
    for text, expected in CASES:
        comps = [(c.label, c.value) for c in tagger.parse(text).components]
        rows.append({"text": text, "expected": expected, "right": sorted(comps) == sorted(expected.items()),
                     "parse": comps})
    write_result(out, {"experiment": "kr_words", "date": now(), "arm": str(folder),
                       "right": sum(r["right"] for r in rows), "cases": len(rows), "rows": rows})


if __name__ == "__main__":
    main()
