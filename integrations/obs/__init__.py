"""OBS Studio over obs-websocket v5: captions, alerts, scene switches, and source setup."""

from integrations.obs.overlay import BACKEND, ObsOverlay, open_client
from integrations.obs.setup import (
    DEFAULT_ALERT_SOURCE,
    DEFAULT_CAPTION_SOURCE,
    SetupResult,
    ensure_sources,
    text_input_kind,
)

__all__ = [
    "BACKEND",
    "DEFAULT_ALERT_SOURCE",
    "DEFAULT_CAPTION_SOURCE",
    "ObsOverlay",
    "SetupResult",
    "ensure_sources",
    "open_client",
    "text_input_kind",
]
