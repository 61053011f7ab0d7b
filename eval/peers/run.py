"""``addrnet eval peers``: addrnet (over HTTP) beside pelias-parser 4.1.0 and usaddress, on the harness
and on the resolver's rendered inputs, scored by the same code.

Resolver inputs are a parse-only comparison: neither peer geocodes, so every system's parse of the
rendered string is compared with the components the string was rendered from (exact match, the
harness rule) and with the point's locality (folded name). Resolver Acc@1 stays addrnet-only.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from eval import data as evdata
from eval import scoring
from eval.client import Client
from eval.peers import adapters
from eval.runners import _arm_for_provenance, harness_md, parse_all, score_harness
from eval.sidecar import fmt_prop, md_header, md_table, provenance, write_sidecar

Parser = Callable[[Sequence[str]], list[list[dict[str, Any]]]]


def score_rendered(renderings: Sequence[evdata.Rendering], parses: Sequence[list[dict[str, Any]]]) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    exact = []
    loc = []
    failures = []
    for r, comps in zip(renderings, parses, strict=True):
        got = scoring.components_to_dict(comps)
        want = scoring.components_to_dict(r.components)
        ok = got == want
        exact.append(ok)
        localities = got.get("locality") or []
        loc.append(len(localities) == 1 and scoring.fold_place_name(localities[0]) == scoring.fold_place_name(r.city))
        if not ok:
            failures.append({"id": r.id, "format": r.format, "text": r.text, "expected": want, "got": got})
    per_format = {}
    for f in evdata.FORMATS:
        idx = [i for i, r in enumerate(renderings) if r.format == f]
        per_format[f] = scoring.proportion(sum(exact[i] for i in idx), len(idx))
    n = len(renderings)
    return ({"exact_match": scoring.proportion(sum(exact), n), "locality_correct": scoring.proportion(sum(loc), n),
             "per_format": per_format}, failures)


def run_peers(client: Client, out: Path, source_data_dir: Path, cache_dir: Path, *, limit: int | None = None,
              seed: int = evdata.DEFAULT_SEED, progress: bool = True) -> dict[str, Any]:
    arms, arm = _arm_for_provenance(client)
    hpath, ppath = evdata.harness_path(source_data_dir), evdata.eval_points_path(source_data_dir)
    cases = evdata.load_harness(hpath, limit=limit)
    renderings, _ = evdata.load_renderings(ppath, seed=seed, limit=limit)
    htexts = [c["input"] for c in cases]
    rtexts = [r.text for r in renderings]

    systems: dict[str, dict[str, Any]] = {}
    parsers: dict[str, Parser] = {}

    def addrnet(texts: Sequence[str]) -> list[list[dict[str, Any]]]:
        return [p.get("components") or [] for p in parse_all(client, texts, "peers/addrnet", progress)]

    parsers[f"addrnet:{arm}"] = addrnet
    systems[f"addrnet:{arm}"] = {"available": True, "reason": None, "version": arms["arms"][arm].get("version")}
    try:
        modules = adapters.install_pelias(Path(cache_dir))
        parsers["pelias-parser"] = lambda texts: adapters.pelias_parse(texts, modules)
        systems["pelias-parser"] = {"available": True, "reason": None, "version": adapters.PELIAS_VERSION,
                                    "cache_dir": str(cache_dir)}
    except adapters.PeerUnavailable as exc:
        systems["pelias-parser"] = {"available": False, "reason": str(exc), "version": adapters.PELIAS_VERSION}
    try:
        systems["usaddress"] = {"available": True, "reason": None, "version": adapters.usaddress_version()}
        parsers["usaddress"] = adapters.usaddress_parse
    except Exception as exc:  # not installed
        systems["usaddress"] = {"available": False, "reason": f"{exc.__class__.__name__}: {exc}", "version": None}

    harness: dict[str, Any] = {}
    rendered: dict[str, Any] = {}
    failures: dict[str, Any] = {}
    for name, parse in parsers.items():
        try:
            hparses = parse(htexts)
            rparses = parse(rtexts)
        except adapters.PeerUnavailable as exc:
            systems[name].update(available=False, reason=str(exc))
            continue
        got = [scoring.components_to_dict(p) for p in hparses]
        harness[name], hfail = score_harness(cases, got)
        rendered[name], rfail = score_rendered(renderings, rparses)
        failures[name] = {"harness": hfail, "resolver_inputs": rfail}

    side = provenance("peers", client.url, client.arm, arms, [hpath, ppath],
                      {"limit": limit, "seed": seed, "peer_cache_dir": str(cache_dir),
                       "resolver_inputs": "parse-only: exact components as rendered + locality (folded); "
                                          "no peer geocodes, so resolver Acc@1 is addrnet-only",
                       "unmapped_peer_labels": "dropped (pelias: labels outside PELIAS_TO_ADDRNET; "
                                               "usaddress: labels mapped to None)"})
    side.update({"metrics": {"systems": systems, "harness": harness, "resolver_inputs": rendered},
                 "failures": failures, "served_models": client.models_seen})
    md = md_header(side, "Peers: addrnet beside pelias-parser and usaddress")
    md += "\n" + md_table(["system", "version", "available", "harness pass-rate", "resolver inputs exact",
                           "resolver inputs locality"],
                          [[n, s.get("version"), s["available"] if s["available"] else f"no: {s['reason']}",
                            fmt_prop(harness[n]["overall"]) if n in harness else "—",
                            fmt_prop(rendered[n]["exact_match"]) if n in rendered else "—",
                            fmt_prop(rendered[n]["locality_correct"]) if n in rendered else "—"]
                           for n, s in systems.items()])
    for name in harness:
        md += f"\n\n## {name}: harness\n" + harness_md(harness[name], failures[name]["harness"])
        rf = failures[name]["resolver_inputs"]
        md += f"\n## {name}: resolver inputs, failures ({len(rf)})\n\n" + md_table(
            ["format", "text", "expected", "got"],
            [[f["format"], f["text"], f["expected"], f["got"]] for f in rf]) + "\n"
    write_sidecar(out, side, md)
    return side
