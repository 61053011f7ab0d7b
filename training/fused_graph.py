"""The served ONNX graph of a tagger: each encoder block's self-attention as one ``com.microsoft.Attention``
node (issue 14).

``torch.onnx.export`` writes a block's attention as ~35 nodes: shape arithmetic, the q/k/v split, reshapes,
transposes, two MatMuls, the scale, the padding bias and the softmax. ONNX Runtime runs each node with a
fixed cost, which for this small encoder is a large part of a run (measured on the 2 x 64 arms: a 9-text
run 1,023 -> 871 us, one text 167 -> 117 us). ``fuse`` rebuilds the exported graph from its own weights
with each block's attention as one contrib ``Attention`` node (onnxruntime's CPU build has it): the same
q/k/v weights and bias, scale 1/sqrt(head size), and padding masked with the same -10000 bias the network
adds (``training.network.Encoder``; the op's ``mask_filter_value`` default). Everything else is the
exported computation node for node; ONNX Runtime then fuses bias + GELU and LayerNorm + residual as it
does for the exported graph. The inputs, the output and their dynamic axes are unchanged.

``fuse_arm(folder)`` does it to an arm folder: the fused graph must give the folder's graph's logits on
random padded batches (``parity``: max |diff| over real tokens <= ``MAX_ABS_DIFF`` and the same argmax on
every one), else ``FuseError`` and the folder is left as it was; then ``model.artifact.rewrite_artifact``
writes the folder again with the manifest's ``graph`` record. A folder whose graph is fused already is left
alone. ``training.export`` fuses every new export (its parity check against PyTorch then runs on the fused
graph).
"""

from __future__ import annotations

import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import numpy as np
import onnx
from onnx import TensorProto, helper, numpy_helper

from model.artifact import MODEL_FILE, load_artifact, rewrite_artifact

CONTRIB = "com.microsoft"
MAX_ABS_DIFF = 1e-4
MASK_FILTER = -10000.0  # training.network.Encoder's padding bias, and the Attention op's default


class FuseError(RuntimeError):
    pass


def is_fused(model: onnx.ModelProto) -> bool:
    return any(n.op_type == "Attention" and n.domain == CONTRIB for n in model.graph.node)


def _weights(model: onnx.ModelProto) -> tuple[dict[str, np.ndarray], dict[str, str], float]:
    """(initializers by name, the weight input of each named MatMul node, the LayerNorm epsilon)."""
    init = {t.name: numpy_helper.to_array(t) for t in model.graph.initializer}
    matmul = {n.name: n.input[1] for n in model.graph.node if n.op_type == "MatMul" and n.input[1] in init}
    if "/tag_head/MatMul" not in matmul or "encoder.tok_emb.weight" not in init:
        raise FuseError("not an exported AddrNet tagger graph (no tag head MatMul or token embedding)")
    eps = {round(float(helper.get_attribute_value(a)), 12) for n in model.graph.node if n.op_type == "LayerNormalization"
           for a in n.attribute if a.name == "epsilon"}
    if len(eps) != 1:
        raise FuseError(f"expected one LayerNorm epsilon, found {sorted(eps)}")
    return init, matmul, eps.pop()


