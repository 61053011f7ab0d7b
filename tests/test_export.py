from __future__ import annotations

import json
import shutil
from pathlib import Path

import numpy as np
import pytest

from model.artifact import ArtifactError, load_artifact
from model.labels import NUM_TAGS
from training.tiny import build_tiny_arm, make_toy_corpus, make_toy_tokenizer


@pytest.fixture(scope="module")
def arm(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("arm")
    corpus = make_toy_corpus(root / "corpus", n_train=800, n_dev=100, n_test=10)
    tok = make_toy_tokenizer(corpus, root / "tok" / "tokenizer.json")
    # with a CRF, so the exported transitions and the numpy Viterbi are exercised too
    return build_tiny_arm(root / "arms" / "tiny", corpus, tok, steps=150, overrides=["train.crf_loss_weight=0.5"])


def test_artifact_is_complete_with_parity(arm: Path) -> None:
    art = load_artifact(arm)
    m = art.manifest
    assert set(m["files"]) >= {"model.onnx", "tokenizer.json", "labels.json", "curves.png"}
    assert m["parity"]["max_abs_diff"] < 1e-3 and m["parity"]["argmax_agreement"] >= 0.999
    assert m["arm"] == "tiny" and m["max_len"] == 32 and m["corpus_version"] == "toy"
    assert m["dev_metrics"]["f1"] > 0.8 and m["parent_checkpoint"].endswith("step-000150")
    assert m["config"]["train"]["steps"] == 150 and m["training_wall_time_s"] > 0
    assert art.labels["crf_transitions"] is not None and len(art.labels["crf_transitions"]) == NUM_TAGS


def test_onnx_dynamic_axes(arm: Path) -> None:
    import onnxruntime as ort

    sess = ort.InferenceSession(str(arm / "model.onnx"))
    for B, T in ((1, 3), (7, 32)):
        ids = np.random.default_rng(0).integers(3, 50, (B, T))
        (out,) = sess.run(["logits"], {"input_ids": ids, "attention_mask": np.ones((B, T), dtype=np.int64)})
        assert out.shape == (B, T, NUM_TAGS) and out.dtype == np.float32


def test_tampered_or_incomplete_artifact_is_refused(arm: Path, tmp_path: Path) -> None:
    bad = tmp_path / "bad"
    shutil.copytree(arm, bad)
    with open(bad / "labels.json", "a") as fh:
        fh.write(" ")
    with pytest.raises(ArtifactError, match="sha256 mismatch"):
        load_artifact(bad)
    from model.tagger import Tagger

    with pytest.raises(ArtifactError):
        Tagger.load(bad)
    (bad / "model.onnx").unlink()
    with pytest.raises(ArtifactError, match="missing"):
        load_artifact(bad)
    manifest = json.loads((arm / "manifest.json").read_text())
    shutil.copytree(arm, tmp_path / "nokey")
    del manifest["dev_metrics"]
    (tmp_path / "nokey" / "manifest.json").write_text(json.dumps(manifest))
    with pytest.raises(ArtifactError, match="missing keys"):
        load_artifact(tmp_path / "nokey")


def test_int8_export_records_decision(arm: Path, tmp_path: Path) -> None:
    from training.export import export_run

    out = export_run(arm.parent / "tiny-run", tmp_path / "int8", int8=True, harness_path=None)
    q = load_artifact(out).manifest["quantization"]
    assert q["requested"] and isinstance(q["int8"], bool)
    assert q["int8"] == (q["f1_drop"] < 0.002 and q["batch_confidence_shift"] <= q["max_batch_confidence_shift"])
    assert q["batch_confidence_shift"] > 0  # dynamic quantization: activation scales per run, so batches matter


def test_fp32_confidences_do_not_depend_on_the_batch(arm: Path) -> None:
    from model.tagger import Tagger
    from training.export import BATCH_MAX_SHIFT, batch_confidence_shift

    texts = ["10 Main St, Springfield, IL 62701", "Unter den Linden 77, 10117 Berlin", "PO Box 9, Anchorage AK",
             "221B Baker Street, London NW1 6XE", "corner of 5th ave and 42nd st new york"] * 4
    assert batch_confidence_shift(Tagger.load(arm), texts) <= BATCH_MAX_SHIFT


def test_export_fuses_each_blocks_attention(arm: Path) -> None:
    import onnx

    graph = onnx.load(str(arm / "model.onnx")).graph
    attention = [n for n in graph.node if n.op_type == "Attention"]
    assert len(attention) == 1 and attention[0].domain == "com.microsoft"  # tiny.toml: one block
    assert not [n for n in graph.node if n.op_type in ("Softmax", "Split", "Transpose")]
    g = load_artifact(arm).manifest["graph"]
    assert g["attention"] == "com.microsoft.Attention" and g["nodes"] == len(graph.node)
    assert g["parity_vs_export"]["max_abs_diff"] <= 1e-4 and g["parity_vs_export"]["argmax_agreement"] == 1.0


@pytest.fixture(scope="module")
def plain_graph(arm: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The tiny arm's checkpoint exported as torch writes it (not fused)."""
    from training.checkpoint import load_checkpoint, model_from_checkpoint
    from training.export import export_onnx

    model, _ = model_from_checkpoint(load_checkpoint(arm.parent / "tiny-run"))
    return export_onnx(model, tmp_path_factory.mktemp("plain") / "model.onnx")


def test_fused_graph_gives_the_exported_graphs_logits(arm: Path, plain_graph: Path) -> None:
    import onnxruntime as ort

    from model.tagger import Tagger

    texts = ["10 Main St, Springfield, IL 62701", "Unter den Linden 77, 10117 Berlin", "PO Box 9",
             "221B Baker Street, London NW1 6XE, United Kingdom", "x"]
    enc = Tagger.load(arm).tokenizer.encode_words([t.split() for t in texts])  # rows padded to the longest
    assert enc.attention_mask.min() == 0
    feed = {"input_ids": enc.input_ids, "attention_mask": enc.attention_mask}
    (plain,) = ort.InferenceSession(str(plain_graph)).run(["logits"], feed)
    (fused,) = ort.InferenceSession(str(arm / "model.onnx")).run(["logits"], feed)
    real = enc.attention_mask.astype(bool)
    assert np.abs(plain[real] - fused[real]).max() <= 1e-4
    assert (plain[real].argmax(-1) == fused[real].argmax(-1)).all()


def test_fuse_arm_rewrites_a_plain_folder_once(arm: Path, plain_graph: Path, tmp_path: Path) -> None:
    from model.artifact import rewrite_artifact
    from model.tagger import Tagger
    from training.fused_graph import fuse_arm

    folder = tmp_path / "arm"
    shutil.copytree(arm, folder)
    rewrite_artifact(folder, onnx_path=plain_graph)
    texts = ["10 Main St, Springfield, IL 62701", "Unter den Linden 77, 10117 Berlin", "PO Box 9, Anchorage AK"]
    before = Tagger.load(folder).parse_batch(texts)
    out = fuse_arm(folder)
    assert out["changed"] and out["graph"]["parity_vs_export"]["argmax_agreement"] == 1.0
    assert load_artifact(folder).manifest["graph"] == out["graph"]  # hashes verified on load
    assert Tagger.load(folder).parse_batch(texts) == before
    assert fuse_arm(folder)["changed"] is False


def test_a_fused_graph_that_differs_is_refused(plain_graph: Path, tmp_path: Path) -> None:
    import onnx

    from training.fused_graph import FuseError, check, fuse, parity

    wrong = fuse(onnx.load(str(plain_graph)), n_heads=1)  # the tiny arm has 2 heads: other attention
    onnx.save(wrong, str(tmp_path / "wrong.onnx"))
    with pytest.raises(FuseError, match="differs"):
        check(parity(plain_graph, tmp_path / "wrong.onnx", vocab_size=50, max_len=32))
    with pytest.raises(FuseError, match="not an exported AddrNet"):
        fuse(onnx.load(str(tmp_path / "wrong.onnx")).__class__(), n_heads=2)


def test_a_checkpoint_rebuilt_from_an_arm_folder_gives_its_weights(arm: Path, plain_graph: Path,
                                                                    tmp_path: Path) -> None:
    """training.from_arm: the fused and the plain graph both give back the run's own weights and CRF, and
    fine-tuning starts from them."""
    import torch

    from model.artifact import rewrite_artifact
    from training.checkpoint import load_checkpoint, load_tagger
    from training.from_arm import checkpoint_from_arm, rebuild
    from training.network import AddrNet

    run = load_checkpoint(arm.parent / "tiny-run")
    plain = tmp_path / "plain"
    shutil.copytree(arm, plain)
    rewrite_artifact(plain, onnx_path=plain_graph)
    for folder in (arm, plain):
        net, _, _ = rebuild(folder)
        got = net.state_dict()
        for k, v in run["model"].items():
            if not k.startswith("mlm_"):
                assert torch.equal(got[k], v), k
    out = checkpoint_from_arm(arm, tmp_path / "run")
    assert out["parity"]["argmax_agreement"] == 1.0 and out["step"] == run["step"]
    fresh = AddrNet(net.cfg, crf=True)
    lineage = load_tagger(fresh, tmp_path / "run")
    assert lineage["finetuned"] and torch.equal(fresh.tag_head.weight, run["model"]["tag_head.weight"])


def test_an_arm_whose_graph_does_not_fit_its_config_is_refused(arm: Path, tmp_path: Path) -> None:
    from model.artifact import update_manifest
    from training.from_arm import ArmImportError, rebuild

    folder = tmp_path / "arm"
    shutil.copytree(arm, folder)
    cfg = json.loads((folder / "manifest.json").read_text())["config"]
    cfg["model"]["d_ff"] *= 2
    update_manifest(folder, config=cfg)
    with pytest.raises(ArmImportError, match="d_ff|mlp"):
        rebuild(folder)


def test_average_interpolates_two_taggers_and_export_records_it(arm: Path, tmp_path: Path) -> None:
    import torch

    from training.checkpoint import (
        average_checkpoints,
        load_checkpoint,
        model_from_checkpoint,
        save_checkpoint,
    )
    from training.config import from_dict
    from training.export import export_run
    from training.runtime import make_optimizer

    run = arm.parent / "tiny-run"
    ckpt = load_checkpoint(run)
    model, cfg = model_from_checkpoint(ckpt)
    with torch.no_grad():
        for p in model.parameters():
            p.mul_(3.0)
    end = tmp_path / "end"
    end.mkdir()
    shutil.copy(run / "run.json", end / "run.json")
    save_checkpoint(end, 7, model, make_optimizer(model, 1e-3, 0.0), cfg, {"init_from": {"path": "x"}}, keep=1)
    out = average_checkpoints(run, end, 0.25, tmp_path / "avg")
    got = load_checkpoint(out)
    for k, v in ckpt["model"].items():
        want = 3 * v if k.startswith("mlm_") else 1.5 * v  # the end's MLM head; else 0.75 x w + 0.25 x 3w
        assert torch.allclose(got["model"][k], want, atol=1e-6), k
    assert got["step"] == 7 and got["averaged"]["alpha"] == 0.25 and got["init_from"] == {"path": "x"}
    assert from_dict(got["config"]).model == cfg.model
    folder = export_run(tmp_path / "avg", tmp_path / "arm", harness_path=None, dev_max_examples=20)
    assert load_artifact(folder).manifest["averaged"]["end"].endswith("step-000007")
    with pytest.raises(ValueError, match="alpha"):
        average_checkpoints(run, end, 1.5, tmp_path / "bad")
