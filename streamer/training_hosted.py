"""``vtuber train --backend openai`` and ``vtuber validate``: fine-tune on the configured
OpenAI-compatible endpoint, then validate the fine-tuned model as the local path validates an
adapter, and store it as a model version.

The job: the dataset's OpenAI export is uploaded, the job created and followed to its end
(:mod:`integrations.openai.fine_tune`). Validation: the current model (the hosted version the
bot serves now, else ``llm.model``; or ``compare_with``) and the candidate answer the fixed
prompt suite through the same endpoint (:mod:`integrations.openai.suite`), and both are scored
with :mod:`engines.training.validation` (safety pass rate with the bot's safety pipeline,
persona adherence, time to first token). The validation loss is the one the service measured
(None when it gives none). A candidate less safe than the current model is stored not
deployable, as is one that could not be validated (with the reason; ``vtuber validate`` tries
again).
"""

from __future__ import annotations

import asyncio
import logging
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from config.providers import OpenAILLMSettings
from config.settings import Settings
from engines.ai.safety.pipeline import SafetyPipeline
from engines.training.validation import SUITE, ModelScore, deploy_verdict, output_check, score, suite_messages
from integrations.openai.fine_tune import FineTuneError, HostedFineTuner, JobStatus
from integrations.openai.suite import SuiteError, suite_replies
from integrations.registry import build_safety
from streamer.store.datasets import DatasetError, get_dataset
from streamer.store.model_versions import deployed_versions, get_model_version, save_model_version
from streamer.store.studio_models import ModelVersion
from streamer.studio import current_persona, export_dataset, open_store

__all__ = ["HostedTrained", "HostedValidation", "revalidate", "train_hosted", "validate_hosted"]

log = logging.getLogger(__name__)


@dataclass
class HostedValidation:
    """The current model's and the candidate's figures on the prompt suite."""

    current_version: int | None
    """The hosted model version compared with; None: ``llm.model``."""
    current_model: str
    candidate_model: str
    current: ModelScore | None = None
    candidate: ModelScore | None = None
    deployable: bool = False
    refusal: str = ""

    def report(self) -> dict[str, Any]:
        """The model version's report, shaped as the local path's (the studio page shows it)."""
        out: dict[str, Any] = {"deployable": self.deployable, "refusal": self.refusal}
        if self.current is not None and self.candidate is not None:
            out["current"] = {
                "model_version": self.current_version,
                "model": self.current_model,
                **self.current.as_dict(),
            }
            out["candidate"] = {"model": self.candidate_model, **self.candidate.as_dict()}
            out["suite"] = [f"{who}: {text}" for who, text in SUITE]
        return out


@dataclass
class HostedTrained:
    """What a hosted fine-tuning run did."""

    dataset: str
    dataset_version: int
    job: JobStatus
    model_version: int | None = None
    """Stored only when the job succeeded."""
    validation: HostedValidation | None = None
    val_loss: float | None = None
    """The service's validation loss of the fine-tuned model (None: it gave none)."""

    @property
    def deployable(self) -> bool:
        return self.validation is not None and self.validation.deployable

    @property
    def refusal(self) -> str:
        """Why it is not deployable ("" when it is, or when no model was made)."""
        return "" if self.validation is None else self.validation.refusal


def _endpoint(settings: Settings) -> OpenAILLMSettings:
    cfg = settings.llm
    if not isinstance(cfg, OpenAILLMSettings):
        raise DatasetError("hosted fine-tuning needs llm.provider = openai (its base_url and api_key)")
    return cfg


async def _current_model(
    sessions: async_sessionmaker[AsyncSession],
    settings: Settings,
    persona: str,
    compare_with: int | None,
    *,
    besides: int | None = None,
) -> tuple[int | None, str]:
    """The model to compare with: ``compare_with``, else the hosted version the bot confirmed
    last for the persona (unless it is ``besides``, the candidate itself), else ``llm.model``."""
    cfg = _endpoint(settings)
    wanted = compare_with
    if wanted is None:
        deployed = await deployed_versions(sessions, settings.channel, persona)
        wanted = deployed[0] if deployed and deployed[0] != besides else None
        if wanted is None:
            return None, cfg.model
        row = await get_model_version(sessions, wanted)
        if row is None or row.backend != "openai" or not row.remote_model:
            return None, cfg.model  # a local adapter was deployed: the bot now sends llm.model
        return wanted, row.remote_model
    row = await get_model_version(sessions, wanted)
    if row is None or row.backend != "openai" or not row.remote_model:
        raise DatasetError(f"no hosted model version {wanted}")
    return wanted, row.remote_model


async def validate_hosted(
    settings: Settings,
    candidate_model: str,
    *,
    sessions: async_sessionmaker[AsyncSession],
    compare_with: int | None = None,
    besides: int | None = None,
    safety: SafetyPipeline | None = None,
    val_loss: float | None = None,
) -> HostedValidation:
    """Both models answer the suite through the endpoint; scored and judged like the local
    path. A suite the endpoint could not answer gives a not-deployable result with the reason."""
    cfg = _endpoint(settings)
    persona = await current_persona(sessions, settings)
    current_version, current_model = await _current_model(
        sessions, settings, persona.id, compare_with, besides=besides
    )
    done = HostedValidation(current_version, current_model, candidate_model)
    if safety is None:
        safety = build_safety(settings).with_blocklist(persona.blocklist, source="persona")
        await asyncio.to_thread(safety.warm)
    suite = suite_messages(persona)
    key = cfg.api_key.get_secret_value()
    log.info("validate: %s against %s on the prompt suite", candidate_model, current_model)
    try:
        replies = [
            await suite_replies(cfg.base_url, key, model, suite, max_tokens=persona.max_reply_tokens)
            for model in (current_model, candidate_model)
        ]
    except SuiteError as exc:
        log.warning("validate: %s", exc)
        done.refusal = f"not validated: {exc}"
        return done
    check = output_check(safety)
    done.current = await asyncio.to_thread(score, replies[0], persona, check)
    done.candidate = await asyncio.to_thread(score, replies[1], persona, check, val_loss=val_loss)
    done.deployable, done.refusal = deploy_verdict(done.candidate, done.current)
    return done


