"""Human-readable summary of a corpus manifest (``addrnet corpus stats``)."""

from __future__ import annotations

from typing import Any


def _table(title: str, counts: dict[str, int], top: int) -> list[str]:
    total = sum(counts.values()) or 1
    counts = dict(sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])))
    lines = [f"{title} ({len(counts)}):"]
    for k, v in list(counts.items())[:top]:
        lines.append(f"  {k:<34} {v:>9,}  {100 * v / total:5.1f}%")
    if len(counts) > top:
        rest = sum(list(counts.values())[top:])
        lines.append(f"  {'(others)':<34} {rest:>9,}  {100 * rest / total:5.1f}%")
    return lines


def format_stats(m: dict[str, Any], top: int = 25) -> str:
    c = m["counts"]
    lines = [f"corpus {m['version']} (seed {m['seed']}): {sum(c['splits'].values()):,} examples, "
             f"{c['n_countries']} countries"]
    lines += _table("splits", c["splits"], top)
    lines += _table("sources", c["sources"], top)
    lines += _table("labels (spans)", c["labels"], top)
    lines += _table("countries", c["countries"], top)
    lines += _table("rendering mix", m["rendering_mix"], top)
    lines += _table("variation", m["variation"], top)
    lines += _table("malformed source rows", m["malformed_rows"], top)
    lines += _table("excluded (eval/harness)", m["excluded"], top)
    lines += _table("rejected renderings", m["render_rejected"], top)
    lines.append("source files:")
    lines += [f"  {k}  sha256 {v[:16]}…" for k, v in m["sources"]["files"].items()]
    lines += [f"  {k} {v['version']}" for k, v in m["sources"]["packages"].items()]
    return "\n".join(lines)