def fuse(model: onnx.ModelProto, n_heads: int) -> onnx.ModelProto:
    """The exported tagger graph ``model`` with each block's attention as one ``Attention`` node."""
    if is_fused(model):
        return model
    init, matmul, eps = _weights(model)
    n_layers = sum(1 for name in matmul if name.endswith("/attn/qkv/MatMul"))
    if n_layers == 0:
        raise FuseError("not an exported AddrNet tagger graph (no attention MatMul)")
    d_model = init["encoder.tok_emb.weight"].shape[1]
    if d_model % n_heads:
        raise FuseError(f"d_model {d_model} is not a multiple of {n_heads} heads")
    used: dict[str, np.ndarray] = {}

    def w(name: str) -> str:
        used[name] = init[name]
        return name

    def mm(node: str) -> str:
        return w(matmul[node])

    consts = {"zero": np.array(0, np.int64), "one": np.array(1, np.int64)}
    nodes = [
        helper.make_node("Shape", ["input_ids"], ["ids_shape"]),
        helper.make_node("Gather", ["ids_shape", "one"], ["seq_len"], axis=0),
        helper.make_node("Range", ["zero", "seq_len", "one"], ["positions"]),
        helper.make_node("Gather", [w("encoder.tok_emb.weight"), "input_ids"], ["tok_emb"]),
        helper.make_node("Gather", [w("encoder.pos_emb.weight"), "positions"], ["pos_emb"]),
        helper.make_node("Add", ["tok_emb", "pos_emb"], ["x0"]),
        helper.make_node("Cast", ["attention_mask"], ["mask_i32"], to=TensorProto.INT32),
    ]

    def layer_norm(x: str, prefix: str, out: str) -> Any:
        return helper.make_node("LayerNormalization", [x, w(prefix + ".weight"), w(prefix + ".bias")], [out],
                                axis=-1, epsilon=eps)

    def linear(x: str, node: str, bias: str, out: str) -> list[Any]:
        return [helper.make_node("MatMul", [x, mm(node)], [out + "_mm"]),
                helper.make_node("Add", [out + "_mm", w(bias)], [out])]

    x = "x0"
    for b in range(n_layers):
        p, g = f"encoder.blocks.{b}", f"/encoder/blocks.{b}"
        nodes += [
            layer_norm(x, p + ".ln1", f"b{b}_ln1"),
            helper.make_node("Attention", [f"b{b}_ln1", mm(g + "/attn/qkv/MatMul"), w(p + ".attn.qkv.bias"), "mask_i32"],
                             [f"b{b}_heads"], domain=CONTRIB, num_heads=n_heads, mask_filter_value=MASK_FILTER),
            *linear(f"b{b}_heads", g + "/attn/proj/MatMul", p + ".attn.proj.bias", f"b{b}_attn"),
            helper.make_node("Add", [x, f"b{b}_attn"], [f"b{b}_mid"]),
            layer_norm(f"b{b}_mid", p + ".ln2", f"b{b}_ln2"),
            *linear(f"b{b}_ln2", g + "/mlp/mlp.0/MatMul", p + ".mlp.0.bias", f"b{b}_up"),
            helper.make_node("Gelu", [f"b{b}_up"], [f"b{b}_gelu"], domain=CONTRIB),
            *linear(f"b{b}_gelu", g + "/mlp/mlp.2/MatMul", p + ".mlp.2.bias", f"b{b}_down"),
            helper.make_node("Add", [f"b{b}_mid", f"b{b}_down"], [f"x{b + 1}"]),
        ]
        x = f"x{b + 1}"
    nodes += [layer_norm(x, "encoder.ln_f", "final"), *linear("final", "/tag_head/MatMul", "tag_head.bias", "logits")]
    initializers = [numpy_helper.from_array(v, k) for k, v in {**used, **consts}.items()]
    graph = helper.make_graph(nodes, "addrnet_tagger", list(model.graph.input), list(model.graph.output), initializers)
    opsets = [o for o in model.opset_import if o.domain in ("", "ai.onnx")] + [helper.make_opsetid(CONTRIB, 1)]
    out = helper.make_model(graph, opset_imports=opsets, producer_name="addrnet.fused_graph")
    out.ir_version = model.ir_version
    onnx.checker.check_model(out)
    return out


def _session(path: str | Path) -> Any:
    import onnxruntime as ort

    opts = ort.SessionOptions()
    opts.intra_op_num_threads = opts.inter_op_num_threads = 1
    opts.log_severity_level = 3
    return ort.InferenceSession(str(path), opts, providers=["CPUExecutionProvider"])


