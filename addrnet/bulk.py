"""Bulk parsing of files: ``addrnet parse INPUT --column address --out OUTPUT``.

- Input: CSV (read as text, header required), JSONL (one object a line) or Parquet, by extension.
- Output, by the extension of OUTPUT (.csv, .jsonl or .parquet): every input column, then for each label
  ``<prefix><label>`` and ``<prefix><label>_confidence`` (a label seen twice in one address, e.g. the two
  streets of an intersection, gives both values joined by " | " and the lower confidence). With
  ``--resolve``: ``<prefix>place_id``, ``place_name``, ``place_country``, ``place_lat``, ``place_lon``,
  ``place_level`` (match level: address, street, postcode, locality, region, country), ``place_match`` (how the name matched) and ``place_score`` of the best place. Parquet output is a folder of part
  files (``part-000000.parquet`` ...), readable as one table by pyarrow, pandas and Spark.
- Bad rows (a malformed CSV line, a line that is not a JSON object, a missing, empty or over-long
  address) go to the errors file (JSONL: ``row``, the 0-based number among the rows read, null for a line
  that could not be read; ``line`` where known; ``reason``; ``value``) and never stop the job.
- Resumable: after every chunk the job records, in ``OUTPUT.progress.json``, how many input chunks are done
  and how long the output and errors files were. A rerun with the same arguments cuts both files back to
  that point and goes on from the next chunk; a finished job is not redone. ``--overwrite`` starts afresh.
- ``--workers N``: N processes, each with its own ``Parser`` on one ONNX thread; the main process reads,
  writes and keeps at most ``2 N`` chunks in flight. ``--workers 1`` parses in the main process.
"""

from __future__ import annotations

import json
import os
import shutil
import sys
import time
from collections import deque
from collections.abc import Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import asdict, dataclass, field
from multiprocessing import get_context
from pathlib import Path
from typing import Any

from addrnet.api import MAX_TEXT_CHARS, Geocoder, Parser, check_text
from model.labels import LABELS, view_of

FORMATS = {".csv": "csv", ".jsonl": "jsonl", ".ndjson": "jsonl", ".parquet": "parquet", ".pq": "parquet"}
CHUNK_ROWS = 2048
PLACE_FIELDS = ("place_id", "place_name", "place_country", "place_lat", "place_lon", "place_level", "place_match",
                "place_score")
CHECKPOINT_VERSION = 1


class BulkError(Exception):
    """The job cannot start (unknown format, missing column, output in the way); nothing was written."""


def file_format(path: str | Path) -> str:
    suffix = Path(path).suffix.lower()
    if suffix not in FORMATS:
        raise BulkError(f"{path}: unknown format {suffix!r}; use one of {sorted(FORMATS)}")
    return FORMATS[suffix]


def output_fields(labels: str = "addrnet", prefix: str = "", resolve: bool = False) -> list[tuple[str, str]]:
    """[(column name, 'string' | 'float64' | 'int64')] appended to every input row, in order."""
    view = view_of(labels)
    out: list[tuple[str, str]] = []
    for label in LABELS:
        out += [(prefix + view[label], "string"), (prefix + view[label] + "_confidence", "float64")]
    if resolve:
        types = ("int64", "string", "string", "float64", "float64", "string", "string", "float64")
        out += [(prefix + n, t) for n, t in zip(PLACE_FIELDS, types, strict=True)]
    return out


# ---------------------------------------------------------------- parsing one chunk (worker side)

_WORKER: dict[str, Any] = {}


def init_worker(arm: str, labels: str, resolve: bool, database_url: str | None, arms_dir: str | None) -> None:
    parser = Parser.load(arm=arm, arms_dir=arms_dir, threads=1)
    _WORKER.update(parser=parser, labels=labels, geocoder=Geocoder(database_url, parser=parser) if resolve else None)


