"""Tiny registry shared by the hand-written line files.

Each data module calls ``B(category, side, technique, text, lang)`` with a block of
lines, one chat line per row. Rows starting with "# " are comments, blank rows are skipped.
"""

from __future__ import annotations

DATA: list[tuple[str, str, str, str, str]] = []


def B(category: str, side: str, technique: str, text: str, lang: str = "en") -> None:
    for raw in text.strip("\n").splitlines():
        line = raw.strip()
        if not line or line.startswith("# "):
            continue
        DATA.append((line, category, side, technique, lang))
