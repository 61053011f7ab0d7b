"""The loaded arms: one Tagger per artifact folder, each loading (or failing) on its own.

An arm is refused (listed under ``errors``, never served) when its artifact fails verification, when its
manifest's ``arm`` differs from its folder's name, or when its smoke parse gives non-finite confidences.
Error texts never carry absolute paths.
"""

from __future__ import annotations

import logging
import math
import threading
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from app.errors import APIError, redact_paths
from model.tagger import ParseResult, Tagger

log = logging.getLogger("addrnet.arms")

WARMUP_TEXTS = ["1745 T Street Southeast, Washington, DC 20020", "Korunní 810, Praha", "10117 Berlin"]


class ArmRefused(Exception):
    """The arm loaded but must not serve."""


def all_finite(results: list[ParseResult]) -> bool:
    return all(math.isfinite(c.confidence) for r in results for c in r.components) and all(
        math.isfinite(t.confidence) for r in results for t in r.tokens
    )


@dataclass
class ArmRegistry:
    """The arms by name. With ``load(..., defer_others=True)`` the primary and shadow arms load at once and
    the other arms of the folder in a background thread: ``taggers``, ``errors``, ``get`` of such an arm and
    ``describe`` wait for it; ``loaded_names`` and ``errors_now`` do not."""

    primary: str
    shadow: str | None
    _taggers: dict[str, Tagger] = field(default_factory=dict)
    _errors: dict[str, str] = field(default_factory=dict)
    _loader: threading.Thread | None = None

    @classmethod
    def load(
        cls, arms_dir: Path, primary: str, shadow: str | None, intra: int, inter: int, batch: int | None = None,
        defer_others: bool = False,
    ) -> ArmRegistry:
        reg = cls(primary=primary, shadow=shadow)
        first = {primary, *( [shadow] if shadow else [])}
        others: set[str] = set()
        if arms_dir.is_dir():
            others = {p.name for p in arms_dir.iterdir() if (p / "manifest.json").is_file()} - first
        now = sorted(first) if defer_others else sorted(first | others)
        for name in now:
            reg._load_one(arms_dir, name, intra, inter, batch)
        if defer_others and others:
            reg._loader = threading.Thread(target=reg._load_rest, args=(arms_dir, sorted(others), intra, inter, batch),
                                           name="addrnet-arms", daemon=True)
            reg._loader.start()
        return reg

    def _load_rest(self, arms_dir: Path, names: list[str], intra: int, inter: int, batch: int | None) -> None:
        for name in names:
            self._load_one(arms_dir, name, intra, inter, batch)

    def _load_one(self, arms_dir: Path, name: str, intra: int, inter: int, batch: int | None) -> None:
        try:
            tagger = Tagger.load(arms_dir / name, intra_threads=intra, inter_threads=inter, batch_threads=batch)
            if tagger.name != name:
                raise ArmRefused(f"manifest names arm {tagger.name!r} but its folder is {name!r}")
            smoke = tagger.parse_batch(WARMUP_TEXTS)  # warm-up: first ONNX run allocates
            if not all_finite(smoke):
                raise ArmRefused("the smoke parse gave non-finite confidences (NaN or infinity)")
            self._taggers[name] = tagger
        except Exception as exc:  # one broken arm never takes the others down
            self._errors[name] = redact_paths(f"{type(exc).__name__}: {exc}")
            log.error("arm %s failed to load: %s", name, exc)

    def wait(self) -> None:
        """Until every arm has loaded (or failed)."""
        loader = self._loader
        if loader is not None and loader.is_alive():
            loader.join()

    @property
    def taggers(self) -> dict[str, Tagger]:
        self.wait()
        return self._taggers

    @property
    def errors(self) -> dict[str, str]:
        self.wait()
        return self._errors

    def loaded_names(self) -> list[str]:
        """The arms that serve now (without waiting for those still loading)."""
        return sorted(self._taggers)

    def errors_now(self) -> dict[str, str]:
        """The arms that failed so far (without waiting for those still loading)."""
        return dict(self._errors)

    def get(self, name: str | None) -> Tagger | None:
        name = name or self.primary
        tagger = self._taggers.get(name)
        if tagger is None and self._loader is not None and self._loader.is_alive():  # it may be loading
            self.wait()
            tagger = self._taggers.get(name)
        return tagger

    def require(self, name: str | None) -> Tagger:
        """``get``, or the client's error: 503 ``arm_unavailable`` (it failed to load), 404 ``unknown_arm``."""
        tagger = self.get(name)
        if tagger is not None:
            return tagger
        name = name or self.primary
        if name in self.errors:
            raise APIError(503, "arm_unavailable", f"arm {name!r} failed to load: {self.errors[name]}")
        raise APIError(404, "unknown_arm", f"unknown arm {name!r}; loaded arms: {sorted(self.taggers)}")

    def describe(self) -> dict[str, Any]:
        return {
            "primary": self.primary,
            "shadow": self.shadow,
            "arms": {n: t.manifest for n, t in self.taggers.items()},
            "errors": self.errors,
        }
