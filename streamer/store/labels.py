"""Labels on turns: good or bad, "what she should have said", tags, and who said so.

One row per turn and labeller; labelling again replaces that labeller's row, so every
moderator's opinion is kept and each names its author.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Literal

from sqlalchemy import delete, select
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from .models import Turn
from .studio_models import TurnLabel

Verdict = Literal["good", "bad"]
MAX_TAGS = 20


class LabelError(ValueError):
    """A label the studio refuses: an unknown turn, a bad tag."""


@dataclass(frozen=True, slots=True)
class Label:
    turn_id: str
    verdict: Verdict | None
    edited_text: str | None
    tags: tuple[str, ...]
    labelled_by: str
    updated_at: datetime


def clean_tags(tags: Sequence[str]) -> list[str]:
    out: list[str] = []
    for tag in tags:
        t = tag.strip().lower()
        if not t or len(t) > 32 or not all(ch.isalnum() or ch in "-_ " for ch in t):
            raise LabelError(f"tag {tag!r}: 1-32 letters, digits, spaces, - or _")
        if t not in out:
            out.append(t)
    if len(out) > MAX_TAGS:
        raise LabelError(f"at most {MAX_TAGS} tags")
    return out


async def set_labels(
    sessions: async_sessionmaker[AsyncSession],
    turn_ids: Sequence[str],
    *,
    by: str,
    verdict: Verdict | None = None,
    edited_text: str | None = None,
    tags: Sequence[str] | None = None,
    add_tags: Sequence[str] = (),
) -> int:
    """Label turns (a bulk action when several): ``tags`` replaces, ``add_tags`` adds.
    Fields left None keep the labeller's earlier value. Returns how many turns were labelled."""
    if not turn_ids:
        return 0
    new_tags = None if tags is None else clean_tags(tags)
    extra = clean_tags(add_tags)
    edited = edited_text.strip() if edited_text is not None else None
    async with sessions.begin() as s:
        known = set((await s.scalars(select(Turn.id).where(Turn.id.in_(turn_ids)))).all())
        if missing := [t for t in turn_ids if t not in known]:
            raise LabelError(f"no turn {missing[0]!r}")
        existing = {
            row.turn_id: row
            for row in (
                await s.scalars(
                    select(TurnLabel).where(TurnLabel.turn_id.in_(known), TurnLabel.labelled_by == by)
                )
            ).all()
        }
        now = datetime.now(UTC)
        for tid in dict.fromkeys(turn_ids):
            row = existing.get(tid)
            if row is None:
                row = TurnLabel(turn_id=tid, labelled_by=by, tags=[], verdict=None, edited_text=None)
                s.add(row)
            if verdict is not None:
                row.verdict = verdict
            if edited is not None:
                row.edited_text = edited or None
            merged = list(row.tags or []) if new_tags is None else list(new_tags)
            row.tags = merged + [t for t in extra if t not in merged]
            row.updated_at = now
    return len(known)


async def clear_label(sessions: async_sessionmaker[AsyncSession], turn_id: str, *, by: str) -> bool:
    async with sessions.begin() as s:
        result = await s.execute(
            delete(TurnLabel).where(TurnLabel.turn_id == turn_id, TurnLabel.labelled_by == by)
        )
    return bool(getattr(result, "rowcount", 0))


async def labels_of(
    sessions: async_sessionmaker[AsyncSession], turn_ids: Sequence[str]
) -> dict[str, list[Label]]:
    """Every label of the given turns, newest first per turn."""
    out: dict[str, list[Label]] = {}
    if not turn_ids:
        return out
    async with sessions() as s:
        rows = (
            await s.scalars(
                select(TurnLabel).where(TurnLabel.turn_id.in_(turn_ids)).order_by(TurnLabel.updated_at.desc())
            )
        ).all()
    for r in rows:
        verdict: Verdict | None = "good" if r.verdict == "good" else "bad" if r.verdict == "bad" else None
        out.setdefault(r.turn_id, []).append(
            Label(r.turn_id, verdict, r.edited_text, tuple(r.tags or ()), r.labelled_by, r.updated_at)
        )
    return out
