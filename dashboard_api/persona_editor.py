"""The persona editor (streamer only): edit, validate, preview, version, diff, roll back, apply.

Every save is a new immutable version in ``persona_versions`` (who, when, a note).
Applying publishes ``control.persona`` and waits for the running bot's ``status.persona``
answer, so the page shows whether the bot really switched (or why not).
"""

from __future__ import annotations

import asyncio
import difflib
import logging
from datetime import datetime
from typing import Annotated, Any, Literal, get_args

from fastapi import APIRouter, HTTPException, Path, Query, Request, status
from pydantic import BaseModel, ConfigDict, Field, ValidationInfo, field_validator
from sqlalchemy import select

from config.persona import PERSONAS_DIR, Persona, PersonaError, load_persona
from engines import events as ev
from engines.ai.persona_fit import prompt_fit
from streamer.bus import BusError, Delivery
from streamer.store.models import EventRow, PersonaVersion
from streamer.store.personas import list_persona_versions, load_persona_version, save_persona_version

from .auth import SIGNED_IN_RESPONSES, Streamer, User
from .db import channel_id
from .inputs import NO_CONTROL, NOT_BLANK, JsonBool, bad_character, exact_int, json_int
from .preview import run_preview
from .state import Dashboard, dash

log = logging.getLogger("dashboard_api.persona_editor")
router = APIRouter(
    prefix="/api/personas",
    tags=["personas"],
    responses={
        **SIGNED_IN_RESPONSES,
        404: {"description": "no such persona or version"},
        503: {"description": "the bus, or the preview model, is unavailable"},
    },
)

PersonaId = Annotated[str, Path(pattern=r"^[a-z0-9_-]{1,32}$")]
MAX_VERSION = 2**31 - 1
"""Version numbers are 32-bit integers in the database."""


def _refuse_bad_text(data: Any, loc: tuple[str | int, ...] = ("body", "persona")) -> None:
    """422 for control characters or broken Unicode anywhere in a persona (see :mod:`.text`)."""
    if isinstance(data, str):
        if why := bad_character(data):
            raise HTTPException(
                status.HTTP_422_UNPROCESSABLE_CONTENT, [{"loc": list(loc), "msg": why, "type": "value_error"}]
            )
    elif isinstance(data, dict):
        for key, value in data.items():
            _refuse_bad_text(key, (*loc, str(key)[:64]))  # a key is never echoed whole
            _refuse_bad_text(value, (*loc, str(key)[:64]))
    elif isinstance(data, list | tuple):
        for i, value in enumerate(data):
            _refuse_bad_text(value, (*loc, i))


def refuse_unrunnable(d: Dashboard, persona: Persona) -> None:
    """422 at the field that takes the most room when the whole prompt would not fit the
    configured model's context (its replies would have no words)."""
    s = d.settings
    fit = prompt_fit(
        persona, context_tokens=s.llm.context_tokens, history_tokens=s.llm.memory_tokens,
        memory_tokens=s.memory.prompt_tokens if s.memory.enabled else 0,
    )  # fmt: skip
    if not fit.fits:
        log.info("persona %s refused: %s", persona.id, fit.reason())
        raise HTTPException(
            status.HTTP_422_UNPROCESSABLE_CONTENT,
            [{"loc": ["body", "persona", fit.biggest_field], "msg": f"too long for the model: {fit.reason()}",
              "type": "value_error"}],
        )  # fmt: skip


class PersonaIn(Persona):
    """A persona as the editor sends it: the same fields and rules, and JSON types taken
    exactly (``0`` is not ``false``, ``"0.5"`` is not a number)."""

    @field_validator("*", mode="before")
    @classmethod
    def _exact_json_type(cls, value: Any, info: ValidationInfo) -> Any:
        field = cls.model_fields[info.field_name or ""]
        kinds = set(get_args(field.annotation)) or {field.annotation}
        if value is None and type(None) in kinds:
            return value
        if bool in kinds:
            ok = isinstance(value, bool)
        elif int in kinds:
            return exact_int(value)
        elif float in kinds:
            ok = isinstance(value, int | float) and not isinstance(value, bool)
        else:
            return value  # strings, lists and maps: pydantic does not coerce those anyway
        if not ok:
            raise ValueError(
                f"must be a JSON {'boolean' if bool in kinds else 'number'}, got {type(value).__name__}"
            )
        return value


