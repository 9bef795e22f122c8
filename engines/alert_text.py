"""The on-stream alert for an event: one wording for OBS (:mod:`streamer.alerts`) and the
overlay page (:mod:`dashboard_api.overlay`).

The kinds that may alert are :data:`engines.events.AlertEvent`; :func:`alert_of` handles each
of them (mypy names a kind that is added to the union and not here). A gifted sub does not
alert: the gifter's ``channel.gift`` announces the whole burst, and fifty recipients would
otherwise queue fifty alerts behind it.
"""

from __future__ import annotations

from typing import NamedTuple, assert_never

from engines import events as ev


class Alert(NamedTuple):
    kind: str
    """A short label for logs: follow, sub, gift, cheer, raid or redemption."""
    text: str
    """The line shown on stream."""


def alert_of(e: ev.AlertEvent) -> Alert | None:
    """The alert for an alerting kind; None for the one case that stays quiet (a gifted sub)."""
    match e:
        case ev.Follow():
            return Alert("follow", f"{e.user.display_name} followed!")
        case ev.Subscription():
            return None if e.is_gift else Alert("sub", f"{e.user.display_name} subscribed!")
        case ev.ResubMessage():
            return Alert("sub", f"{e.user.display_name} resubscribed for {e.cumulative_months} months!")
        case ev.GiftSubs():
            who = e.user.display_name if e.user else "An anonymous gifter"
            return Alert("gift", f"{who} gifted {e.total} sub{'s' if e.total != 1 else ''}!")
        case ev.Cheer():
            who = e.user.display_name if e.user else "Anonymous"
            return Alert("cheer", f"{who} cheered {e.bits} bits!")
        case ev.Raid():
            return Alert("raid", f"{e.from_user.display_name} is raiding with {e.viewers} viewers!")
        case ev.Redemption():
            return Alert("redemption", f"{e.user.display_name} redeemed {e.reward_title}!")
        case _:
            assert_never(e)


def alert_for(e: ev.EventBase) -> Alert | None:
    """The alert for any event; None for kinds that do not alert."""
    return alert_of(e) if isinstance(e, ev.AlertEvent) else None
