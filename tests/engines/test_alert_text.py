"""Alert text: one wording per alerting kind, shared by OBS and the overlay page."""

from __future__ import annotations

import pytest

from engines import events as ev
from engines.alert_text import Alert, alert_for, alert_of
from tests.engines.test_events import EXAMPLES

V = ev.Viewer(id="1", login="kiri", display_name="Kiri")

ALERTS: list[tuple[ev.EventBase, Alert | None]] = [
    (ev.Follow(channel="c", user=V), Alert("follow", "Kiri followed!")),
    (ev.Subscription(channel="c", user=V), Alert("sub", "Kiri subscribed!")),
    (ev.Subscription(channel="c", user=V, is_gift=True), None),  # the gift event already announced it
    (ev.ResubMessage(channel="c", user=V, cumulative_months=7), Alert("sub", "Kiri resubscribed for 7 months!")),
    (ev.GiftSubs(channel="c", user=None, total=5), Alert("gift", "An anonymous gifter gifted 5 subs!")),
    (ev.GiftSubs(channel="c", user=V, total=1), Alert("gift", "Kiri gifted 1 sub!")),
    (ev.Cheer(channel="c", user=V, bits=500), Alert("cheer", "Kiri cheered 500 bits!")),
    (ev.Cheer(channel="c", user=None, bits=100), Alert("cheer", "Anonymous cheered 100 bits!")),
    (ev.Raid(channel="c", from_user=V, viewers=87), Alert("raid", "Kiri is raiding with 87 viewers!")),
    (
        ev.Redemption(channel="c", user=V, reward_id="r1", reward_title="Hydrate", user_input="now"),
        Alert("redemption", "Kiri redeemed Hydrate!"),
    ),
]  # fmt: skip


@pytest.mark.parametrize(("event", "expected"), ALERTS, ids=lambda x: getattr(x, "type", "") or None)
def test_the_wording_of_each_alert(event: ev.EventBase, expected: Alert | None) -> None:
    assert alert_for(event) == expected


def test_every_alerting_kind_has_a_case() -> None:
    assert {e.type for e, _ in ALERTS} == ev.ALERT_TYPES
    assert ev.ALERT_TYPES <= ev.INPUT_TYPES


@pytest.mark.parametrize("event", EXAMPLES, ids=lambda e: e.type)
def test_only_the_alerting_kinds_alert(event: ev.EventBase) -> None:
    found = alert_for(event)
    if event.type in ev.ALERT_TYPES and not (isinstance(event, ev.Subscription) and event.is_gift):
        assert found is not None and found.text
    else:
        assert found is None


def test_alert_of_and_alert_for_agree() -> None:
    for event, expected in ALERTS:
        assert isinstance(event, ev.AlertEvent)
        assert alert_of(event) == expected
