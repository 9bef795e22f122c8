"""The labelled chat set and the benchmark figures it gives (benchmarks/safety_eval.py)."""

from __future__ import annotations

import importlib.util
import json
import sys
from collections import Counter
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

from engines.ai.safety import SafetyPipeline

ROOT = Path(__file__).resolve().parents[4]
DATA = ROOT / "tests" / "data" / "safety_labelled.jsonl"
EVAL = ROOT / "tests" / "data" / "safety_eval.jsonl"
REGISTRY = ROOT / "tests" / "data" / "safety_registry.jsonl"
HOLDOUT = ROOT / "tests" / "data" / "safety_holdout.jsonl"


def _load_benchmark() -> ModuleType:
    spec = importlib.util.spec_from_file_location("safety_eval", ROOT / "benchmarks" / "safety_eval.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("safety_eval", module)
    spec.loader.exec_module(module)
    return module


bench = _load_benchmark()


def _load_trainer() -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        "train_safety_head", ROOT / "tools" / "train_safety_head.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("train_safety_head", module)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def report(pipeline: SafetyPipeline) -> dict[str, Any]:
    lines = bench.load(DATA)
    result: dict[str, Any] = bench.score(lines, bench.blocked(pipeline, lines))
    rows = [json.loads(line) for line in DATA.read_text("utf-8").splitlines() if line.strip()]
    result["splits"] = {}
    for split in ("tune", "holdout"):
        part = [line for line, row in zip(lines, rows, strict=True) if row["split"] == split]
        result["splits"][split] = bench.score(part, bench.blocked(pipeline, part))
    return result


def test_set_shape() -> None:
    rows = [json.loads(line) for line in DATA.read_text("utf-8").splitlines() if line.strip()]
    labels = Counter(r["label"] for r in rows)
    assert labels["hostile"] >= 220 and labels["ok"] >= 220
    assert set(labels) == {"hostile", "ok"}
    assert all(isinstance(r["text"], str) and r["text"] and r["category"] for r in rows)
    assert len({r["text"] for r in rows}) == len(rows), "duplicate lines"
    splits = Counter((r["label"], r["split"]) for r in rows)
    for label in ("hostile", "ok"):
        assert splits[(label, "tune")] >= 100 and splits[(label, "holdout")] >= 100
    hostile_categories = {r["category"] for r in rows if r["label"] == "hostile"}
    assert {"slur", "harassment", "sexual", "self_harm", "doxxing", "injection", "spam"} <= hostile_categories
    texts = "".join(r["text"] for r in rows if r["label"] == "hostile")
    assert "\u200b" in texts and "\u0456" in texts, "obfuscated lines (zero-width, homoglyphs) expected"


def test_overall_figures(report: dict[str, Any]) -> None:
    """The rules remember their own tuning lines (memory, not quality: see the eval split)."""
    assert report["recall"] >= 0.95, report
    assert report["false_positive_rate"] <= 0.03, report


@pytest.mark.parametrize("split", ["tune", "holdout"])
def test_each_split(report: dict[str, Any], split: str) -> None:
    figures = report["splits"][split]
    assert figures["recall"] >= 0.93, figures
    assert figures["false_positive_rate"] <= 0.03, figures


def test_no_category_collapses(report: dict[str, Any]) -> None:
    for name, rate in report["recall_by_category"].items():
        assert rate >= 0.85, (name, rate)
    for name, rate in report["false_positive_rate_by_category"].items():
        assert rate <= 0.06, (name, rate)


def test_the_evaluation_set_is_by_technique_and_apart() -> None:
    """The held-out set has every category on both sides, and the trainer refuses to read it."""
    rows = [json.loads(line) for line in EVAL.read_text("utf-8").splitlines() if line.strip()]
    labels = Counter(r["label"] for r in rows)
    assert labels["hostile"] >= 600 and labels["harmless"] >= 500
    assert Counter(r["side"] for r in rows if r["label"] == "hostile")["output"] >= 150
    per_category = Counter(r["category"] for r in rows)
    assert min(per_category.values()) >= 35
    train = ROOT / "tools" / "safety_data" / "train.jsonl"
    if train.exists():
        trained = {
            json.loads(line)["text"].casefold() for line in train.read_text("utf-8").splitlines() if line
        }
        assert not trained & {r["text"].casefold() for r in rows}, "evaluation lines leaked into training"
        registry = [json.loads(line) for line in REGISTRY.read_text("utf-8").splitlines() if line.strip()]
        assert len(registry) >= 500 and {r["label"] for r in registry} == {"hostile", "harmless"}
        assert not trained & {r["text"].casefold() for r in registry}, "registry lines leaked into training"


def test_the_holdout_set_is_by_technique_and_apart() -> None:
    """The frozen holdout (safety_holdout.md) has every category, both sides and names, the
    benchmark knows it, and the trainer refuses to read it."""
    rows = [json.loads(line) for line in HOLDOUT.read_text("utf-8").splitlines() if line.strip()]
    assert all(set(r) == {"text", "label", "side", "category", "technique"} for r in rows)
    assert all(isinstance(r["text"], str) and r["text"] and r["technique"] for r in rows)
    assert len({r["text"] for r in rows}) == len(rows), "duplicate lines"
    labels = Counter(r["label"] for r in rows)
    assert set(labels) == {"hostile", "harmless"}
    assert labels["hostile"] >= 650 and labels["harmless"] >= 550
    assert {r["side"] for r in rows} == {"input", "output", "name"}
    for label in ("hostile", "harmless"):
        sides = Counter(r["side"] for r in rows if r["label"] == label)
        assert sides["output"] >= 0.3 * labels[label], (label, sides)
    hostile_categories = Counter(r["category"] for r in rows if r["label"] == "hostile")
    harmless_categories = Counter(r["category"] for r in rows if r["label"] == "harmless")
    assert len(hostile_categories) == 13 and len(harmless_categories) == 11
    assert min(hostile_categories.values()) >= 35 and min(harmless_categories.values()) >= 35
    assert sum(1 for r in rows if r["label"] == "hostile" and r["side"] == "name") >= 40
    assert sum(1 for r in rows if r["label"] == "harmless" and r["side"] == "name") >= 30
    assert bench.SPLITS["holdout"] == HOLDOUT
    trainer = _load_trainer()
    with pytest.raises(SystemExit, match="refusing"):
        trainer.load(HOLDOUT)
    holdout = {r["text"].casefold() for r in rows}
    train = ROOT / "tools" / "safety_data" / "train.jsonl"
    for other in (train, DATA, EVAL, REGISTRY):
        if other.exists():
            seen = {
                json.loads(line)["text"].casefold() for line in other.read_text("utf-8").splitlines() if line
            }
            assert not len(holdout & seen), f"{len(holdout & seen)} holdout lines also in {other.name}"


def test_benchmark_prints_json_last(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(sys, "argv", ["safety_eval.py", "--split", "tune", "--no-semantic"])
    bench.main()
    result = json.loads(capsys.readouterr().out.strip().splitlines()[-1])
    tune = result["splits"]["tune"]
    for key in ("recall", "false_positive_rate", "macro_recall", "worst_category", "recall_by_side"):
        assert key in tune
    assert result["ms_per_sentence_p50"] > 0


def test_the_fresh_set_is_by_technique_and_apart() -> None:
    """The fresh split (safety_fresh.md): every category and side, no line shared with the
    training data or another split, known to the benchmark, refused by the trainer."""
    fresh = ROOT / "tests" / "data" / "safety_fresh.jsonl"
    rows = [json.loads(line) for line in fresh.read_text("utf-8").splitlines() if line.strip()]
    assert all(set(r) == {"text", "label", "side", "category", "technique", "lang"} for r in rows)
    assert len({r["text"].casefold() for r in rows}) == len(rows), "duplicate lines"
    hostile = Counter(r["category"] for r in rows if r["label"] == "hostile")
    harmless = Counter(r["category"] for r in rows if r["label"] == "harmless")
    assert len(hostile) == 13 and len(harmless) == 11
    assert {r["side"] for r in rows} == {"input", "output", "name"}
    assert bench.SPLITS["fresh"] == fresh
    trainer = _load_trainer()
    with pytest.raises(SystemExit, match="refusing"):
        trainer.load(fresh)
    texts = {r["text"].casefold() for r in rows}
    for other in (ROOT / "tools" / "safety_data" / "train.jsonl", DATA, EVAL, REGISTRY, HOLDOUT):
        seen = {json.loads(line)["text"].casefold() for line in other.read_text("utf-8").splitlines() if line}
        assert not texts & seen, f"{len(texts & seen)} fresh lines also in {other.name}"
