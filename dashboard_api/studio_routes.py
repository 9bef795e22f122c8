"""The training studio's API: turns with everything around them (trigger, reply sentence by
sentence with emotions, safety decisions, engagement, labels), labelling (moderators and the
streamer; every label names its author; several turns at once), engagement per persona
version and model version, dataset versions and model versions.

Deploy points the persona at a model version and waits for the bot's ``status.model``, as a
persona apply does; rollback serves the version before the current one. The page is
``static/studio.html``. The streamer builds, exports (a zip download) and trains on a dataset
version from the page, locally or on a hosted service, as background jobs (:mod:`.studio_jobs`,
stored: they outlive a restart, and an interrupted training or fine-tune resumes), as
``vtuber dataset build``, ``vtuber dataset export`` and ``vtuber train`` do.
"""

from __future__ import annotations

import asyncio
import io
import logging
import zipfile
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from datetime import datetime
from pathlib import Path as PathType
from typing import Annotated, Any, Literal

from fastapi import APIRouter, FastAPI, HTTPException, Path, Query, Request, Response, status
from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, ValidationError
from sqlalchemy import func, select

from config.persona import load_persona
from engines import events as ev
from engines.training.dataset import Recipe
from streamer.bus import BusError, Delivery
from streamer.store.datasets import DatasetInfo, get_dataset, list_datasets
from streamer.store.engagement import VersionEngagement, by_version, score_turns
from streamer.store.labels import LabelError, labels_of, set_labels
from streamer.store.model_versions import deployed_versions, get_model_version, list_model_versions
from streamer.store.models import EventRow, ReplySentenceRow, SafetyDecision, Turn
from streamer.store.studio_models import TurnEngagement
from streamer.training import LoraSettings

from .auth import SIGNED_IN_RESPONSES, SignedIn, Streamer, User
from .db import channel_id
from .inputs import NO_CONTROL, JsonBool, json_int
from .state import Dashboard, dash
from .studio_jobs import EXPORT_FILES, Job, JobRefused, StudioJobs, export_path

log = logging.getLogger("dashboard_api.studio")


@asynccontextmanager
async def _jobs_lifespan(app: FastAPI) -> AsyncIterator[None]:
    """The studio's jobs live as long as the app: on start, the jobs a gone dashboard process
    was running are marked interrupted; on stop, a running training stops at its next step
    (checkpoint kept) and a hosted fine-tune is left running on the service."""
    if not hasattr(app.state, "studio_jobs"):
        app.state.studio_jobs = StudioJobs()
    first: StudioJobs = app.state.studio_jobs
    d: Dashboard = app.state.dash
    await first.attach(d.settings, d.sessions)
    try:
        yield
    finally:
        now: StudioJobs = app.state.studio_jobs  # a test may have put in another
        await now.aclose()
        if now is not first:
            await first.aclose()


router = APIRouter(
    prefix="/api/studio", tags=["studio"], responses=SIGNED_IN_RESPONSES, lifespan=_jobs_lifespan
)

TurnId = Annotated[str, Field(min_length=1, max_length=128, pattern=NO_CONTROL)]
Tag = Annotated[str, Field(min_length=1, max_length=32, pattern=r"^[A-Za-z0-9_ -]+$")]
Small = Annotated[int, Query(ge=1, le=2**31 - 1)]


class EngagementOut(BaseModel):
    persona: str
    persona_version: int | None
    model_version: int | None
    turns: int
    avg_score: float
    avg_chat_after: float
    avg_baseline: float
    replies: int
    follows: int
    subs: int
    bits: int
    skips: int
    rejections: int
    edits: int


class SentenceOut(BaseModel):
    index: int
    text: str
    emotion: str


class SafetyOut(BaseModel):
    stage: str
    layer: str
    reason: str
    text: str


class LabelOut(BaseModel):
    verdict: str | None
    edited_text: str | None
    tags: list[str]
    labelled_by: str
    updated_at: datetime


