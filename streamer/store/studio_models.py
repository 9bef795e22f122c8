"""The training studio's tables: engagement per turn, labels, dataset versions and their
examples, model versions. Same Base (and so the same migrations) as :mod:`.models`."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import Float, ForeignKey, Index, Integer, String, Text, UniqueConstraint, false, func
from sqlalchemy.orm import Mapped, mapped_column

from .models import Base, BigId, EventId, JsonType, Tz


class TurnEngagement(Base):
    """Engagement signals and score of one turn (:mod:`engines.training.engagement`)."""

    __tablename__ = "turn_engagement"
    __table_args__ = (Index("ix_turn_engagement_channel_stream", "channel_id", "stream"),)

    turn_id: Mapped[str] = mapped_column(ForeignKey("turns.id", ondelete="CASCADE"), primary_key=True)
    channel_id: Mapped[int] = mapped_column(ForeignKey("channels.id", ondelete="CASCADE"))
    stream: Mapped[str] = mapped_column(String(40))
    persona: Mapped[str] = mapped_column(String(64))
    persona_version: Mapped[int | None] = mapped_column(Integer)
    model_version: Mapped[int | None] = mapped_column(Integer)
    window_s: Mapped[float] = mapped_column(Float)
    chat_after: Mapped[int] = mapped_column(Integer)
    baseline: Mapped[float] = mapped_column(Float)
    emotes: Mapped[int] = mapped_column(Integer)
    replies: Mapped[int] = mapped_column(Integer)
    follows: Mapped[int] = mapped_column(Integer)
    subs: Mapped[int] = mapped_column(Integer)
    bits: Mapped[int] = mapped_column(Integer)
    skips: Mapped[int] = mapped_column(Integer)
    rejections: Mapped[int] = mapped_column(Integer)
    edits: Mapped[int] = mapped_column(Integer)
    score: Mapped[float] = mapped_column(Float)
    computed_at: Mapped[datetime] = mapped_column(Tz, server_default=func.now())


class TurnLabel(Base):
    """One labeller's verdict on one turn: good or bad, what she should have said, tags."""

    __tablename__ = "turn_labels"
    __table_args__ = (UniqueConstraint("turn_id", "labelled_by", name="uq_turn_labels_turn_by"),)

    id: Mapped[int] = mapped_column(BigId, primary_key=True, autoincrement=True)
    turn_id: Mapped[str] = mapped_column(ForeignKey("turns.id", ondelete="CASCADE"), index=True)
    verdict: Mapped[str | None] = mapped_column(String(8))
    """good, bad, or None (tags or an edit only)."""
    edited_text: Mapped[str | None] = mapped_column(Text)
    tags: Mapped[list[str]] = mapped_column(JsonType)
    labelled_by: Mapped[str] = mapped_column(String(64))
    updated_at: Mapped[datetime] = mapped_column(Tz, server_default=func.now())


class Dataset(Base):
    """A built dataset version: its recipe (to rebuild it) and what the build kept and dropped."""

    __tablename__ = "datasets"
    __table_args__ = (UniqueConstraint("name", "version", name="uq_datasets_name_version"),)

    id: Mapped[int] = mapped_column(BigId, primary_key=True, autoincrement=True)
    name: Mapped[str] = mapped_column(String(64))
    version: Mapped[int] = mapped_column(Integer)
    recipe: Mapped[dict[str, Any]] = mapped_column(JsonType)
    report: Mapped[dict[str, Any]] = mapped_column(JsonType)
    created_by: Mapped[str] = mapped_column(String(64))
    created_at: Mapped[datetime] = mapped_column(Tz, server_default=func.now())


class DatasetExample(Base):
    """One chat example of a dataset version, already scrubbed."""

    __tablename__ = "dataset_examples"

    id: Mapped[int] = mapped_column(BigId, primary_key=True, autoincrement=True)
    dataset_id: Mapped[int] = mapped_column(ForeignKey("datasets.id", ondelete="CASCADE"), index=True)
    split: Mapped[str] = mapped_column(String(16))
    """train or validation."""
    turn_id: Mapped[str | None] = mapped_column(EventId)
    stream: Mapped[str] = mapped_column(String(40))
    messages: Mapped[list[dict[str, str]]] = mapped_column(JsonType)
    synthetic: Mapped[bool] = mapped_column(default=False, server_default=false())
    """A paraphrase made by the LLM, not something said on stream."""


class ModelVersion(Base):
    """A trained model: a LoRA adapter for the bundled model, or a hosted fine-tuned model."""

    __tablename__ = "model_versions"

    id: Mapped[int] = mapped_column(BigId, primary_key=True, autoincrement=True)
    backend: Mapped[str] = mapped_column(String(16))
    """local (a GGUF LoRA adapter) or openai (a hosted fine-tuned model)."""
    base_model: Mapped[str] = mapped_column(String(200))
    adapter_path: Mapped[str | None] = mapped_column(Text)
    remote_model: Mapped[str | None] = mapped_column(String(200))
    dataset_id: Mapped[int | None] = mapped_column(ForeignKey("datasets.id", ondelete="SET NULL"))
    report: Mapped[dict[str, Any]] = mapped_column(JsonType)
    """Training and validation figures."""
    created_by: Mapped[str] = mapped_column(String(64))
    created_at: Mapped[datetime] = mapped_column(Tz, server_default=func.now())


class StudioJob(Base):
    """A studio page job (dataset build, local training, hosted fine-tune, export), written as
    it changes so it outlives the dashboard process that ran it (:mod:`.studio_jobs`)."""

    __tablename__ = "studio_jobs"

    id: Mapped[int] = mapped_column(BigId, primary_key=True, autoincrement=True)
    kind: Mapped[str] = mapped_column(String(16))
    """dataset, train (local LoRA), hosted (a fine-tune on OpenAI's API) or export."""
    active_kind: Mapped[str | None] = mapped_column(String(16), unique=True)
    """The kind while the job runs, else None: one running job of each kind, enforced."""
    state: Mapped[str] = mapped_column(String(16))
    """running, cancelling, succeeded, failed, cancelled or interrupted."""
    phase: Mapped[str] = mapped_column(Text, default="")
    dataset: Mapped[str] = mapped_column(String(64))
    dataset_version: Mapped[int | None] = mapped_column(Integer)
    step: Mapped[int] = mapped_column(Integer, default=0)
    total: Mapped[int | None] = mapped_column(Integer)
    loss: Mapped[float | None] = mapped_column(Float)
    examples_per_s: Mapped[float | None] = mapped_column(Float)
    params: Mapped[dict[str, Any]] = mapped_column(JsonType)
    """What it was started with (enough to resume it)."""
    result: Mapped[dict[str, Any]] = mapped_column(JsonType)
    """The dataset version, model version or export path it made."""
    error: Mapped[str] = mapped_column(Text, default="")
    service_job_id: Mapped[str | None] = mapped_column(String(200))
    """A hosted fine-tune's job id on the service (to follow it again)."""
    runner: Mapped[str] = mapped_column(String(200))
    """The dashboard process running it: host:pid:token."""
    started_by: Mapped[str] = mapped_column(String(64))
    started_at: Mapped[datetime] = mapped_column(Tz)
    updated_at: Mapped[datetime] = mapped_column(Tz)
    heartbeat_at: Mapped[datetime] = mapped_column(Tz)
    """Refreshed by the running process; a stale one means that process is gone."""
    finished_at: Mapped[datetime | None] = mapped_column(Tz)