def parse_chunk(texts: list[Any], first_row: int) -> tuple[dict[str, list[Any]], list[dict[str, Any]]]:
    """-> (output columns over every row of the chunk, None where a row failed; error records)."""
    parser: Parser = _WORKER["parser"]
    geocoder: Geocoder | None = _WORKER["geocoder"]
    view = view_of(_WORKER["labels"])
    errors: list[dict[str, Any]] = []
    good: list[int] = []
    for i, t in enumerate(texts):
        try:
            check_text(t, MAX_TEXT_CHARS)
            good.append(i)
        except ValueError as exc:
            errors.append(error_record(first_row + i, str(exc), t))
    parsed = parser.parse_batch([texts[i] for i in good], labels="addrnet") if good else []
    n = len(texts)
    cols: dict[str, list[Any]] = {}
    for label in LABELS:
        cols[view[label]] = [None] * n
        cols[view[label] + "_confidence"] = [None] * n
    for i, p in zip(good, parsed, strict=True):
        for c in p.components:
            name = view[c.label]
            old = cols[name][i]
            if old is None:
                cols[name][i], cols[name + "_confidence"][i] = c.value, round(c.confidence, 6)
            else:
                cols[name][i] = f"{old} | {c.value}"
                cols[name + "_confidence"][i] = min(cols[name + "_confidence"][i], round(c.confidence, 6))
    if geocoder is not None:
        for f in PLACE_FIELDS:
            cols[f] = [None] * n
        try:
            places = geocoder.resolve_batch(parsed, limit=1)
        except Exception as exc:  # the database went away: parse results still count, the reason is kept
            places = [[] for _ in parsed]
            for i in good:
                errors.append(error_record(first_row + i, f"resolve failed: {type(exc).__name__}: {exc}"[:300], None))
        for i, ps in zip(good, places, strict=True):
            if ps:
                p0 = ps[0]
                for f, v in zip(PLACE_FIELDS, (p0.place_id, p0.name, p0.country, p0.lat, p0.lon, p0.level, p0.match,
                                                  p0.score),
                                strict=True):
                    cols[f][i] = v
    ok = [False] * n
    for i in good:
        ok[i] = True
    cols["__ok__"] = ok
    return cols, errors


def error_record(row: int | None, reason: str, value: Any, line: int | None = None) -> dict[str, Any]:
    if isinstance(value, str) and len(value) > 200:
        value = value[:200] + "…"
    elif value is not None and not isinstance(value, str | int | float | bool):
        value = repr(value)[:200]
    rec: dict[str, Any] = {"row": row, "reason": reason, "value": value}
    if line is not None:
        rec["line"] = line
    return rec


# ---------------------------------------------------------------- readers (main process)


@dataclass
class Chunk:
    index: int  # input chunk number (the unit of resumption)
    first_row: int  # input row number of the first row (0-based, over rows that could be read)
    table: Any  # pyarrow Table (CSV, Parquet), or None ...
    rows: list[dict[str, Any]] | None  # ... or JSON objects (JSONL)
    texts: list[Any]
    read_errors: list[dict[str, Any]] = field(default_factory=list)
    lines: list[int] | None = None  # line number of each row, where the format has lines of rows (JSONL)


def read_chunks(path: Path, column: str, skip: int) -> Iterator[Chunk]:
    """Chunks of ``path``; the first ``skip`` are read (deterministically) but not returned."""
    fmt = file_format(path)
    if fmt == "csv":
        yield from _read_csv(path, column, skip)
    elif fmt == "jsonl":
        yield from _read_jsonl(path, column, skip)
    else:
        yield from _read_parquet(path, column, skip)


