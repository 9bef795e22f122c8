"""The studio page's background jobs: build a dataset version, train a model version on one
(local LoRA, with progress and cancel), fine-tune one on a hosted service (OpenAI's API), and
export one (the OpenAI and Hugging Face JSONL files, for a download).

Jobs run inside the dashboard's process, one of each kind at a time, and every job is a row of
``studio_jobs`` (:mod:`streamer.store.studio_jobs`), written as it changes (training progress at
most every ``write_every_s``), so the page lists past jobs after a restart. The process keeps a
heartbeat on its running rows; a running row whose process is gone (no heartbeat for
``stale_s``, or a dead pid on this host) is marked ``interrupted`` with the reason, when the
dashboard starts and on every heartbeat. When the dashboard stops, a training run stops at its
next step (checkpoint kept), a hosted job is left running on the service, and both are marked
interrupted. Resume runs an interrupted training from its checkpoint and follows an interrupted
hosted job by its service job id.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import os
import secrets
import socket
import threading
from collections.abc import Awaitable, Callable, Coroutine
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any, Literal

from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from config.providers import OpenAILLMSettings
from config.settings import Settings
from engines.training.dataset import Recipe
from streamer.store import studio_jobs as table
from streamer.store.datasets import DatasetInfo
from streamer.store.studio_models import StudioJob
from streamer.studio import build_dataset, export_dataset
from streamer.training import (
    JobStatus,
    LoraSettings,
    Progress,
    train_hosted,
    train_local,
    training_unavailable,
)

log = logging.getLogger("dashboard_api.studio")

Kind = Literal["dataset", "train", "hosted", "export"]
State = Literal["running", "cancelling", "succeeded", "failed", "cancelled", "interrupted"]
RESUMABLE = ("train", "hosted")
WHAT = {
    "dataset": "a dataset build",
    "train": "a training run",
    "hosted": "a hosted fine-tune",
    "export": "an export",
}
EXPORT_FILES = ("openai/train", "openai/validation", "hf/train", "hf/validation")


class JobRefused(Exception):
    """A job cannot start, stop or resume (one of its kind runs, training is not installed...)."""


@dataclass
class Job:
    """A job as the page shows it; the live ones also carry their task and cancel signal."""

    id: int
    kind: Kind
    dataset: str
    dataset_version: int | None
    started_by: str
    started_at: datetime
    params: dict[str, Any] = field(default_factory=dict)
    status: State = "running"
    phase: str = "starting"
    step: int = 0
    total: int | None = None
    loss: float | None = None
    examples_per_s: float | None = None
    finished_at: datetime | None = None
    error: str = ""
    result: dict[str, Any] = field(default_factory=dict)
    service_job_id: str | None = None
    runner: str = ""
    cancel: threading.Event = field(default_factory=threading.Event)
    stop: asyncio.Event = field(default_factory=asyncio.Event)
    """A hosted job's cancel (the training thread watches ``cancel``)."""
    task: asyncio.Task[None] | None = None
    lock: asyncio.Lock = field(default_factory=asyncio.Lock)
    written_at: float = 0.0
    pending: asyncio.Task[None] | None = None

    @property
    def resumable(self) -> bool:
        return self.kind in RESUMABLE and self.status == "interrupted"

    @classmethod
    def of(cls, row: StudioJob) -> Job:
        return cls(
            id=row.id, kind=row.kind, dataset=row.dataset, dataset_version=row.dataset_version,  # type: ignore[arg-type]
            started_by=row.started_by, started_at=table.utc(row.started_at), params=dict(row.params),
            status=row.state, phase=row.phase, step=row.step, total=row.total, loss=row.loss,  # type: ignore[arg-type]
            examples_per_s=row.examples_per_s, error=row.error, result=dict(row.result),
            finished_at=table.utc(row.finished_at) if row.finished_at else None,
            service_job_id=row.service_job_id, runner=row.runner,
        )  # fmt: skip


