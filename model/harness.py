"""Pelias harness matching, shared by the export-time pass-rate (training/pass_rate.py) and the eval
suite (eval/runners.py): one definition of "this parse passes this case".

A case passes when the parse's components equal an acceptable solution exactly: pelias labels map
through ``model.labels.PELIAS_TO_ADDRNET`` (an unmapped label raises rather than scoring loosely),
values are compared after whitespace collapse (case kept), and a label that repeats is the list of its
values in order.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from model.labels import PELIAS_TO_ADDRNET
from model.normalize import collapse_whitespace

ComponentDict = dict[str, list[str]]


def components_to_dict(components: Iterable[Mapping[str, Any] | Sequence[Any]]) -> ComponentDict:
    """[{"label","value",...}] or [(label, value), ...] -> {label: [values in order]} with values
    whitespace-collapsed (case kept)."""
    out: ComponentDict = {}
    for c in components:
        if isinstance(c, Mapping):
            label, value = c["label"], c["value"]
        else:
            label, value = c[0], c[1]
        out.setdefault(str(label), []).append(collapse_whitespace(str(value)))
    return out


def pelias_expected_to_dict(expected: Mapping[str, Any]) -> ComponentDict:
    """Harness ``expected`` ({pelias_label: value | [values]}) -> addrnet component dict.
    A label missing from ``PELIAS_TO_ADDRNET`` raises: the harness must not be scored loosely."""
    out: ComponentDict = {}
    for label, value in expected.items():
        if label not in PELIAS_TO_ADDRNET:
            raise ValueError(f"harness label {label!r} has no addrnet mapping")
        values = value if isinstance(value, list) else [value]
        out.setdefault(PELIAS_TO_ADDRNET[label], []).extend(collapse_whitespace(str(v)) for v in values)
    return out


def pelias_solution_to_dict(solution: Sequence[Sequence[str]]) -> ComponentDict:
    """One ``all_solutions`` entry ([[pelias_label, value], ...]) -> addrnet component dict."""
    pairs = []
    for label, value in solution:
        if label not in PELIAS_TO_ADDRNET:
            raise ValueError(f"harness label {label!r} has no addrnet mapping")
        pairs.append((PELIAS_TO_ADDRNET[label], value))
    return components_to_dict(pairs)


def harness_acceptable(case: Mapping[str, Any]) -> list[ComponentDict]:
    """Every acceptable component dict for a harness case.

    - ``top_solution``: exactly ``expected``.
    - ``all_solutions``: any entry of ``all_solutions``.
    - ``no_solution: true`` (pelias finds no parse; ``expected`` is {} and ``all_solutions`` is []):
      the only acceptable parse is the empty one (no components).
    """
    if case.get("no_solution"):
        return [{}]
    if case.get("mode") == "all_solutions":
        solutions = case.get("all_solutions")
        if not solutions:
            raise ValueError(f"all_solutions case without solutions: {case.get('input')!r}")
        return [pelias_solution_to_dict(s) for s in solutions]
    if case.get("mode") != "top_solution":
        raise ValueError(f"unknown harness mode {case.get('mode')!r}")
    return [pelias_expected_to_dict(case["expected"])]


def harness_passes(case: Mapping[str, Any], got: ComponentDict) -> bool:
    """Exact equality of label -> ordered value lists with any acceptable solution."""
    return any(got == want for want in harness_acceptable(case))