class TriggerOut(BaseModel):
    type: str
    viewer: str | None
    text: str | None


class TurnOut(BaseModel):
    id: str
    persona: str
    status: str
    started_at: datetime
    text: str | None
    triggers: list[TriggerOut]
    sentences: list[SentenceOut]
    safety: list[SafetyOut]
    engagement: dict[str, Any] | None
    labels: list[LabelOut]


class LabelIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    turn_ids: Annotated[list[TurnId], Field(min_length=1, max_length=500)]
    verdict: Literal["good", "bad"] | None = None
    edited_text: Annotated[str, Field(max_length=2_000, pattern=NO_CONTROL)] | None = None
    """What she should have said; "" clears it."""
    tags: Annotated[list[Tag], Field(max_length=20)] | None = None
    """Replaces the labeller's tags."""
    add_tags: Annotated[list[Tag], Field(max_length=20)] = []


class Labelled(BaseModel):
    labelled: int


class DatasetOut(BaseModel):
    name: str
    version: int
    train: int
    validation: int
    recipe: dict[str, Any]
    report: dict[str, Any]
    created_by: str
    created_at: datetime


class ModelOut(BaseModel):
    version: int
    backend: str
    base_model: str
    dataset_id: int | None
    deployable: bool | None
    report: dict[str, Any]
    created_by: str
    created_at: datetime


def _engagement(v: VersionEngagement) -> EngagementOut:
    return EngagementOut(**{name: getattr(v, name) for name in EngagementOut.model_fields})


async def _score(d: Dashboard) -> None:
    """Score the turns not scored yet (engagement, and the stream each belongs to)."""
    persona = load_persona(d.settings.persona)
    login = [d.settings.twitch.bot_login] if d.settings.twitch.bot_login else []
    names = [persona.id, persona.name, *persona.aliases, *login, *d.settings.studio.bot_names]
    await score_turns(
        d.sessions, d.settings.channel, d.settings.studio.engagement, names=names, bot_logins=login
    )


@router.get("/engagement")
async def engagement(user: SignedIn, request: Request) -> list[EngagementOut]:
    """Engagement per persona version and model version, scored afresh from the log."""
    d = dash(request)
    await _score(d)
    return [_engagement(v) for v in await by_version(d.sessions, d.settings.channel)]


class StreamOut(BaseModel):
    stream: str
    """Its start (ISO 8601), as a dataset recipe names it."""
    turns: int


@router.get("/streams")
async def streams(user: SignedIn, request: Request) -> list[StreamOut]:
    """The streams that have turns, newest first, with how many (for a dataset's recipe)."""
    d = dash(request)
    await _score(d)
    cid = await channel_id(d.sessions, d.settings.channel)
    if cid is None:
        return []
    e = TurnEngagement
    async with d.sessions() as s:
        rows = await s.execute(
            select(e.stream, func.count())
            .where(e.channel_id == cid)
            .group_by(e.stream)
            .order_by(e.stream.desc())
            .limit(500)
        )
        return [StreamOut(stream=stream, turns=n) for stream, n in rows]


