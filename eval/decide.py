"""``addrnet eval decide``: A (pretrained) vs B (scratch) from sidecars only, by the pre-registered rule.

Inputs per arm: ``resolver.json``, ``harness.json``, ``calibration.json`` (required);
``components.json`` and ``peers.json`` are shown when present. Every sidecar goes through
``eval.sidecar.load_sidecar``, which rejects a missing field.

Metrics entering the rule, all proportions so Δ has σ = sqrt(pA(1-pA)/nA + pB(1-pB)/nB):

- resolver: locality Acc@1 (higher is better), n = points.
- harness: pass-rate (higher is better), n = cases.
- calibration: ``wrong_at_conf_ge_0.9`` (lower is better), n = components emitted at conf ≥ 0.9.

State of the harness and of calibration: ``gain`` when A is better by ≥ 2σ, ``reversed`` when A is worse
by ≥ 2σ, else ``tie`` (|Δ| < 2σ; a tie is a tie).

Resolver band on Δ = accA − accB in percentage points:

- ``beats``: Δ ≥ +1.0pp and not a tie (Δ ≥ 2σ). Claiming superiority needs significance.
- ``worse``: Δ < −0.5pp.
- ``tie_low``: −0.5pp ≤ Δ < +0.5pp (within ±0.5pp: matches, but is not ≥ scratch by more).
- ``slightly_better``: +0.5pp ≤ Δ < +1.0pp, or Δ ≥ +1.0pp that is a statistical tie.

Decision ("aux" = harness and calibration; "kept" = both ``gain``; "gone" = neither is ``gain``):

| resolver band    | aux kept | aux gone (tie/reversed) | aux mixed    |
|------------------|----------|-------------------------|--------------|
| beats            | SCALE    | SCALE                   | SCALE        |
| slightly_better  | SHIP     | INCONCLUSIVE            | INCONCLUSIVE |
| tie_low          | SHIP     | DROP                    | INCONCLUSIVE |
| worse            | INCONCLUSIVE | DROP                | DROP         |

Paired test (information only, never part of the rule above): both arms are scored on the same items
(resolver renderings by (id, format), harness cases by input), so per item the outcome pairs are
(right, right), (right, wrong), (wrong, right), (wrong, wrong). With n10 = A right and B wrong, n01 = A
wrong and B right: Δ = (n10 − n01)/n, σ_paired = sqrt(n10 + n01 − (n10 − n01)²/n)/n, and McNemar's exact
two-sided p = P(|X − m/2| ≥ |n10 − m/2|), X ~ Binomial(m = n10 + n01, 1/2).

SCALE = scale the pre-training and re-run the comparison; SHIP = ship A (pretrained); DROP = drop
pre-training (ship B); INCONCLUSIVE = no pre-registered branch applies: keep the current primary, do
not scale, and collect more evidence (a larger eval set) before deciding. With SCALE, regressions of
the harness or calibration are listed in ``notes``.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from eval import scoring
from eval.sidecar import SidecarError, fmt, get, load_sidecar, md_table

REQUIRED = ("resolver", "harness", "calibration")
OPTIONAL = ("components", "peers")
RESOLVER_BAND_PP = 0.5
RESOLVER_SCALE_PP = 1.0


class DecisionError(ValueError):
    """The two arms cannot be compared (different corpus/tokenizer, a bad sidecar)."""


@dataclass
class Comparison:
    metric: str
    higher_is_better: bool
    a: float | None
    n_a: int
    b: float | None
    n_b: int
    ref: float | None = None

    @property
    def delta(self) -> float | None:
        return None if self.a is None or self.b is None else self.a - self.b

    @property
    def sigma(self) -> float | None:
        if self.a is None or self.b is None:
            return None
        return scoring.diff_sigma(self.a, self.n_a, self.b, self.n_b)

    @property
    def tie(self) -> bool:
        d, s = self.delta, self.sigma
        return d is None or s is None or scoring.is_tie(d, s)

    @property
    def state(self) -> str:
        """gain / tie / reversed from A's point of view."""
        if self.tie:
            return "tie"
        assert self.delta is not None
        better = self.delta > 0 if self.higher_is_better else self.delta < 0
        return "gain" if better else "reversed"

    def as_dict(self) -> dict[str, Any]:
        return {"metric": self.metric, "higher_is_better": self.higher_is_better, "a": self.a, "n_a": self.n_a,
                "b": self.b, "n_b": self.n_b, "delta": self.delta, "sigma": self.sigma, "tie": self.tie,
                "state": self.state, "ref": self.ref}


