"""Markdown documents cut into chunks for the knowledge index: by heading, then by paragraph.

A chunk keeps the heading path it sits under ("Lore > The Moon Tea Shop"), which is searched
with its text and shown with it, so a short paragraph is still found by its topic.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Final

MAX_CHARS: Final = 700
"""A paragraph longer than this is cut at sentence ends (about 175 tokens)."""
_HEADING: Final = re.compile(r"^(#{1,6})\s+(.+?)\s*#*\s*$")
_SENTENCE_END: Final = re.compile(r"(?<=[.!?])\s+")


@dataclass(frozen=True, slots=True)
class Chunk:
    """One searchable piece of a document."""

    index: int
    heading: str
    text: str

    @property
    def searchable(self) -> str:
        return f"{self.heading}: {self.text}" if self.heading else self.text


def chunk_markdown(markdown: str, *, max_chars: int = MAX_CHARS) -> list[Chunk]:
    """The document's paragraphs under their heading path; list items of one list stay together."""
    path: list[str] = []
    out: list[str] = []
    headings: list[str] = []
    para: list[str] = []

    def flush() -> None:
        text = " ".join(" ".join(para).split())
        para.clear()
        if not text:
            return
        for piece in _split(text, max_chars):
            out.append(piece)
            headings.append(" > ".join(path))

    for line in markdown.splitlines():
        if m := _HEADING.match(line):
            flush()
            level = len(m.group(1))
            del path[level - 1 :]
            path.extend([""] * (level - 1 - len(path)))
            path.append(m.group(2).strip())
            path[:] = [p for p in path if p]
        elif not line.strip():
            flush()
        else:
            para.append(
                line.strip().lstrip("-*+ ").strip() if line.lstrip()[:2] in ("- ", "* ", "+ ") else line
            )
    flush()
    return [Chunk(i, h, t) for i, (h, t) in enumerate(zip(headings, out, strict=True))]


def _split(text: str, max_chars: int) -> list[str]:
    if len(text) <= max_chars:
        return [text]
    pieces: list[str] = []
    current = ""
    for sentence in _SENTENCE_END.split(text):
        if current and len(current) + 1 + len(sentence) > max_chars:
            pieces.append(current)
            current = sentence
        else:
            current = f"{current} {sentence}".strip()
    if current:
        pieces.append(current)
    return [p[i : i + max_chars] for p in pieces for i in range(0, len(p), max_chars)]