@router.get("/turns")
async def turns(
    user: SignedIn,
    request: Request,
    stream: Annotated[str | None, Query(max_length=40, pattern=NO_CONTROL)] = None,
    persona_version: Small | None = None,
    model_version: Small | None = None,
    min_score: Annotated[float | None, Query(ge=-1e9, le=1e9)] = None,
    max_score: Annotated[float | None, Query(ge=-1e9, le=1e9)] = None,
    label: Literal["good", "bad", "unlabelled"] | None = None,
    tag: Annotated[str | None, Query(max_length=32, pattern=r"^[A-Za-z0-9_ -]+$")] = None,
    limit: Annotated[int, Query(ge=1, le=500)] = 100,
) -> list[TurnOut]:
    """Turns, newest first, with what triggered them, their sentences, safety decisions,
    engagement and labels; filtered by stream, versions, score, label and tag."""
    d = dash(request)
    cid = await channel_id(d.sessions, d.settings.channel)
    if cid is None:
        return []
    e = TurnEngagement
    query = (
        select(Turn, e)
        .outerjoin(e, e.turn_id == Turn.id)
        .where(Turn.channel_id == cid)
        .order_by(Turn.started_at.desc())
    )
    for column, value in (
        (e.stream, stream),
        (e.persona_version, persona_version),
        (e.model_version, model_version),
    ):
        if value is not None:
            query = query.where(column == value)
    if min_score is not None:
        query = query.where(e.score >= min_score)
    if max_score is not None:
        query = query.where(e.score <= max_score)
    async with d.sessions() as s:
        rows = (await s.execute(query.limit(2_000 if label or tag else limit))).all()
    labels = await labels_of(d.sessions, [t.id for t, _ in rows])

    def wanted(tid: str) -> bool:
        mine = labels.get(tid, [])
        verdicts = {lb.verdict for lb in mine if lb.verdict}
        if (label == "unlabelled" and verdicts) or (label == "good" and (verdicts != {"good"})):
            return False
        if label == "bad" and "bad" not in verdicts:
            return False
        return tag is None or any(tag.lower() in lb.tags for lb in mine)

    picked = [(t, eng) for t, eng in rows if wanted(t.id)][:limit]
    ids = [t.id for t, _ in picked]
    trigger_ids = sorted({x for t, _ in picked for x in t.trigger_ids or ()})
    async with d.sessions() as s:
        sentences = (
            await s.scalars(
                select(ReplySentenceRow)
                .where(ReplySentenceRow.turn_id.in_(ids))
                .order_by(ReplySentenceRow.index)
            )
        ).all()
        decisions = (await s.scalars(select(SafetyDecision).where(SafetyDecision.turn_id.in_(ids)))).all()
        triggers = {
            r.id: r
            for r in (await s.scalars(select(EventRow).where(EventRow.id.in_(trigger_ids[:5_000])))).all()
        }
    out = []
    for t, eng in picked:
        out.append(
            TurnOut(
                id=t.id,
                persona=t.persona,
                status=t.status,
                started_at=t.started_at,
                text=t.text,
                triggers=[
                    TriggerOut(
                        type=triggers[x].type, viewer=_viewer(triggers[x].payload), text=triggers[x].text
                    )
                    for x in t.trigger_ids or ()
                    if x in triggers
                ],
                sentences=[
                    SentenceOut(index=r.index, text=r.text, emotion=r.emotion)
                    for r in sentences
                    if r.turn_id == t.id
                ],
                safety=[
                    SafetyOut(stage=r.stage, layer=r.layer, reason=r.reason, text=r.text)
                    for r in decisions
                    if r.turn_id == t.id
                ],
                engagement=None
                if eng is None
                else {
                    k: getattr(eng, k)
                    for k in (
                        "stream",
                        "persona_version",
                        "model_version",
                        "chat_after",
                        "baseline",
                        "emotes",
                        "replies",
                        "follows",
                        "subs",
                        "bits",
                        "skips",
                        "rejections",
                        "edits",
                        "score",
                    )
                },
                labels=[
                    LabelOut(
                        verdict=lb.verdict,
                        edited_text=lb.edited_text,
                        tags=list(lb.tags),
                        labelled_by=lb.labelled_by,
                        updated_at=lb.updated_at,
                    )
                    for lb in labels.get(t.id, [])
                ],
            )
        )
    return out


def _viewer(payload: dict[str, Any]) -> str | None:
    for key in ("user", "from_user"):
        who = payload.get(key)
        if isinstance(who, dict) and who.get("login"):
            return str(who["login"])
    return None


