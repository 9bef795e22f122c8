"""Scrub training text: personal data becomes a typed placeholder, viewer names become
``<viewer1>``, ``<viewer2>``... (the same name, the same placeholder, within one example)."""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Final

_PII: Final = (
    ("<email>", re.compile(r"[\w.+-]+\s*(?:@|\(at\)|\[at\])\s*[\w-]+(?:\.[\w-]+)+", re.IGNORECASE)),
    ("<url>", re.compile(r"\b(?:https?://|www\.)\S+", re.IGNORECASE)),
    ("<ip>", re.compile(r"\b(?:\d{1,3}\.){3}\d{1,3}\b")),
    ("<card>", re.compile(r"\b(?:\d[ -]?){13,19}\b")),
    ("<phone>", re.compile(r"(?<![\w])\+?\(?\d{1,4}\)?(?:[ .-]?\d{2,4}){2,5}(?![\w])")),
)


def scrub_pii(text: str) -> tuple[str, list[str]]:
    """``text`` with emails, links, IP addresses, card and phone numbers replaced; and which kinds were."""
    found: list[str] = []
    for placeholder, pattern in _PII:
        text, n = pattern.subn(placeholder, text)
        if n:
            found.append(placeholder.strip("<>"))
    return text, found


class NameScrubber:
    """Replaces known viewer names (logins and display names) with numbered placeholders."""

    def __init__(self, names: Iterable[str]) -> None:
        words = sorted(
            {n.strip().lstrip("@") for n in names if len(n.strip().lstrip("@")) >= 2}, key=len, reverse=True
        )
        self._pattern = (
            re.compile(r"(?<![\w])@?(" + "|".join(re.escape(w) for w in words) + r")(?![\w])", re.IGNORECASE)
            if words
            else None
        )

    def scrub(self, texts: list[str]) -> list[str]:
        """Scrub several texts of one example with one numbering."""
        if self._pattern is None:
            return texts
        numbers: dict[str, int] = {}

        def one(m: re.Match[str]) -> str:
            key = m.group(1).lower()
            numbers.setdefault(key, len(numbers) + 1)
            return f"<viewer{numbers[key]}>"

        return [self._pattern.sub(one, t) for t in texts]
