"""Dataset versions in the store: the candidates a recipe chooses from, and saved versions.

:func:`load_candidates` joins each turn with what triggered it (the stored events, rendered
as the bot's context renders them), its engagement and its labels. A saved version keeps
its recipe and report (``datasets``) and its examples (``dataset_examples``); versions of one
name count up and are never changed.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

import orjson
from sqlalchemy import Integer as IntegerType
from sqlalchemy import func, insert, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from config.persona import Persona
from engines import events as ev
from engines.ai.context import ContextBuilder
from engines.training.dataset import Candidate, Example, Recipe, Report

from .engagement import channel_id
from .labels import labels_of
from .models import EventRow, Turn, Viewer
from .studio_models import Dataset, DatasetExample, TurnEngagement

log = logging.getLogger(__name__)
MAX_NAMES = 5_000
"""Viewer names scrubbed from every example: the triggers' and the channel's most recent."""


class DatasetError(ValueError):
    """No such dataset, or nothing to build from."""


@dataclass(frozen=True, slots=True)
class DatasetInfo:
    id: int
    name: str
    version: int
    recipe: Recipe
    report: dict[str, object]
    created_by: str
    created_at: datetime
    train: int
    validation: int


def _from_json(payload: dict[str, object]) -> ev.EventBase:
    return ev.decode(orjson.dumps(payload))


def _names_of(e: ev.EventBase) -> list[str]:
    names: list[str] = []
    if (who := e.actor) is not None:
        names += [who.login, who.display_name]
    if isinstance(e, ev.ChatMessage) and e.reply_to is not None:
        names += [e.reply_to.user.login, e.reply_to.user.display_name]
    return names


async def load_candidates(
    sessions: async_sessionmaker[AsyncSession], channel: str, persona: Persona
) -> list[Candidate]:
    """Every turn of the channel with its prompt, reply, engagement and labels."""
    cid = await channel_id(sessions, channel)
    if cid is None:
        return []
    context = ContextBuilder(persona)
    async with sessions() as s:
        turns = (
            await s.execute(
                select(Turn, TurnEngagement)
                .outerjoin(TurnEngagement, TurnEngagement.turn_id == Turn.id)
                .where(Turn.channel_id == cid)
                .order_by(Turn.started_at)
            )
        ).all()
        wanted = {t for turn, _ in turns for t in turn.trigger_ids or ()}
        triggers: dict[str, ev.EventBase] = {}
        ids = sorted(wanted)
        for i in range(0, len(ids), 500):
            for eid, payload in (
                await s.execute(
                    select(EventRow.id, EventRow.payload).where(EventRow.id.in_(ids[i : i + 500]))
                )
            ).all():
                if (e := _from_json_safe(payload)) is not None:
                    triggers[eid] = e
        viewers = (
            await s.execute(
                select(Viewer.login, Viewer.display_name)
                .where(Viewer.channel_id == cid)
                .order_by(Viewer.last_seen.desc())
                .limit(MAX_NAMES)
            )
        ).all()
    channel_names = [n for pair in viewers for n in pair]
    labels = await labels_of(sessions, [turn.id for turn, _ in turns])
    out: list[Candidate] = []
    for turn, eng in turns:
        events = [triggers[t] for t in turn.trigger_ids or () if t in triggers]
        prompt = context.describe("chat" if events else "idle", events)
        names = [n for e in events for n in _names_of(e)]
        mine = labels.get(turn.id, [])
        edited = next((lb.edited_text for lb in mine if lb.edited_text), None)
        out.append(
            Candidate(
                turn_id=turn.id,
                stream=eng.stream if eng is not None else "",
                persona=turn.persona,
                status=turn.status,
                prompt=prompt,
                reply=turn.text or "",
                names=tuple(dict.fromkeys([*names, *channel_names])),
                persona_version=eng.persona_version if eng is not None else None,
                model_version=eng.model_version if eng is not None else None,
                score=eng.score if eng is not None else None,
                verdicts=tuple(lb.verdict for lb in mine if lb.verdict),
                edited=edited,
                tags=frozenset(t for lb in mine for t in lb.tags),
                viewer_text=events[0].viewer_text if len(events) == 1 else "",
            )
        )
    return out


def _from_json_safe(payload: dict[str, object]) -> ev.EventBase | None:
    try:
        return _from_json(payload)
    except ev.EventDecodeError:
        log.warning("dataset: a stored trigger event no longer decodes; its turn gets no prompt")
        return None


async def save_dataset(
    sessions: async_sessionmaker[AsyncSession],
    recipe: Recipe,
    examples: Sequence[Example],
    report: Report,
    *,
    by: str,
) -> DatasetInfo:
    """Store a new version of ``recipe.name`` with its examples."""
    for _ in range(3):  # two builds at once: the loser takes the next number
        try:
            async with sessions.begin() as s:
                latest = await s.scalar(select(func.max(Dataset.version)).where(Dataset.name == recipe.name))
                row = Dataset(
                    name=recipe.name,
                    version=(latest or 0) + 1,
                    recipe=recipe.model_dump(mode="json"),
                    report=report.as_dict(),
                    created_by=by,
                )
                s.add(row)
                await s.flush()
                if examples:
                    await s.execute(
                        insert(DatasetExample),
                        [
                            {
                                "dataset_id": row.id,
                                "split": e.split,
                                "turn_id": e.turn_id,
                                "stream": e.stream,
                                "messages": list(e.messages),
                                "synthetic": e.synthetic,
                            }
                            for e in examples
                        ],
                    )
            break
        except IntegrityError:
            continue
    else:
        raise DatasetError(f"could not number a new version of {recipe.name}")
    log.info("dataset %s v%d saved by %s: %d examples", recipe.name, row.version, by, len(examples))
    found = await get_dataset(sessions, recipe.name, row.version)
    assert found is not None
    return found


async def list_datasets(sessions: async_sessionmaker[AsyncSession]) -> list[DatasetInfo]:
    """Every dataset version, newest first."""
    return await _infos(sessions, None, None)


async def get_dataset(
    sessions: async_sessionmaker[AsyncSession], name: str, version: int | None = None
) -> DatasetInfo | None:
    """One version (the latest when ``version`` is None)."""
    found = await _infos(sessions, name, version)
    return found[0] if found else None


async def _infos(
    sessions: async_sessionmaker[AsyncSession], name: str | None, version: int | None
) -> list[DatasetInfo]:
    counts = (
        select(
            DatasetExample.dataset_id,
            func.sum((DatasetExample.split == "train").cast(IntegerType)).label("train"),
            func.sum((DatasetExample.split == "validation").cast(IntegerType)).label("validation"),
        )
        .group_by(DatasetExample.dataset_id)
        .subquery()
    )
    query = select(Dataset, counts.c.train, counts.c.validation).outerjoin(
        counts, counts.c.dataset_id == Dataset.id
    )
    if name is not None:
        query = query.where(Dataset.name == name)
    if version is not None:
        query = query.where(Dataset.version == version)
    query = query.order_by(Dataset.created_at.desc(), Dataset.id.desc())
    async with sessions() as s:
        rows = (await s.execute(query)).all()
    return [
        DatasetInfo(
            id=d.id,
            name=d.name,
            version=d.version,
            recipe=Recipe.model_validate(d.recipe),
            report=dict(d.report),
            created_by=d.created_by,
            created_at=d.created_at,
            train=int(train or 0),
            validation=int(val or 0),
        )
        for d, train, val in rows
    ]


async def load_examples(sessions: async_sessionmaker[AsyncSession], dataset_id: int) -> list[Example]:
    async with sessions() as s:
        rows = (
            await s.scalars(
                select(DatasetExample)
                .where(DatasetExample.dataset_id == dataset_id)
                .order_by(DatasetExample.id)
            )
        ).all()
    return [
        Example(
            r.turn_id,
            r.stream,
            "validation" if r.split == "validation" else "train",
            tuple(r.messages),
            r.synthetic,
        )
        for r in rows
    ]
