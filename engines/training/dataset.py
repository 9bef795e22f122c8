"""Dataset recipes: which turns become chat examples, and how they are cleaned and split.

A :class:`Recipe` is stored with every dataset version, so the same recipe over the same log
builds the same dataset. :func:`build` is pure: candidates (turns with their trigger, reply,
labels and engagement) in, examples and a report of what was kept and dropped out. The safety
check is passed in (the bot's current pipeline), so every example faces today's rules.
"""

from __future__ import annotations

import hashlib
import re
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field

from engines.ai.context import IDLE_PREFIX, TASKS
from engines.training.scrub import NameScrubber, scrub_pii

Split = Literal["train", "validation"]
SafetyCheck = Callable[[str, Literal["input", "output"]], str | None]
"""Returns why the text is blocked, or None when it passes."""


class Recipe(BaseModel):
    """What goes into a dataset version. Every field is a filter or a step, nothing else."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    name: Annotated[str, Field(pattern=r"^[a-z0-9_-]{1,64}$")] = "default"
    streams: tuple[str, ...] = ()
    """Only turns of these streams (their start, ISO 8601); empty: all."""
    persona: str | None = None
    persona_versions: tuple[int, ...] = ()
    model_versions: tuple[int, ...] = ()
    min_score: float | None = None
    """Only turns whose engagement score is at least this."""
    verdicts: tuple[Literal["good", "bad", "unlabelled"], ...] = ("good",)
    """Which labels qualify. A bad turn qualifies only with an edited reply (what she should have said)."""
    tags_any: tuple[str, ...] = ()
    """Only turns with at least one of these tags."""
    tags_none: tuple[str, ...] = ()
    """Never turns with any of these tags."""
    statuses: tuple[str, ...] = ("finished",)
    """Turn outcomes that qualify (an edited reply qualifies whatever the outcome)."""
    validation_fraction: float = Field(default=0.2, ge=0, lt=1)
    """Share of streams (not rows) held out for validation."""
    seed: str = "0"
    """Changes which streams are held out."""
    paraphrases: int = Field(default=0, ge=0, le=5)
    """Synthetic paraphrases of each prompt made with the configured LLM (marked synthetic)."""


@dataclass(frozen=True, slots=True)
class Candidate:
    """One turn with everything the recipe looks at."""

    turn_id: str
    stream: str
    persona: str
    status: str
    prompt: str
    """The user message as the bot's context built it (see :meth:`ContextBuilder.describe`)."""
    reply: str
    """What she said (the turn's text)."""
    names: tuple[str, ...] = ()
    """Viewer logins and display names around the turn, scrubbed to placeholders."""
    persona_version: int | None = None
    model_version: int | None = None
    score: float | None = None
    verdicts: tuple[str, ...] = ()
    """Every labeller's verdict (good or bad)."""
    edited: str | None = None
    """The newest "what she should have said"."""
    tags: frozenset[str] = frozenset()
    viewer_text: str = ""
    """What the viewer wrote (the part of the prompt a paraphrase rewrites)."""


@dataclass(frozen=True, slots=True)
class Example:
    turn_id: str | None
    stream: str
    split: Split
    messages: tuple[dict[str, str], ...]
    synthetic: bool = False


@dataclass
class Report:
    candidates: int = 0
    kept: int = 0
    dropped: Counter[str] = field(default_factory=Counter)
    pii: Counter[str] = field(default_factory=Counter)
    streams: dict[str, list[str]] = field(default_factory=lambda: {"train": [], "validation": []})
    synthetic: int = 0

    def as_dict(self) -> dict[str, Any]:
        return {
            "candidates": self.candidates,
            "kept": self.kept,
            "dropped": dict(self.dropped),
            "pii_scrubbed": dict(self.pii),
            "streams": self.streams,
            "synthetic": self.synthetic,
        }


def verdict_of(c: Candidate) -> Literal["good", "bad", "unlabelled"]:
    """Any bad label makes the turn bad; otherwise any good label makes it good."""
    if "bad" in c.verdicts:
        return "bad"
    return "good" if "good" in c.verdicts else "unlabelled"


def _why_not(c: Candidate, r: Recipe) -> str | None:
    if r.streams and c.stream not in r.streams:
        return "stream"
    if r.persona and c.persona != r.persona:
        return "persona"
    if r.persona_versions and c.persona_version not in r.persona_versions:
        return "persona_version"
    if r.model_versions and c.model_version not in r.model_versions:
        return "model_version"
    if r.min_score is not None and (c.score is None or c.score < r.min_score):
        return "score"
    verdict = verdict_of(c)
    if verdict not in r.verdicts:
        return "label"
    if verdict == "bad" and not c.edited:
        return "bad_without_edit"
    if r.tags_any and not (c.tags & set(r.tags_any)):
        return "tags"
    if c.tags & set(r.tags_none):
        return "tags"
    if c.status not in r.statuses and not c.edited:
        return "status"
    if not (c.edited or c.reply).strip() or not c.prompt.strip():
        return "empty"
    return None


