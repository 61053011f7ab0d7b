"""The arm artifact folder: the only writer (``write_artifact``) and reader (``load_artifact``).

Folder contents: ``model.onnx``, ``tokenizer.json``, ``labels.json``, ``manifest.json`` (required),
``curves.png`` and ``places.npy`` (optional; ``model.places``). ``manifest.json`` records arm, version, config, corpus and tokenizer
versions, parent checkpoint, dev metrics, training wall time, ``max_len`` and ``files``: the sha256 of
every other file in the folder. ``load_artifact`` refuses (``ArtifactError``) a folder with a missing
required file, a manifest without the required keys, a file whose sha256 does not match, or
``labels.json`` tags that differ from ``model.labels.TAGS``. ``update_manifest`` changes manifest
fields (e.g. metrics computed after writing) without touching the hashed files; ``rewrite_artifact``
writes a folder again with a new ``labels.json`` or ``places.npy`` (through ``write_artifact``).
"""

from __future__ import annotations

import hashlib
import json
import shutil
import tempfile
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from model.labels import TAGS

MODEL_FILE = "model.onnx"
TOKENIZER_FILE = "tokenizer.json"
LABELS_FILE = "labels.json"
MANIFEST_FILE = "manifest.json"
CURVES_FILE = "curves.png"
PLACES_FILE = "places.npy"
REQUIRED_FILES = (MODEL_FILE, TOKENIZER_FILE, LABELS_FILE, MANIFEST_FILE)
MANIFEST_KEYS = (
    "arm",
    "version",
    "config",
    "corpus_version",
    "tokenizer_version",
    "parent_checkpoint",
    "files",
    "dev_metrics",
    "training_wall_time_s",
    "max_len",
)


class ArtifactError(Exception):
    """The artifact folder is incomplete, inconsistent or tampered with."""


@dataclass(frozen=True)
class Artifact:
    folder: Path
    manifest: dict[str, Any]
    labels: dict[str, Any]

    @property
    def model_path(self) -> Path:
        return self.folder / MODEL_FILE

    @property
    def tokenizer_path(self) -> Path:
        return self.folder / TOKENIZER_FILE

    @property
    def places_path(self) -> Path | None:
        """``places.npy`` when the manifest lists it (its sha256 was checked on load)."""
        return self.folder / PLACES_FILE if PLACES_FILE in self.manifest["files"] else None

    @property
    def name(self) -> str:
        return str(self.manifest["arm"])

    @property
    def max_len(self) -> int:
        return int(self.manifest["max_len"])


