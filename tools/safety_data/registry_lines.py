#!/usr/bin/env python3
"""Score the ``registry`` split in two parts: the lines an earlier import held, and the lines added since.

    git show 8f26e30:tests/data/safety_registry.jsonl > /tmp/registry_old.jsonl
    .venv/bin/python tools/safety_data/registry_lines.py --old /tmp/registry_old.jsonl [--head FILE]

The import keeps every earlier line on the same side of the split (the hash of its text), so
two heads can be compared on the lines both were measured on and on the new ones. Every
default layer, as ``benchmarks/safety_eval.py --split registry`` runs them; prints one JSON
object with the figures for ``all``, ``old_lines`` and ``new_lines``. Aggregates only: it lists
no line.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from benchmarks.safety_eval import SPLITS, blocked, load, score  # noqa: E402
from config.settings import load_settings  # noqa: E402
from integrations.registry import build_safety  # noqa: E402


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--old", type=Path, required=True, help="the registry split of an earlier import")
    ap.add_argument("--head", type=Path, help="another semantic head than the shipped one")
    args = ap.parse_args()

    old = {line.text for line in load(args.old)}
    lines = load(SPLITS["registry"])
    pipeline = build_safety(load_settings(), head=args.head)
    pipeline.warm()
    hits = blocked(pipeline, lines)
    report: dict[str, Any] = {"all": score(lines, hits)}
    for name, keep in (("old_lines", True), ("new_lines", False)):
        pairs = [(line, hit) for line, hit in zip(lines, hits, strict=True) if (line.text in old) == keep]
        report[name] = score([p[0] for p in pairs], [p[1] for p in pairs])
    missing = len(old - {line.text for line in lines})
    report["old_lines_missing"] = missing
    for name in ("all", "old_lines", "new_lines"):
        part = report[name]
        print(
            f"{name:9} {part['hostile']}+{part['harmless']} recall {part['recall']:.3f}  "
            f"macro {part['macro_recall']:.3f}  false+ {part['false_positive_rate']:.3f}",
            file=sys.stderr,
        )
    print(json.dumps(report))


if __name__ == "__main__":
    main()