def _read_csv(path: Path, column: str, skip: int) -> Iterator[Chunk]:
    """Chunks of ``CHUNK_ROWS`` records (Python's csv module: deterministic chunks, line numbers for bad lines)."""
    import csv

    import pyarrow as pa

    fh = open(path, newline="", encoding="utf-8-sig", errors="replace")  # noqa: SIM115 - closed below
    try:
        reader = csv.reader(fh)
        header = next(reader, None)
        if not header:
            raise BulkError(f"{path}: no CSV header")
        if column not in header:
            raise BulkError(f"{path}: no column {column!r}; columns: {header}")
        width, at = len(header), header.index(column)
        cols: list[list[str]] = [[] for _ in header]
        errs: list[dict[str, Any]] = []
        index = row = first = 0
        while True:
            line = reader.line_num + 1
            try:
                rec = next(reader)
            except StopIteration:
                break
            except csv.Error as exc:
                errs.append(error_record(None, f"malformed CSV line: {exc}", None, line=line))
                continue
            if len(rec) != width:
                if rec:  # a blank line is no row
                    errs.append(error_record(None, f"malformed CSV line: {len(rec)} fields, the header has {width}",
                                             ",".join(rec), line=line))
            else:
                for c, v in zip(cols, rec, strict=True):
                    c.append(v)
                row += 1
            if len(cols[0]) == CHUNK_ROWS:
                if index >= skip:
                    table = pa.table({h: pa.array(c, type=pa.string()) for h, c in zip(header, cols, strict=True)})
                    yield Chunk(index, first, table, None, cols[at], errs)
                index, first = index + 1, row
                cols, errs = [[] for _ in header], []
        if (cols[0] or errs) and index >= skip:
            table = pa.table({h: pa.array(c, type=pa.string()) for h, c in zip(header, cols, strict=True)})
            yield Chunk(index, first, table, None, cols[at], errs)
    finally:
        fh.close()


def _read_jsonl(path: Path, column: str, skip: int) -> Iterator[Chunk]:
    rows: list[dict[str, Any]] = []
    texts: list[Any] = []
    errs: list[dict[str, Any]] = []
    lines: list[int] = []
    index = row = first = 0
    lines_in_chunk = 0
    with open(path, "rb") as fh:
        for lineno, raw in enumerate(fh, 1):
            lines_in_chunk += 1
            if raw.strip():
                try:
                    obj = json.loads(raw)
                except ValueError as exc:
                    obj, reason = None, f"not JSON: {exc}"
                else:
                    reason = "" if isinstance(obj, dict) else f"a JSON {type(obj).__name__}, not an object"
                if reason:
                    errs.append(error_record(None, reason, raw.decode("utf-8", "replace").rstrip("\n"), line=lineno))
                elif column not in obj:
                    errs.append(error_record(None, f"no field {column!r}", None, line=lineno))
                else:
                    rows.append(obj)
                    texts.append(obj[column])
                    lines.append(lineno)
                    row += 1
            if lines_in_chunk == CHUNK_ROWS:
                if index >= skip:
                    yield Chunk(index, first, None, rows, texts, errs, lines)
                index, first, lines_in_chunk = index + 1, row, 0
                rows, texts, errs, lines = [], [], [], []
    if lines_in_chunk and index >= skip:
        yield Chunk(index, first, None, rows, texts, errs, lines)


def _read_parquet(path: Path, column: str, skip: int) -> Iterator[Chunk]:
    import pyarrow as pa
    import pyarrow.parquet as pq

    pf = pq.ParquetFile(path)
    if column not in pf.schema_arrow.names:
        raise BulkError(f"{path}: no column {column!r}; columns: {pf.schema_arrow.names}")
    row = 0
    for index, batch in enumerate(pf.iter_batches(batch_size=CHUNK_ROWS)):
        if index >= skip:
            table = pa.Table.from_batches([batch])
            yield Chunk(index, row, table, None, table.column(column).to_pylist())
        row += batch.num_rows


def count_rows(path: Path) -> int | None:
    """Rows in ``path`` for the progress bar: Parquet metadata, else a count of line ends."""
    fmt = file_format(path)
    if fmt == "parquet":
        import pyarrow.parquet as pq

        return int(pq.ParquetFile(path).metadata.num_rows)
    n = 0
    with open(path, "rb") as fh:
        for block in iter(lambda: fh.read(1 << 24), b""):
            n += block.count(b"\n")
    return max(0, n - 1) if fmt == "csv" else n