class _In(BaseModel):
    model_config = ConfigDict(extra="forbid")


class VersionInfo(BaseModel):
    version: int
    created_by: str
    created_at: datetime
    note: str


class Running(BaseModel):
    """What the running bot runs (its heartbeat), or else what it last answered (``status.persona``)."""

    persona: str
    version: int | None
    ok: bool
    error: str
    """Why the bot refused a version (with ``ok`` true: it refused one and still runs ``version``)."""
    ts: datetime
    refused_version: int | None = None


class PersonaView(BaseModel):
    persona: Persona
    version: int | None
    """None: nothing saved yet; this is the persona file."""
    versions: list[VersionInfo]
    running: Running | None
    configured: bool
    """This is the persona the bot is configured to start with."""


class PersonaList(BaseModel):
    configured: str
    personas: list[str]


class SaveIn(_In):
    persona: PersonaIn
    note: Annotated[str, Field(max_length=500, pattern=NO_CONTROL)] = ""


class Saved(BaseModel):
    version: int


class ApplyIn(_In):
    version: json_int(ge=1, le=MAX_VERSION) | None = None  # type: ignore[valid-type]
    """None: the latest saved version."""


class ApplyResult(BaseModel):
    status: Literal["applied", "refused", "pending"]
    """pending: the bot did not answer in time (is it running?)."""
    persona: str
    version: int | None
    error: str = ""


class RollbackIn(_In):
    version: json_int(ge=1, le=MAX_VERSION)  # type: ignore[valid-type]
    apply: JsonBool = True


class RolledBack(BaseModel):
    version: int
    from_version: int
    applied: ApplyResult | None


class Change(BaseModel):
    field: str
    before: Any
    after: Any
    diff: list[str] = []
    """Unified diff lines for multi-line text fields."""


class Diff(BaseModel):
    persona: str
    a: int
    b: int
    changes: list[Change]


class PreviewIn(_In):
    persona: PersonaIn
    message: Annotated[str, Field(min_length=1, max_length=500, pattern=NOT_BLANK)]


class VerdictOut(BaseModel):
    blocked: bool
    layer: str = ""
    reason: str = ""


class SentenceOut(BaseModel):
    text: str
    emotion: str
    safety: VerdictOut


class PreviewOut(BaseModel):
    input: VerdictOut
    sentences: list[SentenceOut]
    prompt: str
    error: str
    first_token_ms: float | None
    total_ms: float


# ---------------------------------------------------------------- helpers


def configured_persona(d: Dashboard) -> Persona:
    return load_persona(d.settings.persona)


async def _bundled_or_404(d: Dashboard, pid: str) -> Persona:
    configured = configured_persona(d)
    if configured.id == pid:
        return configured
    try:
        return load_persona(pid)
    except PersonaError:
        raise HTTPException(status.HTTP_404_NOT_FOUND, f"no persona {pid!r}") from None


async def _running(d: Dashboard, pid: str) -> Running | None:
    latest = d.running_persona.get(pid)
    cid = await channel_id(d.sessions, d.settings.channel)
    if cid is not None:
        query = (
            select(EventRow.payload, EventRow.ts)
            .where(EventRow.channel_id == cid, EventRow.type == "status.persona")
            .order_by(EventRow.ts.desc())
            .limit(50)
        )
        async with d.sessions() as s:
            for payload, ts in (await s.execute(query)).all():
                if payload.get("persona") == pid:
                    stored = Running(persona=pid, version=payload.get("version"), ok=bool(payload.get("ok")),
                                     error=str(payload.get("error") or ""), ts=ts)  # fmt: skip
                    if latest is None or stored.ts > latest.ts:
                        latest = stored
                    break
    return _with_heartbeat(d, pid, latest)


def _with_heartbeat(d: Dashboard, pid: str, answer: Running | None) -> Running | None:
    """The running bot's own word (its heartbeat) on the version it runs; a refusal since it
    started is kept beside it."""
    beat = d.status.beat
    if beat is None or d.status.bot_state() != "up" or beat.persona != pid or beat.persona_version is None:
        return answer
    if answer is not None and answer.ts > beat.ts:  # the bot answered since its last beat
        return answer
    running = Running(persona=pid, version=beat.persona_version, ok=True, error="", ts=beat.ts)
    if answer is not None and not answer.ok and answer.ts >= beat.started_at:
        running.error, running.refused_version = answer.error, answer.version
    return running


