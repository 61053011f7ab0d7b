"""A hand fuzz: deterministic (seeded) requests of every kind the hardening issue lists.

Kinds: address-like and random Unicode texts (combining marks, RTL, CJK, emoji), whitespace runs,
control characters, NUL, lone surrogates (JSON escapes), texts at and over the length limit, long
valid texts for ``/resolve``, invalid UTF-8 bodies (``FF``, ``ED A0 80``, truncated sequences, overlong
forms), broken and non-object JSON, wrong types, extra fields, unknown arms, batches (empty, mixed,
over the limit), ``/resolve`` components (unknown labels, long values, SQL metacharacters, whitespace),
country codes, names and junk, odd limits, trailing slashes, wrong methods, unknown paths and content
types. Each case is (method, path, body bytes, content type, the request as sent when it is JSON).
"""

from __future__ import annotations

import json
import random
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

STREETS = ["Main St", "T Street Southeast", "Rue du Presbytère", "Markgrafenstraße", "Korunní", "Calle 13",
           "Avenida Paulista", "Elm Ave", "O'Connell St", "Via Roma", "Nevsky Prospekt", "1st Ave NW"]
CITIES = ["Springfield, IL", "Portland, OR 97201", "Washington, DC 20020", "10117 Berlin", "Praha", "São Paulo",
          "San Francisco, CA", "Arvada, CO", "Toronto ON M5V 2T6", "London SW1A 1AA", "東京都", "Москва"]
ODD = ["\u0301", "\u202e", "\u200b", "\ufeff", "\U0001f600", "\u0000", "\u0007", "\t", "\n", "\r", "\u00a0",
       "\u3000", "\ud800", "\udfff", "\U0010ffff", "\ufffd", "&", "'", '"', "\\", "%", "_", ";--", "<b>", "${x}"]
LABEL_KEYS = ["locality", "suburb", "county", "region", "postcode", "country", "street", "house_number", "planet",
              "", "LOCALITY", "city"]
COUNTRIES = ["US", "us", "USA", "United States", "Germany", "DE", "Deutschland", "Narnia", "", " ", "X", "1",
             "United States of America", "ZZ", "CO", "Côte d'Ivoire", "x" * 64, "x" * 65]
INVALID_UTF8 = [b"\xff", b"\xfe\xff", b"\xed\xa0\x80", b"\xed\xbf\xbf", b"\xc0\xaf", b"\xe0\x80\xaf", b"\xc3",
                b"\xf4\x90\x80\x80", b"\x80", b"\xf8\x88\x80\x80\x80"]


@dataclass
class Case:
    kind: str
    method: str
    path: str
    body: bytes | None
    content_type: str | None = "application/json"
    sent: Any = None


def _text(rng: random.Random) -> str:
    r = rng.random()
    if r < 0.35:
        return f"{rng.randint(1, 99999)} {rng.choice(STREETS)}, {rng.choice(CITIES)}"
    if r < 0.55:
        parts = [rng.choice(STREETS + CITIES + ODD) for _ in range(rng.randint(1, 8))]
        return " ".join(parts)
    if r < 0.7:
        return "".join(chr(rng.choice([rng.randint(32, 126), rng.randint(0xA0, 0x2FFF), rng.randint(0x3000, 0xD7FF),
                                       rng.randint(0xE000, 0xFFFD), rng.randint(0x10000, 0x10FFFF)]))
                       for _ in range(rng.randint(1, 80)))
    if r < 0.8:
        ws = rng.choice([" ", "\t", "\n", "\u3000", "\u00a0"])
        return ws * rng.randint(0, 40) + rng.choice(CITIES) + ws * rng.randint(0, 600)
    if r < 0.9:
        return rng.choice(["x", "1", "Springfield ", "Main St ", "ab cd "]) * rng.randint(50, 140)
    return "".join(rng.choice(ODD) + rng.choice(["a", " ", "1"]) for _ in range(rng.randint(1, 30)))


def _json(obj: Any, ascii_only: bool) -> bytes:
    return json.dumps(obj, ensure_ascii=ascii_only).encode("utf-8", "surrogatepass")


def _post(kind: str, path: str, obj: Any, rng: random.Random) -> Case:
    ascii_only = rng.random() < 0.5 or _has_surrogate(obj)
    body = _json(obj, ascii_only=True) if ascii_only else _json(obj, ascii_only=False)
    return Case(kind, "POST", path, body, "application/json", obj)


def _has_surrogate(obj: Any) -> bool:
    s = json.dumps(obj, ensure_ascii=False)
    return any(0xD800 <= ord(ch) <= 0xDFFF for ch in s)


