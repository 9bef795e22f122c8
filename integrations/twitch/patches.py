"""The one place where twitchio 3.3.2 is adjusted. README ("Connect Twitch") explains each point.

1. **Base URLs.** twitchio has no option for them: Helix and OAuth bases are class
   variables on ``twitchio.http.Route`` and the EventSub address is the module global
   ``twitchio.eventsub.websockets.WSS``. :func:`point_at` sets all three from the settings
   (a proxy, or the test stand-in). They are process-wide.
2. **Reconnect without loss.** On ``session_reconnect`` twitchio opens the new socket from
   inside the old socket's read loop, so notifications Twitch still sends on the old socket
   meanwhile are never read and are dropped when it closes. The reconnect now runs beside the
   read loop, which keeps reading until the new socket is welcomed.
3. **stream.offline.** Twitch's ``stream.offline`` event has only the broadcaster fields,
   but twitchio's model also reads ``id``, so every real stream.offline would be dropped.
4. **Malformed notifications.** twitchio logs a notification it cannot parse (a missing key)
   at CRITICAL with a traceback and drops it. It is still dropped (Twitch's documentation
   says every key is present), but with one clear line and a ``malformed_notification``
   event to the client, which counts it.
"""

from __future__ import annotations

import asyncio
import logging
from typing import Any

import twitchio
import twitchio.eventsub.websockets as tio_websockets
from twitchio.models.eventsub_ import BaseEvent

log = logging.getLogger(__name__)
_background: set[asyncio.Task[None]] = set()
_installed = False


def point_at(*, helix_url: str, oauth_url: str, eventsub_ws_url: str) -> None:
    """Send every twitchio request and websocket to these bases (process-wide)."""
    twitchio.Route.BASE = helix_url
    twitchio.Route.ID_BASE = oauth_url
    tio_websockets.WSS = eventsub_ws_url


class StreamOffline(twitchio.StreamOffline):
    """``stream.offline`` as Twitch documents it: broadcaster fields only, no ``id``."""

    subscription_type = "stream.offline"

    def __init__(self, payload: Any, *, http: Any) -> None:
        self.broadcaster = twitchio.PartialUser(
            payload["broadcaster_user_id"],
            payload["broadcaster_user_login"],
            payload["broadcaster_user_name"],
            http=http,
        )
        self.id = str(payload.get("id") or "")


def install() -> None:
    """Apply points 2 to 4 once (idempotent)."""
    global _installed
    if _installed:
        return
    _installed = True
    BaseEvent._registry["stream.offline"] = StreamOffline
    websocket = tio_websockets.Websocket
    original_reconnect = websocket._process_reconnect
    original_notification = websocket._process_notification

    async def reconnect_beside_reader(self: tio_websockets.Websocket, data: Any) -> None:
        task = asyncio.create_task(original_reconnect(self, data), name="twitch-eventsub-reconnect")
        _background.add(task)
        task.add_done_callback(_background.discard)

    async def guarded_notification(self: tio_websockets.Websocket, data: Any) -> None:
        try:
            await original_notification(self, data)
        except Exception as exc:  # a payload twitchio cannot read: say which and why, then drop it
            meta = data.get("metadata", {}) if isinstance(data, dict) else {}
            info = {
                "subscription_type": str(meta.get("subscription_type", "?")),
                "message_id": str(meta.get("message_id", "?")),
                "problem": f"{type(exc).__name__}: {exc}"[:200],
            }
            log.error(
                "dropped a malformed %s notification (message %s): %s",
                info["subscription_type"], info["message_id"], info["problem"],
            )  # fmt: skip
            client = self._client
            if client is not None:
                client.dispatch("malformed_notification", payload=info)

    websocket._process_reconnect = reconnect_beside_reader  # type: ignore[method-assign]
    websocket._process_notification = guarded_notification  # type: ignore[method-assign]
