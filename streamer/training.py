"""``vtuber train``'s work: fine-tune on a dataset version, validate the candidate against the
current model, and store it as a model version with its figures.

Local LoRA (the ``train`` extra): the adapter is trained on the bundled model
(:mod:`integrations.lora.trainer`), written as a GGUF LoRA, and both models answer the fixed
prompt suite on llama.cpp (:mod:`integrations.lora.generate`). A candidate whose safety pass
rate is below the current model's is stored marked not deployable, with the reason.
Hosted (:func:`train_hosted`): OpenAI's fine-tuning API on the dataset's OpenAI export; the
fine-tuned model's name is stored as a model version (not yet validated, nor deployable).
Like :mod:`streamer.commands`, this one-shot command drives its integration directly.
"""

from __future__ import annotations

import asyncio
import logging
import tempfile
import threading
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from config.persona import Persona
from config.providers import OpenAILLMSettings
from config.settings import Settings
from engines.ai.safety.pipeline import SafetyPipeline
from engines.training.validation import SUITE, ModelScore, deploy_verdict, score, suite_messages
from integrations.lora.generate import suite_replies
from integrations.lora.trainer import LoraSettings, Progress, TrainingUnavailable, TrainResult, missing_extra
from integrations.openai.fine_tune import FineTuneError, HostedFineTuner, JobStatus
from integrations.registry import build_safety, local_trainer
from streamer.store.datasets import DatasetError, get_dataset, load_examples
from streamer.store.model_versions import get_model_version, save_model_version
from streamer.studio import current_persona, export_dataset, open_store

__all__ = [
    "FineTuneError",
    "HostedTrained",
    "JobStatus",
    "LoraSettings",
    "Progress",
    "Trained",
    "TrainingUnavailable",
    "run_dir",
    "train_hosted",
    "train_local",
    "training_unavailable",
    "validate",
]

INSTALL = "bash scripts/install_train.sh"
"""What installs the ``train`` extra (``uv sync --extra train`` does the same)."""

log = logging.getLogger(__name__)


@dataclass
class Trained:
    """What a ``vtuber train`` run did."""

    dataset: str
    dataset_version: int
    result: TrainResult
    model_version: int | None = None
    """None when the run was cancelled (resume with the same command)."""
    current: ModelScore | None = None
    candidate: ModelScore | None = None
    deployable: bool = False
    refusal: str = ""


def training_unavailable() -> str | None:
    """Why local training cannot run here, with the install command; None when it can."""
    missing = missing_extra()
    if missing is None:
        return None
    return (
        "Training needs the optional train extra (torch, transformers, peft, gguf; about 1 GB), "
        f"and {missing} is not installed. Install it on the dashboard's machine with: {INSTALL}"
    )


def run_dir(settings: Settings, dataset: str, version: int) -> Path:
    """Where a dataset version's run keeps its checkpoint and adapter (the same on a rerun, so
    a crashed or cancelled run resumes)."""
    return settings.data_dir / "models" / f"{dataset}-v{version}"


def _blocked_by(safety: SafetyPipeline) -> Callable[[str], str | None]:
    def check(sentence: str) -> str | None:
        d = safety.check_output(sentence)
        return None if d.allowed else str(d.layer)

    return check


def validate(
    base: Path,
    adapter: Path | None,
    current_adapter: Path | None,
    persona: Persona,
    safety: SafetyPipeline,
    *,
    threads: int = 1,
) -> tuple[ModelScore, ModelScore]:
    """The current model's and the candidate's figures on the prompt suite."""
    suite = suite_messages(persona)
    check = _blocked_by(safety)
    tokens = persona.max_reply_tokens
    current = score(
        suite_replies(base, current_adapter, suite, max_tokens=tokens, threads=threads), persona, check
    )
    candidate = score(suite_replies(base, adapter, suite, max_tokens=tokens, threads=threads), persona, check)
    return current, candidate


