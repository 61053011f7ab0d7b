"""The public Python API: ``Parser`` (the ONNX tagger over a shipped arm) and ``Geocoder`` (the SQL gazetteer).

    from addrnet import Parser, Geocoder

    parser = Parser.load(arm="A")                    # the arm shipped inside the package
    address = parser.parse("1745 T Street SE, Washington, DC 20020")
    address.get("postcode")                          # '20020'
    [(c.label, c.value, c.confidence) for c in address.components]
    parser.parse_batch(["10117 Berlin", "Korunní 810, Praha"], labels="libpostal")

    with Geocoder("sqlite:///var/gazetteer.sqlite", parser=parser) as geo:
        best = geo.resolve("Arvada, CO 80002")[0]      # Place(name='Arvada', lat=..., lon=..., ...)

Results are frozen dataclasses. A component's ``value`` is ``text[start:end]`` of ``ParsedAddress.text``
(the normalized input); ``confidence`` is a calibrated probability (see ``model.tagger``). ``Parser``
needs only numpy, onnxruntime and tokenizers; ``Geocoder`` imports SQLAlchemy when it is created.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from model.labels import LABELS, relabel, view_of
from model.tagger import ParseResult, Tagger

if TYPE_CHECKING:
    from sqlalchemy.engine import Engine

MAX_TEXT_CHARS = 512
BATCH = 256  # texts per ONNX run
RESOLVE_LABELS = ("locality", "suburb", "county", "region", "postcode", "country")


@dataclass(frozen=True, slots=True)
class Component:
    label: str
    value: str
    start: int
    end: int
    confidence: float


@dataclass(frozen=True, slots=True)
class Token:
    text: str
    start: int
    end: int
    label: str  # BIO tag, e.g. "B-street"
    confidence: float


@dataclass(frozen=True, slots=True)
class ParsedAddress:
    text: str  # the normalized input; spans index it
    arm: str
    labels: str  # the label view of ``components`` and ``tokens``
    components: tuple[Component, ...]
    tokens: tuple[Token, ...]

    def get(self, label: str) -> str | None:
        """The value of the first component labelled ``label`` (in this result's view), or None."""
        return next((c.value for c in self.components if c.label == label), None)

    def as_dict(self) -> dict[str, str]:
        """label -> value; a label seen twice (an intersection's two streets) keeps both, joined by " | "."""
        out: dict[str, str] = {}
        for c in self.components:
            out[c.label] = f"{out[c.label]} | {c.value}" if c.label in out else c.value
        return out


@dataclass(frozen=True, slots=True)
class Place:
    place_id: int
    name: str
    region: str | None
    region_code: str | None
    country: str
    lat: float | None
    lon: float | None
    score: float
    match: str  # how the name matched: exact, alias, postal, postcode or fuzzy
    population: int
    explanation: str
    level: str = "locality"  # match level: address, street, postcode, locality, region or country
    accuracy: str = "centroid"  # point, interpolated or centroid


def check_text(text: object, max_chars: int = MAX_TEXT_CHARS) -> str:
    """``text`` if it is a parseable address string, else ``ValueError`` saying why."""
    if not isinstance(text, str):
        raise ValueError(f"address is {type(text).__name__}, not a string")
    n = len(text.strip())
    if n == 0:
        raise ValueError("address is empty")
    if n > max_chars:
        raise ValueError(f"address is {n} characters; the limit is {max_chars}")
    return text


def find_arm(arm: str, arms_dir: str | Path | None = None) -> Path:
    """The artifact folder of ``arm`` under ``arms_dir``; default: the ``arms_dir`` setting (``ADDRNET_ARMS_DIR``),
    whose default is the arms shipped inside the package."""
    if arms_dir is None:
        from addrnet.settings import get_settings

        arms_dir = get_settings().arms_dir
    folder = Path(arms_dir) / arm
    if not (folder / "manifest.json").is_file():
        have = sorted(p.name for p in Path(arms_dir).glob("*") if (p / "manifest.json").is_file())
        raise FileNotFoundError(f"no arm {arm!r} in {arms_dir} (arms there: {have})")
    return folder


class Parser:
    """An address parser over one arm. Thread-safe for parsing; load once, reuse."""

    def __init__(self, tagger: Tagger, labels: str = "addrnet", max_chars: int = MAX_TEXT_CHARS) -> None:
        view_of(labels)
        self.tagger = tagger
        self.labels = labels
        self.max_chars = max_chars

    @classmethod
    def load(cls, arm: str = "A", *, arms_dir: str | Path | None = None, threads: int = 1,
             labels: str = "addrnet", max_chars: int = MAX_TEXT_CHARS) -> Parser:
        """Load ``arm`` (``"A"`` or ``"B"`` ship with the package); ``threads``: ONNX intra-op threads."""
        tagger = Tagger.load(find_arm(arm, arms_dir), intra_threads=threads, inter_threads=1)
        return cls(tagger, labels=labels, max_chars=max_chars)

    @property
    def arm(self) -> str:
        return self.tagger.name

    @property
    def manifest(self) -> dict[str, Any]:
        """The arm's manifest: version, corpus and tokenizer versions, dev metrics, file hashes."""
        return self.tagger.manifest

    def parse(self, text: str, *, labels: str | None = None) -> ParsedAddress:
        """Parse one address. ``ValueError`` for a non-string, empty or over-long text."""
        return self.parse_batch([text], labels=labels)[0]

    def parse_batch(self, texts: Iterable[str], *, labels: str | None = None) -> list[ParsedAddress]:
        """Parse many addresses (in ONNX runs of ``BATCH`` texts of similar length); results in input order."""
        texts = list(texts)
        for i, t in enumerate(texts):
            try:
                check_text(t, self.max_chars)
            except ValueError as exc:
                raise ValueError(f"texts[{i}]: {exc}") from None
        view = labels or self.labels
        view_of(view)
        order = sorted(range(len(texts)), key=lambda i: len(texts[i])) if len(texts) > BATCH else range(len(texts))
        order = list(order)
        out: list[ParsedAddress | None] = [None] * len(texts)
        for s in range(0, len(order), BATCH):
            idx = order[s : s + BATCH]
            for j, r in zip(idx, self.tagger.parse_batch([texts[j] for j in idx]), strict=True):
                out[j] = self._typed(r, view)
        return [r for r in out if r is not None]

    def _typed(self, r: ParseResult, view: str) -> ParsedAddress:
        same = view == "addrnet"
        comps = tuple(
            Component(c.label if same else relabel(c.label, view), c.value, c.start, c.end, float(c.confidence))
            for c in r.components
        )
        toks = tuple(
            Token(t.text, t.start, t.end, t.label if same else relabel(t.label, view), float(t.confidence))
            for t in r.tokens
        )
        return ParsedAddress(r.text, self.arm, view, comps, toks)


class Geocoder:
    """Resolve addresses to gazetteer places (``addrnet gazetteer load`` builds the database).

    ``database_url``: a SQLAlchemy URL (SQLite or PostgreSQL); default: the ``ADDRNET_DATABASE_URL`` setting
    or the SQLite file under ``ADDRNET_DATA_DIR``. ``parser``: used for ``resolve(text)``; loaded (arm A)
    on first use when not given.
    """

    def __init__(self, database_url: str | None = None, *, parser: Parser | None = None) -> None:
        from addrnet.settings import get_settings
        from resolver.db import make_engine

        self.database_url = database_url or get_settings().db_url
        self.engine: Engine = make_engine(self.database_url)
        self._parser = parser

    @property
    def parser(self) -> Parser:
        if self._parser is None:
            self._parser = Parser.load()
        return self._parser

    def resolve(self, text: str | None = None, *, components: Mapping[str, str] | None = None,
                parsed: ParsedAddress | None = None, country: str | None = None, limit: int = 5) -> list[Place]:
        """Ranked places for exactly one of ``text`` (parsed first), ``components`` (addrnet labels:
        locality, suburb, county, region, postcode, country) or ``parsed`` (a ``Parser`` result in the
        addrnet view). ``[]`` when nothing matches; ``ValueError`` for malformed input."""
        if sum(x is not None for x in (text, components, parsed)) != 1:
            raise ValueError("give exactly one of text, components or parsed")
        conf: dict[str, float] | None = None
        if text is not None:
            parsed = self.parser.parse(text, labels="addrnet")
        if parsed is not None:
            comps, conf = components_for_resolve(parsed)
        else:
            assert components is not None
            unknown = sorted(set(components) - set(LABELS))
            if unknown:
                raise ValueError(f"unknown component labels {unknown}; use {list(LABELS)}")
            comps = {k: v for k, v in components.items() if k in RESOLVE_LABELS and v and v.strip()}
        return self._lookup(comps, conf, country, limit)

    def resolve_batch(self, parsed: Sequence[ParsedAddress], *, country: str | None = None,
                      limit: int = 1) -> list[list[Place]]:
        """``resolve(parsed=p)`` for each parse, over one database connection."""
        from resolver.match import resolve as resolve_places

        out: list[list[Place]] = []
        with self.engine.connect() as conn:
            for p in parsed:
                comps, conf = components_for_resolve(p)
                out.append([_place(x) for x in resolve_places(conn, comps, country=country, limit=limit,
                                                               confidences=conf)])
        return out

    def _lookup(self, comps: dict[str, str], conf: dict[str, float] | None, country: str | None,
                limit: int) -> list[Place]:
        from resolver.match import resolve as resolve_places

        with self.engine.connect() as conn:
            return [_place(p) for p in resolve_places(conn, comps, country=country, limit=limit, confidences=conf)]

    def close(self) -> None:
        self.engine.dispose()

    def __enter__(self) -> Geocoder:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def components_for_resolve(parsed: ParsedAddress) -> tuple[dict[str, str], dict[str, float]]:
    """The first component of each resolvable label, with its confidence (``parsed`` in the addrnet view)."""
    if parsed.labels != "addrnet":
        raise ValueError(f"resolve needs a parse in the addrnet label view, not {parsed.labels!r}")
    comps: dict[str, str] = {}
    conf: dict[str, float] = {}
    for c in parsed.components:
        if c.label in RESOLVE_LABELS and c.label not in comps:
            comps[c.label] = c.value
            conf[c.label] = c.confidence
    return comps, conf


def _place(p: Any) -> Place:
    return Place(p.place_id, p.name, p.region, p.region_code, p.country, p.lat, p.lon, float(p.score), p.match,
                 int(p.population), p.explanation, p.level, p.accuracy)


__all__ = ["Component", "Geocoder", "ParsedAddress", "Parser", "Place", "Token", "check_text"]