# ---------------------------------------------------------------- writers (main process)


def _scalar_text(v: Any) -> str | None:
    if v is None or isinstance(v, str):
        return v
    if isinstance(v, dict | list):
        return json.dumps(v, ensure_ascii=False)
    return str(v)


class Writer:
    """Appends the good rows of each chunk to the output, in chunk order."""

    def __init__(self, out: Path, fmt: str, fields: list[tuple[str, str]], out_bytes: int, parts: int) -> None:
        self.out, self.fmt, self.fields = out, fmt, fields
        self.parts = parts
        self.columns: list[str] | None = None  # input columns of a CSV/Parquet output (from the first chunk)
        self.fh: Any = None
        if fmt == "parquet":
            out.mkdir(parents=True, exist_ok=True)
            for p in out.glob("part-*.parquet"):
                if int(p.stem.split("-")[1]) >= parts:
                    p.unlink()
        else:
            self.fh = open(out, "r+b" if out.exists() else "wb")  # noqa: SIM115 - closed in close()
            self.fh.truncate(out_bytes)
            self.fh.seek(out_bytes)
            if fmt == "csv" and out_bytes:
                self.columns = self._csv_header()

    def _csv_header(self) -> list[str]:
        import csv

        with open(self.out, newline="", encoding="utf-8") as fh:
            header = next(csv.reader(fh))
        names = {n for n, _ in self.fields}
        return [h for h in header if h not in names]

    def position(self) -> int:
        return int(self.fh.tell()) if self.fh is not None else 0

    def write(self, chunk: Chunk, cols: dict[str, list[Any]]) -> None:
        ok = cols["__ok__"]
        if not any(ok):
            return
        if self.fmt == "jsonl":
            self._write_jsonl(chunk, cols, ok)
        else:
            self._write_table(chunk, cols, ok)

    def _write_jsonl(self, chunk: Chunk, cols: dict[str, list[Any]], ok: list[bool]) -> None:
        rows = chunk.rows if chunk.rows is not None else chunk.table.to_pylist()
        names = [n for n, _ in self.fields]
        keys = list(cols)[:-1]
        lines = []
        for i, row in enumerate(rows):
            if ok[i]:
                rec = dict(row)
                rec.update((n, cols[k][i]) for n, k in zip(names, keys, strict=True))
                lines.append(json.dumps(rec, ensure_ascii=False))
        self.fh.write(("\n".join(lines) + "\n").encode("utf-8"))

    def _write_table(self, chunk: Chunk, cols: dict[str, list[Any]], ok: list[bool]) -> None:
        import pyarrow as pa

        mask = pa.array(ok, type=pa.bool_())
        if chunk.table is not None:
            table = chunk.table
        else:  # JSON objects into text columns, the column set fixed by the first chunk
            assert chunk.rows is not None
            if self.columns is None:
                seen: dict[str, None] = {}
                for r in chunk.rows:
                    seen.update(dict.fromkeys(r))
                self.columns = list(seen)
            table = pa.table({c: pa.array([_scalar_text(r.get(c)) for r in chunk.rows], type=pa.string())
                              for c in self.columns})
        if self.columns is None:
            self.columns = table.column_names
        elif table.column_names != self.columns:
            table = table.select(self.columns)
        table = table.filter(mask)
        keys = list(cols)[:-1]
        for (name, typ), key in zip(self.fields, keys, strict=True):
            values = [v for v, good in zip(cols[key], ok, strict=True) if good]
            table = table.append_column(name, pa.array(values, type=getattr(pa, typ)()))
        if self.fmt == "csv":
            import pyarrow.csv as pcsv

            pcsv.write_csv(table, self.fh, pcsv.WriteOptions(include_header=self.fh.tell() == 0))
        else:
            import pyarrow.parquet as pq

            pq.write_table(table, self.out / f"part-{self.parts:06d}.parquet")
            self.parts += 1

    def flush(self) -> None:
        if self.fh is not None:
            self.fh.flush()

    def close(self) -> None:
        if self.fh is not None:
            self.fh.close()