def cases(n: int, seed: int = 13) -> Iterator[Case]:
    rng = random.Random(seed)
    for i in range(n):
        k = i % 20
        if k < 6:  # /parse with a text of any kind, sometimes an arm
            obj: Any = {"text": _text(rng)}
            if rng.random() < 0.1:
                obj["arm"] = rng.choice(["A", "B", "C", "", "../A", "a" * 300])
            yield _post("parse_text", "/parse", obj, rng)
        elif k == 6:  # invalid UTF-8 in the body
            raw = b'{"text": "10 Main St ' + rng.choice(INVALID_UTF8) + b' Springfield"}'
            yield Case("invalid_utf8", "POST", rng.choice(["/parse", "/resolve", "/parse/batch"]), raw)
        elif k == 7:  # broken or non-object JSON, wrong types, extra fields
            bad: list[Any] = [b"", b"{", b'{"text": "x"', b"[]", b"null", b'"x"', b"1e999", b"{}",
                              b'{"text": 5}', b'{"text": null}', b'{"text": ["a"]}', b'{"text": {"a": 1}}',
                              b'{"text": true}', b'{"text": "x", "extra": 1}', b'{"text": "x", "text": "y"}',
                              b'{"text": "' + b"[" * 2000 + b'"}', b"[" * 5000 + b"]" * 5000, b'{"text": NaN}']
            yield Case("bad_json", "POST", rng.choice(["/parse", "/resolve", "/parse/batch"]), rng.choice(bad))
        elif k == 8:  # batches
            size = rng.choice([0, 1, 2, 7, 33, 64, 1001])
            texts: Any = [_text(rng) if rng.random() < 0.95 else rng.choice(["", "   ", 5, None]) for _ in range(size)]
            if size == 1001:
                texts = ["1 Main St"] * 1001
            obj = {"texts": texts} if rng.random() < 0.9 else {"texts": rng.choice(["x", 5, {"a": 1}, None])}
            yield _post("batch", "/parse/batch", obj, rng)
        elif k in (9, 10, 11):  # /resolve with text (long valid texts included)
            obj = {"text": _text(rng)}
            if rng.random() < 0.3:
                obj["limit"] = rng.choice([1, 5, 20, 0, 21, -1, 10**12, 2.5, "3", None])
            if rng.random() < 0.3:
                obj["country"] = rng.choice(COUNTRIES)
            yield _post("resolve_text", "/resolve", obj, rng)
        elif k in (12, 13, 14):  # /resolve with components
            comps: Any = {}
            for _ in range(rng.randint(0, 4)):
                key = rng.choice(LABEL_KEYS)
                val = rng.choice([rng.choice(CITIES).split(",")[0], _text(rng), "x" * rng.choice([199, 200, 201, 5000]),
                                  "San" + " " * rng.randint(1, 400) + "Francisco", "'; DROP TABLE places; --", "%_%",
                                  "", "   "])
                comps[key] = val if rng.random() < 0.95 else rng.choice([5, None, ["a"], {"a": 1}])
            obj = {"components": comps}
            if rng.random() < 0.4:
                obj["country"] = rng.choice(COUNTRIES)
            if rng.random() < 0.05:
                obj["text"] = "1 Main St"
            yield _post("resolve_components", "/resolve", obj, rng)
        elif k == 15:  # paths, methods
            method, path = rng.choice([("POST", "/parse/"), ("POST", "/resolve/"), ("GET", "/parse"),
                                       ("PUT", "/resolve"), ("DELETE", "/parse/batch"), ("GET", "/nope"),
                                       ("POST", "/v1/arms"), ("GET", "/v1/arms/"), ("POST", "//parse"),
                                       ("GET", "/readyz"), ("GET", "/healthz"), ("GET", "/v1/arms"),
                                       ("GET", "/v1/eval"), ("PATCH", "/healthz"), ("GET", "/%2e%2e/etc/passwd")])
            yield Case("paths", method, path, b'{"text": "1 Main St"}' if method != "GET" else None)
        elif k == 16:  # content types
            ct = rng.choice(["text/plain", "application/x-www-form-urlencoded", None, "application/json; charset=latin-1",
                             "multipart/form-data; boundary=x", "application/json"])
            yield Case("content_type", "POST", "/parse", _json({"text": _text(rng)}, True), ct)
        elif k == 17:  # operator GETs with junk queries
            q = rng.choice(["since=2000-01-01T00:00:00", "since=garbage", "examples=-1", "examples=1000",
                            "examples=5", "since=9999-12-31T23:59:59Z", "detail=maybe", "detail=false"])
            yield Case("ops_query", "GET", rng.choice(["/v1/shadow/report", "/v1/eval"]) + "?" + q, None)
        elif k == 18:  # texts around the limit, with surrounding whitespace
            n = rng.choice([511, 512, 513, 1000])
            obj = {"text": " " * rng.randint(0, 50) + "1" * n + " " * rng.randint(0, 50)}
            yield _post("length_limit", rng.choice(["/parse", "/resolve"]), obj, rng)
        elif rng.random() < 0.2:  # oversized bodies
            yield Case("oversized", "POST", "/parse/batch", _json({"texts": ["x" * 500] * rng.choice([1500, 2100])}, True))
        else:
            yield _post("parse_text", "/parse", {"text": _text(rng)}, rng)
