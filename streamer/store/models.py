"""SQLAlchemy 2 models: one schema for PostgreSQL (production) and SQLite (zero-setup default).

Every row that comes from an event is keyed by that event's id, so writing the same
event twice stores it once. ``events`` holds every event verbatim (the training-data
source of truth); the other tables are projections that the dashboard and stats read.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import (
    JSON,
    BigInteger,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Text,
    UniqueConstraint,
    false,
    func,
)
from sqlalchemy.dialects.postgresql import JSONB
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}

JsonType = JSON().with_variant(JSONB(), "postgresql")
BigId = BigInteger().with_variant(Integer(), "sqlite")  # SQLite autoincrements INTEGER only
EventId = String(128)
Tz = DateTime(timezone=True)


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)


class Channel(Base):
    __tablename__ = "channels"

    id: Mapped[int] = mapped_column(BigId, primary_key=True, autoincrement=True)
    login: Mapped[str] = mapped_column(String(64), unique=True)
    created_at: Mapped[datetime] = mapped_column(Tz, server_default=func.now())


class Viewer(Base):
    __tablename__ = "viewers"
    __table_args__ = (UniqueConstraint("channel_id", "twitch_id", name="uq_viewers_channel_twitch"),)

    id: Mapped[int] = mapped_column(BigId, primary_key=True, autoincrement=True)
    channel_id: Mapped[int] = mapped_column(ForeignKey("channels.id", ondelete="CASCADE"))
    twitch_id: Mapped[str] = mapped_column(String(32))
    login: Mapped[str] = mapped_column(String(64))
    display_name: Mapped[str] = mapped_column(String(64))
    first_seen: Mapped[datetime] = mapped_column(Tz)
    last_seen: Mapped[datetime] = mapped_column(Tz)
    messages: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    blocked: Mapped[bool] = mapped_column(default=False, server_default=false())


class EventRow(Base):
    """Every event that crossed the bus, exactly once."""

    __tablename__ = "events"
    __table_args__ = (
        Index("ix_events_channel_ts", "channel_id", "ts"),
        Index("ix_events_channel_type_ts", "channel_id", "type", "ts"),
    )

    id: Mapped[str] = mapped_column(EventId, primary_key=True)
    channel_id: Mapped[int] = mapped_column(ForeignKey("channels.id", ondelete="CASCADE"))
    type: Mapped[str] = mapped_column(String(40))
    stream: Mapped[str] = mapped_column(String(16))
    ts: Mapped[datetime] = mapped_column(Tz)
    recorded_at: Mapped[datetime] = mapped_column(Tz, server_default=func.now())
    viewer_twitch_id: Mapped[str | None] = mapped_column(String(32), index=True)
    text: Mapped[str | None] = mapped_column(Text)
    payload: Mapped[dict[str, Any]] = mapped_column(JsonType)


class Turn(Base):
    """One thing the character said (or tried to say): its trigger, outcome and timing."""

    __tablename__ = "turns"

    id: Mapped[str] = mapped_column(EventId, primary_key=True)
    channel_id: Mapped[int] = mapped_column(ForeignKey("channels.id", ondelete="CASCADE"), index=True)
    persona: Mapped[str] = mapped_column(String(64))
    trigger_ids: Mapped[list[str]] = mapped_column(JsonType)
    reason: Mapped[str] = mapped_column(Text, default="")
    status: Mapped[str] = mapped_column(String(16), default="started")
    """started, finished, interrupted, blocked or held."""
    started_at: Mapped[datetime] = mapped_column(Tz)
    finished_at: Mapped[datetime | None] = mapped_column(Tz)
    text: Mapped[str | None] = mapped_column(Text)
    heard_text: Mapped[str | None] = mapped_column(Text)
    latency_ms: Mapped[float | None] = mapped_column(Float)


class ReplySentenceRow(Base):
    """One sentence of a reply as it was spoken."""

    __tablename__ = "reply_sentences"
    __table_args__ = (Index("ix_reply_sentences_turn", "turn_id", "index"),)

    id: Mapped[str] = mapped_column(EventId, primary_key=True)
    turn_id: Mapped[str] = mapped_column(EventId)
    index: Mapped[int] = mapped_column(Integer)
    text: Mapped[str] = mapped_column(Text)
    emotion: Mapped[str] = mapped_column(String(32))
    ts: Mapped[datetime] = mapped_column(Tz)


class SafetyDecision(Base):
    __tablename__ = "safety_decisions"

    id: Mapped[str] = mapped_column(EventId, primary_key=True)
    channel_id: Mapped[int] = mapped_column(ForeignKey("channels.id", ondelete="CASCADE"), index=True)
    turn_id: Mapped[str | None] = mapped_column(EventId)
    target_id: Mapped[str | None] = mapped_column(EventId)
    stage: Mapped[str] = mapped_column(String(8))
    layer: Mapped[str] = mapped_column(String(32))
    reason: Mapped[str] = mapped_column(Text)
    text: Mapped[str] = mapped_column(Text, default="")
    ts: Mapped[datetime] = mapped_column(Tz)


class ModerationAction(Base):
    """A moderator's or the streamer's action (skip, kill switch, block, ban...), audited."""

    __tablename__ = "moderation_actions"

    id: Mapped[str] = mapped_column(EventId, primary_key=True)
    channel_id: Mapped[int] = mapped_column(ForeignKey("channels.id", ondelete="CASCADE"), index=True)
    actor: Mapped[str] = mapped_column(String(64))
    action: Mapped[str] = mapped_column(String(40))
    target: Mapped[str | None] = mapped_column(String(128))
    details: Mapped[dict[str, Any]] = mapped_column(JsonType)
    ts: Mapped[datetime] = mapped_column(Tz)


class PersonaVersion(Base):
    __tablename__ = "persona_versions"
    __table_args__ = (UniqueConstraint("persona", "version", name="uq_persona_versions_persona_version"),)

    id: Mapped[int] = mapped_column(BigId, primary_key=True, autoincrement=True)
    persona: Mapped[str] = mapped_column(String(64))
    version: Mapped[int] = mapped_column(Integer)
    data: Mapped[dict[str, Any]] = mapped_column(JsonType)
    created_by: Mapped[str] = mapped_column(String(64))
    created_at: Mapped[datetime] = mapped_column(Tz, server_default=func.now())
    note: Mapped[str] = mapped_column(Text, default="")


class MetricRow(Base):
    __tablename__ = "metrics"
    __table_args__ = (Index("ix_metrics_channel_name_ts", "channel_id", "name", "ts"),)

    id: Mapped[str] = mapped_column(EventId, primary_key=True)
    channel_id: Mapped[int] = mapped_column(ForeignKey("channels.id", ondelete="CASCADE"))
    name: Mapped[str] = mapped_column(String(100))
    value: Mapped[float] = mapped_column(Float)
    labels: Mapped[dict[str, str]] = mapped_column(JsonType)
    ts: Mapped[datetime] = mapped_column(Tz)


class StoredSecret(Base):
    """A token or key, encrypted (Fernet) with the key in ``VTUBER_SECRET_KEY``."""

    __tablename__ = "secrets"

    name: Mapped[str] = mapped_column(String(100), primary_key=True)
    ciphertext: Mapped[str] = mapped_column(Text)
    updated_at: Mapped[datetime] = mapped_column(Tz, server_default=func.now())


class DashboardAccount(Base):
    """A dashboard login: the streamer (admin) or a moderator. The password is an argon2 hash."""

    __tablename__ = "dashboard_accounts"

    id: Mapped[int] = mapped_column(BigId, primary_key=True, autoincrement=True)
    name: Mapped[str] = mapped_column(String(64), unique=True)
    role: Mapped[str] = mapped_column(String(16))
    """streamer or moderator."""
    password_hash: Mapped[str] = mapped_column(String(255))
    created_by: Mapped[str] = mapped_column(String(64), default="cli")
    created_at: Mapped[datetime] = mapped_column(Tz, server_default=func.now())


class DashboardSession(Base):
    """A signed-in browser. Only a SHA-256 of the session token is stored."""

    __tablename__ = "dashboard_sessions"

    token_hash: Mapped[str] = mapped_column(String(64), primary_key=True)
    account_id: Mapped[int] = mapped_column(
        ForeignKey("dashboard_accounts.id", ondelete="CASCADE"), index=True
    )
    csrf: Mapped[str] = mapped_column(String(64))
    created_at: Mapped[datetime] = mapped_column(Tz, server_default=func.now())
    expires_at: Mapped[datetime] = mapped_column(Tz)


class OverlayToken(Base):
    """The OBS overlay page's token (SHA-256 only); rotating it replaces the row."""

    __tablename__ = "overlay_tokens"

    token_hash: Mapped[str] = mapped_column(String(64), primary_key=True)
    created_by: Mapped[str] = mapped_column(String(64))
    created_at: Mapped[datetime] = mapped_column(Tz, server_default=func.now())