def remember_status(d: Dashboard) -> Any:
    """A feed listener keeping the newest ``status.persona`` per persona."""

    def on(delivery: Delivery) -> None:
        e = delivery.event
        if isinstance(e, ev.PersonaApplied):
            d.running_persona[e.persona] = Running(
                persona=e.persona, version=e.version, ok=e.ok, error=e.error, ts=e.ts
            )

    return on


async def apply_version(d: Dashboard, user: User, pid: str, version: int | None) -> ApplyResult:
    """Publish ``control.persona`` and wait for the bot's confirmation (not when the bot is known
    to be down: nothing is sent, and the answer says so at once)."""
    if d.status.bot_state() == "down":
        return ApplyResult(status="pending", persona=pid, version=version,
                           error="the bot is not running (no heartbeat); nothing was sent. It starts "
                                 "with the newest saved version.")  # fmt: skip
    loop = asyncio.get_running_loop()
    answer: asyncio.Future[ev.PersonaApplied] = loop.create_future()

    def on(delivery: Delivery) -> None:
        e = delivery.event
        if (isinstance(e, ev.PersonaApplied) and e.persona == pid and not answer.done()
                and (version is None or e.version == version)):  # fmt: skip
            answer.set_result(e)

    d.hub.listen(on)
    try:
        try:
            await d.bus.publish(
                ev.PersonaSwitch(channel=d.settings.channel, by=user.name, persona=pid, version=version)
            )
        except BusError as exc:
            raise HTTPException(
                status.HTTP_503_SERVICE_UNAVAILABLE, f"the bus is unavailable: {exc}"
            ) from None
        log.info("persona %s v%s applied by %s; waiting for the bot", pid, version or "latest", user.name)
        try:
            got = await asyncio.wait_for(answer, d.persona_apply_timeout_s)
        except TimeoutError:
            return ApplyResult(status="pending", persona=pid, version=version,
                               error="the bot did not confirm in time; is it running?")  # fmt: skip
    finally:
        d.hub.unlisten(on)
    return ApplyResult(
        status="applied" if got.ok else "refused", persona=pid, version=got.version, error=got.error
    )


# ---------------------------------------------------------------- routes


@router.get("")
async def personas(user: Streamer, request: Request) -> PersonaList:
    """The personas there are: bundled files and saved ones."""
    d = dash(request)
    async with d.sessions() as s:
        stored = set((await s.scalars(select(PersonaVersion.persona).distinct())).all())
    bundled = {p.stem for p in PERSONAS_DIR.glob("*.toml")}
    configured = configured_persona(d).id
    return PersonaList(configured=configured, personas=sorted(stored | bundled | {configured}))


@router.get("/{pid}")
async def get_persona(pid: PersonaId, user: Streamer, request: Request) -> PersonaView:
    """The latest saved version (or the persona file), its history, and what the bot runs."""
    d = dash(request)
    found = await load_persona_version(d.sessions, pid)
    if found is None:
        persona, version = await _bundled_or_404(d, pid), None
    else:
        persona, version = found
    history = await list_persona_versions(d.sessions, pid)
    return PersonaView(
        persona=persona,
        version=version,
        versions=[
            VersionInfo(version=v.version, created_by=v.created_by, created_at=v.created_at, note=v.note)
            for v in history
        ],
        running=await _running(d, pid),
        configured=configured_persona(d).id == pid,
    )


@router.get("/{pid}/versions/{version}")
async def get_version(
    pid: PersonaId, version: Annotated[int, Path(ge=1, le=MAX_VERSION)], user: Streamer, request: Request
) -> Persona:
    """One saved version's data."""
    found = await load_persona_version(dash(request).sessions, pid, version)
    if found is None:
        raise HTTPException(status.HTTP_404_NOT_FOUND, f"persona {pid} has no version {version}")
    return found[0]


