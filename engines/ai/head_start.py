"""A viewer turn's first words written before the model reads long-term memory's notes.

Every prompt token costs the bundled model on a CPU about 4 ms before its first token, so a
turn with 40 tokens of notes reached first audio ~150-250 ms later than one without
(docs/memory.md). Here the reply begins from the prompt without the notes (the persona is
cached, so that costs what a turn without memory costs); as soon as the reply's first piece is
complete (what the splitter sends to the voice first, "Oh, Sam!") or ``words`` words were
written without one, that request is closed and the model goes on from the words written, on the
prompt with the notes (``LLMRequest.prefix``). The notes are evaluated while the first piece is
heard. The first piece never saw the notes: the head is kept short so it can greet, not answer.

The notes go after the viewer's line in the second request (``ContextBuilder.build``'s
``notes_last``), so the model server's cache of the first request is all of the second's
prefix but the notes and the few words written.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import AsyncIterator
from typing import Final

from engines.ai.sentences import SentenceSplitter, SplitterConfig
from engines.backends import LLMBackend, LLMRequest

__all__ = ["Head", "head_start"]

_EMOTION_TAG: Final = re.compile(r"\[[^\[\]\n]{0,48}\]")
"""An emotion tag ("[happy]"), which the voice never says: not one of the head's words."""


def _words(text: str) -> int:
    return len(_EMOTION_TAG.sub(" ", text).split())


@dataclasses.dataclass(slots=True)
class Head:
    """What the head did, for the turn's metrics."""

    text: str = ""
    """The words written without the notes."""
    whole: bool = False
    """The model ended the reply within the head: there was nothing to go on with."""
    first_output_ms: float | None = None
    """The head's first token, from its request (the turn's first token)."""


async def head_start(
    llm: LLMBackend,
    without_notes: LLMRequest,
    with_notes: LLMRequest,
    *,
    words: int,
    splitter: SplitterConfig,
    head: Head | None = None,
) -> AsyncIterator[str]:
    """The reply's deltas: those of ``without_notes`` up to the first piece the splitter
    releases (or ``words`` words), then those of ``with_notes`` going on from them."""
    if not llm.continues:
        raise ValueError(f"{llm.name} cannot continue a reply: send with_notes alone")
    head = head if head is not None else Head()
    mirror = SentenceSplitter(splitter)  # the stage's splitter, fed the same deltas
    stream = llm.stream_chat(without_notes)
    cut = False
    try:
        async for delta in stream:
            head.text += delta
            released = mirror.feed(delta)
            yield delta
            if released or _words(head.text) > words:
                cut = True
                break
    finally:
        head.first_output_ms = llm.stats.last_first_output_ms
        await stream.aclose()
    if not cut:
        head.whole = True
        return
    rest = llm.stream_chat(dataclasses.replace(with_notes, prefix=head.text))
    try:
        async for delta in rest:
            yield delta
    finally:
        await rest.aclose()