TrainFn = Callable[..., Awaitable[Any]]
BuildFn = Callable[..., Awaitable[DatasetInfo]]


def hosted_unavailable(settings: Settings) -> str | None:
    """Why a hosted fine-tune cannot start with these settings; None when it can."""
    if isinstance(settings.llm, OpenAILLMSettings):
        return None
    return (
        'Hosted fine-tuning needs llm.provider = "openai" (OpenAI, or any endpoint with its '
        "fine-tuning API: llm.base_url and llm.api_key)."
    )


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


class StudioJobs:
    """The jobs of one dashboard process (running ones in memory, all of them in the table)."""

    def __init__(
        self,
        *,
        train: TrainFn | None = None,
        build: BuildFn | None = None,
        hosted: TrainFn | None = None,
        hosted_poll_s: float = 10.0,
        heartbeat_s: float = 10.0,
        stale_s: float = 60.0,
        write_every_s: float = 1.0,
    ) -> None:
        """``train``, ``build`` and ``hosted`` stand in for :func:`train_local`,
        :func:`build_dataset` and :func:`train_hosted` (tests of the page); a stand-in trainer
        needs no ``train`` extra."""
        self._train: TrainFn = train or train_local
        self._build: BuildFn = build or build_dataset
        self._hosted: TrainFn = hosted or train_hosted
        self._needs_extra = train is None
        self.hosted_poll_s, self.heartbeat_s, self.stale_s = hosted_poll_s, heartbeat_s, stale_s
        self.write_every_s = write_every_s
        self._host = socket.gethostname()[:100]
        self.runner = f"{self._host}:{os.getpid()}:{secrets.token_hex(4)}"
        self._live: dict[int, Job] = {}
        self._unsaved: set[int] = set()
        self._spawned: set[asyncio.Task[Any]] = set()
        self._settings: Settings | None = None
        self._sessions: async_sessionmaker[AsyncSession] | None = None
        self._beating: asyncio.Task[None] | None = None
        self._quiet = asyncio.Event()
        """Set when the heartbeat should end (never cancelled mid-query: that can spoil a pooled
        connection)."""
        self._stopping = False

    # ------------------------------------------------------------ life of the manager

    async def attach(self, settings: Settings, sessions: async_sessionmaker[AsyncSession]) -> None:
        """Bind to the dashboard's settings and database (once): mark the jobs of gone
        processes interrupted and start the heartbeat."""
        if self._sessions is not None:
            return
        self._settings, self._sessions = settings, sessions
        try:
            await self._sweep()
        except Exception as exc:  # the dashboard starts without its database too: the heartbeat retries
            log.warning("studio jobs: could not look for interrupted jobs: %s", exc)
        self._beating = asyncio.create_task(self._beat(), name="studio-jobs-heartbeat")

    @property
    def sessions(self) -> async_sessionmaker[AsyncSession]:
        if self._sessions is None:
            raise RuntimeError("StudioJobs.attach() first")
        return self._sessions

    @property
    def settings(self) -> Settings:
        if self._settings is None:
            raise RuntimeError("StudioJobs.attach() first")
        return self._settings

    def _gone(self, row: StudioJob) -> str | None:
        host, _, rest = row.runner.partition(":")
        pid = rest.partition(":")[0]
        if host == self._host and pid.isdigit() and int(pid) != os.getpid() and not _alive(int(pid)):
            return f"the dashboard process that ran it (pid {pid}) is gone"
        last = table.utc(row.heartbeat_at)
        if last < datetime.now(UTC) - timedelta(seconds=self.stale_s):
            return f"the dashboard that ran it stopped (no heartbeat since {last:%Y-%m-%d %H:%M:%S} UTC)"
        return None

    async def _sweep(self) -> None:
        for row in await table.interrupt_gone(self.sessions, self.runner, self._gone):
            log.warning("studio job %d (%s %s) interrupted: %s", row.id, row.kind, row.dataset, row.error)

    async def _beat(self) -> None:
        while not self._quiet.is_set():
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self._quiet.wait(), self.heartbeat_s)
                return
            try:
                await table.beat(self.sessions, self.runner)
                for job_id in list(self._unsaved):
                    job = self._live.get(job_id)
                    if job is not None and await self._write(job, final=True):
                        self._forget(job)
                await self._sweep()
            except Exception as exc:  # the database may be away for a while: try again next beat
                log.warning("studio jobs heartbeat failed: %s", exc)

    async def aclose(self, stop_wait_s: float = 60.0) -> None:
        """The dashboard stops: a dataset build or export is abandoned (a dataset version is
        stored in one transaction, or not at all); a training run stops at its next step,
        keeping its checkpoint; a hosted job is left running on the service. Builds, exports and
        hosted jobs are marked interrupted; training too once stopped (waited for up to
        ``stop_wait_s``)."""
        self._stopping = True
        self._quiet.set()
        tasks = [j.task for j in self._live.values() if j.task is not None and not j.task.done()]
        for job in self._live.values():
            if job.task is None or job.task.done():
                continue
            if job.kind == "train":
                job.cancel.set()
            else:
                job.task.cancel()
        if tasks:
            _, pending = await asyncio.wait(tasks, timeout=stop_wait_s)
            for task in pending:
                task.cancel()
            if pending:
                await asyncio.wait(pending, timeout=5.0)  # their last write
        rest = [t for t in (self._beating, *self._spawned) if t is not None and not t.done()]
        if rest:
            await asyncio.wait(rest, timeout=10.0)

    # ------------------------------------------------------------ reading

    def training_unavailable(self) -> str | None:
        """Why training cannot start here (the ``train`` extra is missing), with the install
        command; None when it can."""
        return training_unavailable() if self._needs_extra else None

    def hosted_unavailable(self) -> str | None:
        return hosted_unavailable(self.settings)

    async def list(self, *, limit: int = 50, before: int | None = None) -> list[Job]:
        """Newest first, from the table; the ones running here as they are this moment."""
        rows = await table.list_jobs(self.sessions, limit=limit, before=before)
        return [self._running_here(r.id) or Job.of(r) for r in rows]

    async def get(self, job_id: int) -> Job | None:
        if (job := self._running_here(job_id)) is not None:
            return job
        row = await table.get_job(self.sessions, job_id)
        return None if row is None else Job.of(row)

    def _running_here(self, job_id: int) -> Job | None:
        """The live job while it runs (fresher than its throttled row); once it has ended, its
        row is the truth (the end shows when it is written, so a new job of the kind can start)."""
        job = self._live.get(job_id)
        return job if job is not None and job.status in table.RUNNING else None

    # ------------------------------------------------------------ writing

    def _snapshot(self, job: Job) -> dict[str, Any]:
        return {
            "state": job.status, "dataset_version": job.dataset_version, "phase": job.phase[:10_000],
            "step": job.step, "total": job.total, "loss": job.loss, "examples_per_s": job.examples_per_s,
            "result": job.result, "error": job.error[:10_000], "service_job_id": job.service_job_id,
            "finished_at": job.finished_at,
        }  # fmt: skip

    async def _write(self, job: Job, *, final: bool = False) -> bool:
        """The job's row as the job is now (never raises: a job goes on while the database is
        away). Once the job has ended only its ``final`` write goes out."""
        async with job.lock:
            if job.finished_at is not None and not final:
                return True
            job.written_at = asyncio.get_running_loop().time()
            try:
                mine = await table.save_job(self.sessions, job.id, self.runner, **self._snapshot(job))
            except Exception as exc:
                log.warning("studio job %d: could not write its row: %s", job.id, exc)
                return False
        if not mine:
            log.warning(
                "studio job %d: its row was marked interrupted or taken over: stopping it here", job.id
            )
            self._lost(job)
        return True

    def _lost(self, job: Job) -> None:
        """The row is no longer this process's running job: stop working on it (a training at
        its next step; a hosted job stays on the service)."""
        job.cancel.set()
        if job.kind != "train" and job.task is not None and job.task is not asyncio.current_task():
            job.task.cancel()

    def _changed(self, job: Job) -> None:
        """Progress: written at most every ``write_every_s`` (call in the event loop)."""
        if job.pending is None or job.pending.done():
            job.pending = asyncio.create_task(self._write_later(job))

    async def _write_later(self, job: Job) -> None:
        wait = job.written_at + self.write_every_s - asyncio.get_running_loop().time()
        if wait > 0:
            await asyncio.sleep(wait)
        await self._write(job)

    def _write_now(self, job: Job) -> None:
        """A change worth writing at once (a service job id, a hosted status)."""
        task = asyncio.create_task(self._write(job))
        self._spawned.add(task)
        task.add_done_callback(self._spawned.discard)

    def _forget(self, job: Job) -> None:
        self._unsaved.discard(job.id)
        self._live.pop(job.id, None)

    # ------------------------------------------------------------ starting

    async def _new(
        self, kind: Kind, dataset: str, version: int | None, by: str, params: dict[str, Any]
    ) -> Job:
        if self._stopping:
            raise JobRefused("the dashboard is stopping")
        try:
            row = await table.add_job(
                self.sessions, kind=kind, dataset=dataset, dataset_version=version, params=params,
                by=by, runner=self.runner,
            )  # fmt: skip
        except table.JobConflict as exc:
            raise self._busy(kind, exc.running) from None
        job = Job.of(row)
        self._live[job.id] = job
        return job

    def _busy(self, kind: str, running: StudioJob | None) -> JobRefused:
        if running is None:
            return JobRefused(f"{WHAT[kind]} is already running")
        where = "" if running.runner == self.runner else " in another dashboard process"
        return JobRefused(
            f"{WHAT[kind]} is already running{where} (job {running.id}, started by {running.started_by})"
        )

    def _start(self, job: Job, work: Coroutine[Any, Any, None]) -> Job:
        job.task = asyncio.create_task(self._guard(job, work), name=f"studio-job-{job.id}")
        return job

    async def build_dataset(self, recipe: Recipe, *, by: str) -> Job:
        """Start building a new version of ``recipe.name`` (as ``vtuber dataset build``)."""
        job = await self._new("dataset", recipe.name, None, by, {"recipe": recipe.model_dump(mode="json")})

        async def run() -> None:
            job.phase = "scoring engagement, selecting, checking safety, scrubbing"
            self._changed(job)
            info = await self._build(self.settings, recipe, by=by, sessions=self.sessions)
            job.dataset_version = info.version
            job.result = {
                "name": info.name,
                "version": info.version,
                "train": info.train,
                "validation": info.validation,
                "candidates": info.report.get("candidates", 0),
                "dropped": info.report.get("dropped", {}),
            }
            job.phase = "done"

        return self._start(job, run())

    async def export(self, dataset: str, version: int, *, by: str) -> Job:
        """Write a dataset version's OpenAI and Hugging Face JSONL files under
        ``data_dir/exports/<name>-v<version>/`` (as ``vtuber dataset export``)."""
        job = await self._new("export", dataset, version, by, {})

        async def run() -> None:
            out = self.settings.data_dir / "exports" / f"{dataset}-v{version}"
            job.phase = f"writing {out}"
            done = await export_dataset(self.settings, dataset, version, out, sessions=self.sessions)
            files = {}
            for key in EXPORT_FILES:
                data = await asyncio.to_thread(done.files[key].read_bytes)
                files[key] = {"examples": data.count(b"\n"), "bytes": len(data)}
            job.result = {"path": str(out), "files": files}
            job.phase = "done"

        return self._start(job, run())

    async def train(
        self,
        dataset: str,
        version: int,
        *,
        lora: LoraSettings,
        compare_with: int | None,
        restart: bool,
        by: str,
    ) -> Job:
        """Start training on a dataset version (as ``vtuber train``): LoRA, then validation
        against the current model, then a stored model version."""
        why = self.training_unavailable()
        if why is not None:
            raise JobRefused(why)
        page = {"rank": lora.rank, "alpha": lora.alpha, "learning_rate": lora.learning_rate,
                "epochs": lora.epochs, "batch_size": lora.batch_size}  # fmt: skip
        params = {"lora": page, "compare_with": compare_with, "restart": restart}
        job = await self._new("train", dataset, version, by, params)
        return self._start(job, self._run_train(job, lora, compare_with, resume=not restart))

    async def _run_train(
        self, job: Job, lora: LoraSettings, compare_with: int | None, *, resume: bool
    ) -> None:
        loop = asyncio.get_running_loop()

        def progress(p: Progress) -> None:  # from the training thread: plain assignments
            job.phase = "training" if p.step < p.total else "validating: both models answer the prompt suite"
            job.step, job.total, job.loss, job.examples_per_s = p.step, p.total, p.loss, p.examples_per_s
            loop.call_soon_threadsafe(self._changed, job)

        job.phase = "loading the model"
        self._changed(job)
        done = await self._train(
            self.settings,
            job.dataset,
            job.dataset_version,
            lora=lora,
            by=job.started_by,
            current_model=compare_with,
            on_progress=progress,
            cancel=job.cancel,
            resume=resume,
            sessions=self.sessions,
        )
        job.result = {"dataset_version": done.dataset_version, "steps": done.result.steps}
        if done.result.cancelled or done.model_version is None:
            job.phase = f"stopped at step {done.result.steps}; the checkpoint is kept"
            if self._stopping:
                job.status, job.error = "interrupted", "the dashboard stopped"
                job.phase += ": resume it"
            else:
                job.status = "cancelled"
                job.phase += ": start it again to resume"
            return
        job.result.update(model_version=done.model_version, deployable=done.deployable, refusal=done.refusal)
        job.phase = "done"

    async def train_hosted(
        self, dataset: str, version: int, *, base_model: str, compare_with: int | None, by: str
    ) -> Job:
        """Start a fine-tune of ``base_model`` on the configured OpenAI-compatible service with
        the dataset version's OpenAI export, then validate it against ``compare_with`` (a hosted
        model version; None: the one served now), as ``vtuber train --backend openai``."""
        why = self.hosted_unavailable()
        if why is not None:
            raise JobRefused(why)
        params = {"base_model": base_model, "compare_with": compare_with}
        job = await self._new("hosted", dataset, version, by, params)
        return self._start(job, self._run_hosted(job))

    async def _run_hosted(self, job: Job) -> None:
        def started(service_id: str) -> None:
            job.service_job_id = service_id
            job.phase = f"created {service_id}"
            self._write_now(job)

        def status(s: JobStatus) -> None:
            job.phase = s.status
            if s.status == "succeeded":
                job.phase = "succeeded; validating the fine-tuned model on the prompt suite"
            job.result["statuses"] = [*job.result.get("statuses", []), s.status]
            self._write_now(job)

        resume = job.service_job_id
        job.phase = f"following {resume} again" if resume else "uploading the dataset's OpenAI export"
        self._write_now(job)
        done = await self._hosted(
            self.settings,
            job.dataset,
            job.dataset_version,
            base_model=job.params["base_model"],
            by=job.started_by,
            on_status=status,
            cancel=job.stop,
            poll_s=self.hosted_poll_s,
            sessions=self.sessions,
            on_started=started,
            resume_job_id=resume,
            compare_with=job.params.get("compare_with"),
        )
        end: JobStatus = done.job
        job.service_job_id = end.id
        job.result.update(service_status=end.status, remote_model=end.fine_tuned_model,
                          trained_tokens=end.trained_tokens, model_version=done.model_version,
                          deployable=done.deployable, refusal=done.refusal)  # fmt: skip
        if end.status == "cancelled":
            job.status, job.phase = "cancelled", "cancelled on the service"
        elif end.status != "succeeded" or done.model_version is None:
            job.status, job.error = "failed", end.error or f"the service ended the job: {end.status}"
        else:
            job.phase = "done"

    async def _guard(self, job: Job, work: Awaitable[None]) -> None:
        try:
            await work
        except asyncio.CancelledError:
            job.status, job.error = "interrupted", "the dashboard stopped"
            if job.kind == "hosted" and job.service_job_id:
                job.error += f"; the service job {job.service_job_id} goes on: resume follows it"
            raise
        except Exception as exc:  # shown on the page, never raised into the app
            log.warning("studio job %d (%s) failed: %s", job.id, job.kind, exc)
            job.status, job.error = "failed", str(exc) or type(exc).__name__
        else:
            if job.status in ("running", "cancelling"):
                job.status = "succeeded"
        finally:
            job.finished_at = datetime.now(UTC)
            if await self._write(job, final=True):
                self._forget(job)
            else:
                self._unsaved.add(job.id)  # the heartbeat tries again
            log.info("studio job %d (%s %s) %s", job.id, job.kind, job.dataset, job.status)

    # ------------------------------------------------------------ cancel and resume

    async def cancel(self, job_id: int) -> Job | None:
        """Ask a training run to stop at its next step, or a hosted job to be cancelled on the
        service (a dataset build or an export cannot be cancelled)."""
        job = self._live.get(job_id) or await self.get(job_id)
        if job is None:
            return None
        if job.kind not in RESUMABLE:
            raise JobRefused(f"{WHAT[job.kind]} cannot be cancelled")
        if job.status == "running" and job_id not in self._live:
            raise JobRefused(f"job {job_id} runs in another dashboard process: cancel it there")
        if job.status == "running":
            job.status = "cancelling"
            job.cancel.set()
            job.stop.set()
            self._write_now(job)
        return job

    async def resume(self, job_id: int, *, by: str) -> Job | None:
        """Run an interrupted training again from its checkpoint, or follow an interrupted
        hosted job again by its service job id."""
        row = await table.get_job(self.sessions, job_id)
        if row is None:
            return None
        if row.kind not in RESUMABLE or row.state != "interrupted":
            raise JobRefused(
                f"job {job_id} is {row.state}: only an interrupted training or fine-tune resumes"
            )
        if row.kind == "train" and (why := self.training_unavailable()) is not None:
            raise JobRefused(why)
        if row.kind == "hosted" and (why := self.hosted_unavailable()) is not None:
            raise JobRefused(why)
        if self._stopping:
            raise JobRefused("the dashboard is stopping")
        try:
            claimed = await table.claim_job(self.sessions, job_id, self.runner, phase=f"resumed by {by}")
        except table.JobConflict as exc:
            raise self._busy(row.kind, exc.running) from None
        if claimed is None:
            raise JobRefused(f"job {job_id} was resumed or changed meanwhile")
        job = Job.of(claimed)
        self._live[job.id] = job
        log.info("studio job %d (%s %s) resumed by %s", job.id, job.kind, job.dataset, by)
        if job.kind == "hosted":
            return self._start(job, self._run_hosted(job))
        lora = LoraSettings(**job.params["lora"])
        return self._start(job, self._run_train(job, lora, job.params.get("compare_with"), resume=True))


def export_path(settings: Settings, job: Job) -> Path | None:
    """The folder a finished export job wrote (None when it is not one, or it points outside
    ``data_dir/exports``)."""
    if job.kind != "export" or job.status != "succeeded" or not isinstance(job.result.get("path"), str):
        return None
    root = (settings.data_dir / "exports").resolve()
    out = Path(job.result["path"]).resolve()
    return out if out.is_relative_to(root) and out != root else None