def load_arm(folder: Path) -> dict[str, dict[str, Any]]:
    """Required + present optional sidecars of one arm; all must agree on arm, corpus and tokenizer."""
    sides = {r: load_sidecar(folder, r) for r in REQUIRED}
    for r in OPTIONAL:
        if (Path(folder) / f"{r}.json").is_file():
            sides[r] = load_sidecar(folder, r)
    versions = {(s["arm"], get(s, "arm_manifest.corpus_version"), get(s, "arm_manifest.tokenizer_version"))
                for s in sides.values()}
    if len(versions) != 1:
        raise DecisionError(f"{folder}: sidecars disagree on (arm, corpus_version, tokenizer_version): {sorted(map(str, versions))}")
    return sides


def resolver_band(c: Comparison) -> str:
    assert c.delta is not None
    pp = round(100 * c.delta, 9)  # band edges are exact: -0.5pp is inside the band despite float error
    if pp >= RESOLVER_SCALE_PP and not c.tie:
        return "beats"
    if pp < -RESOLVER_BAND_PP:
        return "worse"
    if pp < RESOLVER_BAND_PP:
        return "tie_low"
    return "slightly_better"


def decide_rule(resolver: Comparison, harness: Comparison, calibration: Comparison) -> tuple[str, str, list[str]]:
    """(decision, branch explanation, notes) by the table in the module docstring."""
    band = resolver_band(resolver)
    states = (harness.state, calibration.state)
    aux = "kept" if states == ("gain", "gain") else "gone" if "gain" not in states else "mixed"
    notes = []
    if band == "beats":
        decision = "SCALE"
        notes += [f"{c.metric} reversed (A worse by ≥ 2σ)" for c in (harness, calibration) if c.state == "reversed"]
    elif band == "slightly_better":
        decision = "SHIP" if aux == "kept" else "INCONCLUSIVE"
    elif band == "tie_low":
        decision = {"kept": "SHIP", "gone": "DROP", "mixed": "INCONCLUSIVE"}[aux]
    else:  # worse
        decision = "INCONCLUSIVE" if aux == "kept" else "DROP"
    if resolver.tie and band != "beats":
        notes.append("the resolver Δ is inside 2σ: its band rests on a point estimate")
    branch = f"resolver {band} (Δ {100 * (resolver.delta or 0):+.2f}pp), harness {harness.state}, calibration {calibration.state} -> aux {aux}"
    return decision, branch, notes


def _prop(side: dict[str, Any], path: str) -> tuple[float, int]:
    p = get(side, path)
    return float(p["value"]), int(p["n"])


def comparisons(a: dict[str, dict[str, Any]], b: dict[str, dict[str, Any]], ref: dict[str, dict[str, Any]] | None) -> list[Comparison]:
    def refval(runner: str, path: str) -> float | None:
        if not ref or runner not in ref:
            return None
        try:
            v = get(ref[runner], path)
        except SidecarError:
            return None
        return float(v["value"]) if isinstance(v, dict) else (None if v is None else float(v))

    out = []
    for runner, path, name in (("resolver", "metrics.accuracy", "resolver Acc@1"),
                               ("harness", "metrics.overall", "harness pass-rate")):
        pa, na = _prop(a[runner], path)
        pb, nb = _prop(b[runner], path)
        out.append(Comparison(name, True, pa, na, pb, nb, refval(runner, path)))
    ca, cb = get(a["calibration"], "metrics.overall"), get(b["calibration"], "metrics.overall")
    out.append(Comparison("calibration wrong_at_conf_ge_0.9", False, ca["wrong_at_conf_ge_0.9"], ca["n_conf_ge_0.9"],
                          cb["wrong_at_conf_ge_0.9"], cb["n_conf_ge_0.9"],
                          refval("calibration", "metrics.overall.wrong_at_conf_ge_0.9")))
    return out