@router.post("/labels", responses={404: {"description": "no such turn"}})
async def label(body: LabelIn, user: SignedIn, request: Request) -> Labelled:
    """Label one turn or many (bulk): good or bad, what she should have said, tags. The label
    is the signed-in user's own; moderators may label."""
    d = dash(request)
    try:
        n = await set_labels(
            d.sessions,
            body.turn_ids,
            by=user.name,
            verdict=body.verdict,
            edited_text=body.edited_text,
            tags=body.tags,
            add_tags=body.add_tags,
        )
    except LabelError as exc:
        code = (
            status.HTTP_404_NOT_FOUND
            if str(exc).startswith("no turn")
            else status.HTTP_422_UNPROCESSABLE_CONTENT
        )
        raise HTTPException(code, str(exc)) from None
    log.info("%d turns labelled by %s", n, user.name)
    return Labelled(labelled=n)


@router.get("/datasets")
async def datasets(user: SignedIn, request: Request) -> list[DatasetOut]:
    """Every dataset version, newest first, with its recipe and what the build dropped."""
    return [
        DatasetOut(
            name=i.name,
            version=i.version,
            train=i.train,
            validation=i.validation,
            recipe=i.recipe.model_dump(mode="json"),
            report=i.report,
            created_by=i.created_by,
            created_at=i.created_at,
        )
        for i in await list_datasets(dash(request).sessions)
    ]


@router.get("/models")
async def models(user: SignedIn, request: Request) -> list[ModelOut]:
    """Every model version, newest first, with its training and validation figures."""
    return [
        ModelOut(
            version=m.id,
            backend=m.backend,
            base_model=m.base_model,
            dataset_id=m.dataset_id,
            deployable=m.report.get("deployable"),
            report=m.report,
            created_by=m.created_by,
            created_at=m.created_at,
        )
        for m in await list_model_versions(dash(request).sessions)
    ]


# ---------------------------------------------------------------- deploy and roll back


class DeployIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    model_version: json_int(ge=1, le=2**31 - 1) | None = None  # type: ignore[valid-type]
    """None: back to the base model."""


class DeployResult(BaseModel):
    status: Literal["applied", "refused", "pending"]
    """pending: the bot did not answer in time (is it running?)."""
    persona: str
    model_version: int | None
    error: str = ""


async def _deploy(d: Dashboard, user: User, version: int | None) -> DeployResult:
    """Publish ``control.model`` and wait for the running bot's ``status.model``."""
    persona = load_persona(d.settings.persona).id
    loop = asyncio.get_running_loop()
    answer: asyncio.Future[ev.ModelApplied] = loop.create_future()

    def on(delivery: Delivery) -> None:
        e = delivery.event
        if (
            isinstance(e, ev.ModelApplied)
            and e.persona == persona
            and e.model_version == version
            and not answer.done()
        ):
            answer.set_result(e)

    d.hub.listen(on)
    try:
        try:
            await d.bus.publish(
                ev.ModelSwitch(
                    channel=d.settings.channel, by=user.name, persona=persona, model_version=version
                )
            )
        except BusError as exc:
            raise HTTPException(
                status.HTTP_503_SERVICE_UNAVAILABLE, f"the bus is unavailable: {exc}"
            ) from None
        log.info(
            "model version %s deployed to %s by %s; waiting for the bot",
            version or "base",
            persona,
            user.name,
        )
        try:
            got = await asyncio.wait_for(answer, d.persona_apply_timeout_s)
        except TimeoutError:
            return DeployResult(
                status="pending",
                persona=persona,
                model_version=version,
                error="the bot did not confirm in time; is it running?",
            )
    finally:
        d.hub.unlisten(on)
    return DeployResult(
        status="applied" if got.ok else "refused", persona=persona, model_version=version, error=got.error
    )


