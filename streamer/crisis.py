"""Crisis routing: a viewer's message that reads as a self-harm crisis is never answered by
the character; it is flagged for moderators instead.

Where it is caught (see :mod:`engines.ai.safety.crisis` for what counts):

- on sight, by the selector's crisis hook, from the text alone (every viewer's line, even one
  from a blocked viewer, a stale one or one a flood pushes out);
- by the selector's input check, from the safety decision (a layer's self-harm block in the
  first person, which the rules did not see);
- with a moderation backend, when it blocks the picked line as self-harm.

Each time the brain publishes a :class:`~engines.events.CrisisFlagged` with the configured
resource (``safety.crisis_resource``): the chat monitor shows it with a button that sends the
resource as a reply, and the recorder keeps it as a safety decision (layer ``crisis``). It is
not a ``reply.blocked``, so the persona's auto-timeout rule never times the viewer out for it.
"""

from __future__ import annotations

import logging
import uuid
from typing import Final

from engines import events as ev

log = logging.getLogger("streamer.crisis")

_IDS: Final = uuid.UUID("5f0e3c1a-9d2b-4c47-8a0e-7b1f2d6c9e10")


def flag(channel: str, event: ev.EventBase, reason: str, resource: str) -> ev.CrisisFlagged | None:
    """The flag for ``event`` (None when no viewer is behind it). Its id follows from the
    event's, so a line the brain reads again after a restart is recorded once."""
    user = event.actor
    text = event.viewer_text
    if user is None or not text.strip():
        return None
    log.info(
        "crisis: %s's message %s is not answered and is flagged for moderators (%s)",
        user.login,
        event.id,
        reason,
    )
    return ev.CrisisFlagged(
        id=uuid.uuid5(_IDS, event.id).hex, channel=channel, target_id=event.id, user=user,
        text=text[: ev.MAX_TEXT_CHARS], reason=reason[:200], resource=resource[:500],
    )  # fmt: skip