@router.post("/{pid}/versions", status_code=status.HTTP_201_CREATED)
async def save_version(pid: PersonaId, body: SaveIn, user: Streamer, request: Request) -> Saved:
    """Validate and save the edited persona as its next version (not applied yet)."""
    if body.persona.id != pid:
        raise HTTPException(
            status.HTTP_422_UNPROCESSABLE_CONTENT,
            [
                {
                    "loc": ["body", "persona", "id"],
                    "msg": f"must be {pid!r}, the persona being edited",
                    "type": "value_error",
                }
            ],
        )
    _refuse_bad_text(body.persona.model_dump())
    refuse_unrunnable(dash(request), body.persona)
    version = await save_persona_version(dash(request).sessions, body.persona, by=user.name, note=body.note)
    log.info("persona %s v%d saved by %s", pid, version, user.name)
    return Saved(version=version)


@router.post("/{pid}/apply")
async def apply(pid: PersonaId, body: ApplyIn, user: Streamer, request: Request) -> ApplyResult:
    """Tell the running bot to switch to a saved version, and wait for its answer."""
    d = dash(request)
    if await load_persona_version(d.sessions, pid, body.version) is None:
        raise HTTPException(
            status.HTTP_404_NOT_FOUND, f"persona {pid} has no saved version {body.version or ''}".rstrip()
        )
    return await apply_version(d, user, pid, body.version)


@router.post("/{pid}/rollback")
async def rollback(pid: PersonaId, body: RollbackIn, user: Streamer, request: Request) -> RolledBack:
    """Save an old version again as the newest, and apply it."""
    d = dash(request)
    found = await load_persona_version(d.sessions, pid, body.version)
    if found is None:
        raise HTTPException(status.HTTP_404_NOT_FOUND, f"persona {pid} has no version {body.version}")
    version = await save_persona_version(
        d.sessions, found[0], by=user.name, note=f"rollback to v{body.version}"
    )
    log.info("persona %s rolled back to v%d (as v%d) by %s", pid, body.version, version, user.name)
    applied = await apply_version(d, user, pid, version) if body.apply else None
    return RolledBack(version=version, from_version=body.version, applied=applied)


@router.get("/{pid}/diff")
async def diff(
    pid: PersonaId,
    user: Streamer,
    request: Request,
    a: Annotated[int, Query(ge=1, le=MAX_VERSION)],
    b: Annotated[int, Query(ge=1, le=MAX_VERSION)],
) -> Diff:
    """What changed between two versions, field by field."""
    d = dash(request)
    left = await load_persona_version(d.sessions, pid, a)
    right = await load_persona_version(d.sessions, pid, b)
    if left is None or right is None:
        raise HTTPException(
            status.HTTP_404_NOT_FOUND, f"persona {pid} lacks version {a if left is None else b}"
        )
    before, after = left[0].model_dump(mode="json"), right[0].model_dump(mode="json")
    changes = []
    for name in Persona.model_fields:
        x, y = before.get(name), after.get(name)
        if x == y:
            continue
        lines: list[str] = []
        if isinstance(x, str) and isinstance(y, str) and ("\n" in x or "\n" in y):
            lines = list(difflib.unified_diff(x.splitlines(), y.splitlines(), f"v{a}", f"v{b}", lineterm=""))
        changes.append(Change(field=name, before=x, after=y, diff=lines))
    return Diff(persona=pid, a=a, b=b, changes=changes)


@router.post("/preview")
async def preview(body: PreviewIn, user: Streamer, request: Request) -> PreviewOut:
    """Run a sample message through the model and safety with this (unsaved) persona, off air."""
    d = dash(request)
    _refuse_bad_text(body.persona.model_dump())
    refuse_unrunnable(d, body.persona)
    if d.preview_llm is None:
        raise HTTPException(status.HTTP_503_SERVICE_UNAVAILABLE, "no model is configured for previews")
    async with d.safety_warm:  # load the classifier off the event loop, once
        if not d.safety_warmed:
            await asyncio.to_thread(d.safety.warm)
            d.safety_warmed = True
    result = await run_preview(d.preview_llm, d.safety, body.persona, body.message)
    return PreviewOut(
        input=VerdictOut(blocked=result.input.blocked, layer=result.input.layer, reason=result.input.reason),
        sentences=[
            SentenceOut(
                text=s.text,
                emotion=s.emotion,
                safety=VerdictOut(blocked=s.safety.blocked, layer=s.safety.layer, reason=s.safety.reason),
            )
            for s in result.sentences
        ],
        prompt=result.prompt,
        error=result.error,
        first_token_ms=result.first_token_ms,
        total_ms=result.total_ms,
    )