@router.post(
    "/deploy",
    responses={
        404: {"description": "no such model version"},
        409: {"description": "the model version failed validation"},
    },
)
async def deploy(body: DeployIn, user: Streamer, request: Request) -> DeployResult:
    """Point the persona at a model version (none: the base model) and wait for the bot to
    confirm. A version that lowered the safety pass rate cannot be deployed."""
    d = dash(request)
    if body.model_version is not None:
        row = await get_model_version(d.sessions, body.model_version)
        if row is None:
            raise HTTPException(status.HTTP_404_NOT_FOUND, f"no model version {body.model_version}")
        if row.report.get("deployable") is not True:
            why = row.report.get("refusal") or "it was not validated"
            raise HTTPException(status.HTTP_409_CONFLICT, f"model version {row.id} cannot be deployed: {why}")
    return await _deploy(d, user, body.model_version)


@router.post("/rollback", responses={409: {"description": "nothing to roll back to"}})
async def rollback(user: Streamer, request: Request) -> DeployResult:
    """Serve the model version the bot ran before the current one, in one action."""
    d = dash(request)
    persona = load_persona(d.settings.persona).id
    history = await deployed_versions(d.sessions, d.settings.channel, persona)
    if not history:
        raise HTTPException(status.HTTP_409_CONFLICT, "no model version was deployed")
    current = history[0]
    previous = next((v for v in history[1:] if v != current), None if current is not None else current)
    if previous == current:
        raise HTTPException(status.HTTP_409_CONFLICT, "the bot already runs the base model")
    return await _deploy(d, user, previous)


# ---------------------------------------------------------------- build and train (jobs)


def _json_number(value: Any) -> Any:
    """A JSON number, taken as it is: never a bool or a string."""
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise ValueError(f"must be a JSON number, got {type(value).__name__}")
    return value


def json_float(**constraints: Any) -> Any:
    return Annotated[float, Field(**constraints), BeforeValidator(_json_number)]


DatasetName = Annotated[str, Field(pattern=r"^[a-z0-9_-]{1,64}$")]
Version = json_int(ge=1, le=2**31 - 1)
StreamStart = Annotated[str, Field(min_length=1, max_length=40, pattern=NO_CONTROL)]


class DatasetBuildIn(BaseModel):
    """The recipe, with the options of ``vtuber dataset build``."""

    model_config = ConfigDict(extra="forbid")

    name: DatasetName = "default"
    labels: Annotated[list[Literal["good", "bad", "unlabelled"]], Field(min_length=1, max_length=3)] = [
        "good"
    ]
    """Which labels qualify; a bad turn only with an edit (what she should have said)."""
    streams: Annotated[list[StreamStart], Field(max_length=100)] = []
    persona_versions: Annotated[list[Version], Field(max_length=100)] = []  # type: ignore[valid-type]
    model_versions: Annotated[list[Version], Field(max_length=100)] = []  # type: ignore[valid-type]
    min_score: json_float(ge=-1e9, le=1e9) | None = None  # type: ignore[valid-type]
    tags: Annotated[list[Tag], Field(max_length=20)] = []
    """Only turns with one of these tags."""
    without_tags: Annotated[list[Tag], Field(max_length=20)] = []
    validation: json_float(ge=0, lt=1) = 0.2  # type: ignore[valid-type]
    """Share of streams held out for validation."""
    seed: Annotated[str, Field(min_length=1, max_length=64, pattern=NO_CONTROL)] = "0"
    paraphrases: json_int(ge=0, le=5) = 0  # type: ignore[valid-type]


class TrainIn(BaseModel):
    """The options of ``vtuber train`` (the local LoRA back-end)."""

    model_config = ConfigDict(extra="forbid")

    dataset: DatasetName
    version: Version | None = None  # type: ignore[valid-type]
    """None: the latest version."""
    epochs: json_int(ge=1, le=100) = 1  # type: ignore[valid-type]
    rank: json_int(ge=1, le=256) = 8  # type: ignore[valid-type]
    learning_rate: json_float(ge=1e-6, le=1.0) = 1e-3  # type: ignore[valid-type]
    batch_size: json_int(ge=1, le=256) = 8  # type: ignore[valid-type]
    compare_with: Version | None = None  # type: ignore[valid-type]
    """The model version to validate against; None: the base model."""
    restart: JsonBool = False
    """Ignore a checkpoint of an earlier run of this dataset version."""