class MemoryRow(Base):
    """One thing the character remembers about a viewer, kept per channel and per persona.
    The id is the source event's id and the fact's place in it, so a redelivered event stores
    nothing twice; ``embedding`` is the float32 vector as bytes (the exact fallback)."""

    __tablename__ = "memories"
    __table_args__ = (
        Index("ix_memories_channel_persona_viewer", "channel_id", "persona", "viewer_id"),
        Index("ix_memories_channel_login", "channel_id", "viewer_login"),
    )

    id: Mapped[str] = mapped_column(String(160), primary_key=True)
    channel_id: Mapped[int] = mapped_column(ForeignKey("channels.id", ondelete="CASCADE"))
    persona: Mapped[str] = mapped_column(String(64))
    viewer_id: Mapped[str] = mapped_column(String(32))
    viewer_login: Mapped[str] = mapped_column(String(64))
    kind: Mapped[str] = mapped_column(String(24))
    text: Mapped[str] = mapped_column(Text)
    source_event_id: Mapped[str] = mapped_column(EventId)
    created_at: Mapped[datetime] = mapped_column(Tz)
    updated_at: Mapped[datetime] = mapped_column(Tz)
    edited_by: Mapped[str | None] = mapped_column(String(64))
    embedding: Mapped[bytes | None] = mapped_column(LargeBinary)


