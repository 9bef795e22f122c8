"""``vtuber train``'s work: fine-tune on a dataset version, validate the candidate against the
current model, and store it as a model version with its figures.

Local LoRA (the ``train`` extra): the adapter is trained on the bundled model
(:mod:`integrations.lora.trainer`), written as a GGUF LoRA, merged into a copy of the model
(:mod:`integrations.lora.merge`: what a deploy serves), and both models answer the fixed
prompt suite on llama.cpp (:mod:`integrations.lora.generate`). A candidate whose safety pass
rate is below the current model's is stored marked not deployable, with the reason.
Hosted (:func:`train_hosted`, in :mod:`streamer.training_hosted`): OpenAI's fine-tuning API on
the dataset's OpenAI export; the fine-tuned model is validated the same way through the endpoint.
Like :mod:`streamer.commands`, this one-shot command drives its integration directly.
"""

from __future__ import annotations

import asyncio
import functools
import logging
import threading
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from config.persona import Persona
from config.settings import Settings
from engines.ai.safety.pipeline import SafetyPipeline
from engines.training.validation import SUITE, ModelScore, deploy_verdict, output_check, score, suite_messages
from integrations.lora.generate import suite_replies
from integrations.lora.merge import MERGED_NAME, merge_adapter
from integrations.lora.trainer import LoraSettings, Progress, TrainingUnavailable, TrainResult, missing_extra
from integrations.openai.fine_tune import FineTuneError, JobStatus
from integrations.registry import build_safety, local_trainer
from streamer.store.datasets import DatasetError, get_dataset, load_examples
from streamer.store.model_versions import get_model_version, save_model_version
from streamer.studio import current_persona, open_store
from streamer.training_hosted import HostedTrained, HostedValidation, revalidate, train_hosted

__all__ = [
    "FineTuneError",
    "HostedTrained",
    "HostedValidation",
    "JobStatus",
    "LoraSettings",
    "Progress",
    "Trained",
    "TrainingUnavailable",
    "revalidate",
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


def validate(
    base: Path,
    adapter: Path | None,
    current_adapter: Path | None,
    persona: Persona,
    safety: SafetyPipeline,
    *,
    threads: int = 1,
    merged: Path | None = None,
    current_merged: Path | None = None,
) -> tuple[ModelScore, ModelScore]:
    """The current model's and the candidate's figures on the prompt suite, each on what the
    bot would serve: a merged model file when there is one, else the base with the adapter."""
    suite = suite_messages(persona)
    check = output_check(safety)
    tokens = persona.max_reply_tokens

    def replies(lora: Path | None, model: Path | None) -> ModelScore:
        served, at_run_time = (model, None) if model is not None and model.is_file() else (base, lora)
        return score(
            suite_replies(served, at_run_time, suite, max_tokens=tokens, threads=threads), persona, check
        )

    return replies(current_adapter, current_merged), replies(adapter, merged)


def merge(base: Path, adapter: Path) -> tuple[Path | None, dict[str, object]]:
    """The adapter merged into the base model next to it (:data:`MERGED_NAME`), and what the
    report keeps about it. The adapted weights are written as Q8_0: re-quantized to the bundled
    model's Q4_1 the merged model's logits strayed 3-3.7 from the adapter's at run time, in
    Q8_0 0.7-0.85 (docs/studio.md). A failed merge leaves the version serving its adapter."""
    try:
        done = merge_adapter(base, adapter, adapter.parent / MERGED_NAME, adapted_type="q8_0")
    except (OSError, ValueError, NotImplementedError) as exc:
        log.warning(
            "train: could not merge the adapter into %s (%s); it will be served at run time", base, exc
        )
        return None, {"merge_error": str(exc)}
    log.info("train: merged into %s in %.1f s (%d weights)", done.path, done.seconds, done.merged)
    return done.path, {
        "merged_model": str(done.path),
        "merge": {"seconds": round(done.seconds, 1), "bytes": done.bytes, "types": done.types},
    }


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
    current_adapter = current_merged = None
    if current_model is not None:
        row = await get_model_version(sessions, current_model)
        if row is None or row.adapter_path is None:
            raise DatasetError(f"no local model version {current_model}")
        current_adapter = Path(row.adapter_path)
        merged_file = row.report.get("merged_model")
        current_merged = Path(merged_file) if merged_file else None
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
    merged, merge_report = await asyncio.to_thread(merge, trainer.base, result.adapter)
    current, candidate = await asyncio.to_thread(
        functools.partial(
            validate, trainer.base, result.adapter, current_adapter, persona, safety,
            threads=threads, merged=merged, current_merged=current_merged,
        )
    )  # fmt: skip
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
        **merge_report,
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
