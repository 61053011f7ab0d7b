"""Explanations: why a result is what it is, in short clauses a person can read.

An ``Explanation`` gathers the notes of one query (what the reading was, what was looked up) and its
relaxations (a constraint that emptied the candidate list and was dropped); each result adds its own
clauses (how its name matched, what agreed or disagreed). ``render`` joins them with "; ".
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field


@dataclass
class Explanation:
    notes: list[str] = field(default_factory=list)
    relaxed: list[str] = field(default_factory=list)

    def note(self, text: str) -> None:
        if text not in self.notes:
            self.notes.append(text)

    def relax(self, text: str) -> None:
        """Record a dropped constraint (also shown in the explanation, prefixed "relaxed:")."""
        if text not in self.relaxed:
            self.relaxed.append(text)

    def render(self, clauses: Iterable[str] = ()) -> str:
        parts = [*self.notes, *(f"relaxed: {r}" for r in self.relaxed), *clauses]
        return "; ".join(p for p in parts if p)
