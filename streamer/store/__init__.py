"""Persistence: SQLAlchemy models, engine factory, migrations and the batched recorder."""

from . import studio_models  # noqa: F401  (registers the studio's tables on Base.metadata)
from .db import make_engine, make_sessionmaker
from .migrate import upgrade
from .recorder import Recorder, RecorderStats

__all__ = ["Recorder", "RecorderStats", "make_engine", "make_sessionmaker", "upgrade"]