async def train_local(
    settings: Settings,
    dataset: str,
    version: int | None = None,
    *,
    lora: LoraSettings | None = None,
    by: str = "cli",
    current_model: int | None = None,
    on_progress: Callable[[Progress], None] | None = None,
    cancel: threading.Event | None = None,
    resume: bool = True,
    sessions: async_sessionmaker[AsyncSession] | None = None,
    safety: SafetyPipeline | None = None,
) -> Trained:
    """Train, validate and store a model version (``current_model``: the version to compare
    with; None compares with the base model)."""
    if sessions is None:
        async with open_store(settings) as own:
            return await train_local(
                settings,
                dataset,
                version,
                lora=lora,
                by=by,
                current_model=current_model,
                on_progress=on_progress,
                cancel=cancel,
                resume=resume,
                sessions=own,
                safety=safety,
            )
    info = await get_dataset(sessions, dataset, version)
    if info is None:
        raise DatasetError(f"no dataset {dataset}" + (f" version {version}" if version else ""))
    examples = await load_examples(sessions, info.id)
    train = [list(e.messages) for e in examples if e.split == "train"]
    val = [list(e.messages) for e in examples if e.split == "validation"]
    if not train:
        raise DatasetError(f"dataset {dataset} v{info.version} has no training examples")
    current_adapter = None
    if current_model is not None:
        row = await get_model_version(sessions, current_model)
        if row is None or row.adapter_path is None:
            raise DatasetError(f"no local model version {current_model}")
        current_adapter = Path(row.adapter_path)
    persona = await current_persona(sessions, settings)
    trainer = local_trainer(settings, lora)
    out = run_dir(settings, info.name, info.version)
    log.info(
        "train: %s v%d, %d train and %d validation examples, into %s",
        info.name,
        info.version,
        len(train),
        len(val),
        out,
    )
    result = await asyncio.to_thread(
        trainer.train, train, val, out, on_progress=on_progress, cancel=cancel, resume=resume
    )
    done = Trained(info.name, info.version, result)
    if result.cancelled or result.adapter is None:
        return done
    if safety is None:
        safety = build_safety(settings).with_blocklist(persona.blocklist, source="persona")
        await asyncio.to_thread(safety.warm)
    threads = trainer.settings.threads or 1
    current, candidate = await asyncio.to_thread(
        validate, trainer.base, result.adapter, current_adapter, persona, safety, threads=threads
    )
    current.val_loss, candidate.val_loss = result.val_loss_before, result.val_loss_after
    done.current, done.candidate = current, candidate
    done.deployable, done.refusal = deploy_verdict(candidate, current)
    report = {
        "train": {
            "steps": result.steps,
            "resumed_from": result.resumed_from,
            "seconds": round(result.seconds, 1),
            "examples_per_s": round(result.examples_per_s, 3),
            "settings": result.settings,
            "train_examples": len(train),
            "validation_examples": len(val),
        },
        "current": {"model_version": current_model, **current.as_dict()},
        "candidate": candidate.as_dict(),
        "suite": [f"{who}: {text}" for who, text in SUITE],
        "deployable": done.deployable,
        "refusal": done.refusal,
    }
    done.model_version = await save_model_version(
        sessions,
        backend="local",
        base_model=trainer.base.name,
        adapter_path=str(result.adapter),
        dataset_id=info.id,
        report=report,
        by=by,
    )
    log.info(
        "train: model version %d stored (%s)",
        done.model_version,
        "deployable" if done.deployable else f"not deployable: {done.refusal}",
    )
    return done


@dataclass
class HostedTrained:
    """What a hosted fine-tuning run did."""

    dataset: str
    dataset_version: int
    job: JobStatus
    model_version: int | None = None
    """Stored only when the job succeeded."""


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
) -> HostedTrained:
    """Fine-tune ``base_model`` on the configured OpenAI-compatible endpoint (``llm.base_url``,
    ``llm.api_key``) with the dataset's OpenAI export; store the resulting model's name as a
    model version (not validated here: it is stored not deployable).

    ``on_started`` is called with the service's job id right after the job is created (not on a
    resume). ``resume_job_id`` skips the upload and the job's creation and follows that job."""
    cfg = settings.llm
    if not isinstance(cfg, OpenAILLMSettings):
        raise DatasetError("hosted fine-tuning needs llm.provider = openai (its base_url and api_key)")
    if sessions is None:
        async with open_store(settings) as own:
            return await train_hosted(
                settings,
                dataset,
                version,
                base_model=base_model,
                by=by,
                on_status=on_status,
                cancel=cancel,
                poll_s=poll_s,
                sessions=own,
                on_started=on_started,
                resume_job_id=resume_job_id,
            )
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
    finally:
        await tuner.aclose()
    done = HostedTrained(info.name, info.version, job)
    if job.status == "succeeded" and job.fine_tuned_model:
        done.model_version = await save_model_version(
            sessions,
            backend="openai",
            base_model=base_model,
            remote_model=job.fine_tuned_model,
            dataset_id=info.id,
            report={
                "job": job.id,
                "status": job.status,
                "trained_tokens": job.trained_tokens,
                "deployable": False,
                "refusal": "a hosted model is not validated on the prompt suite yet",
            },
            by=by,
        )
    return done