def informational(a: dict[str, dict[str, Any]], b: dict[str, dict[str, Any]], ref: dict[str, dict[str, Any]] | None) -> list[list[Any]]:
    """Extra rows (no σ: not proportions over independent trials, or not in the rule)."""
    rows: list[tuple[str, str, str, bool]] = [
        ("calibration ECE", "calibration", "metrics.overall.ece", False),
        ("calibration p90_conf_of_wrong", "calibration", "metrics.overall.p90_conf_of_wrong", False),
        ("resolver Acc@5", "resolver", "metrics.acc_at_5.value", True),
        ("resolver median km", "resolver", "metrics.distance_km.median", False),
        ("resolver within 10 km", "resolver", "metrics.distance_km.within_10km", True),
        ("components micro F1", "components", "metrics.micro.f1", False),
        ("components exact match", "components", "metrics.exact_match.value", True),
    ]
    out = []
    for name, runner, path, pct in rows:
        vals = []
        for sides in (a, b, ref):
            try:
                vals.append(None if not sides or runner not in sides else get(sides[runner], path))
            except SidecarError:
                vals.append(None)
        if vals[0] is None and vals[1] is None:
            continue
        d = vals[0] - vals[1] if vals[0] is not None and vals[1] is not None else None
        delta = "—" if d is None else (f"{100 * d:+.2f}pp" if pct else f"{d:+.4g}") + " (no σ: informational)"
        out.append([name, fmt(vals[0], pct), fmt(vals[1], pct), delta, fmt(vals[2], pct)])
    return out


def mcnemar_p(n10: int, n01: int) -> float:
    """Exact two-sided McNemar p-value (binomial on the discordant pairs)."""
    m = n10 + n01
    if m == 0:
        return 1.0
    k = min(n10, n01)
    tail = sum(math.comb(m, i) for i in range(k + 1)) / 2**m
    return min(1.0, 2 * tail)


def paired(metric: str, n: int, wrong_a: set[Any], wrong_b: set[Any]) -> dict[str, Any]:
    """Paired comparison over the same ``n`` items from each arm's set of wrong items."""
    n10, n01 = len(wrong_b - wrong_a), len(wrong_a - wrong_b)
    delta = (n10 - n01) / n if n else None
    sigma = math.sqrt(max(n10 + n01 - (n10 - n01) ** 2 / n, 0.0)) / n if n else None
    return {"metric": metric, "n": n, "a_right_b_wrong": n10, "a_wrong_b_right": n01, "delta": delta,
            "sigma_paired": sigma, "tie": delta is None or sigma is None or scoring.is_tie(delta, sigma),
            "mcnemar_p": mcnemar_p(n10, n01)}


def paired_comparisons(a: dict[str, dict[str, Any]], b: dict[str, dict[str, Any]]) -> list[dict[str, Any]]:
    out = []
    na, nb = get(a["resolver"], "metrics.accuracy")["n"], get(b["resolver"], "metrics.accuracy")["n"]
    if na == nb:
        fa = {(f["id"], f["format"]) for f in a["resolver"].get("failures") or []}
        fb = {(f["id"], f["format"]) for f in b["resolver"].get("failures") or []}
        out.append(paired("resolver Acc@1", na, fa, fb))
    na, nb = get(a["harness"], "metrics.overall")["n"], get(b["harness"], "metrics.overall")["n"]
    if na == nb:
        fa = {f["input"] for f in a["harness"].get("failures") or []}
        fb = {f["input"] for f in b["harness"].get("failures") or []}
        out.append(paired("harness pass-rate", na, fa, fb))
    return out


def load_ref(folder: Path | None) -> dict[str, dict[str, Any]] | None:
    """The reference column: any of the runners' sidecars present in ``folder`` (validated)."""
    if folder is None:
        return None
    return {r: load_sidecar(folder, r) for r in (*REQUIRED, *OPTIONAL) if (Path(folder) / f"{r}.json").is_file()}


