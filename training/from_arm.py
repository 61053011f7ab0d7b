"""A tagger checkpoint rebuilt from an arm folder's ONNX graph, so a shipped arm can be trained on.

The shipped arms were trained on a lent GPU, and their torch checkpoints stayed there. An arm folder holds
every tagger weight: each initializer of ``model.onnx`` is either named after its torch parameter
(embeddings, LayerNorms, biases) or is the transposed weight of a ``Linear`` (``onnx::MatMul_N``), consumed by
a ``MatMul`` whose output an ``Add`` with that Linear's bias takes, or by a fused ``Attention`` node beside the
q/k/v bias (``training.fused_graph``). The CRF, when the arm has one, is in ``labels.json``. The masked-LM head
is not in an arm; it keeps its fresh init (a tagger never uses it).

``checkpoint_from_arm(arm, run_dir)`` writes ``run_dir/checkpoints/step-N`` (N: the arm's parent step) with the
arm's config and lineage, after checking that the rebuilt network gives the arm's logits on random padded
batches (``parity``: max |diff| <= the fuse check's ``MAX_ABS_DIFF``, the same argmax on every real token). Then
``addrnet train tagger --finetune-from run_dir`` trains on from it (``training.checkpoint.load_tagger``).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import numpy as np
import onnx
import torch
from onnx import numpy_helper

from model.artifact import MODEL_FILE, load_artifact
from training.config import Config, from_dict
from training.fused_graph import compare_logits, logits_agree, session_logits
from training.network import AddrNet


class ArmImportError(ValueError):
    pass


def _linear_name(graph: onnx.GraphProto, node: onnx.NodeProto) -> str:
    """The torch module of the Linear whose weight ``node`` multiplies by: from the bias added after it (``MatMul``)
    or beside it (``Attention``: input 2)."""
    if node.op_type == "Attention":
        bias = node.input[2]
    else:
        adds = [n for n in graph.node if n.op_type == "Add" and node.output[0] in n.input]
        if len(adds) != 1:
            raise ArmImportError(f"MatMul {node.name!r}: expected one Add of its bias, found {len(adds)}")
        bias = next(i for i in adds[0].input if i != node.output[0])
    if not bias.endswith(".bias"):
        raise ArmImportError(f"{node.op_type} {node.name!r}: its bias {bias!r} is not a named parameter")
    return bias[: -len(".bias")]


def state_from_onnx(model: onnx.ModelProto) -> dict[str, np.ndarray]:
    """torch parameter name -> weight, for every tagger weight of an exported (plain or fused) graph."""
    init = {t.name: numpy_helper.to_array(t) for t in model.graph.initializer}
    state: dict[str, np.ndarray] = {k: v for k, v in init.items() if k.startswith(("encoder.", "tag_head."))}
    for node in model.graph.node:
        if node.op_type in ("MatMul", "Attention") and len(node.input) > 1 and node.input[1] in init \
                and not node.input[1].startswith(("encoder.", "tag_head.")):
            state[_linear_name(model.graph, node) + ".weight"] = init[node.input[1]].T
    return state


def rebuild(arm_dir: str | Path) -> tuple[AddrNet, Config, dict[str, Any]]:
    """(the arm's network in torch with its weights, its config, the arm's manifest)."""
    art = load_artifact(arm_dir)
    m = art.manifest
    cfg = from_dict(m["config"])
    crf = art.labels.get("crf_transitions") is not None
    net = AddrNet(cfg.model, crf=crf)
    weights = state_from_onnx(onnx.load(str(Path(arm_dir) / MODEL_FILE)))
    if crf:
        for k in ("transitions", "start", "end"):
            weights[f"crf.{k}"] = np.asarray(art.labels[f"crf_{k}"], dtype=np.float32)
    own = net.state_dict()
    tagger = {k for k in own if not k.startswith("mlm_")}
    missing, extra = sorted(tagger - set(weights)), sorted(set(weights) - set(own))
    if missing or extra:
        raise ArmImportError(f"{arm_dir}: the graph's weights do not fit the config (missing {missing}, extra {extra})")
    for k, v in weights.items():
        if tuple(own[k].shape) != v.shape:
            raise ArmImportError(f"{arm_dir}: {k} is {v.shape} in the graph, {tuple(own[k].shape)} in the config")
    net.load_state_dict({k: torch.from_numpy(np.array(v, dtype=np.float32)) for k, v in weights.items()}, strict=False)
    return net.eval(), cfg, m


def parity(net: AddrNet, arm_dir: str | Path) -> dict[str, Any]:
    """The rebuilt network's logits against the arm's ONNX graph (``training.fused_graph.compare_logits``)."""

    def torch_logits(feed: dict[str, np.ndarray]) -> np.ndarray:
        with torch.no_grad():
            return net(torch.from_numpy(feed["input_ids"]), torch.from_numpy(feed["attention_mask"])).float().numpy()

    return compare_logits(session_logits(Path(arm_dir) / MODEL_FILE), torch_logits, net.cfg.vocab_size, net.cfg.max_len)


def checkpoint_from_arm(arm_dir: str | Path, run_dir: str | Path) -> dict[str, Any]:
    """Write the arm's tagger as ``run_dir``'s checkpoint (see the module doc) -> a summary."""
    from training.checkpoint import save_checkpoint

    net, cfg, m = rebuild(arm_dir)
    check = parity(net, arm_dir)
    if not logits_agree(check):
        raise ArmImportError(f"{arm_dir}: the rebuilt network does not give the arm's logits: {check}")
    step = int(m.get("parent_step") or cfg.train.steps)
    lineage = {"arm_folder": str(arm_dir), "arm_sha256": m.get("files", {}).get(MODEL_FILE),
               "parent_checkpoint": m.get("parent_checkpoint"), "init_from": m.get("init_from"),
               "corpus_version": m.get("corpus_version"), "tokenizer_version": m.get("tokenizer_version")}
    extra = {"init_from": m.get("init_from"), "from_arm": lineage, "meta": {"kind": "tagger", "arm": m.get("arm")}}
    run = Path(run_dir)
    path = save_checkpoint(run, step, net, None, cfg, extra, keep=1)
    (run / "from_arm.json").write_text(json.dumps({**lineage, "parity": check, "checkpoint": str(path)}, indent=2)
                                       + "\n")
    return {"checkpoint": str(path), "step": step, "parity": check}
