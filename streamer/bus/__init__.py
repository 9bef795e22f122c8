"""The event bus: Redis Streams in production, in-process for the zero-setup default."""

from __future__ import annotations

from config.settings import Settings

from .base import Bus, BusError, BusStats, DeadLetter, Delivery
from .consume import Backoff, Batches, ConsumerStats, Handler, StaleClaim
from .keys import STREAMS, Keys, StreamName
from .memory import MemoryBus

__all__ = [
    "STREAMS",
    "Backoff",
    "Batches",
    "Bus",
    "BusError",
    "BusStats",
    "ConsumerStats",
    "DeadLetter",
    "Delivery",
    "Handler",
    "Keys",
    "MemoryBus",
    "StaleClaim",
    "StreamName",
    "make_bus",
]


def make_bus(settings: Settings) -> Bus:
    """The bus the settings ask for."""
    if settings.bus_backend == "redis":
        from .redis_streams import RedisBus

        if settings.redis_url is None:
            raise ValueError("bus.backend is redis but no REDIS_URL is set")
        return RedisBus.from_url(
            settings.redis_url.get_secret_value(),
            Keys(settings.bus.prefix, settings.channel),
            maxlen=settings.bus.maxlen,
            max_deliveries=settings.bus.max_deliveries,
        )
    return MemoryBus(maxlen=settings.bus.maxlen, max_deliveries=settings.bus.max_deliveries)
