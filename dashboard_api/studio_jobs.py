"""The studio page's background jobs: build a dataset version, and train a model version on
one (local LoRA), with progress and cancel.

Jobs run inside the dashboard's process, one of each kind at a time, and are kept in memory
(the last :data:`KEEP`): the dataset and the model version they make are stored as the CLI
stores them. Training runs :func:`streamer.training.train_local` in a worker thread; cancel
stops it at the next step and keeps the checkpoint, so starting the same dataset version again
resumes, as ``vtuber train`` does. When the dashboard stops, a running training is cancelled
that way and waited for (up to ``stop_wait_s``).
"""

from __future__ import annotations

import asyncio
import itertools
import logging
import threading
from collections import OrderedDict
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any, Literal

from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from config.settings import Settings
from engines.training.dataset import Recipe
from streamer.store.datasets import DatasetInfo
from streamer.studio import build_dataset
from streamer.training import LoraSettings, Progress, train_local, training_unavailable

log = logging.getLogger("dashboard_api.studio")

KEEP = 20
"""Finished jobs kept for the page."""
Kind = Literal["dataset", "train"]
State = Literal["running", "cancelling", "succeeded", "failed", "cancelled"]


class JobRefused(Exception):
    """A job cannot start (one of its kind is running, or training is not installed)."""


@dataclass
class Job:
    id: int
    kind: Kind
    dataset: str
    started_by: str
    started_at: datetime
    status: State = "running"
    phase: str = "starting"
    step: int = 0
    total: int | None = None
    loss: float | None = None
    examples_per_s: float | None = None
    finished_at: datetime | None = None
    error: str = ""
    result: dict[str, Any] = field(default_factory=dict)
    cancel: threading.Event = field(default_factory=threading.Event)
    task: asyncio.Task[None] | None = None


TrainFn = Callable[..., Awaitable[Any]]
BuildFn = Callable[..., Awaitable[DatasetInfo]]


class StudioJobs:
    """The running and recent jobs of one dashboard."""

    def __init__(self, *, train: TrainFn | None = None, build: BuildFn | None = None) -> None:
        """``train`` and ``build`` stand in for :func:`train_local` and :func:`build_dataset`
        (tests of the page); a stand-in trainer needs no ``train`` extra."""
        self._train: TrainFn = train or train_local
        self._build: BuildFn = build or build_dataset
        self._needs_extra = train is None
        self._jobs: OrderedDict[int, Job] = OrderedDict()
        self._ids = itertools.count(1)

    def training_unavailable(self) -> str | None:
        """Why training cannot start here (the ``train`` extra is missing), with the install
        command; None when it can."""
        return training_unavailable() if self._needs_extra else None

    def list(self) -> list[Job]:
        """Newest first."""
        return list(reversed(self._jobs.values()))

    def get(self, job_id: int) -> Job | None:
        return self._jobs.get(job_id)

    def _running(self, kind: Kind) -> Job | None:
        return next(
            (j for j in self._jobs.values() if j.kind == kind and j.status in ("running", "cancelling")), None
        )

    def _new(self, kind: Kind, dataset: str, by: str) -> Job:
        running = self._running(kind)
        if running is not None:
            what = "a dataset build" if kind == "dataset" else "a training run"
            raise JobRefused(f"{what} is already running (job {running.id}, started by {running.started_by})")
        job = Job(next(self._ids), kind, dataset, by, datetime.now(UTC))
        self._jobs[job.id] = job
        finished = [j.id for j in self._jobs.values() if j.task is not None and j.task.done()]
        for old in finished[: max(0, len(self._jobs) - KEEP)]:
            del self._jobs[old]
        return job

    def build_dataset(
        self, settings: Settings, sessions: async_sessionmaker[AsyncSession], recipe: Recipe, *, by: str
    ) -> Job:
        """Start building a new version of ``recipe.name`` (as ``vtuber dataset build``)."""
        job = self._new("dataset", recipe.name, by)

        async def run() -> None:
            job.phase = "scoring engagement, selecting, checking safety, scrubbing"
            info = await self._build(settings, recipe, by=by, sessions=sessions)
            job.result = {
                "name": info.name,
                "version": info.version,
                "train": info.train,
                "validation": info.validation,
                "candidates": info.report.get("candidates", 0),
                "dropped": info.report.get("dropped", {}),
            }
            job.phase = "done"

        job.task = asyncio.create_task(self._guard(job, run()), name=f"studio-job-{job.id}")
        return job

    def train(
        self,
        settings: Settings,
        sessions: async_sessionmaker[AsyncSession],
        dataset: str,
        version: int | None,
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
        job = self._new("train", dataset, by)

        def progress(p: Progress) -> None:  # from the training thread: plain assignments
            job.phase = "training" if p.step < p.total else "validating: both models answer the prompt suite"
            job.step, job.total, job.loss, job.examples_per_s = p.step, p.total, p.loss, p.examples_per_s

        async def run() -> None:
            job.phase = "loading the model"
            done = await self._train(
                settings,
                dataset,
                version,
                lora=lora,
                by=by,
                current_model=compare_with,
                on_progress=progress,
                cancel=job.cancel,
                resume=not restart,
                sessions=sessions,
            )
            job.result = {"dataset_version": done.dataset_version, "steps": done.result.steps}
            if done.result.cancelled or done.model_version is None:
                job.status = "cancelled"
                job.phase = (
                    f"stopped at step {done.result.steps}; the checkpoint is kept: start it again to resume"
                )
                return
            job.result.update(
                model_version=done.model_version, deployable=done.deployable, refusal=done.refusal
            )
            job.phase = "done"

        job.task = asyncio.create_task(self._guard(job, run()), name=f"studio-job-{job.id}")
        return job

    async def _guard(self, job: Job, work: Awaitable[None]) -> None:
        try:
            await work
        except asyncio.CancelledError:
            job.status, job.error = "cancelled", "the dashboard stopped"
            raise
        except Exception as exc:  # shown on the page, never raised into the app
            log.warning("studio job %d (%s) failed: %s", job.id, job.kind, exc)
            job.status, job.error = "failed", str(exc) or type(exc).__name__
        else:
            if job.status in ("running", "cancelling"):
                job.status = "succeeded"
        finally:
            job.finished_at = datetime.now(UTC)
            log.info("studio job %d (%s %s) %s", job.id, job.kind, job.dataset, job.status)

    def cancel(self, job_id: int) -> Job | None:
        """Ask a training run to stop at its next step (a dataset build cannot be cancelled)."""
        job = self._jobs.get(job_id)
        if job is None:
            return None
        if job.kind != "train":
            raise JobRefused("a dataset build cannot be cancelled")
        if job.status == "running":
            job.status = "cancelling"
            job.cancel.set()
        return job

    async def aclose(self, stop_wait_s: float = 60.0) -> None:
        """The dashboard stops: a dataset build is abandoned (its version is stored in one
        transaction, or not at all); a training run stops at its next step, keeping its
        checkpoint, waited for up to ``stop_wait_s``."""
        builds = [j.task for j in self._jobs.values() if j.kind == "dataset" and j.task and not j.task.done()]
        runs = [j.task for j in self._jobs.values() if j.kind == "train" and j.task and not j.task.done()]
        for task in builds:
            task.cancel()
        for job in self._jobs.values():
            job.cancel.set()
        if builds or runs:
            _, pending = await asyncio.wait(builds + runs, timeout=stop_wait_s)
            for task in pending:
                task.cancel()
