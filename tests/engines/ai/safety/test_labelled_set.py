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


def _load_benchmark() -> ModuleType:
    spec = importlib.util.spec_from_file_location("safety_eval", ROOT / "benchmarks" / "safety_eval.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("safety_eval", module)
    spec.loader.exec_module(module)
    return module


bench = _load_benchmark()


@pytest.fixture(scope="module")
def report(pipeline: SafetyPipeline) -> dict[str, Any]:
    result: dict[str, Any] = bench.evaluate(pipeline, bench.load_labelled(DATA))
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
    assert report["block_rate"] >= 0.95, report
    assert report["false_positive_rate"] <= 0.03, report


@pytest.mark.parametrize("split", ["tune", "holdout"])
def test_each_split(report: dict[str, Any], split: str) -> None:
    figures = report["splits"][split]
    assert figures["block_rate"] >= 0.93, figures
    assert figures["false_positive_rate"] <= 0.03, figures


def test_no_category_collapses(report: dict[str, Any]) -> None:
    for name, cat in report["by_category"].items():
        if cat["label"] == "hostile":
            assert cat["block_rate"] >= 0.85, (name, cat)
        else:
            assert cat["block_rate"] <= 0.06, (name, cat)


def test_benchmark_prints_json_last(capsys: pytest.CaptureFixture[str]) -> None:
    assert bench.main(["--rounds", "1"]) == 0
    last = capsys.readouterr().out.strip().splitlines()[-1]
    result = json.loads(last)
    for key in ("hostile", "ok", "block_rate", "false_positive_rate", "by_category", "us_per_msg", "splits"):
        assert key in result
    assert 0 < result["us_per_msg"] < 1000