def compare_logits(reference: Callable[[dict[str, np.ndarray]], np.ndarray],
                   other: Callable[[dict[str, np.ndarray]], np.ndarray], vocab_size: int, max_len: int,
                   batches: int = 48, seed: int = 0) -> dict[str, Any]:
    """Logits of ``other`` against ``reference`` (each: a feed of ``input_ids`` and ``attention_mask`` -> logits)
    on random batches (1-64 rows, 1-``max_len`` tokens, rows padded at random lengths): max |diff| and argmax
    agreement over real tokens. Used for a fused graph against the exported one and for a network rebuilt from
    an arm against the arm's graph (``training.from_arm``)."""
    rng = np.random.default_rng(seed)
    max_diff, agree, total = 0.0, 0, 0
    for _ in range(batches):
        B, T = int(rng.integers(1, 65)), int(rng.integers(1, max_len + 1))
        ids = rng.integers(3, vocab_size, (B, T)).astype(np.int64)
        lengths = rng.integers(1, T + 1, B)
        mask = (np.arange(T)[None, :] < lengths[:, None]).astype(np.int64)
        ids[mask == 0] = 0
        feed = {"input_ids": ids, "attention_mask": mask}
        a, b = reference(feed), other(feed)
        real = mask.astype(bool)
        max_diff = max(max_diff, float(np.abs(a[real] - b[real]).max()))
        agree += int((a[real].argmax(-1) == b[real].argmax(-1)).sum())
        total += int(real.sum())
    return {"max_abs_diff": max_diff, "argmax_agreement": agree / max(total, 1), "tokens": total, "batches": batches}


def session_logits(path: str | Path) -> Callable[[dict[str, np.ndarray]], np.ndarray]:
    """An ONNX graph as a feed -> logits function (one thread)."""
    sess = _session(path)
    return lambda feed: sess.run(["logits"], feed)[0]


def parity(reference: str | Path, fused: str | Path, vocab_size: int, max_len: int, batches: int = 48,
           seed: int = 0) -> dict[str, Any]:
    """Logits of the graph ``fused`` against the graph ``reference`` (``compare_logits``)."""
    return compare_logits(session_logits(reference), session_logits(fused), vocab_size, max_len, batches, seed)


def logits_agree(result: dict[str, Any]) -> bool:
    """True when a ``compare_logits`` result is within ``MAX_ABS_DIFF`` with the same argmax on every real token."""
    return bool(result["max_abs_diff"] <= MAX_ABS_DIFF and result["argmax_agreement"] >= 1.0)


def check(result: dict[str, Any]) -> dict[str, Any]:
    if not logits_agree(result):
        raise FuseError(f"fused graph differs from the exported one: {result}")
    return result


def record(model: onnx.ModelProto, result: dict[str, Any]) -> dict[str, Any]:
    """The manifest's ``graph`` record."""
    return {"attention": f"{CONTRIB}.Attention", "nodes": len(model.graph.node), "parity_vs_export": result}


def fuse_file(src: str | Path, out: str | Path, n_heads: int, vocab_size: int, max_len: int,
              model: onnx.ModelProto | None = None) -> dict[str, Any]:
    """Write the fused graph of ``src`` (``model``: its graph, when already loaded) to ``out`` after the parity
    check; the manifest's ``graph`` record."""
    fused = fuse(model if model is not None else onnx.load(str(src)), n_heads)
    onnx.save(fused, str(out))
    return record(fused, check(parity(src, out, vocab_size, max_len)))


def fuse_arm(folder: str | Path) -> dict[str, Any]:
    """Fuse the graph of the arm folder in place (unchanged when the check fails or it is fused already)."""
    art = load_artifact(folder)
    src = art.folder / MODEL_FILE
    model = onnx.load(str(src))
    if is_fused(model):
        return {"arm": str(art.folder), "changed": False, "graph": art.manifest.get("graph")}
    model_cfg = art.manifest["config"]["model"]
    with tempfile.TemporaryDirectory(prefix="addrnet-fuse-") as tmp:
        out = Path(tmp) / MODEL_FILE
        graph = fuse_file(src, out, int(model_cfg["n_heads"]), int(model_cfg["vocab_size"]), art.max_len, model)
        rewrite_artifact(art.folder, onnx_path=out, graph=graph)
    return {"arm": str(art.folder), "changed": True, "graph": graph}


__all__ = ["FuseError", "check", "fuse", "fuse_arm", "fuse_file", "is_fused", "parity", "record"]
