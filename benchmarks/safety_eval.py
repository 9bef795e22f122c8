"""Safety benchmark: the pipeline over the labelled chat set, accuracy and cost.

Runs :meth:`SafetyPipeline.check_input` over ``tests/data/safety_labelled.jsonl``
(hostile and ordinary chat lines, each tagged with a category and a ``tune`` or
``holdout`` split) and reports the block rate on hostile lines, the false-positive
rate on ordinary lines, per-category rates, and the time per message once warm.

    .venv/bin/python benchmarks/safety_eval.py            # report (both splits)
    .venv/bin/python benchmarks/safety_eval.py --errors   # also list the tune split's mistakes
    .venv/bin/python benchmarks/safety_eval.py --sweep    # classifier thresholds on the tune split

Tune on the ``tune`` split only; the ``holdout`` figures are the honest ones.
The last line printed is one JSON object: hostile, ok, block_rate, false_positive_rate,
by_category, us_per_msg (one message at a time), us_per_msg_batch (check_inputs), and
the same accuracy figures per split under "splits".
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from engines.ai.safety import SafetyDecision, SafetyPipeline

DATA = Path(__file__).resolve().parents[1] / "tests" / "data" / "safety_labelled.jsonl"


@dataclass(frozen=True)
class Example:
    text: str
    label: str
    category: str
    split: str


def load_labelled(path: Path = DATA) -> list[Example]:
    examples: list[Example] = []
    with path.open(encoding="utf-8") as f:
        for line_no, line in enumerate(f, 1):
            if not line.strip():
                continue
            row = json.loads(line)
            if row["label"] not in ("hostile", "ok"):
                raise ValueError(f"{path}:{line_no}: label must be hostile or ok")
            examples.append(Example(row["text"], row["label"], row["category"], row.get("split", "tune")))
    return examples


def score(examples: Sequence[Example], decisions: Sequence[SafetyDecision]) -> dict[str, Any]:
    """Block rate, false-positive rate and per-category block rates."""
    hostile = [d for e, d in zip(examples, decisions, strict=True) if e.label == "hostile"]
    ok = [d for e, d in zip(examples, decisions, strict=True) if e.label == "ok"]
    by_category: dict[str, dict[str, Any]] = {}
    for e, d in zip(examples, decisions, strict=True):
        cat = by_category.setdefault(e.category, {"label": e.label, "n": 0, "blocked": 0})
        cat["n"] += 1
        cat["blocked"] += int(d.blocked)
    for cat in by_category.values():
        cat["block_rate"] = round(cat["blocked"] / cat["n"], 4)
    return {
        "hostile": len(hostile),
        "ok": len(ok),
        "block_rate": round(sum(d.blocked for d in hostile) / max(len(hostile), 1), 4),
        "false_positive_rate": round(sum(d.blocked for d in ok) / max(len(ok), 1), 4),
        "by_category": dict(sorted(by_category.items())),
    }


def evaluate(pipeline: SafetyPipeline, examples: Sequence[Example]) -> dict[str, Any]:
    decisions = pipeline.check_inputs([e.text for e in examples])
    report = score(examples, decisions)
    report["splits"] = {
        split: {k: v for k, v in score(subset, [decisions[i] for i in idx]).items() if k != "by_category"}
        for split in sorted({e.split for e in examples})
        for idx in [[i for i, e in enumerate(examples) if e.split == split]]
        for subset in [[examples[i] for i in idx]]
    }
    return report


def time_per_message(pipeline: SafetyPipeline, texts: Sequence[str], rounds: int) -> tuple[float, float]:
    """Microseconds per message: one at a time, and through ``check_inputs``."""
    pipeline.warm()
    pipeline.check_inputs(texts)
    start = time.perf_counter()
    for _ in range(rounds):
        for text in texts:
            pipeline.check_input(text)
    single = (time.perf_counter() - start) / (rounds * len(texts)) * 1e6
    start = time.perf_counter()
    for _ in range(rounds):
        pipeline.check_inputs(texts)
    batch = (time.perf_counter() - start) / (rounds * len(texts)) * 1e6
    return round(single, 2), round(batch, 2)


def sweep(examples: Sequence[Example], thresholds: Iterable[float]) -> None:
    tune = [e for e in examples if e.split == "tune"]
    for threshold in thresholds:
        report = evaluate(SafetyPipeline(classifier_threshold=threshold), tune)
        print(
            f"threshold {threshold:.2f}: block_rate {report['block_rate']:.3f} "
            f"false_positive_rate {report['false_positive_rate']:.3f}"
        )


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--data", type=Path, default=DATA)
    parser.add_argument("--rounds", type=int, default=20, help="timing rounds over the whole set")
    parser.add_argument("--errors", action="store_true", help="list the tune split's mistakes")
    parser.add_argument("--errors-split", default="tune", help="split whose mistakes --errors lists")
    parser.add_argument("--sweep", action="store_true", help="sweep classifier thresholds on the tune split")
    args = parser.parse_args(argv)

    examples = load_labelled(args.data)
    pipeline = SafetyPipeline()
    pipeline.warm()
    if args.sweep:
        sweep(examples, [x / 100 for x in range(50, 100, 5)] + [0.97, 0.99])
    report = evaluate(pipeline, examples)
    if args.errors:
        decisions = pipeline.check_inputs([e.text for e in examples])
        for e, d in zip(examples, decisions, strict=True):
            wrong = d.blocked != (e.label == "hostile")
            if wrong and e.split == args.errors_split:
                score_text = f"{d.score:.3f}" if d.score is not None else "-"
                print(f"{e.label:7} {e.category:14} {d.verdict:5} {d.layer:10} {score_text:5} {e.text!r}")
    single, batch = time_per_message(pipeline, [e.text for e in examples], args.rounds)
    report["us_per_msg"] = single
    report["us_per_msg_batch"] = batch
    print(json.dumps(report))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