class KnowledgeDocument(Base):
    """One of the streamer's own Markdown documents (lore, FAQ, schedule, rules)."""

    __tablename__ = "knowledge_documents"
    __table_args__ = (UniqueConstraint("channel_id", "name", name="uq_knowledge_documents_channel_name"),)

    id: Mapped[int] = mapped_column(BigId, primary_key=True, autoincrement=True)
    channel_id: Mapped[int] = mapped_column(ForeignKey("channels.id", ondelete="CASCADE"))
    name: Mapped[str] = mapped_column(String(200))
    text: Mapped[str] = mapped_column(Text)
    created_by: Mapped[str] = mapped_column(String(64))
    created_at: Mapped[datetime] = mapped_column(Tz)
    updated_at: Mapped[datetime] = mapped_column(Tz)


class KnowledgeChunk(Base):
    """A heading-and-paragraph piece of a knowledge document, with its embedding."""

    __tablename__ = "knowledge_chunks"

    id: Mapped[int] = mapped_column(BigId, primary_key=True, autoincrement=True)
    document_id: Mapped[int] = mapped_column(
        ForeignKey("knowledge_documents.id", ondelete="CASCADE"), index=True
    )
    channel_id: Mapped[int] = mapped_column(ForeignKey("channels.id", ondelete="CASCADE"), index=True)
    index: Mapped[int] = mapped_column(Integer)
    heading: Mapped[str] = mapped_column(Text)
    text: Mapped[str] = mapped_column(Text)
    embedding: Mapped[bytes | None] = mapped_column(LargeBinary)