# ---------------------------------------------------------------- the job


@dataclass
class Job:
    input: Path
    out: Path
    column: str = "address"
    workers: int = 1
    arm: str = "A"
    labels: str = "addrnet"
    prefix: str = ""
    resolve: bool = False
    database_url: str | None = None
    arms_dir: str | None = None
    errors: Path | None = None
    overwrite: bool = False
    progress: bool = True

    @property
    def errors_path(self) -> Path:
        return self.errors or self.out.with_name(self.out.name + ".errors.jsonl")

    @property
    def checkpoint_path(self) -> Path:
        return self.out.with_name(self.out.name + ".progress.json")

    def identity(self) -> dict[str, Any]:
        """What must match for a rerun to resume."""
        return {"input": str(self.input.resolve()), "input_bytes": self.input.stat().st_size, "column": self.column,
                "arm": self.arm, "labels": self.labels, "prefix": self.prefix, "resolve": self.resolve,
                "version": CHECKPOINT_VERSION}


@dataclass
class Checkpoint:
    chunks_done: int = 0
    rows_done: int = 0
    rows_ok: int = 0
    rows_error: int = 0
    out_bytes: int = 0
    errors_bytes: int = 0
    parts: int = 0
    complete: bool = False
    elapsed_s: float = 0.0


def _save(path: Path, identity: dict[str, Any], cp: Checkpoint) -> None:
    tmp = path.with_name(path.name + ".tmp")
    tmp.write_text(json.dumps({**identity, **asdict(cp)}), encoding="utf-8")
    os.replace(tmp, path)


def _start(job: Job, fmt_out: str) -> Checkpoint:
    ident = job.identity()
    paths = [job.out, job.errors_path, job.checkpoint_path]
    if job.overwrite:
        for p in paths:
            if p.is_dir():
                shutil.rmtree(p)
            elif p.exists():
                p.unlink()
    if job.checkpoint_path.exists():
        saved = json.loads(job.checkpoint_path.read_text(encoding="utf-8"))
        differs = {k: (saved.get(k), v) for k, v in ident.items() if saved.get(k) != v}
        if differs:
            raise BulkError(f"{job.checkpoint_path} is from another job ({differs}); pass --overwrite to start afresh")
        return Checkpoint(**{k: saved[k] for k in asdict(Checkpoint())})
    if job.out.exists() and (fmt_out != "parquet" or any(job.out.iterdir())):
        raise BulkError(f"{job.out} exists and has no progress record; pass --overwrite to replace it")
    return Checkpoint()