_SPACE = re.compile(r"\s+")


def _key(prompt: str, reply: str) -> str:
    return _SPACE.sub(" ", f"{prompt}\x00{reply}").strip().casefold()


def split_of(stream: str, all_streams: Sequence[str], r: Recipe) -> Split:
    """Held-out streams: the lowest-ranked by a seeded hash, ``validation_fraction`` of them (at
    least one when there are two streams or more and the fraction is above 0)."""
    ranked = sorted(set(all_streams), key=lambda s: hashlib.sha256(f"{r.seed}\x00{s}".encode()).hexdigest())
    n = round(len(ranked) * r.validation_fraction)
    if r.validation_fraction > 0 and len(ranked) >= 2:
        n = max(n, 1)
    n = min(n, len(ranked) - 1) if len(ranked) >= 2 else 0
    return "validation" if stream in ranked[:n] else "train"


def _viewers_blocked(prompt: str, safety: SafetyCheck) -> str | None:
    """Input safety on what happened: the prompt without its last line when that is the bot's
    own task (``context.TASKS``: "Reply to chat." read as an order to the model and cautioned
    71 of 180 harmless questions when the whole prompt was checked). An idle turn's prompt holds
    no viewer text. A chat turn has no task line since 2026-12-07, so its one line is checked."""
    if prompt.startswith(IDLE_PREFIX):
        return None
    lines, _, last = prompt.rpartition("\n")
    viewers = lines if last.strip() in TASKS else prompt
    return safety(viewers, "input") if viewers.strip() else None


def build(
    candidates: Sequence[Candidate],
    recipe: Recipe,
    *,
    system: str,
    safety: SafetyCheck,
    paraphrase: Callable[[str], list[str]] | None = None,
) -> tuple[list[Example], Report]:
    """Select, deduplicate, safety-check, scrub and split. With ``paraphrase`` (the viewer's
    text -> rewordings) and ``recipe.paraphrases``, each example also gets up to that many
    copies whose viewer line is reworded, each checked by safety and marked synthetic."""
    report = Report(candidates=len(candidates))
    chosen: list[tuple[Candidate, str, str]] = []
    seen: set[str] = set()
    for c in candidates:
        why = _why_not(c, recipe)
        if why is None:
            reply = (c.edited or c.reply).strip()
            key = _key(c.prompt, reply)
            if key in seen:
                why = "duplicate"
            elif (reason := _viewers_blocked(c.prompt, safety)) or (reason := safety(reply, "output")):
                why = f"safety:{reason}"
            else:
                seen.add(key)
                chosen.append((c, c.prompt, reply))
        if why is not None:
            report.dropped[why] += 1
    streams = [c.stream for c, _, _ in chosen]
    examples: list[Example] = []
    for c, prompt, reply in chosen:
        split = split_of(c.stream, streams, recipe)
        prompts = [prompt]
        if paraphrase is not None and recipe.paraphrases and c.viewer_text and c.viewer_text in prompt:
            for text in paraphrase(c.viewer_text)[: recipe.paraphrases]:
                other = prompt.replace(c.viewer_text, text.strip())
                if text.strip() and text.strip() != c.viewer_text and not safety(text.strip(), "input"):
                    prompts.append(other)
        for i, text in enumerate(prompts):
            user, assistant = NameScrubber(c.names).scrub([text, reply])
            (user, found_u), (assistant, found_a) = scrub_pii(user), scrub_pii(assistant)
            report.pii.update(found_u + found_a)
            messages = (
                {"role": "system", "content": system},
                {"role": "user", "content": user},
                {"role": "assistant", "content": assistant},
            )
            examples.append(Example(c.turn_id, c.stream, split, messages, synthetic=i > 0))
            report.synthetic += i > 0
        if c.stream not in report.streams[split]:
            report.streams[split].append(c.stream)
    report.kept = sum(not e.synthetic for e in examples)
    return examples, report


def openai_line(e: Example) -> dict[str, Any]:
    """One line of OpenAI's chat fine-tuning JSONL."""
    return {"messages": list(e.messages)}


def hf_line(e: Example) -> dict[str, Any]:
    """One line of a Hugging Face ``datasets`` JSON file (conversational ``messages`` column)."""
    return {"messages": list(e.messages), "turn_id": e.turn_id, "stream": e.stream, "synthetic": e.synthetic}
