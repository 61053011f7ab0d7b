"""``addrnet gazetteer``: load, import-oa, upgrade, stats, check-gold. Heavy imports happen inside commands."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any


def _countries(value: str) -> list[str]:
    codes = [c.strip().upper() for c in value.split(",") if c.strip()]
    if not codes or any(len(c) != 2 or not c.isalpha() for c in codes):
        raise argparse.ArgumentTypeError(
            "--countries takes ISO alpha-2 codes separated by commas, e.g. US,FR"
        )
    return codes


def cmd_load(args: argparse.Namespace) -> int:
    from resolver.loader import load

    summary = load(
        args.settings.db_url, countries=args.countries, if_empty=args.if_empty, progress=not args.quiet
    )
    if summary["skipped"]:
        print(f"gazetteer load skipped: {summary['reason']}", file=sys.stderr)
    else:
        print(f"gazetteer loaded in {summary['seconds']} s", file=sys.stderr)
    _print_rows(summary["rows"])
    return 0


def _print_rows(rows: dict[str, int]) -> None:
    width = max(len(t) for t in rows)
    for table, n in rows.items():
        print(f"{table:<{width}}  {n:>10,}")


def cmd_import_oa(args: argparse.Namespace) -> int:
    from resolver.oa import OAFormatError, import_oa

    try:
        summary = import_oa(args.settings.db_url, args.files, country=args.country, progress=not args.quiet)
    except (FileNotFoundError, OAFormatError, ValueError) as exc:
        print(f"import-oa: {exc}", file=sys.stderr)
        return 2
    skipped = ", ".join(f"{k} {v:,}" for k, v in summary["skipped"].items()) or "none"
    print(
        f"import-oa: {summary['rows']:,} rows read, {summary['inserted']:,} points inserted, "
        f"{summary['duplicates']:,} already present, skipped {summary['skipped_total']:,} ({skipped}); "
        f"{summary['streets_new']:,} new streets ({summary['streets']:,} in all) in {summary['seconds']} s"
    )
    if args.json:
        print(json.dumps(summary, ensure_ascii=False))
    return 0


def cmd_upgrade(args: argparse.Namespace) -> int:
    from resolver.db import current_revision, upgrade

    upgrade(args.settings.db_url)
    print(f"schema at {current_revision(args.settings.db_url)}")
    return 0


def cmd_stats(args: argparse.Namespace) -> int:
    import sqlalchemy as sa

    from resolver.db import current_revision, make_engine
    from resolver.loader import table_counts
    from resolver.schema import places

    rev = current_revision(args.settings.db_url)
    if rev is None:
        print(
            "no gazetteer schema; run `addrnet gazetteer upgrade` or `addrnet gazetteer load`",
            file=sys.stderr,
        )
        return 1
    engine = make_engine(args.settings.db_url)
    with engine.connect() as conn:
        rows = table_counts(conn)
        kinds: dict[str, int] = {
            str(k): int(v)
            for k, v in conn.execute(
                sa.select(places.c.kind, sa.func.count()).group_by(places.c.kind).order_by(places.c.kind)
            )
        }
        countries = conn.execute(
            sa.select(sa.func.count(sa.distinct(places.c.country_code))).where(places.c.kind == "locality")
        ).scalar()
    engine.dispose()
    print(f"revision {rev}")
    _print_rows(rows)
    print("places by kind: " + ", ".join(f"{k}={v:,}" for k, v in kinds.items()))
    print(f"countries with localities: {countries}")
    return 0


def cmd_check_gold(args: argparse.Namespace) -> int:
    from resolver.gold import check_gold

    csv_path = Path(args.csv) if args.csv else Path(args.settings.source_data_dir) / "oa" / "eval_points.csv"
    result: dict[str, Any] = check_gold(args.settings.db_url, csv_path)
    out = Path(args.out)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(result, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    print(
        f"{result['backend']}: top-1 locality accuracy {result['top1_locality_accuracy']:.4f} "
        f"({result['correct']}/{result['rows']}), median distance {result['median_distance_km']} km -> {out}"
    )
    return 0


def register(sub: Any) -> None:
    p = sub.add_parser("gazetteer", help="SQL gazetteer: load, migrate, inspect, check accuracy.")
    g = p.add_subparsers(dest="gazetteer_cmd", metavar="{load,import-oa,upgrade,stats,check-gold}")
    g.required = True

    load = g.add_parser(
        "load",
        help="Migrate, then (re)load the gazetteer from GeoNames cities500 and US ZIP codes.",
        description="Migrate (alembic upgrade head), then replace the gazetteer in one transaction: "
        "GeoNames cities500 with alternate names, admin1 regions, countries, US ZIP codes, generated "
        "aliases. Re-running produces the same rows. Database: ADDRNET_DATABASE_URL or "
        "ADDRNET_DATA_DIR/gazetteer.sqlite.",
    )
    load.add_argument(
        "--countries",
        type=_countries,
        default=None,
        help="only these ISO alpha-2 codes, e.g. US,FR (default: all)",
    )
    load.add_argument(
        "--if-empty", action="store_true", help="skip loading when the places table already has rows"
    )
    load.add_argument("--quiet", action="store_true", help="no progress bars")
    load.set_defaults(func=cmd_load)

    oa = g.add_parser(
        "import-oa",
        help="Import OpenAddresses CSVs into the address-point and street tables (address-level /resolve).",
        description="Migrate, then import OpenAddresses CSVs (header LON,LAT,NUMBER,STREET[,UNIT,CITY,DISTRICT,"
        "REGION,POSTCODE,ID,HASH]) in one transaction. Idempotent: rows already imported are counted, not "
        "inserted again. Bad rows (coordinates, numbers, encoding, field lengths) are counted and skipped; a file "
        "without the required columns is refused (exit 2). The country of a row: --country, else the first part "
        "of its SOURCE column (us/ca/...), else a two-letter country folder in the path, else the nearest "
        "gazetteer locality.",
    )
    oa.add_argument("files", nargs="+", metavar="FILE.csv", help="OpenAddresses CSV files")
    oa.add_argument("--country", default=None, help="ISO alpha-2 code of every row, e.g. US")
    oa.add_argument("--json", action="store_true", help="also print the summary as JSON")
    oa.add_argument("--quiet", action="store_true", help="no progress bar")
    oa.set_defaults(func=cmd_import_oa)

    up = g.add_parser(
        "upgrade", help="Only migrate the database to the latest schema (alembic upgrade head)."
    )
    up.set_defaults(func=cmd_upgrade)

    st = g.add_parser("stats", help="Schema revision and rows per table.")
    st.set_defaults(func=cmd_stats)

    cg = g.add_parser(
        "check-gold",
        help="Top-1 locality accuracy and median distance on the OpenAddresses eval points.",
        description="Resolve CITY/REGION/POSTCODE of <source_data_dir>/oa/eval_points.csv and write "
        "top-1 locality accuracy (top place's name or alias equals CITY, in REGION) and the median "
        "distance error in km as JSON.",
    )
    cg.add_argument("--out", default="results/resolver_gold.json", help="JSON output (default: %(default)s)")
    cg.add_argument("--csv", default=None, help="eval CSV (default: <source_data_dir>/oa/eval_points.csv)")
    cg.set_defaults(func=cmd_check_gold)