class HostedIn(BaseModel):
    """The options of ``vtuber train --backend openai``."""

    model_config = ConfigDict(extra="forbid")

    dataset: DatasetName
    version: Version | None = None  # type: ignore[valid-type]
    """None: the latest version."""
    base_model: Annotated[str, Field(min_length=1, max_length=200, pattern=r"^[A-Za-z0-9_.:/-]+$")]
    """The service's model to fine-tune (gpt-4o-mini...)."""
    compare_with: Version | None = None  # type: ignore[valid-type]
    """The hosted model version to validate against; None: the one the bot serves now."""


class JobOut(BaseModel):
    id: int
    kind: Literal["dataset", "train", "hosted", "export"]
    dataset: str
    dataset_version: int | None
    started_by: str
    started_at: datetime
    status: Literal["running", "cancelling", "succeeded", "failed", "cancelled", "interrupted"]
    phase: str
    step: int
    total: int | None
    loss: float | None
    examples_per_s: float | None
    finished_at: datetime | None
    error: str
    """Why it failed, or why it was interrupted."""
    params: dict[str, Any]
    """What it was started with."""
    result: dict[str, Any]
    service_job_id: str | None
    """A hosted fine-tune's job id on the service."""
    resumable: bool
    """An interrupted training or hosted fine-tune: ``POST /api/studio/jobs/{id}/resume``."""


class TrainingOut(BaseModel):
    available: bool
    reason: str
    """Why training cannot run here, with the install command ("" when it can)."""


class HostedOut(BaseModel):
    available: bool
    reason: str
    """Why a hosted fine-tune cannot start with these settings ("" when it can)."""
    base_model: str
    """The configured model, as a default."""


class JobsOut(BaseModel):
    training: TrainingOut
    hosted: HostedOut
    jobs: list[JobOut]
    more: bool
    """Older jobs exist: ask again with ``before`` = the last id."""


async def _jobs(request: Request) -> StudioJobs:
    """The app's jobs, bound to its database (a test may have put in a new manager)."""
    jobs: StudioJobs = request.app.state.studio_jobs
    d = dash(request)
    await jobs.attach(d.settings, d.sessions)
    return jobs


def _job(j: Job) -> JobOut:
    return JobOut(**{name: getattr(j, name) for name in JobOut.model_fields})


def _refused(exc: JobRefused) -> HTTPException:
    return HTTPException(status.HTTP_409_CONFLICT, str(exc))


JobId = Annotated[int, Path(ge=1, le=2**31 - 1)]


@router.get("/jobs")
async def jobs(
    user: SignedIn,
    request: Request,
    limit: Annotated[int, Query(ge=1, le=500)] = 50,
    before: Annotated[int | None, Query(ge=1, le=2**63 - 1)] = None,
) -> JobsOut:
    """Dataset builds, exports, training runs and hosted fine-tunes, newest first, with their
    progress (past ones too: they are stored); whether training can run on this machine (the
    ``train`` extra) and whether a hosted fine-tune can start (``llm.provider``)."""
    manager = await _jobs(request)
    why = manager.training_unavailable()
    hosted = manager.hosted_unavailable()
    llm = dash(request).settings.llm
    listed = await manager.list(limit=limit + 1, before=before)
    return JobsOut(
        training=TrainingOut(available=why is None, reason=why or ""),
        hosted=HostedOut(
            available=hosted is None, reason=hosted or "", base_model=getattr(llm, "model", "") or ""
        ),
        jobs=[_job(j) for j in listed[:limit]],
        more=len(listed) > limit,
    )