def decide(a_dir: Path, b_dir: Path, ref_dir: Path | None = None) -> dict[str, Any]:
    a, b = load_arm(a_dir), load_arm(b_dir)
    ma, mb = a["resolver"]["arm_manifest"], b["resolver"]["arm_manifest"]
    for key in ("corpus_version", "tokenizer_version"):
        if ma[key] != mb[key]:
            raise DecisionError(f"refusing to compare: {key} differs: A={ma[key]!r} ({a_dir}) vs B={mb[key]!r} ({b_dir})")
    ref = load_ref(ref_dir)
    comps = comparisons(a, b, ref)
    decision, branch, notes = decide_rule(*comps)
    peers = {}
    for label, sides in (("A", a), ("B", b)):
        if "peers" in sides:
            peers[label] = {n.split(":")[0]: m["overall"]["value"] for n, m in get(sides["peers"], "metrics.harness").items()}
    return {
        "decision": decision,
        "branch": branch,
        "notes": notes,
        "rule": __doc__,
        "arms": {"A": {"arm": a["resolver"]["arm"], "manifest": ma, "dir": str(a_dir)},
                 "B": {"arm": b["resolver"]["arm"], "manifest": mb, "dir": str(b_dir)}},
        "corpus_version": ma["corpus_version"],
        "tokenizer_version": ma["tokenizer_version"],
        "ref_dir": None if ref_dir is None else str(ref_dir),
        "comparisons": [c.as_dict() for c in comps],
        "paired": paired_comparisons(a, b),
        "informational": informational(a, b, ref),
        "peers_harness_pass_rate": peers,
        "inputs": {str(Path(d) / f"{r}.json"): s["inputs"] for d, sides in ((a_dir, a), (b_dir, b)) for r, s in sides.items()},
    }


def render_md(result: dict[str, Any]) -> str:
    rows = []
    for c in result["comparisons"]:
        pct = True  # every metric entering the rule is a proportion
        d = "—" if c["delta"] is None else f"{100 * c['delta']:+.2f}pp ± {100 * c['sigma']:.2f} (σ)" + (" tie" if c["tie"] else "")
        rows.append([c["metric"], fmt(c["a"], pct), fmt(c["b"], pct), d, fmt(c["ref"], pct)])
    rows += result["informational"]
    a, b = result["arms"]["A"], result["arms"]["B"]
    md = (f"# Decision: {result['decision']}\n\n"
          f"- A pretrained: arm {a['arm']} version {a['manifest'].get('version')} ({a['dir']})\n"
          f"- B scratch: arm {b['arm']} version {b['manifest'].get('version')} ({b['dir']})\n"
          f"- corpus {result['corpus_version']}, tokenizer {result['tokenizer_version']}\n"
          f"- branch: {result['branch']}\n")
    md += "".join(f"- note: {n}\n" for n in result["notes"])
    md += "\n" + md_table(["metric", "A pretrained", "B scratch", "Δ (A−B) with its σ", "reference"], rows)
    if result.get("paired"):
        md += "\n\n## Paired test (information only; the decision uses the unpaired σ above)\n\n" + md_table(
            ["metric", "n", "A right, B wrong", "A wrong, B right", "Δ (A−B) ± σ paired", "McNemar p"],
            [[p["metric"], p["n"], p["a_right_b_wrong"], p["a_wrong_b_right"],
              "—" if p["delta"] is None else f"{100 * p['delta']:+.2f}pp ± {100 * p['sigma_paired']:.2f}"
              + (" tie" if p["tie"] else ""), f"{p['mcnemar_p']:.3g}"] for p in result["paired"]])
    if result["peers_harness_pass_rate"]:
        md += "\n\n## Harness pass-rate beside the peers\n\n" + md_table(
            ["system", *result["peers_harness_pass_rate"]],
            [[n, *(fmt(result["peers_harness_pass_rate"][arm].get(n), pct=True) for arm in result["peers_harness_pass_rate"])]
             for n in sorted({n for v in result["peers_harness_pass_rate"].values() for n in v})])
    md += "\n\n## Rule (pre-registered)\n" + "\n".join(result["rule"].splitlines()[1:]) + "\n"
    return md


def write_decision(result: dict[str, Any], out: Path) -> None:
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    (out / "decision.json").write_text(json.dumps(result, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    (out / "decision.md").write_text(render_md(result), encoding="utf-8")
