"""Hosted fine-tuning through OpenAI's API (or any service that implements it): upload the
exported chat JSONL files, create the job, poll it until it ends, cancel it when asked, and
return the fine-tuned model's name; then read the validation loss the service measured (its
checkpoints' metrics, else its ``metrics`` events). The official SDK's typed methods (which
retry a 429 or a 5xx, honouring Retry-After); its errors become :class:`FineTuneError`.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import openai
from openai import AsyncOpenAI

log = logging.getLogger(__name__)
FINISHED = frozenset({"succeeded", "failed", "cancelled"})


class FineTuneError(RuntimeError):
    """The service refused a call or could not be reached."""


@dataclass(frozen=True, slots=True)
class JobStatus:
    id: str
    status: str
    """validating_files, queued, running, succeeded, failed or cancelled."""
    fine_tuned_model: str | None = None
    error: str = ""
    trained_tokens: int | None = None


class HostedFineTuner:
    """One fine-tuning job's life on the service."""

    def __init__(self, client: AsyncOpenAI, *, poll_s: float = 10.0) -> None:
        self.client = client
        self.poll_s = poll_s

    @classmethod
    def connect(
        cls, base_url: str, api_key: str, *, poll_s: float = 10.0, timeout_s: float = 60.0
    ) -> HostedFineTuner:
        return cls(
            AsyncOpenAI(base_url=base_url, api_key=api_key, timeout=timeout_s, max_retries=2), poll_s=poll_s
        )

    async def aclose(self) -> None:
        await self.client.close()

    async def start(
        self, train: Path, validation: Path | None, *, model: str, suffix: str | None = None
    ) -> str:
        """Upload the files and create the job; returns its id."""
        try:
            train_id = (await self.client.files.create(file=train, purpose="fine-tune")).id
            val_id = None
            if validation is not None:
                val_id = (await self.client.files.create(file=validation, purpose="fine-tune")).id
            job = await self.client.fine_tuning.jobs.create(
                model=model, training_file=train_id, suffix=suffix, validation_file=val_id
            )
        except openai.OpenAIError as exc:
            raise FineTuneError(f"could not start the fine-tuning job: {exc}") from exc
        log.info("fine-tuning job %s created on %s (training file %s)", job.id, model, train_id)
        return job.id

    async def status(self, job_id: str) -> JobStatus:
        try:
            job = await self.client.fine_tuning.jobs.retrieve(job_id)
        except openai.OpenAIError as exc:
            raise FineTuneError(f"could not read job {job_id}: {exc}") from exc
        error = f"{job.error.code}: {job.error.message}" if job.error and job.error.message else ""
        return JobStatus(job.id, job.status, job.fine_tuned_model, error, job.trained_tokens)

    async def cancel(self, job_id: str) -> JobStatus:
        try:
            job = await self.client.fine_tuning.jobs.cancel(job_id)
        except openai.OpenAIError as exc:
            raise FineTuneError(f"could not cancel job {job_id}: {exc}") from exc
        return JobStatus(job.id, job.status, job.fine_tuned_model)

    async def val_loss(self, job_id: str) -> float | None:
        """The validation loss the service measured last: the latest ``full_valid_loss`` (the
        whole validation file), else the latest ``valid_loss`` (one batch); from the checkpoints,
        else from the ``metrics`` events. None when it reported neither (no validation file, or a
        service that keeps no metrics)."""
        try:
            points: list[tuple[float, dict[str, Any]]] = [
                (c.step_number, c.metrics.model_dump())
                async for c in self.client.fine_tuning.jobs.checkpoints.list(job_id, limit=100)
            ]
            found = _last_loss(points)
            if found is None:
                newest = await self.client.fine_tuning.jobs.list_events(job_id, limit=100)  # newest first
                points = [
                    (float(e.data.get("step") or 0), e.data)
                    for e in newest.data
                    if e.type == "metrics" and isinstance(e.data, dict)
                ]
                found = _last_loss(points)
        except openai.OpenAIError as exc:
            raise FineTuneError(f"could not read the metrics of job {job_id}: {exc}") from exc
        return found

    async def wait(
        self,
        job_id: str,
        *,
        on_status: Callable[[JobStatus], None] | None = None,
        cancel: asyncio.Event | None = None,
    ) -> JobStatus:
        """Poll until the job ends (or ``cancel`` is set: the job is cancelled, then followed to
        its end). A status is reported each time it changes."""
        last = ""
        cancelled = False
        while True:
            now = await self.status(job_id)
            if now.status != last:
                last = now.status
                log.info("fine-tuning job %s: %s", job_id, now.status)
                if on_status is not None:
                    on_status(now)
            if now.status in FINISHED:
                return now
            if cancel is not None and cancel.is_set() and not cancelled:
                cancelled = True
                await self.cancel(job_id)
                continue
            if cancel is None:
                await asyncio.sleep(self.poll_s)
            else:
                with contextlib.suppress(TimeoutError):  # woken at once by a cancel
                    await asyncio.wait_for(cancel.wait(), self.poll_s)


def _last_loss(points: list[tuple[float, dict[str, Any]]]) -> float | None:
    """The latest ``full_valid_loss`` (the whole validation file), else the latest
    ``valid_loss`` (one batch)."""
    for key in ("full_valid_loss", "valid_loss"):
        found = [(step, float(m[key])) for step, m in points if isinstance(m.get(key), int | float)]
        if found:
            return max(found)[1]
    return None