async def _job_val_loss(tuner: HostedFineTuner, job_id: str) -> float | None:
    try:
        return await tuner.val_loss(job_id)
    except FineTuneError as exc:  # the model is trained: store it without the figure
        log.warning("train: %s", exc)
        return None


async def train_hosted(
    settings: Settings,
    dataset: str,
    version: int | None = None,
    *,
    base_model: str,
    by: str = "cli",
    on_status: Callable[[JobStatus], None] | None = None,
    cancel: asyncio.Event | None = None,
    poll_s: float = 10.0,
    sessions: async_sessionmaker[AsyncSession] | None = None,
    on_started: Callable[[str], None] | None = None,
    resume_job_id: str | None = None,
    compare_with: int | None = None,
    safety: SafetyPipeline | None = None,
) -> HostedTrained:
    """Fine-tune ``base_model`` on the configured OpenAI-compatible endpoint (``llm.base_url``,
    ``llm.api_key``) with the dataset's OpenAI export; validate the fine-tuned model and store
    it as a model version.

    ``on_started`` is called with the service's job id right after the job is created (not on a
    resume). ``resume_job_id`` skips the upload and the job's creation and follows that job."""
    cfg = _endpoint(settings)
    if sessions is None:
        async with open_store(settings) as own:
            return await train_hosted(
                settings, dataset, version, base_model=base_model, by=by, on_status=on_status,
                cancel=cancel, poll_s=poll_s, sessions=own, on_started=on_started,
                resume_job_id=resume_job_id, compare_with=compare_with, safety=safety,
            )  # fmt: skip
    tuner = HostedFineTuner.connect(cfg.base_url, cfg.api_key.get_secret_value(), poll_s=poll_s)
    try:
        if resume_job_id is None:
            with tempfile.TemporaryDirectory() as tmp:
                exported = await export_dataset(settings, dataset, version, Path(tmp), sessions=sessions)
                info = exported.dataset
                train, val = exported.files["openai/train"], exported.files["openai/validation"]
                has_val = await asyncio.to_thread(lambda: val.stat().st_size > 0)
                job_id = await tuner.start(
                    train,
                    val if has_val else None,
                    model=base_model,
                    suffix=f"{info.name}-v{info.version}"[:40],
                )
            if on_started is not None:
                on_started(job_id)
        else:
            found = await get_dataset(sessions, dataset, version)
            if found is None:
                raise DatasetError(f"no dataset {dataset}" + (f" version {version}" if version else ""))
            info, job_id = found, resume_job_id
            log.info("train: following fine-tuning job %s again", job_id)
        job = await tuner.wait(job_id, on_status=on_status, cancel=cancel)
        done = HostedTrained(info.name, info.version, job)
        if job.status != "succeeded" or not job.fine_tuned_model:
            return done
        done.val_loss = await _job_val_loss(tuner, job.id)
    finally:
        await tuner.aclose()
    checked = await validate_hosted(
        settings, job.fine_tuned_model, sessions=sessions, compare_with=compare_with, safety=safety,
        val_loss=done.val_loss,
    )  # fmt: skip
    done.validation = checked
    report = {"job": job.id, "status": job.status, "trained_tokens": job.trained_tokens, **checked.report()}
    done.model_version = await save_model_version(
        sessions,
        backend="openai",
        base_model=base_model,
        remote_model=job.fine_tuned_model,
        dataset_id=info.id,
        report=report,
        by=by,
    )
    log.info(
        "train: model version %d stored (%s)",
        done.model_version,
        "deployable" if checked.deployable else f"not deployable: {checked.refusal}",
    )
    return done


async def revalidate(
    settings: Settings,
    version: int,
    *,
    compare_with: int | None = None,
    sessions: async_sessionmaker[AsyncSession] | None = None,
    safety: SafetyPipeline | None = None,
) -> HostedValidation:
    """Validate a stored hosted model version again (against the model the bot serves now, or
    ``compare_with``) and replace its report's figures and verdict with the new ones."""
    if sessions is None:
        async with open_store(settings) as own:
            return await revalidate(settings, version, compare_with=compare_with, sessions=own, safety=safety)
    cfg = _endpoint(settings)
    row = await get_model_version(sessions, version)
    if row is None or row.backend != "openai" or not row.remote_model:
        raise DatasetError(
            f"no hosted model version {version} (a local adapter is validated by vtuber train)"
        )
    val_loss = None
    if isinstance(job_id := row.report.get("job"), str):
        tuner = HostedFineTuner.connect(cfg.base_url, cfg.api_key.get_secret_value())
        try:
            val_loss = await _job_val_loss(tuner, job_id)
        finally:
            await tuner.aclose()
    checked = await validate_hosted(
        settings, row.remote_model, sessions=sessions, compare_with=compare_with, besides=version,
        safety=safety, val_loss=val_loss,
    )  # fmt: skip
    async with sessions.begin() as s:  # the store has no report update yet: the row, directly
        stored = await s.get(ModelVersion, version)
        assert stored is not None
        kept = {k: v for k, v in stored.report.items() if k not in ("current", "candidate", "suite")}
        stored.report = {**kept, **checked.report()}
    log.info(
        "validate: model version %d %s",
        version,
        "deployable" if checked.deployable else f"not deployable: {checked.refusal}",
    )
    return checked