@router.post(
    "/datasets",
    status_code=status.HTTP_202_ACCEPTED,
    responses={409: {"description": "a dataset build is already running"}},
)
async def build(body: DatasetBuildIn, user: Streamer, request: Request) -> JobOut:
    """Build a new version of a dataset in the background (as ``vtuber dataset build``):
    score engagement, select by the recipe, deduplicate, drop what today's safety pipeline
    blocks, scrub names and personal data, split by stream, store it with its recipe."""
    try:
        recipe = Recipe(
            name=body.name,
            verdicts=tuple(body.labels),
            streams=tuple(body.streams),
            persona_versions=tuple(body.persona_versions),
            model_versions=tuple(body.model_versions),
            min_score=body.min_score,
            tags_any=tuple(body.tags),
            tags_none=tuple(body.without_tags),
            validation_fraction=body.validation,
            seed=body.seed,
            paraphrases=body.paraphrases,
        )
    except ValidationError as exc:
        raise HTTPException(status.HTTP_422_UNPROCESSABLE_CONTENT, str(exc)) from None
    try:
        job = await (await _jobs(request)).build_dataset(recipe, by=user.name)
    except JobRefused as exc:
        raise _refused(exc) from None
    log.info("dataset %s: build started by %s (job %d)", recipe.name, user.name, job.id)
    return _job(job)


async def _dataset(request: Request, name: str, version: int | None) -> DatasetInfo:
    info = await get_dataset(dash(request).sessions, name, version)
    if info is None:
        raise HTTPException(
            status.HTTP_404_NOT_FOUND, f"no dataset {name}" + (f" version {version}" if version else "")
        )
    return info


@router.post(
    "/datasets/{name}/{version}/export",
    status_code=status.HTTP_202_ACCEPTED,
    responses={404: {"description": "no such dataset version"}, 409: {"description": "an export is running"}},
)
async def export(
    name: Annotated[str, Path(pattern=r"^[a-z0-9_-]{1,64}$")],
    version: JobId,
    user: Streamer,
    request: Request,
) -> JobOut:
    """Export a dataset version in the background (as ``vtuber dataset export``):
    ``openai/{train,validation}.jsonl`` (OpenAI's chat fine-tuning format) and
    ``hf/{train,validation}.jsonl`` (for ``datasets.load_dataset("json")``); download them as a
    zip from ``GET /api/studio/jobs/{id}/export.zip``."""
    info = await _dataset(request, name, version)
    try:
        job = await (await _jobs(request)).export(info.name, info.version, by=user.name)
    except JobRefused as exc:
        raise _refused(exc) from None
    log.info("dataset %s v%d: export started by %s (job %d)", info.name, info.version, user.name, job.id)
    return _job(job)


def _zip(folder: PathType) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as z:
        for key in EXPORT_FILES:
            z.write(folder / f"{key}.jsonl", f"{key}.jsonl")
    return buffer.getvalue()


@router.get(
    "/jobs/{job_id}/export.zip",
    response_class=Response,
    responses={
        200: {"content": {"application/zip": {}}, "description": "the exported JSONL files"},
        404: {"description": "no such export, or its files are gone"},
    },
)
async def export_zip(job_id: JobId, user: Streamer, request: Request) -> Response:
    """A finished export's files, zipped: ``openai/`` and ``hf/``, each ``train.jsonl`` and
    ``validation.jsonl``."""
    manager = await _jobs(request)
    job = await manager.get(job_id)
    folder = None if job is None else export_path(manager.settings, job)
    if job is None or folder is None:
        raise HTTPException(status.HTTP_404_NOT_FOUND, f"no finished export job {job_id}")
    try:
        data = await asyncio.to_thread(_zip, folder)
    except FileNotFoundError:
        raise HTTPException(status.HTTP_404_NOT_FOUND, f"the files of export job {job_id} are gone") from None
    name = f"{job.dataset}-v{job.dataset_version}.zip"
    return Response(
        data, media_type="application/zip", headers={"Content-Disposition": f'attachment; filename="{name}"'}
    )


