"""Broken arm folders for fault injection (tests and ``make reliability``): each one fails a different check."""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

from model.artifact import load_artifact, update_manifest, write_artifact


def nan_arm(src: Path, dst: Path, name: str) -> Path:
    """A valid, correctly hashed artifact whose model outputs NaN (one weight set to NaN)."""
    import numpy as np
    import onnx
    from onnx import numpy_helper

    art = load_artifact(src)
    model = onnx.load(str(art.model_path))
    for init in model.graph.initializer:
        arr = numpy_helper.to_array(init)
        if arr.dtype == np.float32 and arr.size > 1:
            init.CopyFrom(numpy_helper.from_array(np.full_like(arr, np.nan), init.name))
            break
    with tempfile.TemporaryDirectory() as tmp:
        onnx_path = Path(tmp) / "model.onnx"
        onnx.save(model, str(onnx_path))
        manifest = {k: v for k, v in art.manifest.items() if k != "files"}
        write_artifact(dst, onnx_path=onnx_path, tokenizer_path=art.tokenizer_path, labels=art.labels,
                       manifest={**manifest, "arm": name})
    return dst


def misnamed_arm(src: Path, dst: Path, announced: str) -> Path:
    """A valid artifact in folder ``dst`` whose manifest announces another arm name."""
    shutil.copytree(src, dst)
    update_manifest(dst, arm=announced)
    return dst


def corrupt_arm(src: Path, dst: Path) -> Path:
    """An artifact whose model file no longer matches its manifest's sha256."""
    shutil.copytree(src, dst)
    update_manifest(dst, arm=dst.name)
    with open(dst / "model.onnx", "ab") as fh:
        fh.write(b"tampered")
    return dst