def sha256_file(path: str | Path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


def labels_payload(crf: dict[str, Any] | None = None) -> dict[str, Any]:
    crf = crf or {}
    return {
        "tags": list(TAGS),
        "crf_transitions": crf.get("crf_transitions"),
        "crf_start": crf.get("crf_start"),
        "crf_end": crf.get("crf_end"),
    }


def write_artifact(
    out_dir: str | Path,
    *,
    onnx_path: str | Path,
    tokenizer_path: str | Path,
    labels: dict[str, Any],
    manifest: dict[str, Any],
    curves_path: str | Path | None = None,
    places_path: str | Path | None = None,
    extra_files: Mapping[str, str | Path] | None = None,
) -> Path:
    """Write a complete artifact folder (replacing ``out_dir``); the manifest gets ``files`` hashes (of
    ``extra_files`` too: name in the folder -> source, such as ``reliability.png``)."""
    out = Path(out_dir)
    staging = out.with_name(out.name + ".writing")
    if staging.exists():
        shutil.rmtree(staging)
    staging.mkdir(parents=True)
    shutil.copyfile(onnx_path, staging / MODEL_FILE)
    shutil.copyfile(tokenizer_path, staging / TOKENIZER_FILE)
    (staging / LABELS_FILE).write_text(json.dumps(labels), encoding="utf-8")
    if curves_path is not None and Path(curves_path).exists():
        shutil.copyfile(curves_path, staging / CURVES_FILE)
    if places_path is not None:
        shutil.copyfile(places_path, staging / PLACES_FILE)
    for name, src in (extra_files or {}).items():
        shutil.copyfile(src, staging / name)
    files = {p.name: sha256_file(p) for p in sorted(staging.iterdir()) if p.name != MANIFEST_FILE}
    full = {**manifest, "files": files}
    missing = [k for k in MANIFEST_KEYS if k not in full]
    if missing:
        shutil.rmtree(staging)
        raise ArtifactError(f"manifest is missing {missing}")
    (staging / MANIFEST_FILE).write_text(json.dumps(full, indent=2, sort_keys=True), encoding="utf-8")
    if out.exists():
        shutil.rmtree(out)
    staging.replace(out)
    load_artifact(out)  # never hand back a folder that would be refused
    return out


def update_manifest(folder: str | Path, **fields: Any) -> dict[str, Any]:
    art = load_artifact(folder)
    if "files" in fields:
        raise ArtifactError("the files table is computed by write_artifact")
    manifest = {**art.manifest, **fields}
    (art.folder / MANIFEST_FILE).write_text(json.dumps(manifest, indent=2, sort_keys=True), encoding="utf-8")
    return manifest


def rewrite_artifact(folder: str | Path, *, labels: dict[str, Any] | None = None,
                     places_path: str | Path | None = None, onnx_path: str | Path | None = None, **fields: Any) -> Path:
    """Write ``folder`` again with ``labels``, ``places_path`` and/or ``onnx_path`` replacing its own (and
    manifest ``fields`` set); every other file is kept, hashed again when it was hashed (``reliability.png``)
    and as it is when not."""
    art = load_artifact(folder)
    with tempfile.TemporaryDirectory(prefix="addrnet-artifact-") as tmp_s:
        tmp = Path(tmp_s)
        kept = {p.name: shutil.copy2(p, tmp / p.name) for p in art.folder.iterdir() if p.is_file()}
        places = places_path or (kept.get(PLACES_FILE) if art.places_path else None)
        # the files write_artifact writes itself
        own = {MANIFEST_FILE, MODEL_FILE, TOKENIZER_FILE, LABELS_FILE, CURVES_FILE} | ({PLACES_FILE} if places else set())
        manifest = {k: v for k, v in art.manifest.items() if k != "files"} | fields
        extra = {name: path for name, path in kept.items() if name not in own and name in art.manifest["files"]}
        write_artifact(art.folder, onnx_path=onnx_path or kept[MODEL_FILE], tokenizer_path=kept[TOKENIZER_FILE],
                       labels=labels if labels is not None else art.labels, manifest=manifest,
                       curves_path=kept.get(CURVES_FILE), places_path=places, extra_files=extra)
        for name, path in kept.items():  # never hashed: kept as they are
            if name not in own and name not in extra:
                shutil.copy2(path, art.folder / name)
    return art.folder


def load_artifact(folder: str | Path, verify: bool = True) -> Artifact:
    folder = Path(folder)
    if not folder.is_dir():
        raise ArtifactError(f"{folder}: not an artifact folder")
    missing = [f for f in REQUIRED_FILES if not (folder / f).is_file()]
    if missing:
        raise ArtifactError(f"{folder}: incomplete artifact, missing {missing}")
    try:
        manifest = json.loads((folder / MANIFEST_FILE).read_text(encoding="utf-8"))
        labels = json.loads((folder / LABELS_FILE).read_text(encoding="utf-8"))
    except ValueError as exc:
        raise ArtifactError(f"{folder}: unreadable manifest or labels: {exc}") from exc
    keys = [k for k in MANIFEST_KEYS if k not in manifest]
    if keys:
        raise ArtifactError(f"{folder}/{MANIFEST_FILE}: missing keys {keys}")
    files = manifest["files"]
    unlisted = [f for f in REQUIRED_FILES if f != MANIFEST_FILE and f not in files]
    if unlisted:
        raise ArtifactError(f"{folder}/{MANIFEST_FILE}: no sha256 for {unlisted}")
    if verify:
        for name, digest in files.items():
            path = folder / name
            if not path.is_file():
                raise ArtifactError(f"{folder}: {name} listed in the manifest but missing")
            actual = sha256_file(path)
            if actual != digest:
                raise ArtifactError(f"{folder}: sha256 mismatch for {name}: manifest {digest[:12]}…, file {actual[:12]}…")
    if list(labels.get("tags", [])) != list(TAGS):
        raise ArtifactError(f"{folder}/{LABELS_FILE}: tags differ from model.labels.TAGS")
    return Artifact(folder, manifest, labels)