def run(job: Job) -> dict[str, Any]:
    """Run (or resume) ``job``; -> a summary: rows, rows_ok, rows_error, seconds, rows_per_s, files."""
    fmt_out = file_format(job.out)
    file_format(job.input)
    if not job.input.is_file():
        raise BulkError(f"{job.input}: no such file")
    fields = output_fields(job.labels, job.prefix, job.resolve)
    cp = _start(job, fmt_out)
    summary_files = {"out": str(job.out), "errors": str(job.errors_path), "progress": str(job.checkpoint_path)}
    if cp.complete:
        return {"rows": cp.rows_done, "rows_ok": cp.rows_ok, "rows_error": cp.rows_error, "seconds": 0.0,
                "rows_per_s": None, "resumed_from_row": cp.rows_done, "already_complete": True, **summary_files}
    ident = job.identity()
    chunks = read_chunks(job.input, job.column, cp.chunks_done)
    first = next(chunks, None)
    if first is not None:
        names = first.table.column_names if first.table is not None else {k for r in first.rows or [] for k in r}
        clash = sorted(set(names) & {n for n, _ in fields})
        if clash:
            raise BulkError(f"the input already has columns {clash}; pass --prefix (e.g. --prefix parsed_)")
    writer = Writer(job.out, fmt_out, fields, cp.out_bytes, cp.parts)
    errors_fh = open(job.errors_path, "r+b" if job.errors_path.exists() else "wb")  # noqa: SIM115
    errors_fh.truncate(cp.errors_bytes)
    errors_fh.seek(cp.errors_bytes)
    resumed_from = cp.rows_done
    bar = _bar(job, cp)
    t0 = time.perf_counter()
    init = (job.arm, job.labels, job.resolve, job.database_url, job.arms_dir)

    def emit(chunk: Chunk, cols: dict[str, list[Any]], errs: list[dict[str, Any]]) -> None:
        writer.write(chunk, cols)
        if chunk.lines is not None:
            for e in errs:
                e.setdefault("line", chunk.lines[e["row"] - chunk.first_row])
        bad = chunk.read_errors + errs
        if bad:
            errors_fh.write("".join(json.dumps(e, ensure_ascii=False) + "\n" for e in bad).encode("utf-8"))
        n = len(chunk.texts)
        cp.chunks_done = chunk.index + 1
        cp.rows_done = chunk.first_row + n
        cp.rows_ok += sum(cols["__ok__"])
        cp.rows_error += len(bad)
        writer.flush()
        errors_fh.flush()
        cp.out_bytes, cp.errors_bytes, cp.parts = writer.position(), errors_fh.tell(), writer.parts
        now = time.perf_counter()
        cp.elapsed_s += now - clock[0]
        clock[0] = now
        _save(job.checkpoint_path, ident, cp)
        if bar is not None:
            bar.update(n + len(chunk.read_errors))
        if first_emit[0] is None:
            first_emit[0], first_emit[1] = now, cp.rows_done

    clock = [t0]
    first_emit: list[Any] = [None, 0]  # (time, rows done) when the first chunk was written: the end of start-up
    stream = _chain(first, chunks)
    try:
        if job.workers <= 1:
            init_worker(*init)
            for chunk in stream:
                emit(chunk, *parse_chunk(chunk.texts, chunk.first_row))
        else:
            with ProcessPoolExecutor(job.workers, mp_context=get_context("spawn"), initializer=init_worker,
                                     initargs=init) as pool:
                inflight: deque[tuple[Chunk, Future[Any]]] = deque()
                for chunk in stream:
                    inflight.append((chunk, pool.submit(parse_chunk, chunk.texts, chunk.first_row)))
                    if len(inflight) >= 2 * job.workers:
                        c, fut = inflight.popleft()
                        emit(c, *fut.result())
                while inflight:
                    c, fut = inflight.popleft()
                    emit(c, *fut.result())
        cp.complete = True
        _save(job.checkpoint_path, ident, cp)
    finally:
        writer.close()
        errors_fh.close()
        if bar is not None:
            bar.close()
    end = time.perf_counter()
    seconds = end - t0
    done = cp.rows_done - resumed_from
    steady = None
    if first_emit[0] is not None and end > first_emit[0] and cp.rows_done > first_emit[1]:
        steady = round((cp.rows_done - first_emit[1]) / (end - first_emit[0]), 1)
    return {"rows": cp.rows_done, "rows_ok": cp.rows_ok, "rows_error": cp.rows_error, "seconds": round(seconds, 3),
            "rows_per_s": round(done / seconds, 1) if seconds > 0 else None, "steady_rows_per_s": steady,
            "first_chunk_s": round(first_emit[0] - t0, 3) if first_emit[0] is not None else None,
            "resumed_from_row": resumed_from,
            "workers": job.workers, "already_complete": False, **summary_files}


def _chain(first: Chunk | None, rest: Iterator[Chunk]) -> Iterator[Chunk]:
    if first is not None:
        yield first
        yield from rest


def _bar(job: Job, cp: Checkpoint) -> Any:
    if not job.progress:
        return None
    from tqdm import tqdm

    return tqdm(total=count_rows(job.input), initial=cp.rows_done, unit=" rows", unit_scale=True, file=sys.stderr,
                desc=job.input.name, smoothing=0.1, mininterval=0.5)
