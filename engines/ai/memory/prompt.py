"""What was recalled for a turn, as a few lines for the volatile end of the prompt.

The notes go after the cached persona prefix (see ``engines/ai/context.py``), bounded in
tokens: the viewer's memories first (the reason they are there), then knowledge snippets.
Remembered text came from chat, so it is neutralised like any viewer text.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from engines.ai.context import approx_tokens, neutralise

DEFAULT_BUDGET_TOKENS = 120


@dataclass(frozen=True, slots=True)
class Recalled:
    """Memories about the picked viewer and knowledge snippets relevant to what they said."""

    viewer: str | None = None
    memories: tuple[str, ...] = ()
    knowledge: tuple[str, ...] = ()
    summary: str | None = None
    memory_ids: tuple[str, ...] = field(default=(), compare=False)
    memory_scores: tuple[float, ...] = field(default=(), compare=False)
    """Each memory's relevance to what was said (0-1, vectors and keywords; 0 for the name
    and when nothing was said), for :class:`engines.ai.memory.gate.NotesGate`."""

    def __bool__(self) -> bool:
        return bool(self.memories or self.knowledge or self.summary)


def render_notes(recalled: Recalled, *, budget_tokens: int = DEFAULT_BUDGET_TOKENS) -> str:
    """At most ``budget_tokens`` (estimated) of notes; empty when nothing was recalled."""
    lines: list[str] = []
    used = 0

    def fits(line: str) -> bool:
        nonlocal used
        cost = approx_tokens(line)
        if used + cost > budget_tokens:
            return False
        lines.append(line)
        used += cost
        return True

    if recalled.memories and recalled.viewer:
        head = f"You remember {neutralise(recalled.viewer)}: "
        kept: list[str] = []
        for memory in recalled.memories:
            candidate = head + "; ".join([*kept, neutralise(memory)]) + "."
            if used + approx_tokens(candidate) > budget_tokens:
                break
            kept.append(neutralise(memory))
        if kept:
            fits(head + "; ".join(kept) + ".")
    for snippet in recalled.knowledge:
        if not fits(f"You know: {neutralise(snippet)}"):
            break
    if recalled.summary:
        fits(f"Earlier on stream: {neutralise(recalled.summary)}")
    return "\n".join(lines)