@router.post(
    "/train",
    status_code=status.HTTP_202_ACCEPTED,
    responses={
        404: {"description": "no such dataset version"},
        409: {"description": "a training run is already running, or the train extra is not installed"},
    },
)
async def train(body: TrainIn, user: Streamer, request: Request) -> JobOut:
    """Train a model version on a dataset version in the background (as ``vtuber train``):
    LoRA on the local model, validation against the current model, a stored model version.
    Cancel stops at the next step and keeps the checkpoint; starting it again resumes."""
    info = await _dataset(request, body.dataset, body.version)
    lora = LoraSettings(
        rank=body.rank,
        alpha=2.0 * body.rank,
        learning_rate=body.learning_rate,
        epochs=body.epochs,
        batch_size=body.batch_size,
    )
    try:
        job = await (await _jobs(request)).train(
            info.name,
            info.version,
            lora=lora,
            compare_with=body.compare_with,
            restart=body.restart,
            by=user.name,
        )
    except JobRefused as exc:
        raise _refused(exc) from None
    log.info("training on %s v%d started by %s (job %d)", info.name, info.version, user.name, job.id)
    return _job(job)


@router.post(
    "/hosted",
    status_code=status.HTTP_202_ACCEPTED,
    responses={
        404: {"description": "no such dataset version"},
        409: {"description": "a hosted fine-tune is already running, or llm.provider is not openai"},
    },
)
async def hosted(body: HostedIn, user: Streamer, request: Request) -> JobOut:
    """Fine-tune ``base_model`` on the configured OpenAI-compatible service in the background
    (as ``vtuber train --backend openai``): upload the dataset version's OpenAI export, create
    the job, follow its status (validating_files, queued, running, succeeded...), validate the
    fine-tuned model on the prompt suite against the current one, store it as a model version."""
    info = await _dataset(request, body.dataset, body.version)
    try:
        job = await (await _jobs(request)).train_hosted(
            info.name, info.version, base_model=body.base_model, compare_with=body.compare_with, by=user.name
        )
    except JobRefused as exc:
        raise _refused(exc) from None
    log.info("hosted fine-tune of %s on %s v%d started by %s (job %d)", body.base_model, info.name,
             info.version, user.name, job.id)  # fmt: skip
    return _job(job)


@router.post(
    "/jobs/{job_id}/cancel",
    responses={
        404: {"description": "no such job"},
        409: {"description": "a dataset build or export cannot be cancelled, or it runs elsewhere"},
    },
)
async def cancel(job_id: JobId, user: Streamer, request: Request) -> JobOut:
    """Stop a training run at its next step (its checkpoint is kept for a resume), or cancel a
    hosted fine-tune on the service."""
    try:
        job = await (await _jobs(request)).cancel(job_id)
    except JobRefused as exc:
        raise _refused(exc) from None
    if job is None:
        raise HTTPException(status.HTTP_404_NOT_FOUND, f"no job {job_id}")
    log.info("studio job %d: cancel asked by %s", job_id, user.name)
    return _job(job)


@router.post(
    "/jobs/{job_id}/resume",
    status_code=status.HTTP_202_ACCEPTED,
    responses={
        404: {"description": "no such job"},
        409: {"description": "not an interrupted training or fine-tune, or one of its kind runs"},
    },
)
async def resume(job_id: JobId, user: Streamer, request: Request) -> JobOut:
    """Run an interrupted training again from its checkpoint, or follow an interrupted hosted
    fine-tune again by its job id on the service (the same job row)."""
    try:
        job = await (await _jobs(request)).resume(job_id, by=user.name)
    except JobRefused as exc:
        raise _refused(exc) from None
    if job is None:
        raise HTTPException(status.HTTP_404_NOT_FOUND, f"no job {job_id}")
    return _job(job)
