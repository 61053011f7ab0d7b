"""The loaded arms: one Tagger per artifact folder, each loading (or failing) on its own.

An arm is refused (listed under ``errors``, never served) when its artifact fails verification, when its
manifest's ``arm`` differs from its folder's name, or when its smoke parse gives non-finite confidences.
Error texts never carry absolute paths.
"""

from __future__ import annotations

import logging
import math
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from app.errors import redact_paths
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
    primary: str
    shadow: str | None
    taggers: dict[str, Tagger] = field(default_factory=dict)
    errors: dict[str, str] = field(default_factory=dict)

    @classmethod
    def load(
        cls, arms_dir: Path, primary: str, shadow: str | None, intra: int, inter: int, batch: int | None = None
    ) -> ArmRegistry:
        reg = cls(primary=primary, shadow=shadow)
        names = {primary, *( [shadow] if shadow else [])}
        if arms_dir.is_dir():
            names |= {p.name for p in arms_dir.iterdir() if (p / "manifest.json").is_file()}
        for name in sorted(names):
            try:
                tagger = Tagger.load(arms_dir / name, intra_threads=intra, inter_threads=inter, batch_threads=batch)
                if tagger.name != name:
                    raise ArmRefused(f"manifest names arm {tagger.name!r} but its folder is {name!r}")
                smoke = tagger.parse_batch(WARMUP_TEXTS)  # warm-up: first ONNX run allocates
                if not all_finite(smoke):
                    raise ArmRefused("the smoke parse gave non-finite confidences (NaN or infinity)")
                reg.taggers[name] = tagger
            except Exception as exc:  # one broken arm never takes the others down
                reg.errors[name] = redact_paths(f"{type(exc).__name__}: {exc}")
                log.error("arm %s failed to load: %s", name, exc)
        return reg

    def get(self, name: str | None) -> Tagger | None:
        return self.taggers.get(name or self.primary)

    def describe(self) -> dict[str, Any]:
        return {
            "primary": self.primary,
            "shadow": self.shadow,
            "arms": {n: t.manifest for n, t in self.taggers.items()},
            "errors": self.errors,
        }
